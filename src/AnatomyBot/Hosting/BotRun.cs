using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>Which platform adapters have a token and therefore run.</summary>
internal sealed record AdapterSwitches(bool Telegram, bool Discord);

/// <summary>
/// Bot mode: runs the host (adapters, HTTP endpoints) until it stops, then turns how it stopped into the exit code.
/// </summary>
internal static class BotRun
{
    public static async Task<int> RunAsync(
        IHost host,
        BotAppEnvironment environment,
        IConfiguration configuration,
        AdapterSwitches adapters,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AnatomyBot");
        var redactor = SecretRedactor.FromConfiguration(configuration);
        logger.Adapters(adapters.Telegram ? "on" : "off (Telegram:Token is not set)",
            adapters.Discord ? "on" : "off (Discord:Token is not set)");

        // Resolved before the run: RunAsync disposes the host, and the states must still be readable afterwards.
        var outcome = new StopOutcome(
            host.Services.GetServices<IAdapterHealth>().ToList(),
            host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList(),
            redactor);
        try
        {
            await RunUntilStoppedAsync(host, environment, logger, cancellationToken);
            return await outcome.ReportAsync(error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return BotApp.ExitOk;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await ReportFailureAsync(ex, logger, redactor, error);
        }
    }

    /// <summary>Runs the host, logging when it is ready (with the start-up time) and how long the stop took.</summary>
    private static async Task RunUntilStoppedAsync(IHost host, BotAppEnvironment environment, ILogger logger, CancellationToken cancellationToken)
    {
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var timeProvider = host.Services.GetRequiredService<TimeProvider>();
        long? stopping = null;
        using var started = lifetime.ApplicationStarted.Register(() => OnReady(host.Services, logger, environment));
        using var stoppingRegistration = lifetime.ApplicationStopping.Register(() => stopping = timeProvider.GetTimestamp());
        await host.RunAsync(cancellationToken);
        if (stopping is { } since)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.Stopped(timeProvider.GetElapsedTime(since).TotalMilliseconds);
            }
        }
    }

    /// <summary>Runs once every hosted service has started: the start-up time is measured, logged and exposed.</summary>
    private static void OnReady(IServiceProvider services, ILogger logger, BotAppEnvironment environment)
    {
        var elapsed = services.GetRequiredService<AnatomyBot.Observability.StartupClock>().MarkReady();
        var knowledge = services.GetRequiredService<IKnowledgeProvider>().Current;
        var addresses = services.GetRequiredService<OpsHttpServer>().Addresses;
        logger.Ready(elapsed.TotalMilliseconds,
            knowledge.Version,
            knowledge.Muscles.Length,
            knowledge.Topics.Length,
            knowledge.Quiz.Length,
            addresses.Count == 0 ? "off" : string.Join(", ", addresses));
        environment.Started?.Invoke(services);
    }

    /// <summary>The host threw while starting or running: names what to fix (setting, port) or the unexpected error.</summary>
    private static async Task<int> ReportFailureAsync(Exception ex, ILogger logger, SecretRedactor redactor, TextWriter error)
    {
        switch (ex)
        {
            case OptionsValidationException validation:
                BotApp.WriteValidationFailures([validation], error);
                return BotApp.ExitUsage;
            case IOException when ex.Message.Contains("bind", StringComparison.OrdinalIgnoreCase):
                await error.WriteLineAsync($"error: could not listen on Http:Urls: {redactor.Redact(ex.Message)}");
                return BotApp.ExitUsage;
            default:
                // Logged as redacted text, not as the exception object: an exception message may carry a URL with a token.
                if (logger.IsEnabled(LogLevel.Critical))
                {
                    logger.StoppedOnError(redactor.Redact(ex.ToString()));
                }
                await error.WriteLineAsync($"error: the bot stopped on an unexpected error: {ex.GetType().Name}: {redactor.Redact(ex.Message)}");
                return BotApp.ExitFailure;
        }
    }

    /// <summary>How the host stopped: adapters that failed and background loops that crashed, read after the run.</summary>
    private sealed class StopOutcome(IReadOnlyList<IAdapterHealth> adapters, IReadOnlyList<BackgroundService> workers, SecretRedactor redactor)
    {
        /// <summary>Prints why the run failed, if it did, and returns the exit code: 2 for a refused configuration, 1 for a crash.</summary>
        public async Task<int> ReportAsync(TextWriter error)
        {
            // A platform that refused the configuration (rejected token, fatal gateway close code) is not a clean stop:
            // exit 0 would tell a service manager or orchestrator that everything was fine.
            var failed = adapters.Where(a => a.State == AdapterState.Failed).ToList();
            foreach (var adapter in failed)
            {
                await error.WriteLineAsync($"error: the {adapter.Name} adapter stopped: {redactor.Redact(adapter.Detail ?? "fatal error")}");
            }

            if (failed.Count > 0)
            {
                return BotApp.ExitUsage;
            }

            // A background loop that died on an exception stops the host (BackgroundServiceExceptionBehavior.StopHost)
            // without making RunAsync throw; that is a failure too, never exit 0.
            var crashed = workers.Where(w => w.ExecuteTask is { IsFaulted: true }).ToList();
            foreach (var worker in crashed)
            {
                var reason = worker.ExecuteTask!.Exception!.GetBaseException();
                await error.WriteLineAsync($"error: {worker.GetType().Name} stopped on an unexpected error: {reason.GetType().Name}: {redactor.Redact(reason.Message)}");
            }

            return crashed.Count == 0 ? BotApp.ExitOk : BotApp.ExitFailure;
        }
    }
}
