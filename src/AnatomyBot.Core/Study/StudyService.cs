using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Study;

/// <summary>Settings of the study features (configuration section <c>Study</c>).</summary>
public sealed class StudyOptions
{
    public const string SectionName = "Study";

    /// <summary>IANA zone a student's days are counted in until they set their own with /review zone.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>How long a /link code can be used.</summary>
    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most /link codes one account may ask for per hour.</summary>
    public int LinkCodesPerHour { get; set; } = 3;

    /// <summary>Most wrong codes one account may enter per 15 minutes before /link refuses for a while.</summary>
    public int LinkFailuresPerWindow { get; set; } = 5;
}

/// <summary>The next /review question, or why there is none.</summary>
/// <param name="Item">The question to ask now; null when nothing is due and every question was answered.</param>
/// <param name="IsNew">True when nothing was due and this is a question the student has not answered before.</param>
/// <param name="Missed">Missed questions due now (the item included).</param>
/// <param name="Due">Other questions due now (the item included).</param>
public sealed record ReviewNext(QuizQuestion? Item, bool IsNew, int Missed, int Due, DateOnly? NextDueOn);

/// <summary>What /link (without a code) gave.</summary>
public sealed record LinkCodeIssue(string? Code, DateTimeOffset ExpiresAt, TimeSpan? RetryAfter)
{
    public bool IsRateLimited => Code is null;
}

/// <summary>What /link CODE did.</summary>
public enum LinkOutcome
{
    Linked,
    Invalid,
    AlreadyLinked,
    PlatformTaken,
    /// <summary>Too many wrong codes lately: try again later.</summary>
    RateLimited,
    /// <summary>Not the shape of a code at all.</summary>
    Malformed,
}

/// <summary>
/// The study features for every front end: feeds each quiz answer into the student's SM-2 schedule, builds the /review
/// queue and the /progress report, links accounts with one-time codes, unlinks, and forgets, through
/// <see cref="IStudyStore"/>. Time is the injected <see cref="TimeProvider"/>; days are the student's local days.
/// </summary>
public sealed class StudyService(IKnowledgeProvider knowledge, IStudyStore store, TimeProvider time, StudyOptions options, Func<KnowledgeSnapshot, RereadFinder> rereadFinder)
{
    /// <summary>Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L).</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const int CodeLength = 8;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    private readonly Dictionary<UserKey, Queue<DateTimeOffset>> _failures = [];

    /// <summary>The settings in force (the replies quote the code lifetime).</summary>
    public StudyOptions Options => options;
    private readonly Lock _failuresGate = new();
    private readonly Lock _finderGate = new();
    private RereadFinder? _finder;

    /// <summary>Feeds one quiz answer (any platform, any chat) into the student's schedule and history.</summary>
    public async Task<ReviewCard> RecordAnswerAsync(UserKey user, QuizQuestion question, bool correct, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var student = await store.GetOrCreateStudentAsync(user, now, cancellationToken);
        var today = StudyCalendar.LocalDay(now, Zone(student));
        return await store.RecordAnswerAsync(student.StudentId, new StudyAnswer(question.Id, question.Area, correct, now),
            card => Sm2Scheduler.Answer(card, question.Id, correct, today), cancellationToken);
    }

    /// <summary>The question /review asks next: the first of the queue, or a new one when nothing is due.</summary>
    public async Task<ReviewNext> NextReviewAsync(UserKey user, CancellationToken cancellationToken)
    {
        var bank = knowledge.Current.Quiz;
        var student = await store.FindStudentAsync(user, cancellationToken);
        var cards = student is null ? [] : await store.GetCardsAsync(student.StudentId, cancellationToken);
        var today = StudyCalendar.LocalDay(time.GetUtcNow(), Zone(student));
        var queue = ReviewQueue.Build(cards, bank, today);
        var missed = queue.Count(i => i.Reason == ReviewReason.Missed);
        if (queue.Length > 0)
        {
            return new ReviewNext(queue[0].Question, false, missed, queue.Length - missed, null);
        }

        var next = cards.Where(c => c.DueOn > today).Select(c => (DateOnly?)c.DueOn).Min();
        var unseen = ReviewQueue.Unseen(cards, bank);
        return new ReviewNext(unseen.IsDefaultOrEmpty ? null : unseen[0], !unseen.IsDefaultOrEmpty, 0, 0, next);
    }

    public async Task<ProgressReport> ProgressAsync(UserKey user, CancellationToken cancellationToken)
    {
        var snapshot = knowledge.Current;
        var student = await store.FindStudentAsync(user, cancellationToken);
        IReadOnlyList<StudyAnswer> answers = student is null ? [] : await store.GetAnswersAsync(student.StudentId, cancellationToken);
        IReadOnlyList<ReviewCard> cards = student is null ? [] : await store.GetCardsAsync(student.StudentId, cancellationToken);
        var finder = Finder(snapshot);
        return ProgressBuilder.Build([.. answers], [.. cards], snapshot.Quiz, finder.Find, Zone(student), time.GetUtcNow());
    }

    /// <summary>Sets the zone the student's days are counted in. False for an unknown zone id.</summary>
    public async Task<bool> SetTimeZoneAsync(UserKey user, string zoneId, CancellationToken cancellationToken)
    {
        if (!StudyCalendar.TryFindZone(zoneId, out _))
        {
            return false;
        }

        var student = await store.GetOrCreateStudentAsync(user, time.GetUtcNow(), cancellationToken);
        await store.SetTimeZoneAsync(student.StudentId, zoneId.Trim(), cancellationToken);
        return true;
    }

