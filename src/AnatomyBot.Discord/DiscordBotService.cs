using System.Collections.Concurrent;
using System.Globalization;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Plans and runs this process's gateway shards, registers the slash commands after the first READY and hands each
/// interaction (and, when enabled, each mention or DM) to its handler on its own task. Owns the adapter's health. A
/// fatal gateway condition on any shard, or a database that cannot be used (quiz state lives there), stops the host
/// with a message that says what to fix.
/// </summary>
internal sealed class DiscordBotService(
    GatewayShards shards,
    DiscordRestClient rest,
    InteractionHandler interactions,
    MentionHandler mentions,
    DiscordBotIdentity identity,
    IStorageSchema storage,
    IStorageDiagnostics storageDiagnostics,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    DiscordRandom random,
    ILogger<DiscordBotService> logger,
    DiscordHealth? health = null) : BackgroundService
{
    private static readonly TimeSpan DedupeWindow = TimeSpan.FromMinutes(15);
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private readonly RecentIds _interactionIds = new(time, DedupeWindow);
    private readonly RecentIds _messageIds = new(time, DedupeWindow);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
    private int _commandsRegistered;

    /// <summary>Set when the adapter stopped for good; the message says what to fix.</summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var shardsStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        IReadOnlyList<Task<GatewayStopped>> runs = [];
        try
        {
            if (!await OpenStorageAsync(stoppingToken))
            {
                return;
            }

            var plan = await PlanAsync(stoppingToken);
            if (plan is null)
            {
                return;
            }

            foreach (var shard in plan.Shards)
            {
                health?.SetShard(shard, AdapterState.Starting, "connecting");
            }

            shards.OnSessionStartsExhausted = OnSessionStartsExhausted;
            runs = shards.Start(plan, dispatch => Route(dispatch, stoppingToken), OnShardStatus, shardsStop.Token);
            var stopped = await await Task.WhenAny(runs);
            Fatal(stopped.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
            health?.Set(AdapterState.Stopped, "shut down");
        }
        finally
        {
            // A fatal close on one shard (a bad token, say) holds for all of them.
            await shardsStop.CancelAsync();
            await Task.WhenAll(runs).ContinueWith(_ => { }, TaskScheduler.Default);
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
            logger.StorageOpenFailed(storageDiagnostics.Describe(ex), storageDiagnostics.Location);
            return true;
        }
    }

    /// <summary>The gateway URL, the shard count and this process's shards; null after a fatal answer.</summary>
    private async Task<ShardPlan?> PlanAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        GatewayBot? gatewayBot = null;
        if (string.IsNullOrWhiteSpace(o.GatewayUrl))
        {
            gatewayBot = await GetGatewayBotAsync(cancellationToken);
            if (gatewayBot is null)
            {
                return null;
            }
        }

        var count = o.ShardCount ?? Math.Max(1, gatewayBot?.Shards ?? 1);
        if (gatewayBot is not null && gatewayBot.Shards > count)
        {
            logger.ShardCountDiffers(gatewayBot.Shards, count);
        }

        // The validator already refused anything unparsable.
        var local = !string.IsNullOrWhiteSpace(o.Shards) && ShardSet.TryParse(o.Shards, out var listed, out _) ? listed : ShardSet.All(count);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.RunningShards(string.Join(",", local), count);
        }
        var uri = gatewayBot is null ? new Uri(o.GatewayUrl!) : new Uri(gatewayBot.Url);
        return new ShardPlan(uri, count, local, gatewayBot?.SessionStartLimit);
    }

    /// <summary><c>GET /gateway/bot</c>, retried with backoff; null after a rejected token (a fatal stop).</summary>
    private async Task<GatewayBot?> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        foreach (var delay in new ReconnectStrategy(random).Delays())
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            var response = await rest.GetGatewayBotAsync(cancellationToken);
            if (response.TryRead(Json.GatewayBot, out var gatewayBot) && Uri.TryCreate(gatewayBot.Url, UriKind.Absolute, out _))
            {
                return gatewayBot;
            }

            if (response.Status == System.Net.HttpStatusCode.Unauthorized)
            {
                Fatal("Discord rejected the bot token (401 on GET /gateway/bot). Set Discord:Token to the current token from the developer portal (Bot page, Reset Token) and restart.");
                return null;
            }

            logger.GatewayBotFailed((int)response.Status);
        }

        return null;
    }

    private void OnShardStatus(int shard, GatewayStatus status, string detail) =>
        health?.SetShard(shard, status == GatewayStatus.Reconnecting ? AdapterState.Reconnecting : AdapterState.Connected, detail);

    private void OnSessionStartsExhausted(int shard, DateTimeOffset resetAt) =>
        health?.SetShard(shard, AdapterState.Reconnecting, string.Create(CultureInfo.InvariantCulture, $"Discord allows no more session starts until {resetAt:u}; identifying then"));

    /// <summary>Hands each event to its handler; an event of the wrong shape is skipped, the session goes on.</summary>
    private Task Route(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case GatewayEvents.Ready when DiscordJson.TryRead(dispatch.Data, Json.Ready, out var ready):
                OnReady(ready, cancellationToken);
                break;
            case GatewayEvents.InteractionCreate when DiscordJson.TryRead(dispatch.Data, Json.Interaction, out var interaction):
                if (_interactionIds.TryAdd(interaction.Id))
                {
                    Track(Task.Run(() => HandleSafelyAsync("interaction", interactions.HandleAsync, interaction, cancellationToken), CancellationToken.None));
                }

                break;
            case GatewayEvents.MessageCreate when options.Value.AnswerMentions && DiscordJson.TryRead(dispatch.Data, Json.Message, out var message):
                if (mentions.ShouldAnswer(message) && _messageIds.TryAdd(message.Id))
                {
                    Track(Task.Run(() => HandleSafelyAsync("mention", mentions.HandleAsync, message, cancellationToken), CancellationToken.None));
                }

                break;
            case GatewayEvents.Ready or GatewayEvents.InteractionCreate:
            case GatewayEvents.MessageCreate when options.Value.AnswerMentions:
                logger.MalformedEventSkipped(dispatch.Type);
                break;
        }

        return Task.CompletedTask;
    }

    private void OnReady(Ready ready, CancellationToken cancellationToken)
    {
        identity.BotUserId = ready.User?.Id ?? identity.BotUserId;
        identity.ApplicationId = ready.Application?.Id ?? identity.ApplicationId;
        if (Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
        {
            Track(RegisterCommandsAsync(cancellationToken));
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var appId = identity.ApplicationId ?? await FetchApplicationIdAsync(cancellationToken);
            if (appId is null)
            {
                logger.RegisterNoApplicationId();
                Interlocked.Exchange(ref _commandsRegistered, 0);
                return;
            }

            var guild = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId.Trim();
            var response = await rest.BulkOverwriteCommandsAsync(appId, guild, CommandDefinitions.All(), cancellationToken);
            if (!response.IsSuccess)
            {
                logger.RegisterFailed((int)response.Status);
                Interlocked.Exchange(ref _commandsRegistered, 0);
            }
            else if (guild is null)
            {
                logger.RegisteredGlobally();
            }
            else
            {
                logger.RegisteredOnGuild(guild);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<string?> FetchApplicationIdAsync(CancellationToken cancellationToken)
    {
        var response = await rest.GetCurrentApplicationAsync(cancellationToken);
        identity.ApplicationId = response.TryRead(Json.PartialApplication, out var application) ? application.Id : null;
        return identity.ApplicationId;
    }

    private async Task HandleSafelyAsync<T>(string kind, Func<T, CancellationToken, Task> handler, T payload, CancellationToken cancellationToken)
    {
        try
        {
            await handler(payload, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.HandlingFailed(ex, kind);
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
        logger.AdapterStopped(message);
        if (options.Value.StopHostOnFatalError)
        {
            lifetime.StopApplication();
        }
    }
}
