using AnatomyBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary><see cref="IUpdateInbox"/> on SQLite: tables update_offsets, update_inbox and handled_updates.</summary>
internal sealed class SqliteUpdateInbox(SqliteDatabase database) : IUpdateInbox
{
    private static readonly TimeSpan HandledKept = TimeSpan.FromDays(2);

    public async Task<long?> GetOffsetAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync(connection, null, "SELECT next_offset FROM update_offsets WHERE stream = $s;", cancellationToken, ("$s", stream))
            is long offset ? offset : null;
    }

    public async Task SetOffsetAsync(string stream, long offset, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO update_offsets (stream, next_offset) VALUES ($s, $v) ON CONFLICT (stream) DO UPDATE SET next_offset = excluded.next_offset;",
            cancellationToken, ("$s", stream), ("$v", offset));
    }

    public async Task<bool> IsHandledAsync(string stream, long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync(connection, null, "SELECT 1 FROM handled_updates WHERE stream = $s AND update_id = $id;", cancellationToken,
            ("$s", stream), ("$id", updateId)) is not null;
    }

    public async Task<bool> EnqueueAsync(string stream, long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, null,
            """
            INSERT INTO update_inbox (stream, update_id, body, received_at_ms)
                SELECT $s, $id, $body, $at WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE stream = $s AND update_id = $id)
                ON CONFLICT (stream, update_id) DO NOTHING;
            """,
            cancellationToken, ("$s", stream), ("$id", updateId), ("$body", json), ("$at", Sql.Ms(at))) == 1;
    }

    public async Task<IReadOnlyList<InboxUpdate>> GetPendingAsync(string stream, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, null, "SELECT update_id, body FROM update_inbox WHERE stream = $s ORDER BY update_id LIMIT $l;",
            r => new InboxUpdate(r.GetInt64(0), r.GetString(1)), cancellationToken, ("$s", stream), ("$l", limit));
    }

    public async Task<int> CountPendingAsync(string stream, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Sql.ToInt(await Sql.ScalarAsync(connection, null, "SELECT COUNT(*) FROM update_inbox WHERE stream = $s;", cancellationToken, ("$s", stream)));
    }

    public async Task CompleteAsync(string stream, long updateId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ms = Sql.Ms(at);
        await Sql.ExecuteAsync(connection, transaction,
            """
            INSERT OR IGNORE INTO handled_updates (stream, update_id, at_ms) VALUES ($s, $id, $at);
            DELETE FROM update_inbox WHERE stream = $s AND update_id = $id;
            DELETE FROM handled_updates WHERE at_ms < $old;
            """,
            cancellationToken, ("$s", stream), ("$id", updateId), ("$at", ms), ("$old", ms - (long)HandledKept.TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }
}