    /// <summary>A new one-time code that links another account to this one's record, unless the hourly limit is used up.</summary>
    public async Task<LinkCodeIssue> IssueLinkCodeAsync(UserKey user, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hourAgo = now - TimeSpan.FromHours(1);
        if (await store.CountLinkCodesAsync(user, hourAgo, cancellationToken) >= options.LinkCodesPerHour)
        {
            return new LinkCodeIssue(null, now, TimeSpan.FromHours(1));
        }

        var student = await store.GetOrCreateStudentAsync(user, now, cancellationToken);
        var code = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);
        var expires = now + options.LinkCodeLifetime;
        await store.SaveLinkCodeAsync(new LinkCodeRecord(HashCode(code), student.StudentId, user, now, expires), cancellationToken);
        return new LinkCodeIssue(code, expires, null);
    }

    /// <summary>Links this account to the record of the account that was given <paramref name="code"/>.</summary>
    public async Task<LinkOutcome> RedeemLinkCodeAsync(UserKey user, string code, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (IsFailureLimited(user, now))
        {
            return LinkOutcome.RateLimited;
        }

        var normalized = NormalizeCode(code);
        if (normalized is null)
        {
            return LinkOutcome.Malformed;
        }

        var status = await store.RedeemLinkCodeAsync(HashCode(normalized), user, now, cancellationToken);
        if (status == LinkRedeemStatus.Invalid)
        {
            RecordFailure(user, now);
        }

        return status switch
        {
            LinkRedeemStatus.Linked => LinkOutcome.Linked,
            LinkRedeemStatus.AlreadyLinked => LinkOutcome.AlreadyLinked,
            LinkRedeemStatus.PlatformTaken => LinkOutcome.PlatformTaken,
            _ => LinkOutcome.Invalid,
        };
    }

    public Task<bool> UnlinkAsync(UserKey user, CancellationToken cancellationToken) =>
        store.UnlinkAsync(user, time.GetUtcNow(), cancellationToken);

    public Task<IReadOnlyList<UserKey>> AccountsAsync(string studentId, CancellationToken cancellationToken) =>
        store.GetAccountsAsync(studentId, cancellationToken);

    public async Task<IReadOnlyList<UserKey>> LinkedAccountsAsync(UserKey user, CancellationToken cancellationToken) =>
        await store.FindStudentAsync(user, cancellationToken) is { } student
            ? await store.GetAccountsAsync(student.StudentId, cancellationToken)
            : [user];

    public Task<ForgetReport> ForgetAsync(UserKey user, CancellationToken cancellationToken) =>
        store.ForgetAsync(user, cancellationToken);

    /// <summary>The code in canonical form (upper case, no spaces or dashes), or null when it cannot be a code.</summary>
    public static string? NormalizeCode(string text)
    {
        var builder = new StringBuilder(CodeLength);
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            var upper = char.ToUpperInvariant(c);
            if (!CodeAlphabet.Contains(upper, StringComparison.Ordinal) || builder.Length == CodeLength)
            {
                return null;
            }

            builder.Append(upper);
        }

        return builder.Length == CodeLength ? builder.ToString() : null;
    }

    /// <summary>Codes are stored hashed, so a copy of the database cannot be used to link an account.</summary>
    public static string HashCode(string normalizedCode) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedCode)));

    private TimeZoneInfo Zone(Student? student) =>
        StudyCalendar.TryFindZone(student?.TimeZoneId, out var zone) ? zone
        : StudyCalendar.TryFindZone(options.DefaultTimeZone, out var fallback) ? fallback
        : TimeZoneInfo.Utc;

    private RereadFinder Finder(KnowledgeSnapshot snapshot)
    {
        lock (_finderGate)
        {
            if (_finder is null || !ReferenceEquals(_finder.Snapshot, snapshot))
            {
                _finder = rereadFinder(snapshot);
            }

            return _finder;
        }
    }

    private bool IsFailureLimited(UserKey user, DateTimeOffset now)
    {
        lock (_failuresGate)
        {
            if (!_failures.TryGetValue(user, out var failures))
            {
                return false;
            }

            while (failures.Count > 0 && failures.Peek() <= now - FailureWindow)
            {
                failures.Dequeue();
            }

            if (failures.Count == 0)
            {
                _failures.Remove(user);
            }

            return failures.Count >= options.LinkFailuresPerWindow;
        }
    }

    private void RecordFailure(UserKey user, DateTimeOffset now)
    {
        lock (_failuresGate)
        {
            if (!_failures.TryGetValue(user, out var failures))
            {
                _failures[user] = failures = new Queue<DateTimeOffset>();
            }

            failures.Enqueue(now);
        }
    }
}

/// <summary>Feeds every counted quiz answer into the student's review schedule.</summary>
public sealed class StudyQuizListener(StudyService study) : Quiz.IQuizAnswerListener
{
    public Task AnswerCountedAsync(UserKey user, QuizQuestion question, bool correct, CancellationToken cancellationToken) =>
        study.RecordAnswerAsync(user, question, correct, cancellationToken);
}
