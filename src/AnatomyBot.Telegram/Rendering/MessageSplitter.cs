using System.Collections.Immutable;
using System.Text;

namespace AnatomyBot.Telegram.Rendering;

/// <summary>
/// Splits Telegram HTML into messages of at most <see cref="MaxLength"/> UTF-16 code units (how Telegram counts),
/// preferring paragraph breaks, then line breaks, then spaces. A cut never falls inside a tag, an entity or a
/// surrogate pair; formatting open at a cut is closed at the end of one chunk and reopened in the next.
/// </summary>
internal static class MessageSplitter
{
    public const int MaxLength = 4096;

    public static IReadOnlyList<string> Split(string html, int maxLength = MaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 64);
        if (html.Length <= maxLength)
        {
            return html.Trim().Length == 0 ? [] : [html];
        }

        var tokens = Tokenize(html);
        var stacks = OpenTags(tokens);
        var chunks = new List<string>();
        var start = SkipWhitespace(tokens, 0);
        while (start < tokens.Count)
        {
            var prefix = Reopen(stacks[start]);
            var cut = Cut(tokens, stacks, start, prefix.Length, maxLength);
            var text = Chunk(tokens, stacks, prefix, start, cut);
            if (HasVisibleText(text))
            {
                chunks.Add(text);
            }

            start = SkipWhitespace(tokens, cut);
        }

        return chunks;
    }

    /// <summary>The formatting open before each token: entry i before token i, the last entry after the last token.</summary>
    private static ImmutableStack<Tag>[] OpenTags(List<string> tokens)
    {
        var stacks = new ImmutableStack<Tag>[tokens.Count + 1];
        stacks[0] = ImmutableStack<Tag>.Empty;
        for (var i = 0; i < tokens.Count; i++)
        {
            stacks[i + 1] = Apply(stacks[i], tokens[i]);
        }

        return stacks;
    }

    /// <summary>Where the chunk from <paramref name="start"/> ends: the best break that fits with its closing tags, else a hard cut.</summary>
    private static int Cut(List<string> tokens, ImmutableStack<Tag>[] stacks, int start, int prefixLength, int maxLength)
    {
        var length = prefixLength;
        var end = start;
        while (end < tokens.Count && length + tokens[end].Length + CloseLength(stacks[end + 1]) <= maxLength)
        {
            length += tokens[end].Length;
            end++;
        }

        if (end == tokens.Count)
        {
            return end;
        }

        var cut = FindBreak(tokens, start, end);

        // No whitespace to cut at: cut hard, but always make progress.
        return cut <= start ? Math.Max(end, start + 1) : cut;
    }

    /// <summary>One chunk's HTML: the reopened formatting, its tokens, and the formatting still open at the cut closed.</summary>
    private static string Chunk(List<string> tokens, ImmutableStack<Tag>[] stacks, string prefix, int start, int cut)
    {
        var chunk = new StringBuilder(prefix);
        for (var i = start; i < cut; i++)
        {
            chunk.Append(tokens[i]);
        }

        chunk.Append(Close(stacks[cut]));
        return chunk.ToString().TrimEnd();
    }

    // Paragraph break (blank line) first, then a line break, then a space; only in the last chunk's worth of tokens.
    private static int FindBreak(List<string> tokens, int start, int end)
    {
        for (var i = end - 1; i > start; i--)
        {
            if (tokens[i] == "\n" && tokens[i - 1] == "\n")
            {
                return i - 1;
            }
        }

        for (var i = end - 1; i > start; i--)
        {
            if (tokens[i] == "\n")
            {
                return i;
            }
        }

        for (var i = end - 1; i > start; i--)
        {
            if (tokens[i] == " ")
            {
                return i;
            }
        }

        return -1;
    }

    private static int SkipWhitespace(List<string> tokens, int index)
    {
        while (index < tokens.Count && tokens[index] is " " or "\n" or "\r" or "\t")
        {
            index++;
        }

        return index;
    }

    private static bool HasVisibleText(string html)
    {
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag && !char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Tokenize(string html)
    {
        var tokens = new List<string>(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            int next;
            if (c == '<' && html.IndexOf('>', i) is var close and > 0)
            {
                next = close + 1;
            }
            else if (c == '&' && html.IndexOf(';', i) is var semi and > 0 && semi - i <= 10)
            {
                next = semi + 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]))
            {
                next = i + 2;
            }
            else
            {
                next = i + 1;
            }

            tokens.Add(html[i..next]);
            i = next;
        }

        return tokens;
    }

    private static ImmutableStack<Tag> Apply(ImmutableStack<Tag> stack, string token)
    {
        if (token.Length < 3 || token[0] != '<' || token[^1] != '>')
        {
            return stack;
        }

        if (token[1] == '/')
        {
            return stack.IsEmpty ? stack : stack.Pop();
        }

        var name = new string(token.Skip(1).TakeWhile(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length == 0 ? stack : stack.Push(new Tag(name, token));
    }

    private static string Reopen(ImmutableStack<Tag> stack) => string.Concat(stack.Reverse().Select(t => t.Opening));

    private static string Close(ImmutableStack<Tag> stack) => string.Concat(stack.Select(t => "</" + t.Name + ">"));

    private static int CloseLength(ImmutableStack<Tag> stack) => stack.Sum(t => t.Name.Length + 3);

    private readonly record struct Tag(string Name, string Opening);
}
