namespace AnatomyBot.Core.Resilience;

/// <summary>The retry delays both adapters use after server and network failures.</summary>
public static class Backoff
{
    /// <summary>
    /// 1, 2, 4 ... seconds for attempts 0, 1, 2 ..., capped at <paramref name="cap"/>, then scaled by
    /// [0.5, 1) from <paramref name="jitter"/> (a number in [0, 1)) so many bots or chats do not retry in lockstep.
    /// </summary>
    public static TimeSpan Exponential(int attempt, TimeSpan cap, double jitter)
    {
        var seconds = Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Clamp(attempt, 0, 30)));
        return TimeSpan.FromSeconds(seconds * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
    }

    /// <summary>
    /// The retry strategy as a plain, endless sequence of delays: <see cref="Exponential"/> for attempt 0, 1, 2 ...,
    /// each drawing its own <paramref name="jitter"/>. Take the next delay after each failure; start a new sequence
    /// after a success.
    /// </summary>
    public static IEnumerable<TimeSpan> Delays(TimeSpan cap, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(jitter);
        return Sequence(cap, jitter);

        static IEnumerable<TimeSpan> Sequence(TimeSpan cap, Func<double> jitter)
        {
            for (var attempt = 0; ; attempt++)
            {
                yield return Exponential(attempt, cap, jitter());
            }
        }
    }
}
