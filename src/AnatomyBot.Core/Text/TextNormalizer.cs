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

        // Compatibility forms ("ｐｓｏａｓ", "ﬁbres", "Ⓟsoas") fold to their plain letters first; plain ASCII, the common
        // case, skips the check and allocates nothing.
        if (span.ContainsAnyExceptInRange('\0', '\u007F') && CompatibilityFolded(span) is { } folded)
        {
            span = folded.AsSpan();
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

    /// <summary>
    /// The text in NFKC when that differs from it, else null. What .NET's normalization rejects as invalid (a lone
    /// surrogate half, the noncharacters U+FFFE and U+FFFF) becomes a space first, as the folding would make it; should
    /// the platform reject anything else, the text is left unfolded rather than the question failing.
    /// </summary>
    private static string? CompatibilityFolded(ReadOnlySpan<char> span)
    {
        char[]? repaired = null;
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]) || span[i] is '\uFFFE' or '\uFFFF')
            {
                repaired ??= span.ToArray();
                repaired[i] = ' ';
            }
        }

        var text = repaired is null ? span.ToString() : new string(repaired);
        try
        {
            return text.IsNormalized(NormalizationForm.FormKC) ? (repaired is null ? null : text) : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Hostile input the repair above does not foresee: answer it unfolded (CI's 10,000 hostile messages found
            // U+FFFE, which IsNormalized rejects).
            return repaired is null ? null : text;
        }
    }

    private static int Fold(ReadOnlySpan<char> input, char[] output)
    {
        var n = 0;
        var pendingSpace = false;
        var i = 0;
        while (i < input.Length)
        {
            if (SkipsMarkup(input, i, out var after))
            {
                i = after;
                pendingSpace = true;
                continue;
            }

            // Apostrophes inside a word join it ("what's" -> "whats", "don't" -> "dont"), except a closing "'s" after a
            // noun, a possessive or "is/has" ("the psoas major's nerve supply", "my lower back's been aching"): it goes, so
            // the muscle's name and the body part read as written, not as "majors" and "backs".
            var c = input[i];
            if ((c == '\'' || c == '\u2019') && n > 0 && !pendingSpace && i + 1 < input.Length && char.IsLetter(input[i + 1]))
            {
                i += ClosingS(input, i + 1) && !JoinsAsContraction(output, n) ? 2 : 1;
                continue;
            }

            i = FoldChar(input, i, output, ref n, ref pendingSpace);
        }

        return n;
    }

    /// <summary>Whether an "s" stands at <paramref name="at"/> and ends the word there.</summary>
    private static bool ClosingS(ReadOnlySpan<char> input, int at) =>
        input[at] is 's' or 'S' && (at + 1 == input.Length || !char.IsLetterOrDigit(input[at + 1]));

    /// <summary>
    /// Words whose "'s" the word lists keep joined ("whats", "its", "thats", "hes", "lets", "wheres"): contractions of a
    /// pronoun or question word, never a noun's possessive.
    /// </summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContractionBases = new HashSet<string>(StringComparer.Ordinal)
    {
        "it", "that", "what", "who", "where", "there", "here", "he", "she", "let", "how", "when", "why", "this", "which",
        "everyone", "everybody", "someone", "somebody", "nobody", "one", "whatever",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the word just written to <paramref name="output"/> (up to <paramref name="n"/>) is one of <see cref="ContractionBases"/>.</summary>
    private static bool JoinsAsContraction(char[] output, int n)
    {
        var start = Array.LastIndexOf(output, ' ', n - 1) + 1;
        return ContractionBases.Contains(output.AsSpan(start, n - start));
    }

    /// <summary>Markup that is never content: an HTML or Discord tag, an entity, a URL, an @mention; <paramref name="after"/> is where it ends.</summary>
    private static bool SkipsMarkup(ReadOnlySpan<char> input, int i, out int after)
    {
        var c = input[i];
        after = i;
        if (c == '<')
        {
            return TrySkipTag(input, i, out after);
        }

        if (c == '&')
        {
            return TrySkipEntity(input, i, out after);
        }

        var wordStart = i == 0 || !char.IsLetterOrDigit(input[i - 1]);
        if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && wordStart)
        {
            return TrySkipUrl(input, i, out after);
        }

        if (c == '@' && wordStart)
        {
            // @BotName, @everyone: addressing, never content.
            after = i + 1;
            while (after < input.Length && (char.IsLetterOrDigit(input[after]) || input[after] == '_'))
            {
                after++;
            }

            return true;
        }

        return false;
    }

    /// <summary>Folds the character at <paramref name="i"/> (a letter or digit, lower case; anything else a word break); returns where the next one starts.</summary>
    private static int FoldChar(ReadOnlySpan<char> input, int i, char[] output, ref int n, ref bool pendingSpace)
    {
        var c = input[i];
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

            return i + 1;
        }

        if (char.IsSurrogate(c))
        {
            // Emoji and other astral symbols separate words; unpaired halves are dropped.
            pendingSpace = true;
            return i + (char.IsHighSurrogate(c) && i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]) ? 2 : 1);
        }

        FoldNonAscii(c, output, ref n, ref pendingSpace);
        return i + 1;
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
        if (FoldsAsLetters(c, output, ref n, ref pendingSpace))
        {
            return;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
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
            EmitBaseLetters(lower, output, ref n, ref pendingSpace);
            return;
        }

        Emit(output, ref n, ref pendingSpace, lower);
    }

    /// <summary>Letters that no decomposition takes apart ("ß" is "ss", "æ" is "ae", "ø" is "o"), and marks dropped outright; false for any other character.</summary>
    private static bool FoldsAsLetters(char c, char[] output, ref int n, ref bool pendingSpace)
    {
        var (first, second) = c switch
        {
            'ß' => ('s', 's'),
            'æ' or 'Æ' => ('a', 'e'),
            'œ' or 'Œ' => ('o', 'e'),
            'ø' or 'Ø' => ('o', '\0'),
            'ł' or 'Ł' => ('l', '\0'),
            'đ' or 'Đ' => ('d', '\0'),
            '\u2019' or '\u00AD' => ('\0', '\0'),
            _ => ('\uFFFF', '\0'),
        };
        if (first == '\uFFFF')
        {
            return false;
        }

        if (first != '\0')
        {
            Emit(output, ref n, ref pendingSpace, first);
        }

        if (second != '\0')
        {
            Emit(output, ref n, ref pendingSpace, second);
        }

        return true;
    }

    /// <summary>A Latin letter with diacritics: decomposed, the base letter kept.</summary>
    private static void EmitBaseLetters(char lower, char[] output, ref int n, ref bool pendingSpace)
    {
        Span<char> one = [lower];
        var decomposed = new string(one).Normalize(NormalizationForm.FormD);
        foreach (var d in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
            {
                Emit(output, ref n, ref pendingSpace, d);
            }
        }
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
