using System.Globalization;
using AnatomyBot.Telegram.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// <see cref="ITelegramStore"/> on PostgreSQL, shared by every replica of the bot. The schema mirrors the SQLite store's
/// (instants as Unix milliseconds, so compare-and-set on them is exact); migrations run at start under an advisory
/// lock, so replicas starting together migrate once. Every deciding write is a single statement or one transaction, so
/// two replicas can never both win a daily-quiz claim, an answer or an inbox update.
/// </summary>
internal sealed class PostgresTelegramStore(NpgsqlDataSource dataSource) : ITelegramStore, IReplicaCoordination, IDisposable
{
    /// <summary>Key of the advisory lock held while migrating (any constant; "anatomyb" in ASCII).</summary>
    private const long MigrationLockKey = 0x616e61746f6d7962;

    private static readonly string[] Migrations =
    [
        // Version 1: everything the SQLite store has at its version 3, plus claims on inbox updates and leases.
        """
        CREATE TABLE kv (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE chats_gone (chat_id bigint PRIMARY KEY, since_ms bigint NOT NULL);
        CREATE TABLE subscriptions (
            chat_id bigint PRIMARY KEY,
            local_time text NOT NULL,
            zone text NOT NULL,
            subscribed_at_ms bigint NOT NULL,
            last_posted_at_ms bigint NULL,
            last_posted_date date NULL);
        CREATE TABLE quiz_history (
            chat_id bigint NOT NULL, question_id text NOT NULL, asked_at_ms bigint NOT NULL,
            PRIMARY KEY (chat_id, question_id));
        CREATE TABLE polls (
            poll_id text PRIMARY KEY, chat_id bigint NOT NULL, question_id text NOT NULL,
            correct_index integer NOT NULL, message_id bigint NOT NULL, posted_at_ms bigint NOT NULL);
        CREATE INDEX polls_chat ON polls (chat_id);
        CREATE TABLE answers (
            poll_id text NOT NULL, user_id bigint NOT NULL, chat_id bigint NOT NULL, correct boolean NOT NULL,
            PRIMARY KEY (poll_id, user_id));
        CREATE INDEX answers_chat ON answers (chat_id);
        CREATE TABLE scores (
            chat_id bigint NOT NULL, user_id bigint NOT NULL, display_name text NOT NULL, score integer NOT NULL,
            PRIMARY KEY (chat_id, user_id));
        CREATE INDEX scores_user ON scores (user_id);
        CREATE TABLE handled_updates (update_id bigint PRIMARY KEY, at_ms bigint NOT NULL);
        CREATE INDEX handled_updates_at ON handled_updates (at_ms);
        CREATE TABLE webhook_inbox (
            update_id bigint PRIMARY KEY, body text NOT NULL, received_at_ms bigint NOT NULL,
            claimed_by text NULL, claimed_until_ms bigint NULL);
        CREATE TABLE pending_polls (
            post_id text PRIMARY KEY, chat_id bigint NOT NULL, question_id text NOT NULL,
            correct_index integer NOT NULL, at_ms bigint NOT NULL);
        CREATE TABLE leases (name text PRIMARY KEY, owner text NOT NULL, until_ms bigint NOT NULL);
        """,
    ];

    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public static int CurrentVersion => Migrations.Length;

