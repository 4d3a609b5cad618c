using System.Text.RegularExpressions;

namespace AnatomyBot.Telegram.Tests.Infrastructure;

/// <summary>Checks text is well-formed Telegram HTML: known tags balanced, no stray &lt; &gt; &amp;, no broken entity.</summary>
public static partial class HtmlAssert
{
    private static readonly HashSet<string> Allowed = ["b", "i", "u", "s", "a", "code", "pre", "blockquote", "tg-spoiler"];

    public static void Valid(string html)
    {
        var stack = new Stack<string>();
        foreach (Match token in TokenRegex().Matches(html))
        {
            var value = token.Value;
            if (value.StartsWith("</", StringComparison.Ordinal))
            {
                var name = value[2..^1];
                Assert.True(stack.Count > 0 && stack.Pop() == name, $"Unbalanced </{name}> in: {html}");
            }
            else if (value.StartsWith('<'))
            {
                var name = NameRegex().Match(value).Value;
                Assert.Contains(name, Allowed);
                stack.Push(name);
            }
            else if (value.StartsWith('&'))
            {
                Assert.Matches("^&(lt|gt|amp|quot|#\\d+);$", value);
            }
            else
            {
                Assert.Fail($"Stray '{value}' in: {html}");
            }
        }

        Assert.True(stack.Count == 0, "Unclosed tags in: " + html);
    }

    [GeneratedRegex("<[^<>]*>|&[^;\\s]{0,10};|[<>&]")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("(?<=<)[a-z-]+")]
    private static partial Regex NameRegex();
}
