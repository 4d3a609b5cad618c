using System.Text;

namespace AnatomyBot.Discord.Rendering;

/// <summary>Escaping and trimming for text shown on Discord.</summary>
internal static class DiscordText
{
    internal const string ZeroWidthSpace = "\u200B";
    internal const string AskPointer = " … (more: ask with /ask)";

    /// <summary>The first <paramref name="max"/> characters, never splitting a surrogate pair (for limits on typed input and ids).</summary>
    public static string Cut(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>
    /// Makes user text inert: markdown characters are backslash-escaped and mentions are broken with a
    /// zero-width space, on top of <c>allowed_mentions</c>, so nothing can ping or restyle the message.
    /// </summary>
    public static string EscapeUserText(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '#' or '[' or ']' or '(' or ')' or '-' or ':':
                    builder.Append('\\').Append(c);
                    break;
                case '<':
                    // <@id>, <@&role>, <#channel>, <t:...>: a backslash keeps them from resolving.
                    builder.Append("\\<");
                    break;
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return NeutraliseMentions(builder.ToString());
    }

    /// <summary>Breaks @everyone, @here and raw mention syntax; used on every outgoing text.</summary>
    public static string NeutraliseMentions(string text) =>
        text.Replace("@everyone", "@" + ZeroWidthSpace + "everyone", StringComparison.OrdinalIgnoreCase)
            .Replace("@here", "@" + ZeroWidthSpace + "here", StringComparison.OrdinalIgnoreCase)
            .Replace("<@", "<" + ZeroWidthSpace + "@", StringComparison.Ordinal);

    /// <summary>
    /// Fits <paramref name="text"/> into <paramref name="max"/> characters: cut at the last sentence end that
    /// fits and add <paramref name="pointer"/>; a word boundary when no sentence end is near.
    /// </summary>
    public static string Trim(string text, int max, string pointer = AskPointer)
    {
        if (text.Length <= max)
        {
            return text;
        }

        if (pointer.Length >= max)
        {
            return text[..max];
        }

        var room = max - pointer.Length;
        var cut = LastSentenceEnd(text, room);
        if (cut < room / 3)
        {
            cut = text.LastIndexOf(' ', Math.Max(0, room - 1));
            if (cut < room / 3)
            {
                cut = room;
            }
        }

        // Never split a surrogate pair.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + pointer;
    }

    private static int LastSentenceEnd(string text, int room)
    {
        for (var i = Math.Min(room, text.Length) - 1; i >= 0; i--)
        {
            if (text[i] is '.' or '!' or '?' or '\n' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
            {
                return i + 1;
            }
        }

        return -1;
    }
}
