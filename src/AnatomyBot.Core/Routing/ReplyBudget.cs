using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// How long an answer to one question may run. Issue 8 asks for one to four facts, precise and short: a student reads
/// the answer on a phone, and a wall of every fact and every side of every dispute buries the one that was asked. A
/// whole card or topic (/muscle, "tell me about X") is not held to it; the disclaimer, the urgent line and the sources
/// are outside it (they are never cut). What does not fit is left for "tell me more".
/// </summary>
internal static class ReplyBudget
{
    /// <summary>
    /// Characters of answer text (title, headings and facts, as a student reads them): about a phone screen. Measured on
    /// the four suites (1 Dec 2026): most single-fact answers run 250-550 characters; the ones above 600 were walls of
    /// side notes and second headings. Above it the pointers go (the "Related" line) and disputes the question did not
    /// ask about are named without their sides.
    /// </summary>
    public const int Chars = 600;

    /// <summary>
    /// Above this a fact that answered the question goes too (the one whose own words answer it least). Higher than
    /// <see cref="Chars"/>: the ranking does not always put the best answer first, so a fact is given up only for a wall.
    /// </summary>
    public const int FactChars = 700;

    /// <summary>Said under an answer the budget shortened: the left-out facts are what "tell me more" shows next.</summary>
    public const string MoreHint = "(There is more: ask \"tell me more\".)";

    /// <summary>The answer text's length as a reader sees it: the title, then each section's heading and body on their own lines.</summary>
    public static int Length(Reply reply)
    {
        var length = reply.Title.Length;
        foreach (var section in reply.Sections)
        {
            length += 1 + section.Body.Length + (string.IsNullOrEmpty(section.Heading) ? 0 : section.Heading.Length + 2);
        }

        return length;
    }

    public static bool Fits(Reply reply, int chars = Chars) => Length(reply) <= chars;
}
