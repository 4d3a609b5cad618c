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
    public static CloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        4001 or 4003 or 4005 or 4007 or 4009 => CloseAction.Reidentify,
        // 4000, 4002, 4008, drops without a code and anything unknown: try to resume; an invalid
        // session answer (op 9 false) then falls back to IDENTIFY.
        _ => CloseAction.Resume,
    };

    public static string FatalMessage(int code) => code switch
    {
        4004 => "Discord rejected the bot token (close 4004 Authentication failed). Set Discord:Token to the current token from the developer portal (Bot page, Reset Token) and restart.",
        4010 => "Discord rejected the shard settings (close 4010 Invalid shard). Check Discord:ShardId (0-based) is below Discord:ShardCount and restart.",
        4011 => "Discord requires sharding for this bot (close 4011 Sharding required): it is in too many servers for one connection. Set Discord:ShardCount (and run one process per Discord:ShardId) and restart.",
        4012 => "Discord rejected the gateway version (close 4012 Invalid API version). Update AnatomyBot.",
        4013 => "Discord rejected the gateway intents (close 4013 Invalid intents). This is a bug in AnatomyBot's intent calculation; report it.",
        4014 => "Discord refused a privileged intent (close 4014 Disallowed intents). AnatomyBot needs none; if Discord:AnswerMentions is on and this persists, check the developer portal (Bot page, Privileged Gateway Intents) or turn Discord:AnswerMentions off, then restart.",
        _ => $"Discord closed the gateway with fatal code {code}.",
    };
}
