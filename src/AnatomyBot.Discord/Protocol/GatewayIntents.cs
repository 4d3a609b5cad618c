namespace AnatomyBot.Discord.Protocol;

/// <summary>Gateway intents (the event groups a session subscribes to in IDENTIFY).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    /// <summary>Privileged; this bot never asks for it.</summary>
    MessageContent = 1 << 15,
}
