using System.Collections.Frozen;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Interactions;

/// <summary>The catalogue's commands as Discord slash commands, registered at start with one bulk overwrite.</summary>
internal static class CommandDefinitions
{
    public const int MaxQuestionLength = CommandCatalogue.MaxQuestionLength;
    public const int MaxNameLength = CommandCatalogue.MaxNameLength;

    /// <summary>MANAGE_GUILD as a decimal string: hides moderators' commands from members who cannot manage the server.</summary>
    public static readonly string ManageGuildPermission = ((long)Permissions.ManageGuild).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The chat commands this adapter handles (see <see cref="InteractionHandler"/>); the rest are not registered.</summary>
    private static readonly FrozenSet<string> Handled = FrozenSet.Create(StringComparer.Ordinal, "muscle", "ask", "quiz", "leaderboard", "sources", "help", "reload", "review", "progress", "link", "unlink", "forgetme", "dailyquiz");

    /// <summary>Offers the catalogue's chat commands that Discord handles, to slash commands and typed <c>/commands</c> alike.</summary>
    public static bool Offered(CommandSpec command) => (command.Places & CommandPlaces.Chat) != 0 && Handled.Contains(command.Name);

    public static JsonArray All() => [.. CommandCatalogue.All.Where(Offered).Select(Command)];

    private static JsonObject Command(CommandSpec spec)
    {
        var command = new JsonObject { ["name"] = spec.Name, ["type"] = (int)ApplicationCommandType.ChatInput, ["description"] = spec.Description };
        if (spec.Option is { } option)
        {
            command["options"] = new JsonArray(StringOption(option));
        }

        // Changing the daily quiz takes Manage Server: hidden from other members (and checked again by the bot).
        if (spec.ModeratorsOnly || spec.Name == "dailyquiz")
        {
            command["default_member_permissions"] = ManageGuildPermission;
        }

        return command;
    }

    private static JsonObject StringOption(CommandOption option)
    {
        var json = new JsonObject
        {
            ["type"] = (int)ApplicationCommandOptionType.String,
            ["name"] = option.Name,
            ["description"] = option.Description,
            ["required"] = option.Required,
            ["max_length"] = option.MaxLength,
        };
        if (option.Autocomplete)
        {
            json["autocomplete"] = true;
        }

        return json;
    }
}
