using System.Buffers;
using System.Globalization;
using System.Text;

namespace AnatomyBot.Core.Text;

/// <summary>
/// Folds user text and knowledge phrases into one comparable form: lower case, no diacritics, no markup
/// (HTML tags, Discord mentions, Markdown, URLs), punctuation as spaces, single spaces, nothing else.
/// Aliases and questions go through the same function so dictionary lookups match exactly.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Routing never needs more than this; longer input is cut so work stays bounded.</summary>
    public const int MaxRoutingChars = 2000;

    public static string Normalize(string? text) => Normalize(text, MaxRoutingChars);

    public static string Normalize(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var span = text.AsSpan();
        if (span.Length > maxChars)
        {
            var cut = maxChars;
            // Never leave half of a surrogate pair at the cut.
            if (cut > 0 && char.IsHighSurrogate(span[cut - 1]))
            {
                cut--;
            }

            span = span[..cut];
        }

        var rented = ArrayPool<char>.Shared.Rent(span.Length * 3 + 2);
        try
        {
            var written = Fold(span, rented);
            return written == 0 ? string.Empty : new string(rented, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static int Fold(ReadOnlySpan<char> input, char[] output)
    {
        var n = 0;
        var pendingSpace = false;
        var i = 0;
        while (i < input.Length)
        {
            var c = input[i];

            if (c == '<' && TrySkipTag(input, i, out var afterTag))
            {
                i = afterTag;
                pendingSpace = true;
                continue;
            }

            if (c == '&' && TrySkipEntity(input, i, out var afterEntity))
            {
                i = afterEntity;
                pendingSpace = true;
                continue;
            }

            if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && (i == 0 || !char.IsLetterOrDigit(input[i - 1]))
                && TrySkipUrl(input, i, out var afterUrl))
            {
                i = afterUrl;
                pendingSpace = true;
                continue;
            }

            if (c == '@' && (i == 0 || !char.IsLetterOrDigit(input[i - 1])))
            {
                // @BotName, @everyone: addressing, never content.
                i++;
                while (i < input.Length && (char.IsLetterOrDigit(input[i]) || input[i] == '_'))
                {
                    i++;
                }

                pendingSpace = true;
                continue;
            }

            // Apostrophes inside a word join it ("what's" -> "whats", "don't" -> "dont").
            if ((c == '\'' || c == '\u2019') && n > 0 && !pendingSpace && i + 1 < input.Length && char.IsLetter(input[i + 1]))
            {
                i++;
                continue;
            }

            if (c < 128)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    Emit(output, ref n, ref pendingSpace, char.ToLowerInvariant(c));
                }
                else
                {
                    pendingSpace = true;
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // Emoji and other astral symbols separate words; unpaired halves are dropped.
                i += char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]) ? 2 : 1;
                pendingSpace = true;
                continue;
            }

            FoldNonAscii(c, output, ref n, ref pendingSpace);
            i++;
        }

        return n;
    }

    private static void Emit(char[] output, ref int n, ref bool pendingSpace, char c)
    {
        if (pendingSpace && n > 0)
        {
            output[n++] = ' ';
        }

        pendingSpace = false;
        output[n++] = c;
    }

    private static void FoldNonAscii(char c, char[] output, ref int n, ref bool pendingSpace)
    {
        switch (c)
        {
            case 'ß':
                Emit(output, ref n, ref pendingSpace, 's');
                Emit(output, ref n, ref pendingSpace, 's');
                return;
            case 'æ' or 'Æ':
                Emit(output, ref n, ref pendingSpace, 'a');
                Emit(output, ref n, ref pendingSpace, 'e');
                return;
            case 'œ' or 'Œ':
                Emit(output, ref n, ref pendingSpace, 'o');
                Emit(output, ref n, ref pendingSpace, 'e');
                return;
            case 'ø' or 'Ø':
                Emit(output, ref n, ref pendingSpace, 'o');
                return;
            case 'ł' or 'Ł':
                Emit(output, ref n, ref pendingSpace, 'l');
                return;
            case 'đ' or 'Đ':
                Emit(output, ref n, ref pendingSpace, 'd');
                return;
            case '\u2019' or '\u00AD':
                return;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        switch (category)
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                // Combining accents and bidi/zero-width marks carry no word content.
                return;
            case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber:
                break;
            default:
                pendingSpace = true;
                return;
        }

        var lower = char.ToLowerInvariant(c);
        if (lower >= '\u00C0' && lower <= '\u024F')
        {
            // Latin letters with diacritics: decompose and keep the base letter.
            Span<char> one = [lower];
            var decomposed = new string(one).Normalize(NormalizationForm.FormD);
            foreach (var d in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                {
                    Emit(output, ref n, ref pendingSpace, d);
                }
            }

            return;
        }

        Emit(output, ref n, ref pendingSpace, lower);
    }

    // <b>, </p>, <br/>, <!-- -->, and Discord's <@123>, <@!1>, <#1>, <@&1>, <:name:id>, <a:name:id>, <t:0:R>.
    private static bool TrySkipTag(ReadOnlySpan<char> input, int start, out int after)
    {
        after = start;
        if (start + 1 >= input.Length)
        {
            return false;
        }

        var next = input[start + 1];
        if (!(char.IsAsciiLetter(next) || next is '/' or '!' or '@' or '#' or ':'))
        {
            return false;
        }

        var limit = Math.Min(input.Length, start + 256);
        for (var j = start + 1; j < limit; j++)
        {
            if (input[j] == '>')
            {
                if (next == '@' || next == '#' || next == ':' || next == '/' || next == '!')
                {
                    after = j + 1;
                    return true;
                }

                // A tag name must follow '<' directly: "a < b > c" is not markup.
                var k = start + 1;
                while (k < j && (char.IsAsciiLetterOrDigit(input[k]) || input[k] == '-'))
                {
                    k++;
                }

                if (k == j || input[k] == ' ' || input[k] == '/' || (next is 'a' && input[k] == ':') || (next is 't' && input[k] == ':'))
                {
                    after = j + 1;
                    return true;
                }

                return false;
            }

            if (input[j] == '<' || input[j] == '\n')
            {
                return false;
            }
        }

        return false;
    }

    // &amp; &nbsp; &#39; &#x27;
    private static bool TrySkipEntity(ReadOnlySpan<char> input, int start, out int after)
    {
        after = start;
        var limit = Math.Min(input.Length, start + 10);
        for (var j = start + 1; j < limit; j++)
        {
            var c = input[j];
            if (c == ';')
            {
                if (j == start + 1)
                {
                    return false;
                }

                after = j + 1;
                return true;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || (c == '#' && j == start + 1)))
            {
                return false;
            }
        }

        return false;
    }

    private static bool TrySkipUrl(ReadOnlySpan<char> input, int start, out int after)
    {
        after = start;
        var rest = input[start..];
        if (!(rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
              || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var j = start;
        while (j < input.Length && !char.IsWhiteSpace(input[j]) && input[j] is not (')' or '>' or ']' or '"'))
        {
            j++;
        }

        after = j;
        return true;
    }
}
