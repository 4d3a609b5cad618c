using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Decides this process's gateway URL, shard count and shards: from Discord:GatewayUrl, or from
/// <c>GET /gateway/bot</c> retried on the reconnect strategy's delays.
/// </summary>
internal sealed class ShardPlanner(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordRandom random,
    ILogger<ShardPlanner> logger)
{
    internal const string RejectedTokenMessage =
        "Discord rejected the bot token (401 on GET /gateway/bot). Set Discord:Token to the current token from the developer portal (Bot page, Reset Token) and restart.";

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    /// <summary>The gateway URL, the shard count and this process's shards; null when Discord rejected the token.</summary>
    public async Task<ShardPlan?> PlanAsync(CancellationToken cancellationToken)
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

    /// <summary><c>GET /gateway/bot</c>, retried with backoff; null after a rejected token.</summary>
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
                return null;
            }

            logger.GatewayBotFailed((int)response.Status);
        }

        return null;
    }
}
