using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (3000-3099): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "Discord storage: opening the database failed ({Error}); quiz answers retry it. {Location}")]
    public static partial void StorageOpenFailed(this ILogger logger, string error, string location);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Discord recommends {Recommended} shards for this bot; Discord:ShardCount is {Count}")]
    public static partial void ShardCountDiffers(this ILogger logger, int recommended, int count);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Running Discord shards {Shards} of {Count}")]
    public static partial void RunningShards(this ILogger logger, string shards, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "GET /gateway/bot failed ({Status}); retrying")]
    public static partial void GatewayBotFailed(this ILogger logger, int status);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Skipped a malformed {Type} event")]
    public static partial void MalformedEventSkipped(this ILogger logger, string type);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Cannot register slash commands: the application id is unknown")]
    public static partial void RegisterNoApplicationId(this ILogger logger);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Registering the slash commands failed with {Status}; they will be retried on the next READY")]
    public static partial void RegisterFailed(this ILogger logger, int status);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Information, Message = "Registered the slash commands globally (new or changed commands can take a while to show up)")]
    public static partial void RegisteredGlobally(this ILogger logger);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Registered the slash commands on guild {GuildId}")]
    public static partial void RegisteredOnGuild(this ILogger logger, string guildId);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Error, Message = "Handling a Discord {Kind} failed")]
    public static partial void HandlingFailed(this ILogger logger, Exception exception, string kind);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Critical, Message = "Discord adapter stopped: {Message}")]
    public static partial void AdapterStopped(this ILogger logger, string message);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Discord {Route} failed: {Error}")]
    public static partial void RestFailed(this ILogger logger, string route, string error);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Discord {Route} still rate limited after {Retries} retries; giving up")]
    public static partial void RestRateLimitGivenUp(this ILogger logger, string route, int retries);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Discord {Route} rate limited ({Scope}); retrying after {RetryAfter:0.###} s")]
    public static partial void RestRateLimited(this ILogger logger, string route, string scope, double retryAfter);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Warning, Message = "Discord {Route} answered {Status}; retrying")]
    public static partial void RestRetrying(this ILogger logger, string route, int status);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Error, Message = "Discord rejected the bot token on {Route} (401 Unauthorized): check Discord:Token")]
    public static partial void TokenRejected(this ILogger logger, string route);

    [LoggerMessage(EventId = 3016, Level = LogLevel.Warning, Message = "Discord refused {Route} (403 Forbidden): the bot lacks a permission there")]
    public static partial void RestForbidden(this ILogger logger, string route);

    [LoggerMessage(EventId = 3017, Level = LogLevel.Warning, Message = "Discord {Route} answered {Status}: {Body}")]
    public static partial void RestRefused(this ILogger logger, string route, int status, string body);

    [LoggerMessage(EventId = 3018, Level = LogLevel.Warning, Message = "Discord gateway connection failed: {Error}")]
    public static partial void GatewayConnectFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 3019, Level = LogLevel.Information, Message = "Reconnecting to the Discord gateway in {Delay:0.0} s")]
    public static partial void GatewayReconnecting(this ILogger logger, double delay);

    [LoggerMessage(EventId = 3020, Level = LogLevel.Critical, Message = "{Message}")]
    public static partial void GatewayFatal(this ILogger logger, string message);

    [LoggerMessage(EventId = 3021, Level = LogLevel.Information, Message = "Identified shard {Shard} of {Count} with intents {Intents} (turn taken at {Turn:O})")]
    public static partial void Identified(this ILogger logger, int shard, int count, int intents, DateTimeOffset turn);

    [LoggerMessage(EventId = 3022, Level = LogLevel.Information, Message = "Resuming the Discord session at sequence {Sequence}")]
    public static partial void Resuming(this ILogger logger, long? sequence);

    [LoggerMessage(EventId = 3023, Level = LogLevel.Debug, Message = "Closing the gateway connection failed: {Error}")]
    public static partial void GatewayCloseFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 3024, Level = LogLevel.Warning, Message = "Discord gateway closed ({Code}); next: {Action}")]
    public static partial void GatewayClosed(this ILogger logger, object code, CloseAction action);

    [LoggerMessage(EventId = 3025, Level = LogLevel.Warning, Message = "Skipped a malformed Discord gateway frame ({Length} characters)")]
    public static partial void MalformedFrameSkipped(this ILogger logger, int length);

    [LoggerMessage(EventId = 3026, Level = LogLevel.Warning, Message = "Skipped a HELLO without a usable heartbeat_interval")]
    public static partial void HelloWithoutInterval(this ILogger logger);

    [LoggerMessage(EventId = 3027, Level = LogLevel.Information, Message = "Discord asked for a reconnect (op 7); resuming")]
    public static partial void ReconnectRequested(this ILogger logger);

    [LoggerMessage(EventId = 3028, Level = LogLevel.Warning, Message = "Discord invalidated the session (op 9, resumable: {Resumable})")]
    public static partial void SessionInvalidated(this ILogger logger, bool resumable);

    [LoggerMessage(EventId = 3029, Level = LogLevel.Warning, Message = "Skipped a READY without a session_id")]
    public static partial void ReadyWithoutSession(this ILogger logger);

    [LoggerMessage(EventId = 3030, Level = LogLevel.Information, Message = "Discord gateway ready (shard {Shard} of {Count})")]
    public static partial void GatewayReady(this ILogger logger, int shard, int count);

    [LoggerMessage(EventId = 3031, Level = LogLevel.Information, Message = "Discord gateway session resumed")]
    public static partial void SessionResumed(this ILogger logger);

    [LoggerMessage(EventId = 3032, Level = LogLevel.Warning, Message = "No HELLO from the Discord gateway within {Seconds} s; reconnecting")]
    public static partial void NoHello(this ILogger logger, double seconds);

    [LoggerMessage(EventId = 3033, Level = LogLevel.Warning, Message = "Heartbeat failed: {Error}")]
    public static partial void HeartbeatFailed(this ILogger logger, string error);

    [LoggerMessage(EventId = 3034, Level = LogLevel.Warning, Message = "No heartbeat ACK from Discord since the last heartbeat; reconnecting to resume")]
    public static partial void NoHeartbeatAck(this ILogger logger);

    [LoggerMessage(EventId = 3035, Level = LogLevel.Debug, Message = "A gateway send ended with {Error}")]
    public static partial void GatewaySendEnded(this ILogger logger, string error);

    [LoggerMessage(EventId = 3036, Level = LogLevel.Critical, Message = "Discord has no session starts left for this bot (0 of {Total}); shard {Shard} will not identify until they reset at {ResetAt:u}. Restarting sooner does not help; check for a crash loop.")]
    public static partial void NoSessionStartsLeft(this ILogger logger, int total, int shard, DateTimeOffset resetAt);

    [LoggerMessage(EventId = 3037, Level = LogLevel.Information, Message = "Discord user {UserId} used {Command}")]
    public static partial void StudyCommandUsed(this ILogger logger, string userId, string command);

    [LoggerMessage(EventId = 3038, Level = LogLevel.Warning, Message = "Interaction {InteractionId} callback type {Type} failed with {Status}")]
    public static partial void CallbackFailed(this ILogger logger, string interactionId, InteractionCallbackType type, int status);

    [LoggerMessage(EventId = 3039, Level = LogLevel.Warning, Message = "Cannot edit a deferred answer: the application id is unknown")]
    public static partial void EditNoApplicationId(this ILogger logger);

    [LoggerMessage(EventId = 3040, Level = LogLevel.Warning, Message = "Answering a mention in channel {ChannelId} failed with {Status}")]
    public static partial void MentionReplyFailed(this ILogger logger, string channelId, int status);

    [LoggerMessage(EventId = 3041, Level = LogLevel.Warning, Message = "Refused /dailyquiz from user {UserId} in channel {ChannelId}: cannot manage the server")]
    public static partial void DailyQuizRefused(this ILogger logger, string userId, string channelId);

    [LoggerMessage(EventId = 3042, Level = LogLevel.Information, Message = "Discord channel {ChannelId} changed its daily quiz to \"{Setting}\" (by user {UserId})")]
    public static partial void DailyQuizChanged(this ILogger logger, string channelId, string setting, string userId);

    [LoggerMessage(EventId = 3043, Level = LogLevel.Information, Message = "Posted quiz {QuestionId} to Discord channel {ChannelId} for user {UserId}")]
    public static partial void QuizPosted(this ILogger logger, string questionId, string channelId, string userId);

    [LoggerMessage(EventId = 3044, Level = LogLevel.Warning, Message = "Refused /reload from user {UserId} in channel {ChannelId}: not a moderator")]
    public static partial void ReloadRefused(this ILogger logger, string userId, string channelId);

    [LoggerMessage(EventId = 3045, Level = LogLevel.Information, Message = "/reload requested by user {UserId} in channel {ChannelId}")]
    public static partial void ReloadRequested(this ILogger logger, string userId, string channelId);

    [LoggerMessage(EventId = 3046, Level = LogLevel.Information, Message = "/reload by user {UserId}: {Outcome}")]
    public static partial void ReloadOutcome(this ILogger logger, string userId, string outcome);

    [LoggerMessage(EventId = 3047, Level = LogLevel.Error, Message = "/reload by user {UserId} failed")]
    public static partial void ReloadFailed(this ILogger logger, Exception exception, string userId);

    [LoggerMessage(EventId = 3048, Level = LogLevel.Warning, Message = "Discord storage: recording a quiz answer failed ({Error}). {Location}")]
    public static partial void AnswerStorageFailed(this ILogger logger, string error, string location);

    [LoggerMessage(EventId = 3049, Level = LogLevel.Warning, Message = "Discord storage: reading the channel's open quiz failed ({Error}). {Location}")]
    public static partial void OpenQuizStorageFailed(this ILogger logger, string error, string location);

    [LoggerMessage(EventId = 3050, Level = LogLevel.Debug, Message = "Ignoring interaction type {Type}")]
    public static partial void InteractionIgnored(this ILogger logger, InteractionType type);

    [LoggerMessage(EventId = 3051, Level = LogLevel.Error, Message = "The Discord daily quiz scheduler failed; trying again in {Delay}")]
    public static partial void DailyQuizSchedulerFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 3052, Level = LogLevel.Warning, Message = "Daily quiz of Discord channel {ChannelId} has an unknown time zone {Zone}; skipping it")]
    public static partial void DailyQuizUnknownZone(this ILogger logger, string channelId, string zone);

    [LoggerMessage(EventId = 3053, Level = LogLevel.Debug, Message = "Daily quiz of Discord channel {ChannelId} for {Date} was already claimed")]
    public static partial void DailyQuizAlreadyClaimed(this ILogger logger, string channelId, DateOnly date);

    [LoggerMessage(EventId = 3054, Level = LogLevel.Warning, Message = "The daily quiz for {Date} was not posted to Discord channel {ChannelId}: the quiz bank is empty")]
    public static partial void DailyQuizBankEmpty(this ILogger logger, DateOnly date, string channelId);

    [LoggerMessage(EventId = 3055, Level = LogLevel.Warning, Message = "The daily quiz for {Date} could not be posted to Discord channel {ChannelId}: HTTP {Status}")]
    public static partial void DailyQuizNotPosted(this ILogger logger, DateOnly date, string channelId, int status);

    [LoggerMessage(EventId = 3056, Level = LogLevel.Information, Message = "Posted the daily quiz for {Date} to Discord channel {ChannelId}{Late}")]
    public static partial void DailyQuizPosted(this ILogger logger, DateOnly date, string channelId, string late);

    [LoggerMessage(EventId = 3057, Level = LogLevel.Warning, Message = "Taking the identify turn {Pace} from the shared store failed ({Error}); pacing this process's session starts alone")]
    public static partial void SharedTurnFailed(this ILogger logger, string pace, string error);
}
