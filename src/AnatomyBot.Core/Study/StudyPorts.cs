using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Study;

/// <summary>A student: one record that one or more platform accounts (linked with /link) share.</summary>
/// <param name="StudentId">The record's id (opaque).</param>
/// <param name="TimeZoneId">The IANA zone the student's days are counted in; null for the configured default.</param>
public sealed record Student(string StudentId, string? TimeZoneId);

/// <summary>A one-time link code as stored: only its hash, never the code itself.</summary>
public sealed record LinkCodeRecord(string CodeHash, string StudentId, UserKey IssuedBy, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>What redeeming a link code did.</summary>
public enum LinkRedeemStatus
{
    /// <summary>The redeeming account now shares the issuer's record; its own history was merged in.</summary>
    Linked,
    /// <summary>No such code, or it was used already, or it expired (one answer for all three: no oracle).</summary>
    Invalid,
    /// <summary>The code belongs to the same record (already linked, or the issuing account itself).</summary>
    AlreadyLinked,
    /// <summary>The record already has an account on the redeeming account's platform.</summary>
    PlatformTaken,
}

/// <summary>What /forgetme deleted, per kind of row.</summary>
/// <param name="Accounts">The platform accounts the record covered (all are forgotten).</param>
/// <param name="Rows">Rows deleted, by what they held (e.g. "review cards", "quiz answers", "scores"), only kinds with rows.</param>
public sealed record ForgetReport(IReadOnlyList<UserKey> Accounts, IReadOnlyList<(string What, int Rows)> Rows)
{
    public int Total => Rows.Sum(r => r.Rows);
}

/// <summary>
/// Port: a student's study record (review cards, answers, linked accounts, link codes). Every method is atomic on its
/// own: recording an answer is read-schedule-write in one transaction, so answers given at once on two linked
/// platforms are both counted and neither schedule update is lost.
/// </summary>
public interface IStudyStore
{
    /// <summary>The record <paramref name="account"/> belongs to, or null before its first answer or link.</summary>
    Task<Student?> FindStudentAsync(UserKey account, CancellationToken cancellationToken);

    /// <summary>The record <paramref name="account"/> belongs to, created (with a new id) when there is none.</summary>
    Task<Student> GetOrCreateStudentAsync(UserKey account, DateTimeOffset at, CancellationToken cancellationToken);

    Task SetTimeZoneAsync(string studentId, string? timeZoneId, CancellationToken cancellationToken);

    /// <summary>
    /// Records an answer and updates the question's card with <paramref name="schedule"/> (given the card as stored, or
    /// null), in one transaction. Returns the card as written.
    /// </summary>
    Task<ReviewCard> RecordAnswerAsync(string studentId, StudyAnswer answer, Func<ReviewCard?, ReviewCard> schedule, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewCard>> GetCardsAsync(string studentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StudyAnswer>> GetAnswersAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>The platform accounts that share the record.</summary>
    Task<IReadOnlyList<UserKey>> GetAccountsAsync(string studentId, CancellationToken cancellationToken);

    /// <summary>How many link codes <paramref name="account"/> was issued since <paramref name="since"/> (rate limit).</summary>
    Task<int> CountLinkCodesAsync(UserKey account, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores a new code; expired codes are pruned.</summary>
    Task SaveLinkCodeAsync(LinkCodeRecord code, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: finds the unexpired, unused code, deletes it (single use, whatever the outcome), and moves
    /// <paramref name="redeemer"/> with its history into the code's record, merging review cards with
    /// <see cref="ReviewCards.Merge"/>.
    /// </summary>
    Task<LinkRedeemStatus> RedeemLinkCodeAsync(string codeHash, UserKey redeemer, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Detaches <paramref name="account"/> from a shared record into a new one of its own that starts with a copy of the
    /// shared history. False when the account shares its record with no other account.
    /// </summary>
    Task<bool> UnlinkAsync(UserKey account, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every row about the record and about each of its accounts (study rows, and the quiz answers, scores and
    /// other per-user rows of the platforms), in one transaction, and says what was deleted.
    /// </summary>
    Task<ForgetReport> ForgetAsync(UserKey account, CancellationToken cancellationToken);
}

/// <summary>Combining two records' cards for one question when two accounts are linked.</summary>
public static class ReviewCards
{
    /// <summary>
    /// The schedule of the more recently answered card (the later due day when both were answered the same day; a miss
    /// wins a tie so it is not hidden), with both cards' answer counts added.
    /// </summary>
    public static ReviewCard Merge(ReviewCard a, ReviewCard b)
    {
        var latest = a.LastAnsweredOn != b.LastAnsweredOn
            ? (a.LastAnsweredOn > b.LastAnsweredOn ? a : b)
            : a.LastMissed != b.LastMissed ? (a.LastMissed ? a : b) : (a.DueOn <= b.DueOn ? a : b);
        return latest with { Answered = a.Answered + b.Answered, Correct = a.Correct + b.Correct };
    }
}
