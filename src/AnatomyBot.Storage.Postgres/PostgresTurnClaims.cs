using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// <see cref="ITurnClaims"/> on PostgreSQL, shared by every replica: a turn is a row of the leases table named
/// <c>turn:</c> + the pace, held by the replica that took it until the next turn is due (so it cannot be renewed early,
/// not even by its holder). Times are the callers' clocks, as for the other leases.
/// </summary>
internal sealed class PostgresTurnClaims(PostgresDatabase database, ReplicaIdentity replica) : ITurnClaims
{
    public async Task<DateTimeOffset?> TryTakeTurnAsync(string pace, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pace);
        var name = "turn:" + pace;
        var nowMs = Pg.Ms(now);
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement takes the turn when it is free or due; the row lock orders racing replicas, and the one that
        // waited sees the winner's next turn and leaves it.
        var taken = await Pg.ExecuteAsync(connection, null,
            """
            INSERT INTO leases (name, owner, until_ms) VALUES (@n, @o, @next)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
                WHERE leases.until_ms <= @now;
            """,
            cancellationToken, ("n", name), ("o", replica.Id), ("next", nowMs + (long)interval.TotalMilliseconds), ("now", nowMs)) == 1;
        if (taken)
        {
            return null;
        }

        return await Pg.ScalarAsync(connection, null, "SELECT until_ms FROM leases WHERE name = @n;", cancellationToken, ("n", name)) is long next
            ? DateTimeOffset.FromUnixTimeMilliseconds(next)
            : now; // Nobody deletes turns; should one vanish, the caller simply tries again.
    }
}
