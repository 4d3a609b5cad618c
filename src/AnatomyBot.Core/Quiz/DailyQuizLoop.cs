using AnatomyBot.Core.Resilience;

namespace AnatomyBot.Core.Quiz;

/// <summary>
/// The loop every platform's daily quiz scheduler runs: a pass (post what is due, say when to look again), then a sleep
/// on the injected clock until that instant or until a subscription changes. A pass that throws (a store that is
/// locked or full now and then) is retried after the shared exponential back-off; a claim is a compare-and-set, so a
/// retried pass never posts a day twice.
/// </summary>
/// <param name="timeProvider">The clock the loop sleeps on.</param>
/// <param name="maxRetryDelay">The longest wait before another pass after failures (<see cref="Backoff"/>'s cap).</param>
/// <param name="jitter">A number in [0, 1) per retry; <see cref="Random.Shared"/> when not given.</param>
public sealed class DailyQuizLoop(TimeProvider timeProvider, TimeSpan maxRetryDelay, Func<double>? jitter = null) : IDisposable
{
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;
    private long _passes;

    /// <summary>How many passes have completed (lets tests know a pass at the current time happened).</summary>
    public long CompletedPasses => Interlocked.Read(ref _passes);

    /// <summary>Cuts the current sleep short: a subscription was added, changed or removed.</summary>
    public void Notify()
    {
        try
        {
            _changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>
    /// Runs passes until <paramref name="cancellationToken"/> is cancelled. <paramref name="pass"/> returns the instant
    /// to look again; <paramref name="failed"/> reports a pass that threw, with the delay before the retry.
    /// </summary>
    public async Task RunAsync(
        Func<CancellationToken, Task<DateTimeOffset>> pass, Action<Exception, TimeSpan> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(failed);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            DateTimeOffset wakeAt;
            try
            {
                wakeAt = await pass(cancellationToken);
                failures = 0;
                Interlocked.Increment(ref _passes);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var retry = Backoff.Exponential(failures++, maxRetryDelay, _jitter());
                failed(ex, retry);
                wakeAt = timeProvider.GetUtcNow() + retry;
            }

            if (!await TrySleepUntilAsync(wakeAt, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Sleeps until <paramref name="wakeAt"/> or a <see cref="Notify"/>; false when the token ended it (stop).</summary>
    private async Task<bool> TrySleepUntilAsync(DateTimeOffset wakeAt, CancellationToken cancellationToken)
    {
        // Measured here, just before the timer is armed, not where the pass computed the instant: time passing in
        // between (a slow pass, a fake clock moved by a test) would otherwise push the wake-up past the due instant.
        var sleep = wakeAt - timeProvider.GetUtcNow();
        if (sleep <= TimeSpan.Zero)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(sleep, timeProvider, wake.Token);
        var changed = _changed.WaitAsync(wake.Token);
        await Task.WhenAny(delay, changed);
        await wake.CancelAsync();
        if (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            await Task.WhenAll(delay, changed);
        }
        catch (OperationCanceledException)
        {
            // The other wait, cancelled on purpose.
        }

        return true;
    }

    public void Dispose() => _changed.Dispose();
}
