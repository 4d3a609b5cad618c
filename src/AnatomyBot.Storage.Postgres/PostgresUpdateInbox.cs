using System.Globalization;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// <see cref="IUpdateInbox"/> and <see cref="IReplicaCoordination"/> on PostgreSQL: tables update_offsets, update_inbox
/// (with the claim of the replica handling each update), handled_updates and leases.
/// </summary>
internal sealed class PostgresUpdateInbox(PostgresDatabase database) : IUpdateInbox, IReplicaCoordination
{
    private static readonly TimeSpan HandledKept = TimeSpan.FromDays(2);

    public async Task<long?> GetOffsetAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ScalarAsync(connection, null, "SELECT next_offset FROM update_offsets WHERE stream = @s;", cancellationToken, ("s", stream))
            is long offset ? offset : null;
    }

    public async Task SetOffsetAsync(string stream, long offset, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null,
            "INSERT INTO update_offsets (stream, next_offset) VALUES (@s, @v) ON CONFLICT (stream) DO UPDATE SET next_offset = excluded.next_offset;",
            cancellationToken, ("s", stream), ("v", offset));
    }

    public async Task<bool> IsHandledAsync(string stream, long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ScalarAsync(connection, null, "SELECT 1 FROM handled_updates WHERE stream = @s AND update_id = @id;", cancellationToken,
            ("s", stream), ("id", updateId)) is not null;
    }

    public async Task<bool> EnqueueAsync(string stream, long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ExecuteAsync(connection, null,
            """
            INSERT INTO update_inbox (stream, update_id, body, received_at_ms)
                SELECT @s, @id, @body, @at WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE stream = @s AND update_id = @id)
                ON CONFLICT (stream, update_id) DO NOTHING;
            """,
            cancellationToken, ("s", stream), ("id", updateId), ("body", json), ("at", Pg.Ms(at))) == 1;
    }

    public async Task<IReadOnlyList<InboxUpdate>> GetPendingAsync(string stream, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ListAsync(connection, null, "SELECT update_id, body FROM update_inbox WHERE stream = @s ORDER BY update_id LIMIT @l;",
            r => new InboxUpdate(r.GetInt64(0), r.GetString(1)), cancellationToken, ("s", stream), ("l", limit));
    }

    public async Task<int> CountPendingAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Convert.ToInt32(await Pg.ScalarAsync(connection, null, "SELECT COUNT(*) FROM update_inbox WHERE stream = @s;", cancellationToken, ("s", stream)),
            CultureInfo.InvariantCulture);
    }

    public async Task CompleteAsync(string stream, long updateId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ms = Pg.Ms(at);
        await Pg.ExecuteAsync(connection, transaction,
            """
            INSERT INTO handled_updates (stream, update_id, at_ms) VALUES (@s, @id, @at) ON CONFLICT (stream, update_id) DO NOTHING;
            DELETE FROM update_inbox WHERE stream = @s AND update_id = @id;
            DELETE FROM handled_updates WHERE at_ms < @old;
            """,
            cancellationToken, ("s", stream), ("id", updateId), ("at", ms), ("old", ms - (long)HandledKept.TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<InboxUpdate>> ClaimAsync(string stream, string owner, int limit, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var nowMs = Pg.Ms(now);
        // SKIP LOCKED: replicas claiming at the same moment take different rows instead of waiting for each other. A
        // claim that ran out (its replica died or hangs) is taken over. A row already handled (a redelivery that slipped
        // in while another replica completed it) is not handed out.
        var claimed = await Pg.ListAsync(connection, null,
            """
            UPDATE update_inbox AS i SET claimed_by = @owner, claimed_until_ms = @until
                FROM (SELECT stream, update_id FROM update_inbox u
                        WHERE u.stream = @s
                          AND (u.claimed_until_ms IS NULL OR u.claimed_until_ms < @now OR u.claimed_by = @owner)
                          AND NOT EXISTS (SELECT 1 FROM handled_updates h WHERE h.stream = u.stream AND h.update_id = u.update_id)
                        ORDER BY u.update_id LIMIT @l FOR UPDATE SKIP LOCKED) AS c
                WHERE i.stream = c.stream AND i.update_id = c.update_id
                RETURNING i.update_id, i.body;
            """,
            r => new InboxUpdate(r.GetInt64(0), r.GetString(1)), cancellationToken,
            ("s", stream), ("owner", owner), ("until", nowMs + (long)claim.TotalMilliseconds), ("now", nowMs), ("l", limit));
        return claimed.OrderBy(u => u.UpdateId).ToList();
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var nowMs = Pg.Ms(now);
        // One statement: taken when free, expired or already ours (a renewal); the row lock orders racing replicas.
        return await Pg.ExecuteAsync(connection, null,
            """
            INSERT INTO leases (name, owner, until_ms) VALUES (@n, @o, @until)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
                WHERE leases.owner = excluded.owner OR leases.until_ms < @now;
            """,
            cancellationToken, ("n", name), ("o", owner), ("until", nowMs + (long)duration.TotalMilliseconds), ("now", nowMs)) == 1;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null, "DELETE FROM leases WHERE name = @n AND owner = @o;", cancellationToken, ("n", name), ("o", owner));
    }
}
