using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (2000-2099): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Critical, Message = "Telegram adapter stopped: {Reason}")]
    public static partial void AdapterStopped(this ILogger logger, string reason);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Refused a Telegram webhook request from {RemoteAddress}: {Problem} X-Telegram-Bot-Api-Secret-Token")]
    public static partial void WebhookSecretRefused(this ILogger logger, System.Net.IPAddress? remoteAddress, string problem);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Refused a Telegram webhook request: the body is not JSON")]
    public static partial void WebhookBodyNotJson(this ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Refused a Telegram webhook request from {RemoteAddress}: {Status} {Reason}")]
    public static partial void WebhookBadRequest(this ILogger logger, System.Net.IPAddress? remoteAddress, int status, string reason);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "A Telegram webhook request was aborted by the sender")]
    public static partial void WebhookAborted(this ILogger logger);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Refused a Telegram webhook request: no update_id")]
    public static partial void WebhookNoUpdateId(this ILogger logger);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Telegram delivered update {UpdateId} again; it is handled once")]
    public static partial void WebhookDuplicate(this ILogger logger, long updateId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Shutdown timeout reached with {Count} accepted Telegram webhook update(s) not handled yet; they stay in the inbox and are handled after the next start")]
    public static partial void WebhookShutdownPending(this ILogger logger, int count);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "The Telegram webhook worker failed; restarting it in {Delay}: {Error}")]
    public static partial void WebhookWorkerFailed(this ILogger logger, TimeSpan delay, string error);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Skipping Telegram webhook update {UpdateId}: its stored body is not JSON")]
    public static partial void WebhookStoredBodyNotJson(this ILogger logger, long updateId);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Telegram {Method} answered 200 with an unreadable result; taking it as done")]
    public static partial void UnreadableSuccess(this ILogger logger, string method);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "The Bot API server does not implement {Method} ({Error}): {Feature} is not available; the bot keeps answering without it")]
    public static partial void MethodNotImplemented(this ILogger logger, string method, ApiError? error, string feature);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Telegram storage: {Operation} failed ({Error}); retrying with back-off. {Location}")]
    public static partial void StorageFailed(this ILogger logger, string operation, string error, string location);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Telegram storage works again")]
    public static partial void StorageWorksAgain(this ILogger logger);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Debug, Message = "Not posting to Telegram chat {ChatId}: the bot was removed or blocked there")]
    public static partial void ChatGoneNotPosting(this ILogger logger, long chatId);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Telegram accepted {Method} to chat {ChatId} but its reply could not be read ({Error}); counting it as sent")]
    public static partial void SentButUnreadable(this ILogger logger, string method, long chatId, ApiError error);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Telegram chat {OldChatId} became supergroup {NewChatId}; moving its data and resending")]
    public static partial void ChatMigratedResending(this ILogger logger, long oldChatId, long newChatId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "Telegram refused to post to chat {ChatId} ({Error}); marking it gone and no longer posting there")]
    public static partial void ChatRefusedMarkedGone(this ILogger logger, long chatId, ApiError error);

    [LoggerMessage(EventId = 2018, Level = LogLevel.Information, Message = "Telegram rate limit for chat {ChatId}: waiting {RetryAfter} before retrying")]
    public static partial void SendRateLimited(this ILogger logger, long chatId, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 2019, Level = LogLevel.Warning, Message = "Sending to Telegram chat {ChatId} failed ({Error}); retrying in {Delay}")]
    public static partial void SendRetrying(this ILogger logger, long chatId, ApiError error, TimeSpan delay);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Giving up sending {Method} to Telegram chat {ChatId}: {Error}")]
    public static partial void SendGivenUp(this ILogger logger, string method, long chatId, ApiError error);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Could not check whether user {UserId} administers Telegram chat {ChatId}: {Error}")]
    public static partial void AdminCheckFailed(this ILogger logger, long userId, long chatId, ApiError? error);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "Telegram user {UserId} used /{Command}")]
    public static partial void StudyCommandUsed(this ILogger logger, long userId, string command);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Information, Message = "Telegram chat {ChatId} changed its daily quiz to \"{Setting}\" (by user {UserId})")]
    public static partial void DailyQuizChanged(this ILogger logger, long chatId, string setting, long? userId);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Warning, Message = "Refused /reload from Telegram user {UserId} in chat {ChatId}: not a moderator")]
    public static partial void ReloadRefused(this ILogger logger, long? userId, long chatId);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Information, Message = "Knowledge reload requested by Telegram moderator {UserId} in chat {ChatId}")]
    public static partial void ReloadRequested(this ILogger logger, long userId, long chatId);

    [LoggerMessage(EventId = 2026, Level = LogLevel.Information, Message = "Knowledge reload by Telegram moderator {UserId}: {Outcome}")]
    public static partial void ReloadOutcome(this ILogger logger, long userId, string outcome);

    [LoggerMessage(EventId = 2027, Level = LogLevel.Error, Message = "Knowledge reload by Telegram moderator {UserId} failed unexpectedly")]
    public static partial void ReloadFailed(this ILogger logger, Exception exception, long userId);

    [LoggerMessage(EventId = 2028, Level = LogLevel.Warning, Message = "Skipping malformed Telegram update {UpdateId}: {Reason}")]
    public static partial void MalformedUpdateSkipped(this ILogger logger, long updateId, string reason);

    [LoggerMessage(EventId = 2029, Level = LogLevel.Error, Message = "Telegram update {UpdateId} could not be handled: the store failed {Attempts} time(s) ({Error}); skipping it")]
    public static partial void UpdateStoreFailed(this ILogger logger, long updateId, int attempts, string error);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Error, Message = "Handling Telegram update {UpdateId} failed; skipping it: {Error}")]
    public static partial void UpdateFailed(this ILogger logger, long updateId, string error);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Information, Message = "This replica ({Replica}) took the Telegram polling lease; polling from the stored offset")]
    public static partial void LeaseTaken(this ILogger logger, string replica);

    [LoggerMessage(EventId = 2032, Level = LogLevel.Information, Message = "Another replica holds the Telegram polling lease; standing by, trying to take it every {Interval}")]
    public static partial void LeaseHeldElsewhere(this ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 2033, Level = LogLevel.Warning, Message = "Could not reach the database for the Telegram polling lease; trying again every {Interval}")]
    public static partial void LeaseDatabaseUnreachable(this ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 2034, Level = LogLevel.Warning, Message = "Could not renew the Telegram polling lease; trying again in {Interval}")]
    public static partial void LeaseRenewFailed(this ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(EventId = 2035, Level = LogLevel.Warning, Message = "This replica lost the Telegram polling lease ({Reason}); it stops polling and stands by")]
    public static partial void LeaseLost(this ILogger logger, Exception? exception, string reason);

    [LoggerMessage(EventId = 2036, Level = LogLevel.Information, Message = "This replica gave up the Telegram polling lease")]
    public static partial void LeaseGivenUp(this ILogger logger);

    [LoggerMessage(EventId = 2037, Level = LogLevel.Warning, Message = "Could not give up the Telegram polling lease; another replica takes over when it expires")]
    public static partial void LeaseGiveUpFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2038, Level = LogLevel.Debug, Message = "Ignoring Telegram update {UpdateId}: no field this bot handles")]
    public static partial void UpdateIgnored(this ILogger logger, long updateId);

    [LoggerMessage(EventId = 2039, Level = LogLevel.Information, Message = "Telegram group {OldChatId} was upgraded to supergroup {NewChatId}; moving its data")]
    public static partial void GroupUpgraded(this ILogger logger, long oldChatId, long newChatId);

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "The bot was removed from Telegram chat {ChatId}; no longer posting there")]
    public static partial void RemovedFromChat(this ILogger logger, long chatId);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Telegram adapter connected as @{Username} (id {BotId})")]
    public static partial void Connected(this ILogger logger, string? username, long botId);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Information, Message = "Telegram webhook registered at {WebhookUrl}; receiving updates on the HTTP listener instead of polling")]
    public static partial void WebhookRegistered(this ILogger logger, string webhookUrl);

    [LoggerMessage(EventId = 2043, Level = LogLevel.Warning, Message = "getUpdates returned something other than a list; retrying")]
    public static partial void GetUpdatesNotAList(this ILogger logger);

    [LoggerMessage(EventId = 2044, Level = LogLevel.Information, Message = "The Bot API server answers long polls at once; polling at most every {Interval} while idle")]
    public static partial void LongPollsAnsweredAtOnce(this ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 2045, Level = LogLevel.Warning, Message = "Skipping a Telegram update without a readable update_id")]
    public static partial void UpdateWithoutId(this ILogger logger);

    [LoggerMessage(EventId = 2046, Level = LogLevel.Error, Message = Updates.TelegramPollingService.ConflictMessage)]
    public static partial void Conflict(this ILogger logger);

    [LoggerMessage(EventId = 2047, Level = LogLevel.Warning, Message = "Telegram {Method} was rate limited; waiting {RetryAfter}")]
    public static partial void RateLimited(this ILogger logger, string method, TimeSpan retryAfter);

    [LoggerMessage(EventId = 2048, Level = LogLevel.Warning, Message = "Telegram {Method} failed ({Error}); retrying in {Delay}")]
    public static partial void CallRetrying(this ILogger logger, string method, ApiError error, TimeSpan delay);

    [LoggerMessage(EventId = 2049, Level = LogLevel.Warning, Message = "setMyCommands ({Scope}) failed: {Error}")]
    public static partial void SetMyCommandsFailed(this ILogger logger, object? scope, ApiError? error);

    [LoggerMessage(EventId = 2050, Level = LogLevel.Debug, Message = "Ignoring an answer to unknown poll {PollId}")]
    public static partial void UnknownPollAnswer(this ILogger logger, string pollId);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Error, Message = "The daily quiz scheduler failed; trying again in {Delay}")]
    public static partial void DailyQuizSchedulerFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2052, Level = LogLevel.Warning, Message = "Daily quiz of Telegram chat {ChatId} has an unknown time zone {Zone}; skipping it")]
    public static partial void DailyQuizUnknownZone(this ILogger logger, string chatId, string zone);

    [LoggerMessage(EventId = 2053, Level = LogLevel.Debug, Message = "Daily quiz of Telegram chat {ChatId} for {Date} was already claimed")]
    public static partial void DailyQuizAlreadyClaimed(this ILogger logger, long chatId, DateOnly date);

    [LoggerMessage(EventId = 2054, Level = LogLevel.Information, Message = "Posted the daily quiz for {Date} to Telegram chat {ChatId}{Late}")]
    public static partial void DailyQuizPosted(this ILogger logger, DateOnly date, long chatId, string late);

    [LoggerMessage(EventId = 2055, Level = LogLevel.Warning, Message = "The daily quiz for {Date} was not posted to Telegram chat {ChatId}: the quiz bank is empty")]
    public static partial void DailyQuizBankEmpty(this ILogger logger, DateOnly date, long chatId);

    [LoggerMessage(EventId = 2056, Level = LogLevel.Warning, Message = "The daily quiz for {Date} could not be posted to Telegram chat {ChatId}: the server does not implement quiz polls")]
    public static partial void DailyQuizPollsUnsupported(this ILogger logger, DateOnly date, long chatId);

    [LoggerMessage(EventId = 2057, Level = LogLevel.Warning, Message = "The daily quiz for {Date} could not be posted to Telegram chat {ChatId}: {Error}")]
    public static partial void DailyQuizNotPosted(this ILogger logger, DateOnly date, long chatId, ApiError? error);

    [LoggerMessage(EventId = 2058, Level = LogLevel.Information, Message = "Posted quiz {QuestionId} to Telegram chat {ChatId} as poll {PollId}")]
    public static partial void QuizPosted(this ILogger logger, string questionId, long chatId, string pollId);

    [LoggerMessage(EventId = 2059, Level = LogLevel.Warning, Message = "Telegram accepted the quiz for chat {ChatId} but returned no poll; answers to it cannot be scored")]
    public static partial void QuizWithoutPoll(this ILogger logger, long chatId);
}
