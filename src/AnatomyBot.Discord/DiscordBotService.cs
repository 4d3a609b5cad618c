using System.Globalization;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Gateway;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Runs the Discord adapter: opens the store, plans and starts this process's gateway shards and feeds their events to
/// the <see cref="DispatchRouter"/>. Owns the adapter's health. A fatal gateway condition on any shard, a rejected
/// token or a database that cannot be used (quiz state lives there) stops the adapter (and, unless
/// Discord:StopHostOnFatalError is false, the host) with a message that says what to fix.
/// </summary>
internal sealed class DiscordBotService(
    DiscordStorageOpener storage,
    ShardPlanner planner,
    GatewayShards shards,
    DispatchRouter router,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DiscordBotService> logger,
    DiscordHealth? health = null) : BackgroundService
{
    /// <summary>How long handlers still running at shutdown are waited for.</summary>
    private static readonly TimeSpan DrainBound = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Set when the adapter stopped for good, after the health state, the log line and (with StopHostOnFatalError) the
    /// host's stop request: whoever sees it set sees those done. The message says what to fix.
    /// </summary>
    public string? FatalError { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var shardsStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        IReadOnlyList<Task<GatewayStopped>> runs = [];
        try
        {
            if (await storage.OpenAsync(stoppingToken) is { } unusable)
            {
                Fatal(unusable);
                return;
            }

            var plan = await planner.PlanAsync(stoppingToken);
            if (plan is null)
            {
                Fatal(ShardPlanner.RejectedTokenMessage);
                return;
            }

            foreach (var shard in plan.Shards)
            {
                health?.SetShard(shard, AdapterState.Starting, "connecting");
            }

            shards.OnSessionStartsExhausted = OnSessionStartsExhausted;
            runs = shards.Start(plan, dispatch => router.Route(dispatch, stoppingToken), OnShardStatus, shardsStop.Token);
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
            await router.DrainAsync(DrainBound);
        }
    }

    private void OnShardStatus(int shard, GatewayStatus status, string detail) =>
        health?.SetShard(shard, status == GatewayStatus.Reconnecting ? AdapterState.Reconnecting : AdapterState.Connected, detail);

    private void OnSessionStartsExhausted(int shard, DateTimeOffset resetAt) =>
        health?.SetShard(shard, AdapterState.Reconnecting, string.Create(CultureInfo.InvariantCulture, $"Discord allows no more session starts until {resetAt:u}; identifying then"));

    private void Fatal(string message)
    {
        health?.Set(AdapterState.Failed, message);
        logger.AdapterStopped(message);
        if (options.Value.StopHostOnFatalError)
        {
            lifetime.StopApplication();
        }

        // Last, so a reader that sees it also sees the stop request and the log line (tests wait on it).
        FatalError = message;
    }
}
