using System.Text.RegularExpressions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Updates;

internal enum AddressKind
{
    /// <summary>Not for this bot (group chatter, or a command for another bot).</summary>
    Ignored,
    Command,
    Question,
}

/// <summary>What a message asks of the bot: a command (name lower-case, without slash and @bot) or a question.</summary>
internal sealed record Addressed(AddressKind Kind, string Command = "", string Text = "")
{
    public static readonly Addressed Ignored = new(AddressKind.Ignored);
}

/// <summary>
/// Decides whether a message is for the bot. Private chats: everything. Groups: commands (<c>/cmd</c>,
/// <c>/cmd@ThisBot</c>; <c>/cmd@OtherBot</c> is ignored), replies to the bot's messages and @mentions of the bot.
/// </summary>
internal static partial class MessageAddressing
{
    public static Addressed Classify(Message message, User me)
    {
        var text = message.Text;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Addressed.Ignored;
        }

        var entities = message.Entities ?? [];
        var command = entities.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0 && e.Length > 1 && e.Length <= text.Length);
        string? token = command is not null ? text[..command.Length] : CommandRegex().Match(text) is { Success: true } m ? m.Value : null;
        if (token is not null)
        {
            var at = token.IndexOf('@', StringComparison.Ordinal);
            var name = (at < 0 ? token[1..] : token[1..at]).ToLowerInvariant();
            var target = at < 0 ? null : token[(at + 1)..];
            if (target is not null && !string.Equals(target, me.Username, StringComparison.OrdinalIgnoreCase))
            {
                return Addressed.Ignored;
            }

            return new Addressed(AddressKind.Command, name, text[token.Length..].Trim());
        }

        if (message.Chat.Type == ChatType.Private)
        {
            return new Addressed(AddressKind.Question, Text: text.Trim());
        }

        if (message.ReplyToMessage?.From is { } repliedTo && repliedTo.Id == me.Id)
        {
            return new Addressed(AddressKind.Question, Text: text.Trim());
        }

        if (me.Username is { Length: > 0 } username)
        {
            var mention = entities.FirstOrDefault(e =>
                e.Type == MessageEntityType.Mention && e.Offset >= 0 && e.Offset + e.Length <= text.Length
                && string.Equals(text.Substring(e.Offset, e.Length), "@" + username, StringComparison.OrdinalIgnoreCase));
            if (mention is not null)
            {
                var question = (text[..mention.Offset] + text[(mention.Offset + mention.Length)..]).Trim().TrimStart(',', ':').Trim();
                return new Addressed(AddressKind.Question, Text: question);
            }
        }

        return Addressed.Ignored;
    }

    // Fallback when a server omits entities: "/cmd" or "/cmd@bot" at the start, then space or end.
    [GeneratedRegex(@"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,64})?(?=\s|$)")]
    private static partial Regex CommandRegex();
}
