using System.Collections.Concurrent;
using System.Text.Json;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Runs the gateway connection, registers the slash commands after READY and hands each interaction
/// (and, when enabled, each mention or DM) to its handler on its own task. A fatal gateway condition, or a database
/// that cannot be used (quiz state lives there), stops the host with a message that says what to fix.
/// </summary>
internal sealed class DiscordBotService(
    GatewayClient gateway,
    DiscordRestClient rest,
    InteractionHandler interactions,
    MentionHandler mentions,
    DiscordSession session,
    IStorageSchema storage,
    IStorageDiagnostics storageDiagnostics,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DiscordBotService> logger,
    DiscordHealth? health = null) : BackgroundService
{
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(15);
    private readonly RecentIds _interactionIds = new(time, DedupeWindow);
    private readonly RecentIds _messageIds = new(time, DedupeWindow);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private int _commandsRegistered;

    /// <summary>Set when the adapter stopped for good; the message says what to fix.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await OpenStorageAsync(stoppingToken))
            {
                return;
            }

            var gatewayUri = await ResolveGatewayAsync(stoppingToken);
            if (gatewayUri is null)
            {
                return;
            }

            gateway.OnDispatch = (dispatch, ct) =>
            {
                OnDispatch(dispatch, stoppingToken);
                return Task.CompletedTask;
            };
            var stopped = await gateway.RunAsync(gatewayUri, stoppingToken);
            Fatal(stopped.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
            health?.Set(AdapterState.Stopped, "shut down");
        }
        finally
        {
            await Task.WhenAll(_inFlight.Keys).WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Opens (and migrates) the store before connecting, so an unusable database stops the adapter at start with the
    /// provider's message rather than at the first quiz click. A transient failure (locked) is only logged: quiz clicks
    /// retry it, and everything else works without the store.
    /// </summary>
    private async Task<bool> OpenStorageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.MigrateAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storageDiagnostics.Classify(ex) == StorageFaultKind.Fatal)
        {
            Fatal(storageDiagnostics.FatalMessage(ex));
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storageDiagnostics.Classify(ex) == StorageFaultKind.Transient)
        {
            logger.LogWarning("Discord storage: opening the database failed ({Error}); quiz answers retry it. {Location}",
                storageDiagnostics.Describe(ex), storageDiagnostics.Location);
            return true;
        }
    }

    private async Task<Uri?> ResolveGatewayAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.GatewayUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Uri(configured);
        }

        for (var attempt = 1; ; attempt++)
        {
            var response = await rest.GetGatewayBotAsync(cancellationToken);
            if (response.IsSuccess && response.Json().TryGetProperty("url", out var url) && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri))
            {
                return uri;
            }

            if ((int)response.Status == 401)
            {
                Fatal("Discord rejected the bot token (401 on GET /gateway/bot). Set Discord:Token to the current token from the developer portal (Bot page, Reset Token) and restart.");
                return null;
            }

            var delay = Core.Resilience.Backoff.Exponential(attempt, GatewayClient.MaxBackoff, Random.Shared.NextDouble());
            logger.LogWarning("GET /gateway/bot failed ({Status}); retrying in {Delay} s", (int)response.Status, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private void OnDispatch(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            Route(dispatch, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // JsonElement throws this for a field of the wrong type: a malformed event is skipped, the session goes on.
            logger.LogWarning("Skipped a malformed {Type} event", dispatch.Type);
        }
    }

    private void Route(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case "READY":
                if (dispatch.Data.TryGetProperty("user", out var user) && user.TryGetProperty("id", out var uid))
                {
                    session.BotUserId = uid.GetString();
                }

                if (dispatch.Data.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var aid))
                {
                    session.ApplicationId = aid.GetString();
                }

                if (Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
                {
                    Track(RegisterCommandsAsync(cancellationToken));
                }

                break;
            case "INTERACTION_CREATE":
                if (dispatch.Data.TryGetProperty("id", out var iid) && iid.GetString() is { } interactionId && _interactionIds.TryAdd(interactionId))
                {
                    Track(Task.Run(() => HandleSafelyAsync("interaction", interactions.HandleAsync, dispatch.Data, cancellationToken), CancellationToken.None));
                }

                break;
            case "MESSAGE_CREATE" when options.Value.AnswerMentions:
                if (mentions.ShouldAnswer(dispatch.Data) && dispatch.Data.TryGetProperty("id", out var mid)
                    && mid.GetString() is { } messageId && _messageIds.TryAdd(messageId))
                {
                    Track(Task.Run(() => HandleSafelyAsync("mention", mentions.HandleAsync, dispatch.Data, cancellationToken), CancellationToken.None));
                }

                break;
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var appId = session.ApplicationId;
            if (appId is null)
            {
                var app = await rest.GetCurrentApplicationAsync(cancellationToken);
                appId = app.IsSuccess && app.Json().TryGetProperty("id", out var id) ? id.GetString() : null;
                session.ApplicationId = appId;
            }

            if (appId is null)
            {
                logger.LogError("Cannot register slash commands: the application id is unknown");
                Interlocked.Exchange(ref _commandsRegistered, 0);
                return;
            }

            var guild = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId.Trim();
            var response = await rest.BulkOverwriteCommandsAsync(appId, guild, CommandDefinitions.All(), cancellationToken);
            if (response.IsSuccess)
            {
                if (guild is null)
                {
                    logger.LogInformation("Registered the slash commands globally (new or changed commands can take a while to show up)");
                }
                else
                {
                    logger.LogInformation("Registered the slash commands on guild {GuildId}", guild);
                }
            }
            else
            {
                logger.LogError("Registering the slash commands failed with {Status}; they will be retried on the next READY", (int)response.Status);
                Interlocked.Exchange(ref _commandsRegistered, 0);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleSafelyAsync(string kind, Func<JsonElement, CancellationToken, Task> handler, JsonElement data, CancellationToken cancellationToken)
    {
        try
        {
            await handler(data, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling a Discord {Kind} failed", kind);
        }
    }

    private void Track(Task task)
    {
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Fatal(string message)
    {
        FatalError = message;
        health?.Set(AdapterState.Failed, message);
        logger.LogCritical("Discord adapter stopped: {Message}", message);
        lifetime.StopApplication();
    }
}
