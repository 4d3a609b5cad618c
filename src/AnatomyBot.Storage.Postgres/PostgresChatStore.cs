using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Postgres;

/// <summary><see cref="IChatStore"/> on PostgreSQL: table chats_gone, and every chat-keyed table for a move.</summary>
internal sealed class PostgresChatStore(PostgresDatabase database) : IChatStore
{
    public async Task<bool> IsChatGoneAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ScalarAsync(connection, null, "SELECT 1 FROM chats_gone WHERE platform = @p AND chat_id = @c;", cancellationToken,
            ("p", chat.Platform), ("c", chat.Id)) is not null;
    }

    public async Task MarkChatGoneAsync(ChatKey chat, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null,
            "INSERT INTO chats_gone (platform, chat_id, since_ms) VALUES (@p, @c, @t) ON CONFLICT (platform, chat_id) DO NOTHING;",
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("t", Pg.Ms(at)));
    }

    public async Task MarkChatActiveAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null, "DELETE FROM chats_gone WHERE platform = @p AND chat_id = @c;", cancellationToken,
            ("p", chat.Platform), ("c", chat.Id));
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
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Rows already present under the new id win, except scores, which add up (as in the SQLite provider).
        await Pg.ExecuteAsync(connection, transaction,
            """
            INSERT INTO quiz_scores (platform, chat_id, user_id, display_name, correct, answered)
                SELECT platform, @n, user_id, display_name, correct, answered FROM quiz_scores WHERE platform = @p AND chat_id = @o
                ON CONFLICT (platform, chat_id, user_id) DO UPDATE SET
                    correct = quiz_scores.correct + excluded.correct, answered = quiz_scores.answered + excluded.answered;
            DELETE FROM quiz_scores WHERE platform = @p AND chat_id = @o;
            UPDATE daily_quiz SET chat_id = @n WHERE platform = @p AND chat_id = @o
                AND NOT EXISTS (SELECT 1 FROM daily_quiz d WHERE d.platform = @p AND d.chat_id = @n);
            DELETE FROM daily_quiz WHERE platform = @p AND chat_id = @o;
            INSERT INTO quiz_round (platform, chat_id, question_id, asked_at_ms)
                SELECT platform, @n, question_id, asked_at_ms FROM quiz_round WHERE platform = @p AND chat_id = @o
                ON CONFLICT (platform, chat_id, question_id) DO NOTHING;
            DELETE FROM quiz_round WHERE platform = @p AND chat_id = @o;
            UPDATE quiz_posts SET chat_id = @n WHERE platform = @p AND chat_id = @o;
            UPDATE quiz_answers SET chat_id = @n WHERE platform = @p AND chat_id = @o;
            UPDATE quiz_typed SET chat_id = @n WHERE platform = @p AND chat_id = @o
                AND NOT EXISTS (SELECT 1 FROM quiz_typed t WHERE t.platform = @p AND t.chat_id = @n);
            DELETE FROM quiz_typed WHERE platform = @p AND chat_id = @o;
            DELETE FROM chats_gone WHERE platform = @p AND chat_id IN (@o, @n);
            """,
            cancellationToken, ("p", oldChat.Platform), ("o", oldChat.Id), ("n", newChat.Id));
        await transaction.CommitAsync(cancellationToken);
    }
}
