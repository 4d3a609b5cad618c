using System.Globalization;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// <see cref="IDailyQuizStore"/> on PostgreSQL: table daily_quiz. The claim is one compare-and-set UPDATE: the row lock
/// makes a second replica's UPDATE re-check its condition after the first commits, so it changes nothing.
/// </summary>
internal sealed class PostgresDailyQuizStore(PostgresDatabase database) : IDailyQuizStore
{
    private const string Columns = "platform, chat_id, local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date";

    public async Task<DailyQuizSubscription?> GetSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var list = await Pg.ListAsync(connection, null, $"SELECT {Columns} FROM daily_quiz WHERE platform = @p AND chat_id = @c;",
            Read, cancellationToken, ("p", chat.Platform), ("c", chat.Id));
        return list.FirstOrDefault();
    }

    public async Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(string platform, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ListAsync(connection, null,
            $"""
            SELECT {Columns} FROM daily_quiz d WHERE platform = @p
                AND NOT EXISTS (SELECT 1 FROM chats_gone g WHERE g.platform = d.platform AND g.chat_id = d.chat_id)
                ORDER BY chat_id COLLATE "C";
            """,
            Read, cancellationToken, ("p", platform));
    }

    public async Task SaveSubscriptionAsync(ChatKey chat, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null,
            """
            INSERT INTO daily_quiz (platform, chat_id, local_time, zone, subscribed_at_ms) VALUES (@p, @c, @t, @z, @s)
                ON CONFLICT (platform, chat_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone,
                    subscribed_at_ms = excluded.subscribed_at_ms;
            """,
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("t", time.ToString("HH:mm", CultureInfo.InvariantCulture)),
            ("z", timeZoneId), ("s", Pg.Ms(subscribedAt)));
    }

    public async Task<bool> RemoveSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ExecuteAsync(connection, null, "DELETE FROM daily_quiz WHERE platform = @p AND chat_id = @c;", cancellationToken,
            ("p", chat.Platform), ("c", chat.Id)) > 0;
    }

    public async Task<bool> TryClaimDailyPostAsync(ChatKey chat, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await Pg.ExecuteAsync(connection, null,
            """
            UPDATE daily_quiz SET last_posted_at_ms = @at, last_posted_date = @d
                WHERE platform = @p AND chat_id = @c AND last_posted_at_ms IS NOT DISTINCT FROM @expected::bigint;
            """,
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("at", Pg.Ms(at)), ("d", localDate),
            ("expected", expectedLastPostedAt is { } expected ? Pg.Ms(expected) : null));
        return changed == 1;
    }

    private static DailyQuizSubscription Read(NpgsqlDataReader r) => new(
        new ChatKey(r.GetString(0), r.GetString(1)),
        TimeOnly.ParseExact(r.GetString(2), "HH:mm", CultureInfo.InvariantCulture),
        r.GetString(3),
        Pg.At(r.GetInt64(4)),
        r.IsDBNull(5) ? null : Pg.At(r.GetInt64(5)),
        r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6));
}
