using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Interactions;

namespace AnatomyBot.Discord;

/// <summary>The Discord adapter's instruments: those every adapter has, tagged <c>discord</c>, and the gateway's own.</summary>
internal sealed class DiscordMetrics : AdapterMetrics
{
    private readonly Counter<long> _gatewayReconnects;

    public DiscordMetrics(IMeterFactory meterFactory)
        : base(meterFactory, DiscordKeys.Platform)
    {
        _gatewayReconnects = Meter.CreateCounter<long>("anatomybot_gateway_reconnects_total", description: "Discord gateway reconnects");
    }

    /// <summary>A shard reconnected, resuming its session or identifying anew.</summary>
    public void GatewayReconnected(bool resume, int shard) =>
        _gatewayReconnects.Add(1, new KeyValuePair<string, object?>("kind", resume ? "resume" : "identify"), new KeyValuePair<string, object?>("shard", shard));
}
