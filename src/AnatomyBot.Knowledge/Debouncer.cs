namespace AnatomyBot.Knowledge;

/// <summary>
/// Runs an action once signals have stopped arriving for <c>delay</c>: each <see cref="Signal"/> restarts the timer.
/// Time comes from the injected <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
internal sealed class Debouncer : IDisposable
{
    private readonly TimeSpan _delay;
    private readonly Func<Task> _action;
    private readonly ITimer _timer;
    private readonly object _gate = new();
    private bool _disposed;

    public Debouncer(TimeSpan delay, TimeProvider timeProvider, Func<Task> action)
    {
        _delay = delay;
        _action = action;
        _timer = timeProvider.CreateTimer(_ => Fire(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The task of the most recent run (completed when none ran yet); lets callers wait for a reload to finish.</summary>
    public Task LastRun { get; private set; } = Task.CompletedTask;

    public void Signal()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _timer.Change(_delay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void Fire()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            // Chain runs so that a slow action and a new signal never run the action twice at once.
            LastRun = LastRun.ContinueWith(_ => _action(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }
}
