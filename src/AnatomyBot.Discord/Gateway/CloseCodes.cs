using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Gateway;

internal enum CloseAction
{
    Resume,
    Reidentify,
    Fatal,
}

/// <summary>What each gateway close code means for the next connection.</summary>
internal static class CloseCodes
{
    public static CloseAction Classify(GatewayCloseCode? code) => code switch
    {
        GatewayCloseCode.AuthenticationFailed or GatewayCloseCode.InvalidShard or GatewayCloseCode.ShardingRequired
            or GatewayCloseCode.InvalidApiVersion or GatewayCloseCode.InvalidIntents or GatewayCloseCode.DisallowedIntents => CloseAction.Fatal,
        GatewayCloseCode.UnknownOpcode or GatewayCloseCode.NotAuthenticated or GatewayCloseCode.AlreadyAuthenticated
            or GatewayCloseCode.InvalidSequence or GatewayCloseCode.SessionTimedOut => CloseAction.Reidentify,
        // UnknownError, DecodeError, RateLimited, drops without a code and anything unknown: try to resume; an
        // invalid session answer (op 9 false) then falls back to IDENTIFY.
        _ => CloseAction.Resume,
    };

    public static string FatalMessage(GatewayCloseCode code) => code switch
    {
        GatewayCloseCode.AuthenticationFailed => "Discord rejected the bot token (close 4004 Authentication failed). Set Discord:Token to the current token from the developer portal (Bot page, Reset Token) and restart.",
        GatewayCloseCode.InvalidShard => "Discord rejected the shard settings (close 4010 Invalid shard). Check that Discord:Shards lists only shard ids below Discord:ShardCount (they start at 0) and restart.",
        GatewayCloseCode.ShardingRequired => "Discord requires sharding for this bot (close 4011 Sharding required): it is in too many servers for one connection. Leave Discord:ShardCount unset (Discord's recommendation is used) or raise it, and restart.",
        GatewayCloseCode.InvalidApiVersion => "Discord rejected the gateway version (close 4012 Invalid API version). Update AnatomyBot.",
        GatewayCloseCode.InvalidIntents => "Discord rejected the gateway intents (close 4013 Invalid intents). This is a bug in AnatomyBot's intent calculation; report it.",
        GatewayCloseCode.DisallowedIntents => "Discord refused a privileged intent (close 4014 Disallowed intents). AnatomyBot needs none; if Discord:AnswerMentions is on and this persists, check the developer portal (Bot page, Privileged Gateway Intents) or turn Discord:AnswerMentions off, then restart.",
        _ => $"Discord closed the gateway with fatal code {(int)code}.",
    };
}
