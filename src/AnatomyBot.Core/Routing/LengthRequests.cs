using System.Text.RegularExpressions;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question that also says how long the answer should be: "in two or three lines", "in one sentence", "in 50 words",
/// "briefly", "a one-line summary of", "quick summary", "tl;dr", "in a nutshell", "explain like I'm 5". The request is
/// cut before routing, so its count is never read as the number asked ("two or three" is not how many muscles make up
/// the group), and the answer is kept short: a muscle's summary instead of its whole card, without the "Related" line.
/// Not caught: a length said only as a follow-up ("shorter please", <see cref="MoreFollowUps"/>), or in words this
/// shape does not hold ("keep it tiny").
/// </summary>
internal static partial class LengthRequests
{
    /// <summary>The text without its length request, and whether it had one.</summary>
    public static (string Text, bool Brief) Cut(string raw)
    {
        if (raw.Length == 0 || raw.Length > TextNormalizer.MaxRoutingChars)
        {
            return (raw, false);
        }

        var cut = Request().Replace(raw, " ");
        if (ReferenceEquals(cut, raw) || cut == raw)
        {
            return (raw, false);
        }

        // Punctuation left at the front by the cut ("in two lines, what ..." leaves ", what ...").
        cut = cut.Trim().TrimStart(',', ':', ';', '-', '.').Trim();
        return cut.Length == 0 ? (raw, false) : (cut, true);
    }

    // A count and a unit of length ("in two or three lines", "in 1 sentence", "within a few words", "in 3 bullet points");
    // "one-line"/"one sentence" before a summary or answer, after "give me", or "a one-liner" ("can I use a single line to
    // describe it in my essay" asks no length); "quick/short/brief summary"; "tl;dr", "eli5"; "like I'm five".
    [GeneratedRegex(
        @"\b(?:in|within|using|with)\s+(?:(?:one|two|three|four|five|a|an|1|2|3|4|5|a\s+few|few|max|maximum|under|less\s+than)\s+(?:(?:or|to|-)\s*(?:two|three|four|five|six|2|3|4|5|6)\s+)?)(?:short\s+)?(?:lines?|sentences?|words?|bullets?(?:\s+points?)?|points?)\b"
        + @"|\b(?:give\s+(?:me\s+)?(?:a\s+)?(?:one|1|single)[\s-]*(?:line(?:r)?|sentence)|(?:a\s+)?(?:one|1|single)[\s-]*(?:line|sentence)\s+(?:summary|answer|version|explanation|overview)|(?:a\s+)?(?:one|1)[\s-]*liner)(?:\s+(?:of|on|about))?\b"
        + @"|\b(?:give\s+(?:me\s+)?)?(?:a\s+)?(?:quick|short|brief)\s+(?:summary|answer|version|overview|explanation|recap)(?:\s+(?:of|on|about))?\b"
        + @"|\btl\s*;?\s*dr\b:?|\beli5\b:?|\b(?:explain\s+(?:it\s+|this\s+)?)?like\s+i\s*'?\s*a?m\s+(?:5|five)(?:\s+years?\s+old)?\b"
        + @"|\bin\s+a\s+nutshell\b|\bbriefly\b|\bkeep\s+it\s+(?:short|brief)\b|\bshort\s+and\s+sweet\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();
}
