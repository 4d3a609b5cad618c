namespace AnatomyBot.Testing;

/// <summary>
/// Microsoft.Extensions.TimeProvider.Testing's clock (time moves only on <c>Advance</c> or <c>SetUtcNow</c>; timers
/// due by then fire), plus the one thing the tests need on top: seeing which timers the code under test has armed,
/// so a test advances the clock only once the wait it is about to pass really exists.
/// </summary>
public sealed class FakeTimeProvider : Microsoft.Extensions.Time.Testing.FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TrackedTimer> _timers = [];

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Number of timers currently scheduled (a test can wait until the code under test armed one).</summary>
    public int ActiveTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>True when a timer is armed to fire exactly <paramref name="delay"/> from now.</summary>
    public bool HasTimerDueIn(TimeSpan delay)
    {
        var at = GetUtcNow() + delay;
        lock (_gate)
        {
            return _timers.Any(t => t.DueAt == at);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new TrackedTimer(this);
        lock (_gate)
        {
            _timers.Add(timer);
        }

        timer.Inner = base.CreateTimer(
            s =>
            {
                timer.Fired();
                callback(s);
            },
            state,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Wraps the base clock's timer to remember when it is due next.</summary>
    private sealed class TrackedTimer(FakeTimeProvider owner) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
            }

            return Inner.Change(dueTime, period);
        }

        // Mirrors the base clock: a periodic timer is due again one period after it was due.
        public void Fired()
        {
            lock (owner._gate)
            {
                DueAt = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : DueAt + _period;
            }
        }

        public void Dispose()
        {
            Inner.Dispose();
            lock (owner._gate)
            {
                DueAt = null;
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
