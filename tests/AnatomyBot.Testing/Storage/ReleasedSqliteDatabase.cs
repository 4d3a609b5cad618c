using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Testing.Storage;

/// <summary>
/// A database as the release before the storage ports wrote it: schema version 3 (Telegram only, integer chat ids),
/// frozen here as a copy so later schema changes cannot quietly change what "the old database" is. It holds, for chat
/// <c>chatId</c>: scores Ana (user 7) 5 and Ben (user 8) 0, poll <c>poll-1</c> (question q1, correct option 2) answered by
/// both, questions q1 and q2 asked this round, a daily quiz at 09:00 Europe/Berlin last posted at <c>at</c> + 1 h, a
/// poll reserved but not completed (<c>post-x</c>, q2, correct 1); chat -1005 gone; the update offset; update 99 handled;
/// update 100 waiting in the webhook inbox.
/// </summary>
public static class ReleasedSqliteDatabase
{
    private const string SchemaV3 = """
        CREATE TABLE schema_version (version INTEGER NOT NULL);
        INSERT INTO schema_version (version) VALUES (3);
        CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE chats_gone (chat_id INTEGER PRIMARY KEY, since_ms INTEGER NOT NULL);
        CREATE TABLE subscriptions (chat_id INTEGER PRIMARY KEY, local_time TEXT NOT NULL, zone TEXT NOT NULL,
            subscribed_at_ms INTEGER NOT NULL, last_posted_at_ms INTEGER NULL, last_posted_date TEXT NULL);
        CREATE TABLE quiz_history (chat_id INTEGER NOT NULL, question_id TEXT NOT NULL, asked_at_ms INTEGER NOT NULL,
            PRIMARY KEY (chat_id, question_id));
        CREATE TABLE polls (poll_id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, question_id TEXT NOT NULL,
            correct_index INTEGER NOT NULL, message_id INTEGER NOT NULL, posted_at_ms INTEGER NOT NULL);
        CREATE INDEX polls_chat ON polls (chat_id);
        CREATE TABLE answers (poll_id TEXT NOT NULL, user_id INTEGER NOT NULL, chat_id INTEGER NOT NULL, correct INTEGER NOT NULL,
            PRIMARY KEY (poll_id, user_id));
        CREATE INDEX answers_chat ON answers (chat_id);
        CREATE TABLE scores (chat_id INTEGER NOT NULL, user_id INTEGER NOT NULL, display_name TEXT NOT NULL, score INTEGER NOT NULL,
            PRIMARY KEY (chat_id, user_id));
        CREATE TABLE handled_updates (update_id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL);
        CREATE INDEX handled_updates_at ON handled_updates (at_ms);
        CREATE TABLE webhook_inbox (update_id INTEGER PRIMARY KEY, body TEXT NOT NULL, received_at_ms INTEGER NOT NULL);
        CREATE TABLE pending_polls (post_id TEXT PRIMARY KEY, chat_id INTEGER NOT NULL, question_id TEXT NOT NULL,
            correct_index INTEGER NOT NULL, at_ms INTEGER NOT NULL);
        """;

    /// <summary>The body stored for update 100 in the webhook inbox.</summary>
    public const string InboxBody = "{\"update_id\":100}";

    /// <summary>Writes the released database at <paramref name="path"/> (its folder is created).</summary>
    public static async Task WriteAsync(string path, long chatId, long updateOffset, DateTimeOffset at)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        var t0 = at.ToUnixTimeMilliseconds();
        var c = chatId.ToString(CultureInfo.InvariantCulture);
        await using var command = connection.CreateCommand();
        command.CommandText = SchemaV3 + $"""
            INSERT INTO kv VALUES ('update_offset', '{updateOffset}');
            INSERT INTO chats_gone VALUES (-1005, {t0});
            INSERT INTO subscriptions VALUES ({c}, '09:00', 'Europe/Berlin', {t0}, {t0 + 3_600_000}, '2026-03-02');
            INSERT INTO quiz_history VALUES ({c}, 'q1', {t0}), ({c}, 'q2', {t0});
            INSERT INTO polls VALUES ('poll-1', {c}, 'q1', 2, 10, {t0});
            INSERT INTO answers VALUES ('poll-1', 7, {c}, 1), ('poll-1', 8, {c}, 0);
            INSERT INTO scores VALUES ({c}, 7, 'Ana', 5), ({c}, 8, 'Ben', 0);
            INSERT INTO handled_updates VALUES (99, {t0});
            INSERT INTO webhook_inbox VALUES (100, '{InboxBody}', {t0});
            INSERT INTO pending_polls VALUES ('post-x', {c}, 'q2', 1, {t0});
            """;
        await command.ExecuteNonQueryAsync();
    }
}
