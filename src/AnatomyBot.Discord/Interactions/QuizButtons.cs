using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;

namespace AnatomyBot.Discord.Interactions;

/// <summary>A quiz post as a Discord message: the question, its numbered options, and one button per option carrying the post id.</summary>
internal static class QuizButtons
{
    internal const string Prefix = "quiz:";

    public static JsonObject Message(QuizQuestion quiz, string postId)
    {
        var content = new StringBuilder("**Quiz:** ").Append(quiz.Question).Append('\n');
        var rows = new JsonArray();
        JsonArray? buttons = null;
        var count = Math.Min(quiz.Options.Length, DiscordLimits.Buttons);
        for (var i = 0; i < count; i++)
        {
            content.Append('\n').Append(i + 1).Append(". ").Append(quiz.Options[i]);
            if (i % DiscordLimits.ButtonsPerRow == 0)
            {
                buttons = [];
                rows.Add(new JsonObject { ["type"] = (int)ComponentType.ActionRow, ["components"] = buttons });
            }

            buttons!.Add(new JsonObject
            {
                ["type"] = (int)ComponentType.Button,
                ["style"] = (int)ButtonStyle.Primary,
                ["label"] = DiscordText.Cut($"{i + 1}. {quiz.Options[i]}", DiscordLimits.ButtonLabel),
                ["custom_id"] = CustomId(postId, i),
            });
        }

        var message = MessageRenderer.TextMessage(content.ToString());
        message["components"] = rows;
        return message;
    }

    /// <summary><c>quiz:{post id}:{option}</c>. Buttons from before posts were stored carry the question id instead.</summary>
    public static string CustomId(string postId, int index)
    {
        var suffix = ":" + index.ToString(CultureInfo.InvariantCulture);
        var room = DiscordLimits.CustomId - Prefix.Length - suffix.Length;
        return Prefix + (postId.Length <= room ? postId : postId[..room]) + suffix;
    }

    public static bool TryParse(string customId, out string postId, out int index)
    {
        postId = "";
        index = -1;
        if (!customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var colon = customId.LastIndexOf(':');
        if (colon <= Prefix.Length - 1 || !int.TryParse(customId.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        postId = customId[Prefix.Length..colon];
        return postId.Length > 0;
    }
}
