namespace AnatomyBot.Telegram.Storage;

/// <summary>A daily quiz subscription of one chat.</summary>
/// <param name="ChatId">The chat.</param>
/// <param name="Time">Local time of day to post at.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. Europe/Berlin.</param>
/// <param name="SubscribedAt">When the setting was last changed; days whose time was already past then are not posted.</param>
/// <param name="LastPostedAt">Instant the last daily quiz was claimed (the source of truth for "already posted today").</param>
/// <param name="LastPostedLocalDate">Local date (in the zone at the time) the last quiz was posted for; informative.</param>
public sealed record DailyQuizSubscription(
    long ChatId,
    TimeOnly Time,
    string TimeZoneId,
    DateTimeOffset SubscribedAt,
    DateTimeOffset? LastPostedAt,
    DateOnly? LastPostedLocalDate);

/// <summary>A quiz poll the bot posted.</summary>
public sealed record PostedPoll(string PollId, long ChatId, string QuestionId, int CorrectIndex, long MessageId, DateTimeOffset PostedAt);

/// <summary>
/// A quiz poll about to be sent: written before the send (so the question and its answer are durable even if the
/// process dies during the send) and completed with Telegram's poll id after it.
/// </summary>
public sealed record PendingPoll(string PostId, long ChatId, string QuestionId, int CorrectIndex, DateTimeOffset At);

/// <summary>A webhook update stored before Telegram was answered 200, waiting to be handled.</summary>
public sealed record InboxUpdate(long UpdateId, string Json);

/// <summary>One line of a chat's leaderboard.</summary>
public sealed record ScoreEntry(long UserId, string DisplayName, int Score);

/// <summary>
/// Port: the adapter's durable state. SQLite implements it; a server database can replace it. Every method is
/// atomic on its own; the ones that decide something (claiming a daily post, recording an answer) are
/// compare-and-set so two processes or a crash between decide and act cannot double-count.
/// </summary>
public interface ITelegramStore
{
    /// <summary>Creates or upgrades the schema. Idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The offset to pass to the next getUpdates (last handled update_id + 1), or null before the first update.</summary>
    Task<long?> GetUpdateOffsetAsync(CancellationToken cancellationToken);

    Task SetUpdateOffsetAsync(long offset, CancellationToken cancellationToken);

    /// <summary>Whether a webhook update was already handled (Telegram retries deliveries it thinks failed).</summary>
    Task<bool> IsUpdateHandledAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a webhook update in the inbox (durably, before Telegram is answered). False when it is already in the
    /// inbox or was already handled (Telegram repeated a delivery).
    /// </summary>
    Task<bool> EnqueueWebhookUpdateAsync(long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The oldest inbox updates, in update_id order.</summary>
    Task<IReadOnlyList<InboxUpdate>> GetWebhookInboxAsync(int limit, CancellationToken cancellationToken);

    /// <summary>How many updates wait in the inbox.</summary>
    Task<int> CountWebhookInboxAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Marks an inbox update handled and removes it from the inbox, in one transaction; records of handled updates older
    /// than two days (Telegram keeps updates for one) are pruned.
    /// </summary>
    Task CompleteWebhookUpdateAsync(long updateId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<bool> IsChatGoneAsync(long chatId, CancellationToken cancellationToken);

    Task MarkChatGoneAsync(long chatId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The bot is back in the chat (re-added, or the user wrote again).</summary>
    Task MarkChatActiveAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>Moves every row of <paramref name="oldChatId"/> to <paramref name="newChatId"/> (group upgraded to supergroup).</summary>
    Task MigrateChatAsync(long oldChatId, long newChatId, CancellationToken cancellationToken);

    /// <summary>Quiz question ids asked in the chat in the current round.</summary>
    Task<IReadOnlySet<string>> GetAskedQuestionsAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>Starts a new round: forgets which questions the chat has seen.</summary>
    Task ResetQuizHistoryAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>Records a posted poll and adds its question to the chat's history.</summary>
    Task RecordPollAsync(PostedPoll poll, CancellationToken cancellationToken);

    /// <summary>Records a poll about to be sent and adds its question to the chat's history (before the send).</summary>
    Task ReservePollAsync(PendingPoll pending, CancellationToken cancellationToken);

    /// <summary>Completes a reserved poll with the id and message Telegram returned (after the send).</summary>
    Task CompletePollAsync(string postId, string pollId, long messageId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// An answer arrived for a poll id the store does not know: binds it to the reserved poll the process died (or
    /// failed to record) before completing, when exactly one such reservation since <paramref name="notBefore"/> fits
    /// the user (their private chat, or a chat they have answered in; any chat when the user is new). Null when none
    /// or several fit.
    /// </summary>
    Task<PostedPoll?> BindPendingPollAsync(string pollId, long userId, DateTimeOffset notBefore, CancellationToken cancellationToken);

    Task<PostedPoll?> GetPollAsync(string pollId, CancellationToken cancellationToken);

    /// <summary>Records a user's answer; scores +1 when correct. False when the user had already answered this poll.</summary>
    Task<bool> RecordAnswerAsync(string pollId, long userId, string displayName, bool correct, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(long chatId, int limit, CancellationToken cancellationToken);

    Task<DailyQuizSubscription?> GetSubscriptionAsync(long chatId, CancellationToken cancellationToken);

    Task<IReadOnlyList<DailyQuizSubscription>> GetSubscriptionsAsync(CancellationToken cancellationToken);

    /// <summary>Creates or changes a subscription; keeps the record of the last post (so a change never re-posts a day).</summary>
    Task SaveSubscriptionAsync(long chatId, TimeOnly time, string timeZoneId, DateTimeOffset subscribedAt, CancellationToken cancellationToken);

    Task<bool> RemoveSubscriptionAsync(long chatId, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims the daily post for <paramref name="localDate"/>: succeeds only if the last claim is still
    /// <paramref name="expectedLastPostedAt"/> (compare-and-set), so the same day can never be claimed twice.
    /// </summary>
    Task<bool> TryClaimDailyPostAsync(long chatId, DateTimeOffset? expectedLastPostedAt, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken);
}
