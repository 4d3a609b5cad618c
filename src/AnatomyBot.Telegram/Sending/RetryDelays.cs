using AnatomyBot.Telegram.Api;

namespace AnatomyBot.Telegram.Sending;

/// <summary>
/// The waits of one run of failed calls, read from <see cref="RetryPolicy.Delays"/>: every failure takes the next
/// delay of the sequence; a 409 Conflict (another poller or a webhook holds the token) takes the delay two steps
/// further on (4 s first), since that rarely clears at once. <see cref="Reset"/> after a success.
/// </summary>
internal sealed class RetryDelays(RetryPolicy policy) : IDisposable
{
    private const int ConflictHeadStart = 2;

    private IEnumerator<TimeSpan> _delays = policy.Delays().GetEnumerator();
    private IEnumerator<TimeSpan> _conflictDelays = policy.Delays().Skip(ConflictHeadStart).GetEnumerator();

    /// <summary>The wait after this failure; every failure counts, whatever its kind, as the next attempt.</summary>
    public TimeSpan Next(ApiErrorKind kind)
    {
        _delays.MoveNext();
        _conflictDelays.MoveNext();
        return kind == ApiErrorKind.Conflict ? _conflictDelays.Current : _delays.Current;
    }

    /// <summary>Starts over at the first delay (after a call that worked).</summary>
    public void Reset()
    {
        Dispose();
        _delays = policy.Delays().GetEnumerator();
        _conflictDelays = policy.Delays().Skip(ConflictHeadStart).GetEnumerator();
    }

    public void Dispose()
    {
        _delays.Dispose();
        _conflictDelays.Dispose();
    }
}
