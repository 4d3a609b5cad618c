namespace AnatomyBot.Observability;

/// <summary>
/// Time from process start (or, in-process, from when the app was asked to run) to the host being ready: knowledge
/// loaded, listener bound, every hosted service started. Logged once and exposed as <c>anatomybot_startup_seconds</c>.
/// </summary>
internal sealed class StartupClock(TimeProvider timeProvider, DateTimeOffset? processStartedAt, long runStartedTimestamp)
{
    private readonly Lock _gate = new();
    private TimeSpan? _ready;

    public double? ReadySeconds
    {
        get
        {
            lock (_gate)
            {
                return _ready?.TotalSeconds;
            }
        }
    }

    /// <summary>Records the ready time once; later calls return the first figure.</summary>
    public TimeSpan MarkReady()
    {
        lock (_gate)
        {
            if (_ready is null)
            {
                var sinceProcess = processStartedAt is { } started ? timeProvider.GetUtcNow() - started : TimeSpan.Zero;
                _ready = sinceProcess > TimeSpan.Zero ? sinceProcess : timeProvider.GetElapsedTime(runStartedTimestamp);
            }

            return _ready.Value;
        }
    }
}
