using System.Text.Json.Nodes;
using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Interactions;

/// <summary>The slash commands, registered at start with one bulk overwrite.</summary>
internal static class CommandDefinitions
{
    public const int MaxQuestionLength = 1000;
    public const int MaxNameLength = 100;

    /// <summary>MANAGE_GUILD as a decimal string: hides /reload from members who cannot manage the server.</summary>
    public static readonly string ManageGuildPermission = ((long)Permissions.ManageGuild).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonArray All() =>
    [
        Command("muscle", "Show a muscle card: psoas major, psoas minor, iliacus or iliopsoas",
            StringOption("name", "Muscle name (start typing for suggestions)", MaxNameLength, autocomplete: true)),
        Command("ask", "Ask a question about the iliopsoas group",
            StringOption("question", "Your question, e.g. What nerve supplies the iliacus?", MaxQuestionLength, autocomplete: false)),
        Command("quiz", "Get a multiple-choice quiz question"),
        Command("leaderboard", "Show this channel's best quiz scores"),
        Command("sources", "List the sources the answers are based on"),
        Command("help", "How to use AnatomyBot"),
        WithPermissions(Command("reload", "Reload the knowledge files (moderators only)"), ManageGuildPermission),
    ];

    private static JsonObject Command(string name, string description, params JsonObject[] options)
    {
        var command = new JsonObject { ["name"] = name, ["type"] = (int)ApplicationCommandType.ChatInput, ["description"] = description };
        if (options.Length > 0)
        {
            command["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        }

        return command;
    }

    private static JsonObject StringOption(string name, string description, int maxLength, bool autocomplete)
    {
        var option = new JsonObject
        {
            ["type"] = (int)ApplicationCommandOptionType.String,
            ["name"] = name,
            ["description"] = description,
            ["required"] = true,
            ["max_length"] = maxLength,
        };
        if (autocomplete)
        {
            option["autocomplete"] = true;
        }

        return option;
    }

    private static JsonObject WithPermissions(JsonObject command, string permissions)
    {
        command["default_member_permissions"] = permissions;
        return command;
    }
}
