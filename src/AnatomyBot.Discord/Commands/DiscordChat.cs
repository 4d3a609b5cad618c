using System.Globalization;
using System.Text.Json.Nodes;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// Where a request came from and how to answer it, so each command is written once for slash commands, buttons,
/// mentions and DMs: who asked, in which channel, and a reply (private where the platform allows it).
/// </summary>
internal abstract class DiscordChat
{
    public abstract string ChannelId { get; }

    public abstract string UserId { get; }

    /// <summary>The name shown on the leaderboard.</summary>
    public abstract string DisplayName { get; }

    /// <summary>True when the request carries the member's permissions (an interaction); a message carries none.</summary>
    public abstract bool CarriesPermissions { get; }

    /// <summary>True when the member may manage the server here (Manage Server or Administrator).</summary>
    public abstract bool ManagesServer { get; }

    /// <summary>True when the user's next typed message reaches the bot here (a mention or DM), so a quiz can be answered by typing.</summary>
    public abstract bool TakesTypedAnswers { get; }

    /// <summary>True in a DM (no server channel: nobody else reads the answer).</summary>
    public abstract bool IsDirect { get; }

    /// <summary>For slow work: shows that the answer is coming (an interaction must be answered within 3 s); false when that failed.</summary>
    public abstract Task<bool> DeferAsync(bool privately, CancellationToken cancellationToken);

    /// <summary>Sends the answer (edits a deferred one in), with <paramref name="file"/> attached; false when the send failed (logged).</summary>
    public abstract Task<bool> ReplyAsync(JsonObject body, CancellationToken cancellationToken, RestFile? file = null);

    /// <summary>Sends plain text, private to the asker where the platform allows it.</summary>
    public Task<bool> ReplyTextAsync(string text, bool privately, CancellationToken cancellationToken) =>
        ReplyAsync(MessageRenderer.TextMessage(text, ephemeral: privately && CarriesPermissions), cancellationToken);
}

/// <summary>A slash command or a button click: answered by the interaction callback, or by editing a deferred one.</summary>
internal sealed class InteractionChat(Interaction interaction, DiscordRestClient rest, DiscordBotIdentity identity, ILogger logger) : DiscordChat
{
    private bool _deferred;

    public Interaction Interaction => interaction;

    public override string ChannelId => interaction.ChannelId ?? "";

    public override string UserId => interaction.UserId;

    /// <summary>Server nickname, then global name, then username, then the id.</summary>
    public override string DisplayName
    {
        get
        {
            var user = interaction.Member?.User ?? interaction.User;
            return new[] { interaction.Member?.Nick, user?.GlobalName, user?.Username }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))
                ?? interaction.UserId;
        }
    }

    public override bool CarriesPermissions => true;

    public override bool ManagesServer =>
        long.TryParse(interaction.Member?.Permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (((Permissions)bits) & (Permissions.Administrator | Permissions.ManageGuild)) != 0;

    public override bool TakesTypedAnswers => false;

    public override bool IsDirect => interaction.GuildId is null;

    public override async Task<bool> DeferAsync(bool privately, CancellationToken cancellationToken)
    {
        var data = privately ? new JsonObject { ["flags"] = MessageRenderer.EphemeralFlag } : null;
        _deferred = await RespondAsync(InteractionCallbackType.DeferredChannelMessageWithSource, data, cancellationToken);
        return _deferred;
    }

    public override Task<bool> ReplyAsync(JsonObject body, CancellationToken cancellationToken, RestFile? file = null)
    {
        if (!_deferred)
        {
            // A callback that is not deferred carries no file here: commands with a file defer first.
            return RespondAsync(InteractionCallbackType.ChannelMessageWithSource, body, cancellationToken);
        }

        // Whether the answer is private was settled by the deferral; an edit cannot change it.
        var flags = body["flags"]?.DeepClone();
        body.Remove("flags");
        return EditOriginalAsync(body, flags, file, cancellationToken);
    }

    /// <summary>Sends the interaction's one callback.</summary>
    public async Task<bool> RespondAsync(InteractionCallbackType type, JsonObject? data, CancellationToken cancellationToken)
    {
        var response = await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse(type, data), cancellationToken);
        if (!response.IsSuccess)
        {
            logger.CallbackFailed(interaction.Id, type, (int)response.Status);
        }

        return response.IsSuccess;
    }

    private async Task<bool> EditOriginalAsync(JsonObject body, JsonNode? flags, RestFile? file, CancellationToken cancellationToken)
    {
        var appId = identity.ApplicationId ?? interaction.ApplicationId;
        if (appId is null)
        {
            logger.EditNoApplicationId();
            return false;
        }

        var response = await rest.EditOriginalResponseAsync(appId, interaction.Token, body, cancellationToken, file);
        if (response.IsSuccess)
        {
            return true;
        }

        // The deferred message would otherwise stay "thinking" forever; a follow-up is the fallback, as private as the
        // answer was meant to be.
        if (flags is not null)
        {
            body["flags"] = flags;
        }

        return (await rest.CreateFollowupAsync(appId, interaction.Token, body, cancellationToken, file)).IsSuccess;
    }
}

/// <summary>A mention or DM: answered with a message that replies to it.</summary>
internal sealed class MessageChat(Message message, DiscordRestClient rest, ILogger logger) : DiscordChat
{
    public override string ChannelId => message.ChannelId;

    public override string UserId => message.Author.Id;

    /// <summary>Global name, then username, then the id (a message carries no server nickname here).</summary>
    public override string DisplayName =>
        new[] { message.Author.GlobalName, message.Author.Username }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? message.Author.Id;

    public override bool CarriesPermissions => false;

    public override bool ManagesServer => false;

    public override bool TakesTypedAnswers => true;

    public override bool IsDirect => message.GuildId is null;

    /// <summary>A message has no answer window: nothing to show first.</summary>
    public override Task<bool> DeferAsync(bool privately, CancellationToken cancellationToken) => Task.FromResult(true);

    public override async Task<bool> ReplyAsync(JsonObject body, CancellationToken cancellationToken, RestFile? file = null)
    {
        body["message_reference"] = new JsonObject { ["message_id"] = message.Id, ["fail_if_not_exists"] = false };
        var response = await rest.CreateMessageAsync(message.ChannelId, body, cancellationToken, file);
        if (!response.IsSuccess)
        {
            logger.MentionReplyFailed(message.ChannelId, (int)response.Status);
        }

        return response.IsSuccess;
    }
}
