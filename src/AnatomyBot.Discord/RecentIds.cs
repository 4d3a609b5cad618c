namespace AnatomyBot.Discord;

/// <summary>
/// Remembers ids seen in the last <paramref name="ttl"/> so an event replayed after a RESUME (or delivered twice)
/// is handled once. Interaction tokens live 15 minutes, which bounds how long an id can matter.
/// </summary>
internal sealed class RecentIds(TimeProvider time, TimeSpan ttl)
{
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private DateTimeOffset _nextPrune;

    /// <summary>True the first time <paramref name="id"/> is offered within the window.</summary>
    public bool TryAdd(string id)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (now >= _nextPrune)
            {
                foreach (var stale in _seen.Where(p => now - p.Value > ttl).Select(p => p.Key).ToList())
                {
                    _seen.Remove(stale);
                }

                _nextPrune = now + TimeSpan.FromMinutes(1);
            }

            return _seen.TryAdd(id, now);
        }
    }
}
