using System.Text;

namespace AnatomyBot.Telegram.Rendering;

/// <summary>Escaping for Telegram's HTML parse mode.</summary>
internal static class TelegramHtml
{
    /// <summary>Word joiner: invisible, but it stops Telegram from turning "@name" into a mention.</summary>
    public const char MentionBreaker = '\u2060';

    /// <summary>
    /// Escapes <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> (the only characters Telegram's HTML mode requires) and
    /// defuses "@" so quoted user text can never mention or notify anyone.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    result.Append("&amp;");
                    break;
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '@':
                    result.Append('@').Append(MentionBreaker);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString();
    }

    public static string Bold(string? text) => "<b>" + Escape(text) + "</b>";

    public static string Italic(string? text) => "<i>" + Escape(text) + "</i>";
}
