namespace AnatomyBot.Testing;

/// <summary>Bounded polling for a background loop to reach a state (never used to wait for a timer).</summary>
public static class Wait
{
    /// <summary>
    /// The bound on real time for anything a test waits for: a guard against a hang, never a speed assertion. Generous
    /// on purpose, because CI runs several test assemblies at once on a busy 2-core machine.
    /// </summary>
    public static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? Guard);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Polls <paramref name="condition"/> until it holds, running <paramref name="onIdle"/> between polls (e.g. to move
    /// a fake clock past back-off waits, paced by <paramref name="pollMilliseconds"/> of real time);
    /// <paramref name="describe"/> explains a timeout.
    /// </summary>
    public static async Task UntilAsync(
        Func<bool> condition, TimeSpan? timeout = null, Action? onIdle = null, Func<string>? describe = null, int pollMilliseconds = 5)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Guard);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(describe?.Invoke() ?? "The expected state was not reached in time.");
            }

            onIdle?.Invoke();
            await Task.Delay(pollMilliseconds);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Guard);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The expected state was not reached in time.");
            }

            await Task.Delay(5);
        }
    }
}
