namespace AnatomyBot.Core.Storage;

/// <summary>
/// Port: turns of a named pace, at most one per interval, for everyone who shares the store (for example Discord's
/// session starts: one IDENTIFY per 5 s per rate-limit bucket, across every process of the bot). The PostgreSQL
/// provider keeps the turns in the shared database, so replicas take them in turn; the SQLite provider serves one
/// process and keeps them in memory (<see cref="InProcessTurnClaims"/>).
/// </summary>
public interface ITurnClaims
{
    /// <summary>
    /// Takes the turn of <paramref name="pace"/> at <paramref name="now"/> when the last turn taken was at least
    /// <paramref name="interval"/> earlier (or there was none); the next turn is then due at <paramref name="now"/> +
    /// <paramref name="interval"/>. Returns null when the turn was taken, otherwise when the next turn is due (later than
    /// <paramref name="now"/>, unless the turn was taken by someone else in the same instant: then try again). Of
    /// callers racing for one turn, exactly one takes it.
    /// </summary>
    Task<DateTimeOffset?> TryTakeTurnAsync(string pace, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken);
}

/// <summary>Turns kept in this process's memory: one process is everyone (the SQLite provider, and adapters without a store).</summary>
public sealed class InProcessTurnClaims : ITurnClaims
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextTurn = new(StringComparer.Ordinal);

    public Task<DateTimeOffset?> TryTakeTurnAsync(string pace, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pace);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_nextTurn.TryGetValue(pace, out var next) && next > now)
            {
                return Task.FromResult<DateTimeOffset?>(next);
            }

            _nextTurn[pace] = now + interval;
            return Task.FromResult<DateTimeOffset?>(null);
        }
    }
}
