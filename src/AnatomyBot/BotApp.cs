using AnatomyBot.Cli;
using AnatomyBot.Commands;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Observability;
using AnatomyBot.Hosting;
using AnatomyBot.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot;

/// <summary>
/// The executable's whole behaviour behind one call, so every verb runs in-process in tests with scripted
/// standard streams. <c>Program</c> only passes the real console.
/// </summary>
internal static class BotApp
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(
        string[] args,
        TextReader input,
        TextWriter output,
        TextWriter error,
        BotAppEnvironment environment,
        CancellationToken cancellationToken)
    {
        var runStarted = TimeProvider.System.GetTimestamp();
        var command = CommandLine.Parse(args);
        switch (command.Verb)
        {
            case Verb.Help:
                await output.WriteLineAsync(CommandLine.Usage);
                return ExitOk;
            case Verb.Invalid:
                await error.WriteLineAsync($"error: {command.Error}\n");
                await error.WriteLineAsync(CommandLine.Usage);
                return ExitUsage;
        }

        var environmentName = environment.ResolveEnvironmentName();
        var configuration = new ConfigurationManager();
        AppConfiguration.AddSources(configuration, environment, environmentName, command.ConfigurationArgs);

        if (command.Verb == Verb.KnowledgeCheck)
        {
            var folder = KnowledgeBridge.ResolveFolder(command.Folder, configuration, environment.WorkingDirectory);
            return KnowledgeCheckCommand.Run(folder, KnowledgeBridge.Load, output);
        }

        if (command.Verb == Verb.Healthcheck)
        {
            return await HealthcheckCommand.RunAsync(
                command.Url, configuration[$"{HttpOptions.SectionName}:{nameof(HttpOptions.Urls)}"], output, error, cancellationToken);
        }

        var telegram = AppConfiguration.IsSet(configuration, AppConfiguration.TelegramTokenKey);
        var discord = AppConfiguration.IsSet(configuration, AppConfiguration.DiscordTokenKey);
        var mode = ChooseMode(command.Verb, telegram, discord, environment.IsInputRedirected);

        if (mode == HostMode.None)
        {
            await error.WriteLineAsync(
                "error: no platform token is configured and standard input is not a terminal, so there is nothing to run.\n" +
                "Set Telegram:Token and/or Discord:Token (environment variables Telegram__Token, Discord__Token, " +
                "appsettings.json, or --Telegram:Token=... on the command line),\n" +
                "or use `chat` for the console chat, or `ask --json` to answer questions from standard input.");
            return ExitUsage;
        }

        var startup = new StartupClock(TimeProvider.System, environment.ProcessStartedAt, runStarted);
        using var host = BuildHost(configuration, environment, environmentName, mode, telegram, discord, startup);
        if (!ValidateOptions(host.Services, error))
        {
            return ExitUsage;
        }

        var problems = KnowledgeBridge.LoadAtStart(host.Services);
        if (!problems.IsDefaultOrEmpty)
        {
            await error.WriteLineAsync($"error: the knowledge folder has {problems.Length} problem(s); nothing was loaded:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(AnswerText.Sanitize(problem.ToString()));
            }

            await error.WriteLineAsync(
                "Fix the files (`knowledge check` lists every problem) or point Knowledge:Path " +
                "(environment variable Knowledge__Path) at the knowledge folder.");
            return ExitFailure;
        }

        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        switch (mode)
        {
            case HostMode.Ask:
            {
                // The answer must not depend on whether the model finished loading: wait for it (or its failure).
                await host.Services.GetRequiredService<AnswerEngine>().SemanticReadyAsync(cancellationToken);
                var ask = new AskCommand(engine, output, error, command.Conversation);
                return command.Question is { } question
                    ? ask.AskOnce(question, command.Json)
                    : await ask.AskStreamAsync(input, cancellationToken);
            }

            case HostMode.Chat:
            {
                // The host runs during the chat so the knowledge watcher hot-reloads edited files.
                await host.StartAsync(cancellationToken);
                try
                {
                    // The console's quiz keeps its round and score in memory for the session, as before.
                    using var quizzes = new QuizService(
                        host.Services.GetRequiredService<IKnowledgeProvider>(), new InMemoryQuizStore(), TimeProvider.System, Random.Shared);
                    var chat = new ConsoleChat(
                        engine,
                        host.Services.GetRequiredService<IKnowledgeProvider>(),
                        host.Services.GetRequiredService<IKnowledgeReloader>(),
                        host.Services.GetRequiredService<IOptions<ConsoleChatOptions>>().Value,
                        input,
                        output,
                        error,
                        interactive: !environment.IsInputRedirected,
                        quizzes);
                    return await chat.RunAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return ExitOk;
                }
                finally
                {
                    await host.StopAsync(CancellationToken.None);
                }
            }

            default:
                return await RunBotAsync(host, environment, configuration, telegram, discord, error, cancellationToken);
        }
    }

    /// <summary>
    /// No verb runs the adapters whose token is set; with no token it falls back to the console chat, but only when
    /// someone is at a terminal to chat (otherwise <see cref="HostMode.None"/>: exit 2 naming the settings).
    /// </summary>
    internal static HostMode ChooseMode(Verb verb, bool telegram, bool discord, bool inputRedirected) => verb switch
    {
        Verb.Ask => HostMode.Ask,
        Verb.Chat => HostMode.Chat,
        Verb.Serve => HostMode.Bot,
        Verb.Run when telegram || discord => HostMode.Bot,
        Verb.Run when !inputRedirected => HostMode.Chat,
        _ => HostMode.None,
    };

    private static async Task<int> RunBotAsync(
        IHost host,
        BotAppEnvironment environment,
        IConfiguration configuration,
        bool telegram,
        bool discord,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AnatomyBot");
        var redactor = SecretRedactor.FromConfiguration(configuration);
        logger.LogInformation(
            "Telegram adapter {Telegram}, Discord adapter {Discord}.",
            telegram ? "on" : "off (Telegram:Token is not set)",
            discord ? "on" : "off (Discord:Token is not set)");

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var timeProvider = host.Services.GetRequiredService<TimeProvider>();
        long? stopping = null;
        using var started = lifetime.ApplicationStarted.Register(() => OnReady(host.Services, logger, environment));
        using var stoppingRegistration = lifetime.ApplicationStopping.Register(() => stopping = timeProvider.GetTimestamp());

        // Resolved before the run: RunAsync disposes the host, and the states must still be readable afterwards.
        var adapters = host.Services.GetServices<IAdapterHealth>().ToList();
        var workers = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().ToList();
        try
        {
            await host.RunAsync(cancellationToken);
            if (stopping is { } since)
            {
                logger.LogInformation("AnatomyBot stopped in {ElapsedMs:0} ms", timeProvider.GetElapsedTime(since).TotalMilliseconds);
            }

            // A platform that refused the configuration (rejected token, fatal gateway close code) is not a clean stop:
            // exit 0 would tell a service manager or orchestrator that everything was fine.
            var failed = adapters.Where(a => a.State == AdapterState.Failed).ToList();
            foreach (var adapter in failed)
            {
                await error.WriteLineAsync($"error: the {adapter.Name} adapter stopped: {redactor.Redact(adapter.Detail ?? "fatal error")}");
            }

            if (failed.Count > 0)
            {
                return ExitUsage;
            }

            // A background loop that died on an exception stops the host (BackgroundServiceExceptionBehavior.StopHost)
            // without making RunAsync throw; that is a failure too, never exit 0.
            var crashed = workers.Where(w => w.ExecuteTask is { IsFaulted: true }).ToList();
            foreach (var worker in crashed)
            {
                var reason = worker.ExecuteTask!.Exception!.GetBaseException();
                await error.WriteLineAsync($"error: {worker.GetType().Name} stopped on an unexpected error: {reason.GetType().Name}: {redactor.Redact(reason.Message)}");
            }

            return crashed.Count == 0 ? ExitOk : ExitFailure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitOk;
        }
        catch (OptionsValidationException ex)
        {
            WriteValidationFailures([ex], error);
            return ExitUsage;
        }
        catch (IOException ex) when (ex.Message.Contains("bind", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"error: could not listen on Http:Urls: {redactor.Redact(ex.Message)}");
            return ExitUsage;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Logged as redacted text, not as the exception object: an exception message may carry a URL with a token.
            logger.LogCritical("The bot stopped on an unexpected error: {Error}", redactor.Redact(ex.ToString()));
            await error.WriteLineAsync($"error: the bot stopped on an unexpected error: {ex.GetType().Name}: {redactor.Redact(ex.Message)}");
            return ExitFailure;
        }
    }

    /// <summary>Runs once every hosted service has started: the start-up time is measured, logged and exposed.</summary>
    private static void OnReady(IServiceProvider services, ILogger logger, BotAppEnvironment environment)
    {
        var elapsed = services.GetRequiredService<StartupClock>().MarkReady();
        var knowledge = services.GetRequiredService<IKnowledgeProvider>().Current;
        var addresses = services.GetRequiredService<OpsHttpServer>().Addresses;
        logger.LogInformation(
            "AnatomyBot ready in {ElapsedMs:0} ms: knowledge version {Version} ({Muscles} muscles, {Topics} topics, {Quiz} quiz questions), HTTP {Http}",
            elapsed.TotalMilliseconds,
            knowledge.Version,
            knowledge.Muscles.Length,
            knowledge.Topics.Length,
            knowledge.Quiz.Length,
            addresses.Count == 0 ? "off" : string.Join(", ", addresses));
        environment.Started?.Invoke(services);
    }

    private static IHost BuildHost(
        ConfigurationManager configuration,
        BotAppEnvironment environment,
        string environmentName,
        HostMode mode,
        bool telegram,
        bool discord,
        StartupClock startup)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            Configuration = configuration,
            EnvironmentName = environmentName,
            ApplicationName = "AnatomyBot",
            ContentRootPath = environment.WorkingDirectory,
        });

        if (mode == HostMode.Bot)
        {
            builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
            builder.Logging.AddConsole();
        }
        else
        {
            // Chat and ask own standard output; logs go to stderr and only when something is wrong.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        }

        HostServices.Add(builder.Services, configuration);
        if (mode == HostMode.Bot)
        {
            HostServices.AddOperations(builder.Services, configuration, startup);
            HostServices.AddAdapters(builder.Services, configuration, telegram, discord);
            environment.ConfigureServices?.Invoke(builder.Services);
        }

        if (mode != HostMode.Bot || !environment.UseConsoleLifetime)
        {
            builder.Services.AddSingleton<IHostLifetime, ImmediateLifetime>();
        }

        return builder.Build();
    }

    /// <summary>Runs every ValidateOnStart check before anything starts, so a bad setting stops us with its key named.</summary>
    private static bool ValidateOptions(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            WriteValidationFailures([ex], error);
            return false;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            WriteValidationFailures(ex.InnerExceptions.Cast<OptionsValidationException>(), error);
            return false;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // The binder names the key it could not convert ("Failed to convert configuration value at 'X:Y'...").
            error.WriteLine($"error: invalid configuration: {ex.Message}");
            return false;
        }
    }

    private static void WriteValidationFailures(IEnumerable<OptionsValidationException> exceptions, TextWriter error)
    {
        error.WriteLine("error: invalid configuration:");
        foreach (var failure in exceptions.SelectMany(e => e.Failures))
        {
            error.WriteLine($"  {failure}");
        }
    }

    internal enum HostMode
    {
        None,
        Bot,
        Chat,
        Ask,
    }
}
