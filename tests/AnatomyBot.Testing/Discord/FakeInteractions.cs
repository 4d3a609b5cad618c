using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Testing.Discord;

/// <summary>INTERACTION_CREATE payloads as Discord sends them (guild member or DM), for the fakes to play.</summary>
public static class FakeInteractions
{
    public const string GuildId = "g1";
    public const string ChannelId = "c1";

    /// <summary>The token the fakes give interaction <paramref name="id"/>.</summary>
    public static string TokenFor(string id) => "itok-" + id;

    /// <summary>Where the bot posts the first answer to interaction <paramref name="id"/>.</summary>
    public static string CallbackPath(string id) => $"/interactions/{id}/{TokenFor(id)}/callback";

    /// <summary>A string option as the user filled it in.</summary>
    public static object StringOption(string name, string value, bool focused = false) =>
        focused
            ? new { name, type = ApplicationCommandOptionType.String, value, focused }
            : new { name, type = ApplicationCommandOptionType.String, value };

    /// <summary>A slash command.</summary>
    public static object Command(
        string id, string name, object[]? options = null, string userId = "u1", string? permissions = "0", bool dm = false,
        string applicationId = GatewayScript.DefaultApplicationId, string guildId = GuildId) =>
        Interaction(id, InteractionType.ApplicationCommand, CommandData(name, options), userId, permissions, dm, applicationId: applicationId, guildId: guildId);

    /// <summary>An autocomplete request while the user types <paramref name="typed"/> into option <paramref name="option"/>.</summary>
    public static object Autocomplete(string id, string command, string option, string typed, string userId = "u1") =>
        Interaction(id, InteractionType.ApplicationCommandAutocomplete, CommandData(command, [StringOption(option, typed, focused: true)]), userId);

    /// <summary>A click on button <paramref name="customId"/> of message <paramref name="messageId"/>.</summary>
    public static object ButtonClick(string id, string customId, string messageId, string userId = "u1") =>
        Interaction(id, InteractionType.MessageComponent, new { custom_id = customId, component_type = ComponentType.Button }, userId, message: new { id = messageId });

    public static object Interaction(
        string id, InteractionType type, object data, string userId = "u1", string? permissions = "0", bool dm = false, object? message = null,
        string applicationId = GatewayScript.DefaultApplicationId, string guildId = GuildId) =>
        dm
            ? new { id, application_id = applicationId, type, data, channel_id = "dm1", user = new { id = userId }, token = TokenFor(id), version = 1, message }
            : new
            {
                id,
                application_id = applicationId,
                type,
                data,
                guild_id = guildId,
                channel_id = ChannelId,
                member = new { user = new { id = userId }, permissions },
                token = TokenFor(id),
                version = 1,
                message,
            };

    private static object CommandData(string name, object[]? options) =>
        new { id = "cmd-" + name, name, type = ApplicationCommandType.ChatInput, options = options ?? [] };
}
