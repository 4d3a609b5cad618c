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
    private TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    /// <summary>When the earliest armed timer is due, or null when none is armed.</summary>
    public DateTimeOffset? NextTimerDue
    {
        get
        {
            lock (_gate)
            {
                return _timers.Min(t => t.DueAt);
            }
        }
    }

    /// <summary>
    /// Completes the next time the code under test arms a timer. Read it before looking at <see cref="NextTimerDue"/>
    /// and await it when there is nothing to advance to: a test then waits for the code instead of sleeping.
    /// </summary>
    public Task TimerArmed
    {
        get
        {
            lock (_gate)
            {
                return _armed.Task;
            }
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
            TaskCompletionSource? armed = null;
            lock (owner._gate)
            {
                _period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
                if (DueAt is not null)
                {
                    armed = owner._armed;
                    owner._armed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            var changed = Inner.Change(dueTime, period);
            armed?.TrySetResult();
            return changed;
        }

        // Mirrors the base clock: a periodic timer is due again one period after it was due. A due time still ahead
        // belongs to a Change made on another thread while this firing was on its way; it stays.
        public void Fired()
        {
            lock (owner._gate)
            {
                if (DueAt > owner.GetUtcNow())
                {
                    return;
                }

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
