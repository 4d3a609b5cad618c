using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Gateway;

/// <summary>Where to connect and which shards this process runs, from the settings and <c>GET /gateway/bot</c>.</summary>
internal sealed record ShardPlan(Uri GatewayUri, int ShardCount, IReadOnlyList<int> Shards, SessionStartLimit? SessionStartLimit);

/// <summary>
/// Runs one gateway connection per shard of a <see cref="ShardPlan"/>, each on its own transport, all identifying
/// through one <see cref="IdentifyLimiter"/> so session starts keep to Discord's pace.
/// </summary>
internal sealed class GatewayShards(
    GatewayTransportFactory transports,
    IdentifyLimiter identifyLimiter,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordRandom random,
    DiscordMetrics metrics,
    ILoggerFactory loggers)
{
    /// <summary>Called with a shard id when that shard's session starts must wait for Discord's reset, and until when.</summary>
    public Action<int, DateTimeOffset> OnSessionStartsExhausted
    {
        set => identifyLimiter.OnExhausted = value;
    }

    /// <summary>Starts every shard of <paramref name="plan"/>; each task ends with a fatal stop or throws on cancellation.</summary>
    public IReadOnlyList<Task<GatewayStopped>> Start(
        ShardPlan plan,
        Func<GatewayDispatch, Task> onDispatch,
        Action<int, GatewayStatus, string> onStatus,
        CancellationToken cancellationToken)
    {
        if (plan.SessionStartLimit is { } limit)
        {
            identifyLimiter.Update(limit);
        }

        return [.. plan.Shards.Select(shard => RunShardAsync(shard, plan, onDispatch, onStatus, cancellationToken))];
    }

    private async Task<GatewayStopped> RunShardAsync(
        int shard, ShardPlan plan, Func<GatewayDispatch, Task> onDispatch, Action<int, GatewayStatus, string> onStatus, CancellationToken cancellationToken)
    {
        await using var transport = transports();
        var settings = new GatewaySettings(options.Value.BareToken, GatewaySettings.IntentsFor(options.Value.AnswerMentions), shard, plan.ShardCount);
        using var client = new GatewayClient(transport, settings, time, random, metrics, loggers.CreateLogger<GatewayClient>(), identifyLimiter)
        {
            OnDispatch = (dispatch, _) => onDispatch(dispatch),
            OnStatus = (status, detail) => onStatus(shard, status, detail),
        };
        return await client.RunAsync(plan.GatewayUri, cancellationToken);
    }
}
