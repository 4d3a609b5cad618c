using AnatomyBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>One schema step: applied once, in its own transaction, in version order.</summary>
internal sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>
/// The versioned schema. <c>schema_version</c> holds the version reached; each missing step runs in a transaction with
/// the version bump, so a crash mid-way leaves the previous version intact. Steps never lose rows: a step that reshapes
/// a table copies every row into the new shape. A database newer than this build is refused (never downgraded).
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<SqliteMigration> All =
    [
        new(1, "Telegram state: offset, gone chats, daily quiz, quiz history, polls, answers, scores", """
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
            """),
        new(2, "Webhook deliveries already handled (de-duplication of Telegram's retries)", """
            CREATE TABLE IF NOT EXISTS handled_updates (update_id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS handled_updates_at ON handled_updates (at_ms);
            """),
        new(3, "The webhook inbox (stored before the 200) and quiz polls reserved before their send", """
            CREATE TABLE IF NOT EXISTS webhook_inbox (update_id INTEGER PRIMARY KEY, body TEXT NOT NULL, received_at_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS pending_polls (
                post_id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, question_id TEXT NOT NULL,
                correct_index INTEGER NOT NULL, at_ms INTEGER NOT NULL);
            """),
        new(4, "Platform-neutral: chats and users keyed by platform + id; one table of quiz posts (pending or sent); answers keep the choice, question and time; scores keep answers counted; updates keyed by stream", """
            CREATE TABLE chats_gone_v4 (
                platform TEXT NOT NULL, chat_id TEXT NOT NULL, since_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id));
            INSERT INTO chats_gone_v4 (platform, chat_id, since_ms)
                SELECT 'telegram', CAST(chat_id AS TEXT), since_ms FROM chats_gone;
            DROP TABLE chats_gone;
            ALTER TABLE chats_gone_v4 RENAME TO chats_gone;

            CREATE TABLE daily_quiz (
                platform TEXT NOT NULL, chat_id TEXT NOT NULL,
                local_time TEXT NOT NULL, zone TEXT NOT NULL, subscribed_at_ms INTEGER NOT NULL,
                last_posted_at_ms INTEGER NULL, last_posted_date TEXT NULL,
                PRIMARY KEY (platform, chat_id));
            INSERT INTO daily_quiz (platform, chat_id, local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date)
                SELECT 'telegram', CAST(chat_id AS TEXT), local_time, zone, subscribed_at_ms, last_posted_at_ms, last_posted_date FROM subscriptions;
            DROP TABLE subscriptions;

            CREATE TABLE quiz_round (
                platform TEXT NOT NULL, chat_id TEXT NOT NULL, question_id TEXT NOT NULL, asked_at_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id, question_id));
            INSERT INTO quiz_round (platform, chat_id, question_id, asked_at_ms)
                SELECT 'telegram', CAST(chat_id AS TEXT), question_id, asked_at_ms FROM quiz_history;
            DROP TABLE quiz_history;

            CREATE TABLE quiz_posts (
                post_id TEXT PRIMARY KEY, platform TEXT NOT NULL, chat_id TEXT NOT NULL, question_id TEXT NOT NULL,
                correct_index INTEGER NOT NULL, external_id TEXT NULL, posted_at_ms INTEGER NOT NULL, pending INTEGER NOT NULL);
            CREATE UNIQUE INDEX quiz_posts_external ON quiz_posts (platform, external_id) WHERE external_id IS NOT NULL;
            CREATE INDEX quiz_posts_chat ON quiz_posts (platform, chat_id);
            CREATE INDEX quiz_posts_pending ON quiz_posts (platform, posted_at_ms) WHERE pending = 1;
            -- A sent poll's post id is its poll id; a reserved one keeps its post id.
            INSERT INTO quiz_posts (post_id, platform, chat_id, question_id, correct_index, external_id, posted_at_ms, pending)
                SELECT poll_id, 'telegram', CAST(chat_id AS TEXT), question_id, correct_index, poll_id, posted_at_ms, 0 FROM polls;
            INSERT OR IGNORE INTO quiz_posts (post_id, platform, chat_id, question_id, correct_index, external_id, posted_at_ms, pending)
                SELECT post_id, 'telegram', CAST(chat_id AS TEXT), question_id, correct_index, NULL, at_ms, 1 FROM pending_polls;

            CREATE TABLE quiz_answers (
                post_id TEXT NOT NULL, platform TEXT NOT NULL, user_id TEXT NOT NULL, chat_id TEXT NOT NULL,
                question_id TEXT NOT NULL, chosen_index INTEGER NULL, correct INTEGER NOT NULL, answered_at_ms INTEGER NOT NULL,
                PRIMARY KEY (post_id, user_id));
            CREATE INDEX quiz_answers_user ON quiz_answers (platform, user_id);
            CREATE INDEX quiz_answers_chat ON quiz_answers (platform, chat_id);
            -- Old answers did not keep the choice or the time: the choice stays unknown, the time is the poll's.
            INSERT INTO quiz_answers (post_id, platform, user_id, chat_id, question_id, chosen_index, correct, answered_at_ms)
                SELECT a.poll_id, 'telegram', CAST(a.user_id AS TEXT), CAST(a.chat_id AS TEXT), COALESCE(p.question_id, ''),
                       NULL, a.correct, COALESCE(p.posted_at_ms, 0)
                FROM answers a LEFT JOIN polls p ON p.poll_id = a.poll_id;

            CREATE TABLE quiz_scores (
                platform TEXT NOT NULL, chat_id TEXT NOT NULL, user_id TEXT NOT NULL, display_name TEXT NOT NULL,
                correct INTEGER NOT NULL, answered INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id, user_id));
            INSERT INTO quiz_scores (platform, chat_id, user_id, display_name, correct, answered)
                SELECT 'telegram', CAST(s.chat_id AS TEXT), CAST(s.user_id AS TEXT), s.display_name, s.score,
                       MAX(s.score, (SELECT COUNT(*) FROM answers a WHERE a.chat_id = s.chat_id AND a.user_id = s.user_id))
                FROM scores s;
            DROP TABLE answers;
            DROP TABLE scores;
            DROP TABLE polls;
            DROP TABLE pending_polls;

            CREATE TABLE update_offsets (stream TEXT PRIMARY KEY, next_offset INTEGER NOT NULL);
            INSERT INTO update_offsets (stream, next_offset)
                SELECT 'telegram', CAST(value AS INTEGER) FROM kv WHERE key = 'update_offset';
            DELETE FROM kv WHERE key = 'update_offset';

            CREATE TABLE update_inbox (
                stream TEXT NOT NULL, update_id INTEGER NOT NULL, body TEXT NOT NULL, received_at_ms INTEGER NOT NULL,
                PRIMARY KEY (stream, update_id));
            INSERT INTO update_inbox (stream, update_id, body, received_at_ms)
                SELECT 'telegram', update_id, body, received_at_ms FROM webhook_inbox;
            DROP TABLE webhook_inbox;

            CREATE TABLE handled_updates_v4 (
                stream TEXT NOT NULL, update_id INTEGER NOT NULL, at_ms INTEGER NOT NULL,
                PRIMARY KEY (stream, update_id));
            INSERT INTO handled_updates_v4 (stream, update_id, at_ms) SELECT 'telegram', update_id, at_ms FROM handled_updates;
            DROP TABLE handled_updates;
            ALTER TABLE handled_updates_v4 RENAME TO handled_updates;
            CREATE INDEX handled_updates_at ON handled_updates (at_ms);
            """),
        new(5, "Study: students and their linked accounts, review cards (SM-2), study answers, one-time link codes (hashed)", """
            CREATE TABLE students (student_id TEXT PRIMARY KEY, time_zone TEXT NULL, created_at_ms INTEGER NOT NULL);
            CREATE TABLE student_accounts (
                platform TEXT NOT NULL, user_id TEXT NOT NULL, student_id TEXT NOT NULL, linked_at_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, user_id));
            CREATE INDEX student_accounts_student ON student_accounts (student_id);
            CREATE TABLE review_cards (
                student_id TEXT NOT NULL, question_id TEXT NOT NULL, repetitions INTEGER NOT NULL, ease REAL NOT NULL,
                interval_days INTEGER NOT NULL, due_on TEXT NOT NULL, last_answered_on TEXT NOT NULL, last_missed INTEGER NOT NULL,
                answered INTEGER NOT NULL, correct INTEGER NOT NULL,
                PRIMARY KEY (student_id, question_id));
            CREATE TABLE study_answers (
                id INTEGER PRIMARY KEY AUTOINCREMENT, student_id TEXT NOT NULL, question_id TEXT NOT NULL, area TEXT NOT NULL,
                correct INTEGER NOT NULL, answered_at_ms INTEGER NOT NULL);
            CREATE INDEX study_answers_student ON study_answers (student_id);
            CREATE TABLE link_codes (
                code_hash TEXT PRIMARY KEY, student_id TEXT NOT NULL, platform TEXT NOT NULL, user_id TEXT NOT NULL,
                issued_at_ms INTEGER NOT NULL, expires_at_ms INTEGER NOT NULL, used_at_ms INTEGER NULL);
            CREATE INDEX link_codes_issuer ON link_codes (platform, user_id, issued_at_ms);
            """),
        new(6, "The quiz post each chat's typed answers go to (Discord DMs and mentions), so a typed answer is graded after a restart", """
            CREATE TABLE quiz_typed (
                platform TEXT NOT NULL, chat_id TEXT NOT NULL, post_id TEXT NOT NULL, opened_at_ms INTEGER NOT NULL,
                PRIMARY KEY (platform, chat_id));
            """),
    ];

    /// <summary>The version this build brings a database to.</summary>
    public static int LatestVersion => All[^1].Version;

    /// <summary>Applies every step above the database's version. Throws <see cref="StorageUnusableException"/> for a newer database.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, string databasePath, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await Sql.ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        var version = Sql.ToInt(await Sql.ScalarAsync(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken));
        if (version > LatestVersion)
        {
            throw new StorageUnusableException(
                $"The database {databasePath} has schema version {version}, newer than this build understands ({LatestVersion}). Use a newer AnatomyBot or another Storage:Path.");
        }

        foreach (var migration in All.Where(m => m.Version > version))
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES ($v);",
                cancellationToken, ("$v", migration.Version));
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
