using AnatomyBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary><see cref="IChatStore"/> on SQLite: table chats_gone, and every chat-keyed table for a move.</summary>
internal sealed class SqliteChatStore(SqliteDatabase database) : IChatStore
{
    public async Task<bool> IsChatGoneAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Sql.ScalarAsync(connection, null, "SELECT 1 FROM chats_gone WHERE platform = $p AND chat_id = $c;", cancellationToken,
            ("$p", chat.Platform), ("$c", chat.Id)) is not null;
    }

    public async Task MarkChatGoneAsync(ChatKey chat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null,
            "INSERT INTO chats_gone (platform, chat_id, since_ms) VALUES ($p, $c, $t) ON CONFLICT (platform, chat_id) DO NOTHING;",
            cancellationToken, ("$p", chat.Platform), ("$c", chat.Id), ("$t", Sql.Ms(at)));
    }

    public async Task MarkChatActiveAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(connection, null, "DELETE FROM chats_gone WHERE platform = $p AND chat_id = $c;", cancellationToken,
            ("$p", chat.Platform), ("$c", chat.Id));
    }

    public async Task MoveChatAsync(ChatKey oldChat, ChatKey newChat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oldChat);
        ArgumentNullException.ThrowIfNull(newChat);
        if (oldChat == newChat)
        {
            return;
        }

        if (oldChat.Platform != newChat.Platform)
        {
            throw new ArgumentException($"A chat moves within its platform ({oldChat} to {newChat}).", nameof(newChat));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        // Rows already present under the new id win (UPDATE OR IGNORE), except scores, which add up.
        await Sql.ExecuteAsync(connection, transaction,
            """
            INSERT INTO quiz_scores (platform, chat_id, user_id, display_name, correct, answered)
                SELECT platform, $n, user_id, display_name, correct, answered FROM quiz_scores WHERE platform = $p AND chat_id = $o
                ON CONFLICT (platform, chat_id, user_id) DO UPDATE SET
                    correct = correct + excluded.correct, answered = answered + excluded.answered;
            DELETE FROM quiz_scores WHERE platform = $p AND chat_id = $o;
            UPDATE OR IGNORE daily_quiz SET chat_id = $n WHERE platform = $p AND chat_id = $o;
            DELETE FROM daily_quiz WHERE platform = $p AND chat_id = $o;
            UPDATE OR IGNORE quiz_round SET chat_id = $n WHERE platform = $p AND chat_id = $o;
            DELETE FROM quiz_round WHERE platform = $p AND chat_id = $o;
            UPDATE quiz_posts SET chat_id = $n WHERE platform = $p AND chat_id = $o;
            UPDATE quiz_answers SET chat_id = $n WHERE platform = $p AND chat_id = $o;
            UPDATE OR IGNORE quiz_typed SET chat_id = $n WHERE platform = $p AND chat_id = $o;
            DELETE FROM quiz_typed WHERE platform = $p AND chat_id = $o;
            DELETE FROM chats_gone WHERE platform = $p AND chat_id IN ($o, $n);
            """,
            cancellationToken, ("$p", oldChat.Platform), ("$o", oldChat.Id), ("$n", newChat.Id));
        await transaction.CommitAsync(cancellationToken);
    }
}
