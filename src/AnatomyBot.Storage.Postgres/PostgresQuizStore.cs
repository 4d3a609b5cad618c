using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary><see cref="IQuizStore"/> on PostgreSQL: tables quiz_round, quiz_posts, quiz_answers, quiz_scores and quiz_typed.</summary>
internal sealed class PostgresQuizStore(PostgresDatabase database) : IQuizStore
{
    private static readonly TimeSpan PendingKept = TimeSpan.FromDays(7);

    private const string PostColumns = "post_id, platform, chat_id, question_id, correct_index, posted_at_ms, external_id, pending";

    public async Task<IReadOnlySet<string>> GetAskedQuestionsAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await Pg.ListAsync(connection, null, "SELECT question_id FROM quiz_round WHERE platform = @p AND chat_id = @c;",
            r => r.GetString(0), cancellationToken, ("p", chat.Platform), ("c", chat.Id));
        return new HashSet<string>(ids, StringComparer.Ordinal);
    }

    public async Task ResetRoundAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null, "DELETE FROM quiz_round WHERE platform = @p AND chat_id = @c;", cancellationToken,
            ("p", chat.Platform), ("c", chat.Id));
    }

    public async Task ReservePostAsync(QuizPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ms = Pg.Ms(post.PostedAt);
        await Pg.ExecuteAsync(connection, transaction,
            """
            INSERT INTO quiz_posts (post_id, platform, chat_id, question_id, correct_index, external_id, posted_at_ms, pending)
                VALUES (@id, @p, @c, @q, @i, @x::text, @t, true)
                ON CONFLICT (post_id) DO UPDATE SET platform = excluded.platform, chat_id = excluded.chat_id,
                    question_id = excluded.question_id, correct_index = excluded.correct_index,
                    external_id = excluded.external_id, posted_at_ms = excluded.posted_at_ms, pending = true;
            INSERT INTO quiz_round (platform, chat_id, question_id, asked_at_ms) VALUES (@p, @c, @q, @t)
                ON CONFLICT (platform, chat_id, question_id) DO UPDATE SET asked_at_ms = excluded.asked_at_ms;
            DELETE FROM quiz_posts WHERE pending AND platform = @p AND posted_at_ms < @old
                AND NOT EXISTS (SELECT 1 FROM quiz_answers a WHERE a.post_id = quiz_posts.post_id);
            """,
            cancellationToken,
            ("id", post.PostId), ("p", post.Chat.Platform), ("c", post.Chat.Id), ("q", post.QuestionId), ("i", post.CorrectIndex),
            ("x", post.ExternalId), ("t", ms), ("old", ms - (long)PendingKept.TotalMilliseconds));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task CompletePostAsync(string postId, string? externalId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // A handle bound by an early answer stays; another post already holding the handle keeps it (the row is left
        // alone, as SQLite's UPDATE OR IGNORE does).
        try
        {
            await Pg.ExecuteAsync(connection, null,
                """
                UPDATE quiz_posts SET external_id = COALESCE(external_id, @x::text), pending = false
                    WHERE post_id = @id
                      AND (external_id IS NOT NULL OR @x::text IS NULL OR NOT EXISTS (
                          SELECT 1 FROM quiz_posts o WHERE o.platform = quiz_posts.platform AND o.external_id = @x::text AND o.post_id <> @id));
                """,
                cancellationToken, ("id", postId), ("x", externalId));
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another replica bound the same handle to another post at this moment: it keeps it.
        }
    }

    public async Task<QuizPost?> GetPostAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var posts = await Pg.ListAsync(connection, null, $"SELECT {PostColumns} FROM quiz_posts WHERE post_id = @id;",
            ReadPost, cancellationToken, ("id", postId));
        return posts.FirstOrDefault();
    }

    public async Task<QuizPost?> FindPostByExternalIdAsync(string platform, string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var posts = await Pg.ListAsync(connection, null, $"SELECT {PostColumns} FROM quiz_posts WHERE platform = @p AND external_id = @x;",
            ReadPost, cancellationToken, ("p", platform), ("x", externalId));
        return posts.FirstOrDefault();
    }

    public async Task<QuizPost?> BindPendingPostAsync(string externalId, UserKey user, DateTimeOffset notBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR UPDATE: two replicas binding at once; the second waits, then finds the post no longer pending.
        var candidates = await Pg.ListAsync(connection, transaction,
            $"""
            SELECT {PostColumns} FROM quiz_posts
                WHERE pending AND external_id IS NULL AND platform = @p AND posted_at_ms >= @since
                  AND (chat_id = @u
                       OR chat_id IN (SELECT chat_id FROM quiz_scores WHERE platform = @p AND user_id = @u)
                       OR NOT EXISTS (SELECT 1 FROM quiz_scores WHERE platform = @p AND user_id = @u))
                FOR UPDATE;
            """,
            ReadPost, cancellationToken, ("p", user.Platform), ("u", user.Id), ("since", Pg.Ms(notBefore)));
        if (candidates is not [var only])
        {
            return null;
        }

        var bound = await Pg.ExecuteAsync(connection, transaction,
            """
            UPDATE quiz_posts SET external_id = @x, pending = false
                WHERE post_id = @id AND external_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM quiz_posts o WHERE o.platform = quiz_posts.platform AND o.external_id = @x);
            """,
            cancellationToken, ("x", externalId), ("id", only.PostId));
        await transaction.CommitAsync(cancellationToken);
        return bound == 1 ? only with { ExternalId = externalId, Pending = false } : null;
    }

    public async Task<AnswerOutcome?> RecordAnswerAsync(QuizAnswerRecord answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        (string, object?)[] parameters =
        [
            ("id", answer.PostId), ("p", answer.User.Platform), ("u", answer.User.Id), ("n", answer.DisplayName),
            ("k", answer.ChosenIndex), ("t", Pg.Ms(answer.At)),
        ];
        // ON CONFLICT waits for a concurrent insert of the same answer (another replica) and then does nothing.
        var inserted = await Pg.ExecuteAsync(connection, transaction,
            """
            INSERT INTO quiz_answers (post_id, platform, user_id, chat_id, question_id, chosen_index, correct, answered_at_ms)
                SELECT post_id, platform, @u, chat_id, question_id, @k, correct_index = @k, @t
                FROM quiz_posts WHERE post_id = @id AND platform = @p
                ON CONFLICT (post_id, user_id) DO NOTHING;
            """,
            cancellationToken, parameters);
        if (inserted == 1)
        {
            // Everyone who answers appears on the board (with 0 until a right answer); the name is refreshed.
            await Pg.ExecuteAsync(connection, transaction,
                """
                INSERT INTO quiz_scores (platform, chat_id, user_id, display_name, correct, answered)
                    SELECT platform, chat_id, @u, @n, CASE WHEN correct THEN 1 ELSE 0 END, 1
                    FROM quiz_answers WHERE post_id = @id AND user_id = @u
                    ON CONFLICT (platform, chat_id, user_id) DO UPDATE SET
                        correct = quiz_scores.correct + excluded.correct, answered = quiz_scores.answered + 1,
                        display_name = excluded.display_name;
                """,
                cancellationToken, parameters);
        }

        var recorded = await Pg.ListAsync(connection, transaction,
            "SELECT chosen_index, correct FROM quiz_answers WHERE post_id = @id AND user_id = @u AND platform = @p;",
            r => new AnswerOutcome(inserted == 1, r.IsDBNull(0) ? -1 : r.GetInt32(0), r.GetBoolean(1)), cancellationToken, parameters);
        await transaction.CommitAsync(cancellationToken);
        return recorded.FirstOrDefault();
    }

    public async Task<ScoreEntry?> GetScoreAsync(ChatKey chat, UserKey user, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var scores = await Pg.ListAsync(connection, null,
            "SELECT user_id, display_name, correct, answered FROM quiz_scores WHERE platform = @p AND chat_id = @c AND user_id = @u;",
            r => new ScoreEntry(new UserKey(chat.Platform, r.GetString(0)), r.GetString(1), r.GetInt32(2), r.GetInt32(3)),
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("u", user.Id));
        return scores.FirstOrDefault();
    }

    public async Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(ChatKey chat, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // COLLATE "C": byte order, as SQLite sorts, whatever the database's collation.
        return await Pg.ListAsync(connection, null,
            """
            SELECT user_id, display_name, correct, answered FROM quiz_scores WHERE platform = @p AND chat_id = @c
                ORDER BY correct DESC, display_name COLLATE "C", user_id COLLATE "C" LIMIT @l;
            """,
            r => new ScoreEntry(new UserKey(chat.Platform, r.GetString(0)), r.GetString(1), r.GetInt32(2), r.GetInt32(3)),
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("l", limit));
    }

    public async Task OpenTypedAnswersAsync(ChatKey chat, string postId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null,
            """
            INSERT INTO quiz_typed (platform, chat_id, post_id, opened_at_ms) VALUES (@p, @c, @id, @t)
                ON CONFLICT (platform, chat_id) DO UPDATE SET post_id = excluded.post_id, opened_at_ms = excluded.opened_at_ms;
            """,
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("id", postId), ("t", Pg.Ms(at)));
    }

    public async Task<QuizPost?> GetTypedAnswerPostAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var posts = await Pg.ListAsync(connection, null,
            $"SELECT {PostColumns} FROM quiz_posts WHERE post_id = (SELECT post_id FROM quiz_typed WHERE platform = @p AND chat_id = @c);",
            ReadPost, cancellationToken, ("p", chat.Platform), ("c", chat.Id));
        return posts.FirstOrDefault();
    }

    public async Task CloseTypedAnswersAsync(ChatKey chat, string? postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null,
            "DELETE FROM quiz_typed WHERE platform = @p AND chat_id = @c AND (@id::text IS NULL OR post_id = @id::text);",
            cancellationToken, ("p", chat.Platform), ("c", chat.Id), ("id", postId));
    }

    private static QuizPost ReadPost(NpgsqlDataReader r) => new(
        r.GetString(0),
        new ChatKey(r.GetString(1), r.GetString(2)),
        r.GetString(3),
        r.GetInt32(4),
        Pg.At(r.GetInt64(5)),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetBoolean(7));
}
