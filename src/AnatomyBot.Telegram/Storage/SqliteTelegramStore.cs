using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Storage;

/// <summary>
/// <see cref="ITelegramStore"/> on an SQLite file (WAL mode). Instants are stored as Unix milliseconds,
/// local dates as yyyy-MM-dd. The schema version lives in <c>schema_version</c>; migrations only ever add.
/// </summary>
internal sealed class SqliteTelegramStore : ITelegramStore, IDisposable
{
    private const int CurrentVersion = 3;

    private static readonly string[] Migrations =
    [
        // Version 1.
        """
        CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS chats_gone (chat_id INTEGER PRIMARY KEY, since_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS subscriptions (
            chat_id INTEGER PRIMARY KEY,
            local_time TEXT NOT NULL,
            zone TEXT NOT NULL,
            subscribed_at_ms INTEGER NOT NULL,
            last_posted_at_ms INTEGER NULL,
            last_posted_date TEXT NULL);
        CREATE TABLE IF NOT EXISTS quiz_history (
            chat_id INTEGER NOT NULL, question_id TEXT NOT NULL, asked_at_ms INTEGER NOT NULL,
            PRIMARY KEY (chat_id, question_id));
        CREATE TABLE IF NOT EXISTS polls (
            poll_id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, question_id TEXT NOT NULL,
            correct_index INTEGER NOT NULL, message_id INTEGER NOT NULL, posted_at_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS polls_chat ON polls (chat_id);
        CREATE TABLE IF NOT EXISTS answers (
            poll_id TEXT NOT NULL, user_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, correct INTEGER NOT NULL,
            PRIMARY KEY (poll_id, user_id));
        CREATE INDEX IF NOT EXISTS answers_chat ON answers (chat_id);
        CREATE TABLE IF NOT EXISTS scores (
            chat_id INTEGER NOT NULL, user_id INTEGER NOT NULL, display_name TEXT NOT NULL, score INTEGER NOT NULL,
            PRIMARY KEY (chat_id, user_id));
        """,
        // Version 2: webhook deliveries already handled (deduplication of Telegram's retries).
        """
        CREATE TABLE IF NOT EXISTS handled_updates (update_id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS handled_updates_at ON handled_updates (at_ms);
        """,
        // Version 3: the webhook inbox (stored before the 200) and quiz polls reserved before their send.
        """
        CREATE TABLE IF NOT EXISTS webhook_inbox (update_id INTEGER PRIMARY KEY, body TEXT NOT NULL, received_at_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS pending_polls (
            post_id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, question_id TEXT NOT NULL,
            correct_index INTEGER NOT NULL, at_ms INTEGER NOT NULL);
        """,
    ];

    private readonly string _connectionString;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteTelegramStore(IOptions<TelegramStorageOptions> options)
    {
        var path = Path.GetFullPath(options.Value.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY for this long before a statement fails.
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
        }.ToString();
        DatabasePath = path;
    }

    public string DatabasePath { get; }

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