    public void Dispose() => _migrateGate.Dispose();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Replicas starting together: the first migrates, the others wait here and then find nothing to do.
            await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k);", cancellationToken, ("k", MigrationLockKey));
            await ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);", cancellationToken);
            var version = Convert.ToInt32(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken), CultureInfo.InvariantCulture);
            if (version > CurrentVersion)
            {
                throw new StoreUnusableException(
                    $"the PostgreSQL database {connection.Database} has schema version {version}, newer than this build understands ({CurrentVersion}); use a newer AnatomyBot on every replica");
            }

            for (var v = version; v < CurrentVersion; v++)
            {
                await ExecuteAsync(connection, transaction, Migrations[v], cancellationToken);
                await ExecuteAsync(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (@v);", cancellationToken, ("v", v + 1));
            }

            await transaction.CommitAsync(cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    public async Task<long?> GetUpdateOffsetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT value FROM kv WHERE key = 'update_offset';", cancellationToken) is string text
            ? long.Parse(text, CultureInfo.InvariantCulture)
            : null;
    }

    public async Task SetUpdateOffsetAsync(long offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO kv (key, value) VALUES ('update_offset', @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            cancellationToken, ("v", offset.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<bool> IsUpdateHandledAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT 1 FROM handled_updates WHERE update_id = @id;", cancellationToken, ("id", updateId)) is not null;
    }

    public async Task<bool> EnqueueWebhookUpdateAsync(long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null,
            """
            INSERT INTO webhook_inbox (update_id, body, received_at_ms)
                SELECT @id, @body, @at WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE update_id = @id)
                ON CONFLICT (update_id) DO NOTHING;
            """,
            cancellationToken, ("id", updateId), ("body", json), ("at", at.ToUnixTimeMilliseconds())) == 1;
    }

    public async Task<IReadOnlyList<InboxUpdate>> GetWebhookInboxAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT update_id, body FROM webhook_inbox ORDER BY update_id LIMIT @l;", ("l", limit));
        return await ReadInboxAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<InboxUpdate>> ClaimWebhookUpdatesAsync(string owner, int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        // SKIP LOCKED: replicas claiming at the same moment take different rows instead of waiting on each other.
        // A claim whose lease ran out (its replica died or hangs) is taken over. Rows another replica already
        // completed (a redelivery that slipped in while it completed) are not handed out.
        await using var command = Command(connection, null,
            """
            UPDATE webhook_inbox AS i SET claimed_by = @owner, claimed_until_ms = @until
                FROM (SELECT update_id FROM webhook_inbox
                        WHERE (claimed_until_ms IS NULL OR claimed_until_ms < @now OR claimed_by = @owner)
                          AND NOT EXISTS (SELECT 1 FROM handled_updates h WHERE h.update_id = webhook_inbox.update_id)
                        ORDER BY update_id LIMIT @l FOR UPDATE SKIP LOCKED) AS c
                WHERE i.update_id = c.update_id
                RETURNING i.update_id, i.body;
            """,
            ("owner", owner), ("until", nowMs + (long)lease.TotalMilliseconds), ("now", nowMs), ("l", limit));
        var claimed = await ReadInboxAsync(command, cancellationToken);
        return claimed.OrderBy(u => u.UpdateId).ToList();
    }

    public async Task<int> CountWebhookInboxAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Convert.ToInt32(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM webhook_inbox;", cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task CompleteWebhookUpdateAsync(long updateId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ms = at.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO handled_updates (update_id, at_ms) VALUES (@id, @at) ON CONFLICT (update_id) DO NOTHING;
            DELETE FROM webhook_inbox WHERE update_id = @id;
            DELETE FROM handled_updates WHERE at_ms < @old;
            """,
            cancellationToken, ("id", updateId), ("at", ms), ("old", ms - (long)TimeSpan.FromDays(2).TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var nowMs = now.ToUnixTimeMilliseconds();
        // One statement: taken when free, expired or already ours (a renewal); the row lock orders racing replicas.
        return await ExecuteAsync(connection, null,
            """
            INSERT INTO leases (name, owner, until_ms) VALUES (@n, @o, @until)
                ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until_ms = excluded.until_ms
                WHERE leases.owner = excluded.owner OR leases.until_ms < @now;
            """,
            cancellationToken, ("n", name), ("o", owner), ("until", nowMs + (long)duration.TotalMilliseconds), ("now", nowMs)) == 1;
    }

    public async Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DELETE FROM leases WHERE name = @n AND owner = @o;", cancellationToken, ("n", name), ("o", owner));
    }

    public async Task<bool> IsChatGoneAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT 1 FROM chats_gone WHERE chat_id = @c;", cancellationToken, ("c", chatId)) is not null;
    }

    public async Task MarkChatGoneAsync(long chatId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO chats_gone (chat_id, since_ms) VALUES (@c, @t) ON CONFLICT (chat_id) DO NOTHING;",
            cancellationToken, ("c", chatId), ("t", at.ToUnixTimeMilliseconds()));
    }

    public async Task MarkChatActiveAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DELETE FROM chats_gone WHERE chat_id = @c;", cancellationToken, ("c", chatId));
    }

    public async Task MigrateChatAsync(long oldChatId, long newChatId, CancellationToken cancellationToken)
    {
        if (oldChatId == newChatId)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows already present under the new id win, except scores, which add up (as in the SQLite store).
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO scores (chat_id, user_id, display_name, score)
                SELECT @n, user_id, display_name, score FROM scores WHERE chat_id = @o
                ON CONFLICT (chat_id, user_id) DO UPDATE SET score = scores.score + excluded.score;
            DELETE FROM scores WHERE chat_id = @o;
            UPDATE subscriptions SET chat_id = @n WHERE chat_id = @o AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE chat_id = @n);
            DELETE FROM subscriptions WHERE chat_id = @o;
            INSERT INTO quiz_history (chat_id, question_id, asked_at_ms)
                SELECT @n, question_id, asked_at_ms FROM quiz_history WHERE chat_id = @o ON CONFLICT DO NOTHING;
            DELETE FROM quiz_history WHERE chat_id = @o;
            UPDATE polls SET chat_id = @n WHERE chat_id = @o;
            UPDATE answers SET chat_id = @n WHERE chat_id = @o;
            DELETE FROM chats_gone WHERE chat_id IN (@o, @n);
            """,
            cancellationToken, ("o", oldChatId), ("n", newChatId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> GetAskedQuestionsAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT question_id FROM quiz_history WHERE chat_id = @c;", ("c", chatId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task ResetQuizHistoryAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DELETE FROM quiz_history WHERE chat_id = @c;", cancellationToken, ("c", chatId));
    }

    public async Task RecordPollAsync(PostedPoll poll, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms) VALUES (@p, @c, @q, @i, @m, @t)
                ON CONFLICT (poll_id) DO UPDATE SET chat_id = excluded.chat_id, question_id = excluded.question_id,
                    correct_index = excluded.correct_index, message_id = excluded.message_id, posted_at_ms = excluded.posted_at_ms;
            INSERT INTO quiz_history (chat_id, question_id, asked_at_ms) VALUES (@c, @q, @t)
                ON CONFLICT (chat_id, question_id) DO UPDATE SET asked_at_ms = excluded.asked_at_ms;
            """,
            cancellationToken,
            ("p", poll.PollId), ("c", poll.ChatId), ("q", poll.QuestionId), ("i", poll.CorrectIndex),
            ("m", poll.MessageId), ("t", poll.PostedAt.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReservePollAsync(PendingPoll pending, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ms = pending.At.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO pending_polls (post_id, chat_id, question_id, correct_index, at_ms) VALUES (@p, @c, @q, @i, @t)
                ON CONFLICT (post_id) DO UPDATE SET chat_id = excluded.chat_id, question_id = excluded.question_id,
                    correct_index = excluded.correct_index, at_ms = excluded.at_ms;
            INSERT INTO quiz_history (chat_id, question_id, asked_at_ms) VALUES (@c, @q, @t)
                ON CONFLICT (chat_id, question_id) DO UPDATE SET asked_at_ms = excluded.asked_at_ms;
            DELETE FROM pending_polls WHERE at_ms < @old;
            """,
            cancellationToken,
            ("p", pending.PostId), ("c", pending.ChatId), ("q", pending.QuestionId), ("i", pending.CorrectIndex), ("t", ms),
            ("old", ms - (long)TimeSpan.FromDays(7).TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompletePollAsync(string postId, string pollId, long messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The chat id comes from the reservation unless the poll was already bound (an answer came first).
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms)
                SELECT @poll, chat_id, question_id, correct_index, @m, @t FROM pending_polls WHERE post_id = @p
                ON CONFLICT (poll_id) DO NOTHING;
            UPDATE polls SET message_id = @m WHERE poll_id = @poll;
            DELETE FROM pending_polls WHERE post_id = @p;
            """,
            cancellationToken, ("p", postId), ("poll", pollId), ("m", messageId), ("t", at.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<PostedPoll?> BindPendingPollAsync(string pollId, long userId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var candidates = new List<(string PostId, long ChatId, string QuestionId, int Correct, long At)>();
        // FOR UPDATE: two replicas binding the same reservation at once; the second sees it gone and finds none.
        await using (var command = Command(connection, transaction,
            """
            SELECT post_id, chat_id, question_id, correct_index, at_ms FROM pending_polls
                WHERE at_ms >= @since
                  AND (@u = chat_id OR chat_id IN (SELECT chat_id FROM scores WHERE user_id = @u)
                       OR NOT EXISTS (SELECT 1 FROM scores WHERE user_id = @u))
                FOR UPDATE;
            """,
            ("since", notBefore.ToUnixTimeMilliseconds()), ("u", userId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4)));
            }
        }

        if (candidates is not [var only])
        {
            return null;
        }

        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms) VALUES (@poll, @c, @q, @i, 0, @t)
                ON CONFLICT (poll_id) DO NOTHING;
            DELETE FROM pending_polls WHERE post_id = @p;
            """,
            cancellationToken, ("poll", pollId), ("c", only.ChatId), ("q", only.QuestionId), ("i", only.Correct), ("t", only.At), ("p", only.PostId));
        await transaction.CommitAsync(cancellationToken);
        return new PostedPoll(pollId, only.ChatId, only.QuestionId, only.Correct, 0, DateTimeOffset.FromUnixTimeMilliseconds(only.At));
    }

    public async Task<PostedPoll?> GetPollAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT chat_id, question_id, correct_index, message_id, posted_at_ms FROM polls WHERE poll_id = @p;", ("p", pollId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PostedPoll(pollId, reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
    }

    public async Task<bool> RecordAnswerAsync(string pollId, long userId, string displayName, bool correct, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction,
            """
            INSERT INTO answers (poll_id, user_id, chat_id, correct)
                SELECT poll_id, @u, chat_id, @k FROM polls WHERE poll_id = @p
                ON CONFLICT (poll_id, user_id) DO NOTHING;
            """,
            cancellationToken, ("p", pollId), ("u", userId), ("k", correct));
        if (inserted == 1)
        {
            // Everyone who answers appears on the board (with 0 until a correct answer); the name is refreshed.
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO scores (chat_id, user_id, display_name, score)
                    SELECT chat_id, @u, @n, @k FROM polls WHERE poll_id = @p
                    ON CONFLICT (chat_id, user_id) DO UPDATE SET score = scores.score + excluded.score, display_name = excluded.display_name;
                """,
                cancellationToken, ("p", pollId), ("u", userId), ("n", displayName), ("k", correct ? 1 : 0));
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(long chatId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // COLLATE "C": the same byte order as SQLite's default, whatever the database's collation.
        await using var command = Command(connection, null,
            "SELECT user_id, display_name, score FROM scores WHERE chat_id = @c ORDER BY score DESC, display_name COLLATE \"C\", user_id LIMIT @l;",
            ("c", chatId), ("l", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ScoreEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ScoreEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return entries;
    }

    public async Task<DailyQuizSubscription?> GetSubscriptionAsync(long chatId, CancellationToken cancellationToken) =>
        (await ReadSubscriptionsAsync("WHERE chat_id = @c", chatId, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(CancellationToken cancellationToken) =>
        await ReadSubscriptionsAsync("WHERE chat_id NOT IN (SELECT chat_id FROM chats_gone)", null, cancellationToken);

    public async Task SaveSubscriptionAsync(long chatId, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            """
            INSERT INTO subscriptions (chat_id, local_time, zone, subscribed_at_ms) VALUES (@c, @t, @z, @s)
                ON CONFLICT (chat_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone,
                    subscribed_at_ms = excluded.subscribed_at_ms;
            """,
            cancellationToken, ("c", chatId), ("t", time.ToString("HH:mm", CultureInfo.InvariantCulture)), ("z", timeZoneId),
            ("s", subscribedAt.ToUnixTimeMilliseconds()));
    }

    public async Task<bool> RemoveSubscriptionAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM subscriptions WHERE chat_id = @c;", cancellationToken, ("c", chatId)) > 0;
    }

    public async Task<bool> TryClaimDailyPostAsync(long chatId, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Compare-and-set in one statement: the row lock makes a second replica's UPDATE re-check the condition after
        // the first commits, so it finds the new last_posted_at_ms and changes nothing.
        var changed = await ExecuteAsync(connection, null,
            """
            UPDATE subscriptions SET last_posted_at_ms = @at, last_posted_date = @d
                WHERE chat_id = @c AND last_posted_at_ms IS NOT DISTINCT FROM @expected;
            """,
            cancellationToken, ("c", chatId), ("at", at.ToUnixTimeMilliseconds()), ("d", localDate),
            ("expected", (object?)expectedLastPostedAt?.ToUnixTimeMilliseconds() ?? DBNull.Value));
        return changed == 1;
    }

    private async Task<List<DailyQuizSubscription>> ReadSubscriptionsAsync(string where, long? chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT chat_id, local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date FROM subscriptions {where} ORDER BY chat_id;",
            chatId is null ? [] : [("c", chatId.Value)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<DailyQuizSubscription>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new DailyQuizSubscription(
                reader.GetInt64(0),
                TimeOnly.ParseExact(reader.GetString(1), "HH:mm", CultureInfo.InvariantCulture),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
        }

        return list;
    }

    private static async Task<List<InboxUpdate>> ReadInboxAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<InboxUpdate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new InboxUpdate(reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
