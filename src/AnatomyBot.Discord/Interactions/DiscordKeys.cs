using AnatomyBot.Core.Storage;

namespace AnatomyBot.Discord.Interactions;

/// <summary>How Discord's channels and users are named in the platform-neutral stores.</summary>
internal static class DiscordKeys
{
    /// <summary>The platform name in every stored key.</summary>
    public const string Platform = "discord";

    /// <summary>A channel (or DM channel): quiz rounds and scores are kept per channel, as Telegram keeps them per chat.</summary>
    public static ChatKey Chat(string channelId) => new(Platform, channelId);

    public static UserKey User(string userId) => new(Platform, userId);
}
