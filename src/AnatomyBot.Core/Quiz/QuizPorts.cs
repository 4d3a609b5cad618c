using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Quiz;

/// <summary>
/// A quiz question put to a chat. Written before the platform send (so the question and its answer are durable even if
/// the process dies during the send) and completed after it.
/// </summary>
/// <param name="PostId">The bot's own id for the post (Discord buttons carry it).</param>
/// <param name="Chat">Where it was asked.</param>
/// <param name="QuestionId">The quiz bank question.</param>
/// <param name="CorrectIndex">The correct option as the platform shows it (Telegram may drop options past its limit).</param>
/// <param name="PostedAt">When it was reserved.</param>
/// <param name="ExternalId">The platform's handle that answers arrive with (a Telegram poll id), once known.</param>
/// <param name="Pending">True until the post is completed (or bound to an answer's handle).</param>
public sealed record QuizPost(
    string PostId,
    ChatKey Chat,
    string QuestionId,
    int CorrectIndex,
    DateTimeOffset PostedAt,
    string? ExternalId = null,
    bool Pending = true);

/// <summary>One user's answer to a post.</summary>
/// <param name="PostId">The post answered.</param>
/// <param name="User">Who answered; the same platform as the post's chat.</param>
/// <param name="DisplayName">The name shown on the leaderboard (refreshed with every counted answer).</param>
/// <param name="ChosenIndex">The option chosen, as the platform shows the options.</param>
/// <param name="At">When.</param>
public sealed record QuizAnswerRecord(string PostId, UserKey User, string DisplayName, int ChosenIndex, DateTimeOffset At);

/// <summary>What the store made of an answer: the first answer of a user to a post counts, later ones do not.</summary>
/// <param name="Counted">True for the user's first answer to the post.</param>
/// <param name="ChosenIndex">The counted answer's choice (the first one, when this one did not count).</param>
/// <param name="Correct">Whether the counted answer was right.</param>
public sealed record AnswerOutcome(bool Counted, int ChosenIndex, bool Correct);

/// <summary>A user's score in one chat: right answers out of answers counted.</summary>
public sealed record ScoreEntry(UserKey User, string DisplayName, int Correct, int Answered);

/// <summary>
/// Port: quiz state per chat. The round (questions asked since the bank was last exhausted), the posts and their
/// answers (one counted answer per user and post), and the scores. Every method is atomic on its own; recording an
/// answer is insert-if-absent, so two processes or a retried update cannot count an answer twice.
/// </summary>
public interface IQuizStore
{
    /// <summary>Question ids asked in the chat in the current round.</summary>
    Task<IReadOnlySet<string>> GetAskedQuestionsAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>Starts a new round: forgets which questions the chat has seen.</summary>
    Task ResetRoundAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>
    /// Records a post about to be sent (pending) and adds its question to the chat's round. Pending posts older than seven
    /// days that nobody answered are pruned.
    /// </summary>
    Task ReservePostAsync(QuizPost post, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a reserved post after the send, with the platform's handle for it (null when answers will carry the post
    /// id itself). Keeps a handle already bound by <see cref="BindPendingPostAsync"/>.
    /// </summary>
    Task CompletePostAsync(string postId, string? externalId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<QuizPost?> GetPostAsync(string postId, CancellationToken cancellationToken);

    /// <summary>The post that the platform handle <paramref name="externalId"/> belongs to, on <paramref name="platform"/>.</summary>
    Task<QuizPost?> FindPostByExternalIdAsync(string platform, string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// An answer arrived with a handle the store does not know: binds it to the pending post the process died (or failed
    /// to record) before completing, when exactly one pending post of the platform since <paramref name="notBefore"/> fits
    /// the user (their private chat, or a chat they have answered in; any chat when the user is new). Null when none or
    /// several fit.
    /// </summary>
    Task<QuizPost?> BindPendingPostAsync(string externalId, UserKey user, DateTimeOffset notBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Records an answer: the user's first answer to the post counts (and adds to their score in the post's chat, 1 when
    /// right, and to their answered count); a later one returns the first. Null when the post is unknown.
    /// </summary>
    Task<AnswerOutcome?> RecordAnswerAsync(QuizAnswerRecord answer, CancellationToken cancellationToken);

    /// <summary>The user's score in the chat, or null before their first answer there.</summary>
    Task<ScoreEntry?> GetScoreAsync(ChatKey chat, UserKey user, CancellationToken cancellationToken);

    /// <summary>The chat's best scores: most right answers first, then by name.</summary>
    Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(ChatKey chat, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Opens <paramref name="postId"/> for typed answers in <paramref name="chat"/> (a "B" typed in a Discord DM or mention
    /// is graded against it), replacing the post opened there before. One open post per chat.
    /// </summary>
    Task OpenTypedAnswersAsync(ChatKey chat, string postId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The post open for typed answers in the chat, or null when none is (or its post is no longer stored).</summary>
    Task<QuizPost?> GetTypedAnswerPostAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>
    /// Closes the chat's typed answers: only while <paramref name="postId"/> is the open one, or whatever is open when it
    /// is null (so closing an older post never closes a newer one opened in between).
    /// </summary>
    Task CloseTypedAnswersAsync(ChatKey chat, string? postId, CancellationToken cancellationToken);
}

/// <summary>A daily quiz subscription of one chat.</summary>
/// <param name="Chat">The chat.</param>
/// <param name="Time">Local time of day to post at.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. Europe/Berlin.</param>
/// <param name="SubscribedAt">When the setting was last changed; days whose time was already past then are not posted.</param>
/// <param name="LastPostedAt">Instant the last daily quiz was claimed (the source of truth for "already posted today").</param>
/// <param name="LastPostedLocalDate">Local date (in the zone at the time) the last quiz was posted for; informative.</param>
public sealed record DailyQuizSubscription(
    ChatKey Chat,
    TimeOnly Time,
    string TimeZoneId,
    DateTimeOffset SubscribedAt,
    DateTimeOffset? LastPostedAt,
    DateOnly? LastPostedLocalDate);

/// <summary>
/// Port: daily quiz subscriptions per chat and the once-per-local-day claim. The claim is compare-and-set, so two
/// processes or a crash between claim and post can never post the same day twice.
/// </summary>
public interface IDailyQuizStore
{
    Task<DailyQuizSubscription?> GetSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>The subscriptions of one platform's chats, leaving out chats the bot is gone from.</summary>
    Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(string platform, CancellationToken cancellationToken);

    /// <summary>Creates or changes a subscription; keeps the record of the last post (so a change never re-posts a day).</summary>
    Task SaveSubscriptionAsync(ChatKey chat, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken);

    Task<bool> RemoveSubscriptionAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims the daily post for <paramref name="localDate"/>: succeeds only if the last claim is still
    /// <paramref name="expectedLastPostedAt"/> (compare-and-set), so the same day can never be claimed twice.
    /// </summary>
    Task<bool> TryClaimDailyPostAsync(ChatKey chat, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Port: told of every counted quiz answer (the study features feed the student's review schedule from it).</summary>
public interface IQuizAnswerListener
{
    Task AnswerCountedAsync(UserKey user, QuizQuestion question, bool correct, CancellationToken cancellationToken);
}
