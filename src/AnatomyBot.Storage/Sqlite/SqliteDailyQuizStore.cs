using System.Globalization;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Sqlite;

/// <summary><see cref="IDailyQuizStore"/> on SQLite: table daily_quiz.</summary>
internal sealed class SqliteDailyQuizStore(SqliteDatabase database) : IDailyQuizStore
{
    private const string Columns = "platform, chat_id, local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date";

    public async Task<DailyQuizSubscription?> GetSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var list = await Sql.ListAsync(connection, null, $"SELECT {Columns} FROM daily_quiz WHERE platform = $p AND chat_id = $c;",
            Read, cancellationToken, ("$p", chat.Platform), ("$c", chat.Id));
        return list.FirstOrDefault();
    }

    public async Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ListAsync(connection, null,
            $"""
            SELECT {Columns} FROM daily_quiz d WHERE platform = $p
                AND NOT EXISTS (SELECT 1 FROM chats_gone g WHERE g.platform = d.platform AND g.chat_id = d.chat_id)
                ORDER BY chat_id;
            """,
            Read, cancellationToken, ("$p", platform));
    }

    public async Task SaveSubscriptionAsync(ChatKey chat, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            """
            INSERT INTO daily_quiz (platform, chat_id, local_time, zone, subscribed_at_ms) VALUES ($p, $c, $t, $z, $s)
                ON CONFLICT (platform, chat_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone,
                    subscribed_at_ms = excluded.subscribed_at_ms;
            """,
            cancellationToken, ("$p", chat.Platform), ("$c", chat.Id), ("$t", time.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("$z", timeZoneId), ("$s", Sql.Ms(subscribedAt)));
    }

    public async Task<bool> RemoveSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ExecuteAsync(connection, null, "DELETE FROM daily_quiz WHERE platform = $p AND chat_id = $c;", cancellationToken,
            ("$p", chat.Platform), ("$c", chat.Id)) > 0;
    }

    public async Task<bool> TryClaimDailyPostAsync(ChatKey chat, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await Sql.ExecuteAsync(connection, null,
            """
            UPDATE daily_quiz SET last_posted_at_ms = $at, last_posted_date = $d
                WHERE platform = $p AND chat_id = $c AND last_posted_at_ms IS $expected;
            """,
            cancellationToken, ("$p", chat.Platform), ("$c", chat.Id), ("$at", Sql.Ms(at)),
            ("$d", localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$expected", expectedLastPostedAt is { } expected ? Sql.Ms(expected) : null));
        return changed == 1;
    }

    private static DailyQuizSubscription Read(Microsoft.Data.Sqlite.SqliteDataReader r) => new(
        new ChatKey(r.GetString(0), r.GetString(1)),
        TimeOnly.ParseExact(r.GetString(2), "HH:mm", CultureInfo.InvariantCulture),
        r.GetString(3),
        Sql.At(r.GetInt64(4)),
        r.IsDBNull(5) ? null : Sql.At(r.GetInt64(5)),
        r.IsDBNull(6) ? null : DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture));
}
