namespace AnatomyBot.Discord;

/// <summary>Who the bot is, as READY tells it: its application id (for webhooks and commands) and user id (for mentions).</summary>
internal sealed class DiscordBotIdentity
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
