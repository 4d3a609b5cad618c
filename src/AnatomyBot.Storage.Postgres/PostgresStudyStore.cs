using System.Globalization;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// <see cref="IStudyStore"/> on PostgreSQL: tables students, student_accounts, review_cards, study_answers and link_codes
/// (the SQLite provider's statements in PostgreSQL's dialect). Transactions that decide something (creating a student,
/// recording an answer, redeeming a code, unlinking, forgetting) first take one transaction-scoped advisory lock, so
/// replicas serialise on it as SQLite's processes do on its write lock, and none loses an update.
/// </summary>
internal sealed class PostgresStudyStore(PostgresDatabase database) : IStudyStore
{
    /// <summary>Used and expired link codes are kept this long (they count towards the hourly limit), then pruned.</summary>
    private static readonly TimeSpan CodesKept = TimeSpan.FromDays(1);

    private const string CardColumns = "question_id, repetitions, ease, interval_days, due_on, last_answered_on, last_missed, answered, correct";

    public async Task<Student?> FindStudentAsync(UserKey account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, account, cancellationToken);
    }

    public async Task<Student> GetOrCreateStudentAsync(UserKey account, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await FindAsync(connection, null, account, cancellationToken) is { } found)
        {
            return found;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        var student = await GetOrCreateAsync(connection, transaction, account, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return student;
    }

    public async Task SetTimeZoneAsync(string studentId, string? timeZoneId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Pg.ExecuteAsync(connection, null, "UPDATE students SET time_zone = @z::text WHERE student_id = @s;", cancellationToken,
            ("z", (object?)timeZoneId ?? DBNull.Value), ("s", studentId));
    }

    public async Task<ReviewCard> RecordAnswerAsync(string studentId, StudyAnswer answer, Func<ReviewCard?, ReviewCard> schedule, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        var current = (await Pg.ListAsync(connection, transaction,
            $"SELECT {CardColumns} FROM review_cards WHERE student_id = @s AND question_id = @q;",
            ReadCard, cancellationToken, ("s", studentId), ("q", answer.QuestionId))).FirstOrDefault();
        var card = schedule(current);
        await Pg.ExecuteAsync(connection, transaction,
            "INSERT INTO study_answers (student_id, question_id, area, correct, answered_at_ms) VALUES (@s, @q, @a, @c, @t);",
            cancellationToken, ("s", studentId), ("q", answer.QuestionId), ("a", answer.Area), ("c", answer.Correct ? 1 : 0), ("t", Pg.Ms(answer.At)));
        await WriteCardAsync(connection, transaction, studentId, card, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return card;
    }

    public async Task<IReadOnlyList<ReviewCard>> GetCardsAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await CardsAsync(connection, null, studentId, cancellationToken);
    }

    public async Task<IReadOnlyList<StudyAnswer>> GetAnswersAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await Pg.ListAsync(connection, null,
            "SELECT question_id, area, correct, answered_at_ms FROM study_answers WHERE student_id = @s ORDER BY answered_at_ms, id;",
            r => new StudyAnswer(r.GetString(0), r.GetString(1), r.GetInt64(2) != 0, Pg.At(r.GetInt64(3))),
            cancellationToken, ("s", studentId));
    }

    public async Task<IReadOnlyList<UserKey>> GetAccountsAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AccountsAsync(connection, null, studentId, cancellationToken);
    }

    public async Task<int> CountLinkCodesAsync(UserKey account, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return ToInt(await Pg.ScalarAsync(connection, null,
            "SELECT COUNT(*) FROM link_codes WHERE platform = @p AND user_id = @u AND issued_at_ms >= @t;",
            cancellationToken, ("p", account.Platform), ("u", account.Id), ("t", Pg.Ms(since))));
    }

    public async Task SaveLinkCodeAsync(LinkCodeRecord code, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        await Pg.ExecuteAsync(connection, transaction,
            """
            DELETE FROM link_codes WHERE expires_at_ms < @old;
            INSERT INTO link_codes (code_hash, student_id, platform, user_id, issued_at_ms, expires_at_ms, used_at_ms)
                VALUES (@h, @s, @p, @u, @t, @e, NULL);
            """,
            cancellationToken, ("old", Pg.Ms(code.IssuedAt - CodesKept)), ("h", code.CodeHash), ("s", code.StudentId),
            ("p", code.IssuedBy.Platform), ("u", code.IssuedBy.Id), ("t", Pg.Ms(code.IssuedAt)), ("e", Pg.Ms(code.ExpiresAt)));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<LinkRedeemStatus> RedeemLinkCodeAsync(string codeHash, UserKey redeemer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        var target = (await Pg.ListAsync(connection, transaction,
            "SELECT student_id FROM link_codes WHERE code_hash = @h AND used_at_ms IS NULL AND expires_at_ms > @now;",
            r => r.GetString(0), cancellationToken, ("h", codeHash), ("now", Pg.Ms(now)))).FirstOrDefault();
        if (target is null || await StudentExistsAsync(connection, transaction, target, cancellationToken) is false)
        {
            return LinkRedeemStatus.Invalid;
        }

        // Single use whatever comes of it.
        await Pg.ExecuteAsync(connection, transaction, "UPDATE link_codes SET used_at_ms = @now WHERE code_hash = @h;",
            cancellationToken, ("now", Pg.Ms(now)), ("h", codeHash));
        var status = await LinkAsync(connection, transaction, target, redeemer, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return status;
    }

    public async Task<bool> UnlinkAsync(UserKey account, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        if (await FindAsync(connection, transaction, account, cancellationToken) is not { } shared
            || (await AccountsAsync(connection, transaction, shared.StudentId, cancellationToken)).Count < 2)
        {
            return false;
        }

        var own = NewId();
        await Pg.ExecuteAsync(connection, transaction,
            $"""
            INSERT INTO students (student_id, time_zone, created_at_ms) VALUES (@new, @z::text, @t);
            UPDATE student_accounts SET student_id = @new, linked_at_ms = @t WHERE platform = @p AND user_id = @u;
            INSERT INTO review_cards (student_id, {CardColumns}) SELECT @new, {CardColumns} FROM review_cards WHERE student_id = @old;
            INSERT INTO study_answers (student_id, question_id, area, correct, answered_at_ms)
                SELECT @new, question_id, area, correct, answered_at_ms FROM study_answers WHERE student_id = @old ORDER BY id;
            DELETE FROM link_codes WHERE platform = @p AND user_id = @u AND used_at_ms IS NULL;
            """,
            cancellationToken, ("new", own), ("z", shared.TimeZoneId), ("t", Pg.Ms(at)), ("p", account.Platform), ("u", account.Id),
            ("old", shared.StudentId));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<ForgetReport> ForgetAsync(UserKey account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DecideAsync(connection, transaction, cancellationToken);
        var student = await FindAsync(connection, transaction, account, cancellationToken);
        IReadOnlyList<UserKey> accounts = student is null ? [account] : await AccountsAsync(connection, transaction, student.StudentId, cancellationToken);
        var rows = new List<(string What, int Rows)>();

        async Task Delete(string what, string sql, params (string, object?)[] parameters)
        {
            var n = await Pg.ExecuteAsync(connection, transaction, sql, cancellationToken, parameters);
            var i = rows.FindIndex(r => r.What == what);
            if (i >= 0)
            {
                rows[i] = (what, rows[i].Rows + n);
            }
            else if (n > 0)
            {
                rows.Add((what, n));
            }
        }

        if (student is not null)
        {
            var s = ("s", (object?)student.StudentId);
            await Delete("review schedule (one row per question)", "DELETE FROM review_cards WHERE student_id = @s;", s);
            await Delete("answers in your study history", "DELETE FROM study_answers WHERE student_id = @s;", s);
            await Delete("link codes", "DELETE FROM link_codes WHERE student_id = @s;", s);
        }

        foreach (var user in accounts)
        {
            (string, object?)[] keys = [("p", user.Platform), ("u", user.Id)];
            await Delete("link codes", "DELETE FROM link_codes WHERE platform = @p AND user_id = @u;", keys);
            await Delete("quiz answers", "DELETE FROM quiz_answers WHERE platform = @p AND user_id = @u;", keys);
            await Delete("leaderboard scores", "DELETE FROM quiz_scores WHERE platform = @p AND user_id = @u;", keys);
            // The private chat with the bot has the user's id on Telegram (a Discord DM channel never shares an id
            // with a user, so these match nothing there): its quiz round, posts, daily quiz and status.
            await Delete("quiz answers", "DELETE FROM quiz_answers WHERE post_id IN (SELECT post_id FROM quiz_posts WHERE platform = @p AND chat_id = @u);", keys);
            await Delete("quiz questions posted in your private chat", "DELETE FROM quiz_posts WHERE platform = @p AND chat_id = @u;", keys);
            await Delete("quiz round of your private chat", "DELETE FROM quiz_round WHERE platform = @p AND chat_id = @u;", keys);
            await Delete("daily quiz setting of your private chat", "DELETE FROM daily_quiz WHERE platform = @p AND chat_id = @u;", keys);
            await Delete("private chat status", "DELETE FROM chats_gone WHERE platform = @p AND chat_id = @u;", keys);
            await Delete("linked accounts", "DELETE FROM student_accounts WHERE platform = @p AND user_id = @u;", keys);
        }

        if (student is not null)
        {
            await Delete("student record", "DELETE FROM students WHERE student_id = @s;", ("s", student.StudentId));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ForgetReport(accounts, rows);
    }

    private static async Task<LinkRedeemStatus> LinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string target, UserKey redeemer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await FindAsync(connection, transaction, redeemer, cancellationToken);
        if (current?.StudentId == target)
        {
            return LinkRedeemStatus.AlreadyLinked;
        }

        var targetAccounts = await AccountsAsync(connection, transaction, target, cancellationToken);
        IReadOnlyList<UserKey> moving = current is null ? [redeemer] : await AccountsAsync(connection, transaction, current.StudentId, cancellationToken);
        if (moving.Any(m => targetAccounts.Any(t => t.Platform == m.Platform)))
        {
            return LinkRedeemStatus.PlatformTaken;
        }

        if (current is null)
        {
            await Pg.ExecuteAsync(connection, transaction,
                "INSERT INTO student_accounts (platform, user_id, student_id, linked_at_ms) VALUES (@p, @u, @s, @t);",
                cancellationToken, ("p", redeemer.Platform), ("u", redeemer.Id), ("s", target), ("t", Pg.Ms(now)));
            return LinkRedeemStatus.Linked;
        }

        // Merge the redeemer's whole record into the target: cards question by question, answers, accounts, codes.
        var theirs = (await CardsAsync(connection, transaction, target, cancellationToken)).ToDictionary(c => c.QuestionId, StringComparer.Ordinal);
        foreach (var card in await CardsAsync(connection, transaction, current.StudentId, cancellationToken))
        {
            await WriteCardAsync(connection, transaction, target,
                theirs.TryGetValue(card.QuestionId, out var existing) ? ReviewCards.Merge(existing, card) : card, cancellationToken);
        }

        await Pg.ExecuteAsync(connection, transaction,
            """
            DELETE FROM review_cards WHERE student_id = @old;
            UPDATE study_answers SET student_id = @s WHERE student_id = @old;
            UPDATE student_accounts SET student_id = @s, linked_at_ms = @t WHERE student_id = @old;
            UPDATE link_codes SET student_id = @s WHERE student_id = @old;
            UPDATE students SET time_zone = COALESCE(time_zone, (SELECT time_zone FROM students WHERE student_id = @old)) WHERE student_id = @s;
            DELETE FROM students WHERE student_id = @old;
            """,
            cancellationToken, ("s", target), ("old", current.StudentId), ("t", Pg.Ms(now)));
        return LinkRedeemStatus.Linked;
    }

    private static async Task<Student?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, UserKey account, CancellationToken cancellationToken) =>
        (await Pg.ListAsync(connection, transaction,
            """
            SELECT s.student_id, s.time_zone FROM student_accounts a JOIN students s ON s.student_id = a.student_id
                WHERE a.platform = @p AND a.user_id = @u;
            """,
            r => new Student(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)),
            cancellationToken, ("p", account.Platform), ("u", account.Id))).FirstOrDefault();

    private static async Task<Student> GetOrCreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, UserKey account, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (await FindAsync(connection, transaction, account, cancellationToken) is { } found)
        {
            return found;
        }

        var id = NewId();
        await Pg.ExecuteAsync(connection, transaction,
            """
            INSERT INTO students (student_id, time_zone, created_at_ms) VALUES (@s, NULL, @t);
            INSERT INTO student_accounts (platform, user_id, student_id, linked_at_ms) VALUES (@p, @u, @s, @t);
            """,
            cancellationToken, ("s", id), ("t", Pg.Ms(at)), ("p", account.Platform), ("u", account.Id));
        return new Student(id, null);
    }

    private static async Task<bool> StudentExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string studentId, CancellationToken cancellationToken) =>
        ToInt(await Pg.ScalarAsync(connection, transaction, "SELECT COUNT(*) FROM students WHERE student_id = @s;", cancellationToken, ("s", studentId))) > 0;

    private static Task<List<UserKey>> AccountsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string studentId, CancellationToken cancellationToken) =>
        Pg.ListAsync(connection, transaction, "SELECT platform, user_id FROM student_accounts WHERE student_id = @s ORDER BY platform, user_id;",
            r => new UserKey(r.GetString(0), r.GetString(1)), cancellationToken, ("s", studentId));

    private static Task<List<ReviewCard>> CardsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string studentId, CancellationToken cancellationToken) =>
        Pg.ListAsync(connection, transaction, $"SELECT {CardColumns} FROM review_cards WHERE student_id = @s ORDER BY question_id;",
            ReadCard, cancellationToken, ("s", studentId));

    private static Task<int> WriteCardAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string studentId, ReviewCard card, CancellationToken cancellationToken) =>
        Pg.ExecuteAsync(connection, transaction,
            $"""
            INSERT INTO review_cards (student_id, {CardColumns})
                VALUES (@s, @q, @n, @e, @i, @due, @last, @missed, @answered, @correct)
                ON CONFLICT (student_id, question_id) DO UPDATE SET repetitions = excluded.repetitions, ease = excluded.ease,
                    interval_days = excluded.interval_days, due_on = excluded.due_on, last_answered_on = excluded.last_answered_on,
                    last_missed = excluded.last_missed, answered = excluded.answered, correct = excluded.correct;
            """,
            cancellationToken, ("s", studentId), ("q", card.QuestionId), ("n", card.Repetitions), ("e", card.Ease), ("i", card.IntervalDays),
            ("due", Day(card.DueOn)), ("last", Day(card.LastAnsweredOn)), ("missed", card.LastMissed ? 1 : 0), ("answered", card.Answered),
            ("correct", card.Correct));

    private static ReviewCard ReadCard(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetDouble(2), r.GetInt32(3), ParseDay(r.GetString(4)), ParseDay(r.GetString(5)),
        r.GetInt64(6) != 0, r.GetInt32(7), r.GetInt32(8));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static int ToInt(object? value) => Convert.ToInt32(value ?? 0L, CultureInfo.InvariantCulture);

    /// <summary>The study decisions' lock ("study" in ASCII), held until the transaction ends.</summary>
    private static Task<int> DecideAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Pg.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(499917058169);", cancellationToken);
}
