namespace AnatomyBot.Discord.Protocol;

/// <summary>
/// Close codes of a gateway connection. Discord's own codes are 4000-4014; 1000 and 1001 are the WebSocket
/// codes that end a session for good (the client never sends them, so a restarted bot can still resume).
/// </summary>
public enum GatewayCloseCode
{
    /// <summary>WebSocket normal closure: ends the session; never sent by this bot.</summary>
    NormalClosure = 1000,

    /// <summary>WebSocket "going away": ends the session too; never sent by this bot.</summary>
    GoingAway = 1001,

    /// <summary>Discord: unknown error; resumable. The bot also closes with it on purpose (see <c>GatewayClient.ResumableClose</c>).</summary>
    UnknownError = 4000,
    UnknownOpcode = 4001,
    DecodeError = 4002,
    NotAuthenticated = 4003,
    AuthenticationFailed = 4004,
    AlreadyAuthenticated = 4005,
    InvalidSequence = 4007,
    RateLimited = 4008,
    SessionTimedOut = 4009,
    InvalidShard = 4010,
    ShardingRequired = 4011,
    InvalidApiVersion = 4012,
    InvalidIntents = 4013,
    DisallowedIntents = 4014,
}