            var directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new StoreUnusableException($"cannot create the directory {directory}: {ex.Message}");
                }
            }

            if (Directory.Exists(DatabasePath))
            {
                throw new StoreUnusableException($"{DatabasePath} is a directory, not a database file");
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
            var version = Convert.ToInt32(await ScalarAsync(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
            if (version > CurrentVersion)
            {
                throw new StoreUnusableException(
                    $"The database {DatabasePath} has schema version {version}, newer than this build understands ({CurrentVersion}). Use a newer AnatomyBot or another Storage:Path.");
            }

            for (var v = version; v < CurrentVersion; v++)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, Migrations[v], cancellationToken);
                await ExecuteAsync(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);", cancellationToken, ("$v", v + 1));
                await transaction.CommitAsync(cancellationToken);
            }

            // Catches a damaged file at start rather than at the first write that touches the damage.
            if (await ScalarAsync(connection, null, "PRAGMA quick_check;", cancellationToken) is string check && check != "ok")
            {
                throw new SqliteException($"SQLite Error 11: 'database disk image is malformed: {check}'.", 11);
            }

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
        var value = await ScalarAsync(connection, null, "SELECT value FROM kv WHERE key = 'update_offset';", cancellationToken);
        return value is string text ? long.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    public async Task SetUpdateOffsetAsync(long offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO kv (key, value) VALUES ('update_offset', $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            cancellationToken, ("$v", offset.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<bool> IsUpdateHandledAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT 1 FROM handled_updates WHERE update_id = $id;", cancellationToken, ("$id", updateId)) is not null;
    }

    public async Task<bool> EnqueueWebhookUpdateAsync(long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null,
            """
            INSERT INTO webhook_inbox (update_id, body, received_at_ms)
                SELECT $id, $body, $at WHERE NOT EXISTS (SELECT 1 FROM handled_updates WHERE update_id = $id)
                ON CONFLICT (update_id) DO NOTHING;
            """,
            cancellationToken, ("$id", updateId), ("$body", json), ("$at", at.ToUnixTimeMilliseconds())) == 1;
    }

    public async Task<IReadOnlyList<InboxUpdate>> GetWebhookInboxAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT update_id, body FROM webhook_inbox ORDER BY update_id LIMIT $l;", ("$l", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<InboxUpdate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new InboxUpdate(reader.GetInt64(0), reader.GetString(1)));
        }

        return list;
    }

    public async Task<int> CountWebhookInboxAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Convert.ToInt32(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM webhook_inbox;", cancellationToken) ?? 0L, CultureInfo.InvariantCulture);
    }

    public async Task CompleteWebhookUpdateAsync(long updateId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ms = at.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction,
            """
            INSERT OR IGNORE INTO handled_updates (update_id, at_ms) VALUES ($id, $at);
            DELETE FROM webhook_inbox WHERE update_id = $id;
            DELETE FROM handled_updates WHERE at_ms < $old;
            """,
            cancellationToken, ("$id", updateId), ("$at", ms), ("$old", ms - (long)TimeSpan.FromDays(2).TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> IsChatGoneAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ScalarAsync(connection, null, "SELECT 1 FROM chats_gone WHERE chat_id = $c;", cancellationToken, ("$c", chatId)) is not null;
    }

    public async Task MarkChatGoneAsync(long chatId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "INSERT INTO chats_gone (chat_id, since_ms) VALUES ($c, $t) ON CONFLICT (chat_id) DO NOTHING;",
            cancellationToken, ("$c", chatId), ("$t", at.ToUnixTimeMilliseconds()));
    }

    public async Task MarkChatActiveAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DELETE FROM chats_gone WHERE chat_id = $c;", cancellationToken, ("$c", chatId));
    }

    public async Task MigrateChatAsync(long oldChatId, long newChatId, CancellationToken cancellationToken)
    {
        if (oldChatId == newChatId)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        (string, object?)[] ids = [("$o", oldChatId), ("$n", newChatId)];
        // Rows already present under the new id win (UPDATE OR IGNORE), except scores, which add up.
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO scores (chat_id, user_id, display_name, score)
                SELECT $n, user_id, display_name, score FROM scores WHERE chat_id = $o
                ON CONFLICT (chat_id, user_id) DO UPDATE SET score = score + excluded.score;
            DELETE FROM scores WHERE chat_id = $o;
            UPDATE OR IGNORE subscriptions SET chat_id = $n WHERE chat_id = $o;
            DELETE FROM subscriptions WHERE chat_id = $o;
            UPDATE OR IGNORE quiz_history SET chat_id = $n WHERE chat_id = $o;
            DELETE FROM quiz_history WHERE chat_id = $o;
            UPDATE polls SET chat_id = $n WHERE chat_id = $o;
            UPDATE answers SET chat_id = $n WHERE chat_id = $o;
            DELETE FROM chats_gone WHERE chat_id IN ($o, $n);
            """,
            cancellationToken, ids);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> GetAskedQuestionsAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT question_id FROM quiz_history WHERE chat_id = $c;", ("$c", chatId));
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
        await ExecuteAsync(connection, null, "DELETE FROM quiz_history WHERE chat_id = $c;", cancellationToken, ("$c", chatId));
    }

    public async Task RecordPollAsync(PostedPoll poll, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT OR REPLACE INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms)
                VALUES ($p, $c, $q, $i, $m, $t);
            INSERT OR REPLACE INTO quiz_history (chat_id, question_id, asked_at_ms) VALUES ($c, $q, $t);
            """,
            cancellationToken,
            ("$p", poll.PollId), ("$c", poll.ChatId), ("$q", poll.QuestionId), ("$i", poll.CorrectIndex),
            ("$m", poll.MessageId), ("$t", poll.PostedAt.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task ReservePollAsync(PendingPoll pending, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ms = pending.At.ToUnixTimeMilliseconds();
        await ExecuteAsync(connection, transaction,
            """
            INSERT OR REPLACE INTO pending_polls (post_id, chat_id, question_id, correct_index, at_ms) VALUES ($p, $c, $q, $i, $t);
            INSERT OR REPLACE INTO quiz_history (chat_id, question_id, asked_at_ms) VALUES ($c, $q, $t);
            DELETE FROM pending_polls WHERE at_ms < $old;
            """,
            cancellationToken,
            ("$p", pending.PostId), ("$c", pending.ChatId), ("$q", pending.QuestionId), ("$i", pending.CorrectIndex), ("$t", ms),
            ("$old", ms - (long)TimeSpan.FromDays(7).TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompletePollAsync(string postId, string pollId, long messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // The chat id comes from the reservation unless the poll was already bound (an answer came first).
        await ExecuteAsync(connection, transaction,
            """
            INSERT OR IGNORE INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms)
                SELECT $poll, chat_id, question_id, correct_index, $m, $t FROM pending_polls WHERE post_id = $p;
            UPDATE polls SET message_id = $m WHERE poll_id = $poll;
            DELETE FROM pending_polls WHERE post_id = $p;
            """,
            cancellationToken, ("$p", postId), ("$poll", pollId), ("$m", messageId), ("$t", at.ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<PostedPoll?> BindPendingPollAsync(string pollId, long userId, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var candidates = new List<(string PostId, long ChatId, string QuestionId, int Correct, long At)>();
        await using (var command = Command(connection, transaction,
            """
            SELECT post_id, chat_id, question_id, correct_index, at_ms FROM pending_polls
                WHERE at_ms >= $since
                  AND ($u = chat_id OR chat_id IN (SELECT chat_id FROM scores WHERE user_id = $u)
                       OR NOT EXISTS (SELECT 1 FROM scores WHERE user_id = $u));
            """,
            ("$since", notBefore.ToUnixTimeMilliseconds()), ("$u", userId)))
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
            INSERT OR IGNORE INTO polls (poll_id, chat_id, question_id, correct_index, message_id, posted_at_ms) VALUES ($poll, $c, $q, $i, 0, $t);
            DELETE FROM pending_polls WHERE post_id = $p;
            """,
            cancellationToken, ("$poll", pollId), ("$c", only.ChatId), ("$q", only.QuestionId), ("$i", only.Correct), ("$t", only.At), ("$p", only.PostId));
        await transaction.CommitAsync(cancellationToken);
        return new PostedPoll(pollId, only.ChatId, only.QuestionId, only.Correct, 0, DateTimeOffset.FromUnixTimeMilliseconds(only.At));
    }

    public async Task<PostedPoll?> GetPollAsync(string pollId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT chat_id, question_id, correct_index, message_id, posted_at_ms FROM polls WHERE poll_id = $p;", ("$p", pollId));
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
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction,
            """
            INSERT OR IGNORE INTO answers (poll_id, user_id, chat_id, correct)
                SELECT poll_id, $u, chat_id, $k FROM polls WHERE poll_id = $p;
            """,
            cancellationToken, ("$p", pollId), ("$u", userId), ("$k", correct ? 1 : 0));
        if (inserted == 1)
        {
            // Everyone who answers appears on the board (with 0 until a correct answer); the name is refreshed.
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO scores (chat_id, user_id, display_name, score)
                    SELECT chat_id, $u, $n, $k FROM polls WHERE poll_id = $p
                    ON CONFLICT (chat_id, user_id) DO UPDATE SET score = score + excluded.score, display_name = excluded.display_name;
                """,
                cancellationToken, ("$p", pollId), ("$u", userId), ("$n", displayName), ("$k", correct ? 1 : 0));
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted == 1;
    }

    public async Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(long chatId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT user_id, display_name, score FROM scores WHERE chat_id = $c ORDER BY score DESC, display_name, user_id LIMIT $l;",
            ("$c", chatId), ("$l", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ScoreEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ScoreEntry(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return entries;
    }

    public async Task<DailyQuizSubscription?> GetSubscriptionAsync(long chatId, CancellationToken cancellationToken) =>
        (await ReadSubscriptionsAsync("WHERE chat_id = $c", chatId, cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(CancellationToken cancellationToken) =>
        await ReadSubscriptionsAsync("WHERE chat_id NOT IN (SELECT chat_id FROM chats_gone)", null, cancellationToken);

    public async Task SaveSubscriptionAsync(long chatId, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            """
            INSERT INTO subscriptions (chat_id, local_time, zone, subscribed_at_ms) VALUES ($c, $t, $z, $s)
                ON CONFLICT (chat_id) DO UPDATE SET local_time = excluded.local_time, zone = excluded.zone,
                    subscribed_at_ms = excluded.subscribed_at_ms;
            """,
            cancellationToken, ("$c", chatId), ("$t", time.ToString("HH:mm", CultureInfo.InvariantCulture)), ("$z", timeZoneId),
            ("$s", subscribedAt.ToUnixTimeMilliseconds()));
    }

    public async Task<bool> RemoveSubscriptionAsync(long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM subscriptions WHERE chat_id = $c;", cancellationToken, ("$c", chatId)) > 0;
    }

    public async Task<bool> TryClaimDailyPostAsync(long chatId, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var changed = await ExecuteAsync(connection, null,
            """
            UPDATE subscriptions SET last_posted_at_ms = $at, last_posted_date = $d
                WHERE chat_id = $c AND last_posted_at_ms IS $expected;
            """,
            cancellationToken, ("$c", chatId), ("$at", at.ToUnixTimeMilliseconds()),
            ("$d", localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("$expected", expectedLastPostedAt?.ToUnixTimeMilliseconds()));
        return changed == 1;
    }

    private async Task<List<DailyQuizSubscription>> ReadSubscriptionsAsync(string where, long? chatId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT chat_id, local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date FROM subscriptions {where} ORDER BY chat_id;",
            ("$c", chatId));
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
                reader.IsDBNull(5) ? null : DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
