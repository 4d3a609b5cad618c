namespace AnatomyBot.Discord.Interactions;

/// <summary>What READY tells about the bot itself: its application id (for webhooks) and user id (for mentions).</summary>
internal sealed class DiscordSession
{
    private volatile string? _applicationId;
    private volatile string? _botUserId;

    public string? ApplicationId
    {
        get => _applicationId;
        set => _applicationId = value;
    }

    public string? BotUserId
    {
        get => _botUserId;
        set => _botUserId = value;
    }
}
