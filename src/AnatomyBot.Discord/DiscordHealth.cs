using System.Collections.Concurrent;
using System.Globalization;
using AnatomyBot.Core.Observability;

namespace AnatomyBot.Discord;

/// <summary>
/// The adapter's state for /healthz ("discord"): Starting until the first READY, Connected after READY or RESUMED,
/// Reconnecting while a connection is being re-established or backing off, Failed on a fatal close code (the detail
/// says what to fix), Stopped after shutdown. Details never contain the token. With several shards in this process
/// each shard has its own state; the adapter shows the worst of them, and the detail names each shard's.
/// </summary>
internal sealed class DiscordHealth(TimeProvider timeProvider) : AdapterHealthTracker("discord", timeProvider)
{
    private readonly ConcurrentDictionary<int, (AdapterState State, string Detail)> _shards = new();

    /// <summary>Each shard's own state (for /healthz details and tests).</summary>
    public IReadOnlyDictionary<int, (AdapterState State, string Detail)> Shards => _shards;

    /// <summary>Records one shard's state and publishes the adapter's (the worst shard's).</summary>
    public void SetShard(int shard, AdapterState state, string detail)
    {
        lock (_shards)
        {
            _shards[shard] = (state, detail);
            if (_shards.Count == 1)
            {
                Set(state, detail);
                return;
            }

            var worst = _shards.Values.Select(s => s.State).MaxBy(Severity);
            var details = _shards.OrderBy(s => s.Key).Select(s => string.Create(CultureInfo.InvariantCulture, $"shard {s.Key}: {s.Value.Detail}"));
            Set(worst, string.Join("; ", details));
        }
    }

    private static int Severity(AdapterState state) => state switch
    {
        AdapterState.Failed => 5,
        AdapterState.Reconnecting => 4,
        AdapterState.Starting => 3,
        AdapterState.Degraded => 2,
        AdapterState.Connected => 1,
        _ => 0,
    };
}
