namespace AnatomyBot.Core.Observability;

public enum AdapterState
{
    Starting,
    Connected,
    Reconnecting,

    /// <summary>
    /// Connected and answering, but part of the adapter cannot do its job for now (for example, its store refuses
    /// writes and they are being retried). Healthy for /healthz, which reports the overall status as "degraded".
    /// </summary>
    Degraded,
    Stopped,
    Failed,
}

/// <summary>Port: an adapter's connection state, read by the host's /healthz endpoint.</summary>
public interface IAdapterHealth
{
    string Name { get; }

    AdapterState State { get; }

    /// <summary>Why the adapter is in this state (never contains a token).</summary>
    string? Detail { get; }

    /// <summary>
    /// When the adapter entered <see cref="State"/>, if it keeps track. Null lets the host time the state from when it
    /// first observed it, which is coarser (the health endpoint is polled, not notified).
    /// </summary>
    DateTimeOffset? StateSince => null;
}

/// <summary>
/// A ready-made <see cref="IAdapterHealth"/> for adapters (each derives a named type for DI): <see cref="Set"/> records
/// the state, detail and the time it changed (from the injected clock), published atomically so readers never see a
/// state with another's detail. Failed is final until restart: the shutdown that follows a fatal error must not hide
/// what the operator has to fix.
/// </summary>
public class AdapterHealthTracker(string name, TimeProvider timeProvider) : IAdapterHealth
{
    private Snapshot _current = new(AdapterState.Starting, null, timeProvider.GetUtcNow());

    public string Name { get; } = name;

    public AdapterState State => Current.State;

    public string? Detail => Current.Detail;

    public DateTimeOffset? StateSince => Current.Since;

    private Snapshot Current => Volatile.Read(ref _current);

    /// <summary>Sets the state; the time only moves when the state changes, so a new detail keeps the original since.</summary>
    public void Set(AdapterState state, string? detail = null)
    {
        while (true)
        {
            var previous = Current;
            if (previous.State == AdapterState.Failed)
            {
                return;
            }

            var since = previous.State == state ? previous.Since : timeProvider.GetUtcNow();
            if (Interlocked.CompareExchange(ref _current, new Snapshot(state, detail, since), previous) == previous)
            {
                return;
            }
        }
    }

    private sealed record Snapshot(AdapterState State, string? Detail, DateTimeOffset Since);
}
