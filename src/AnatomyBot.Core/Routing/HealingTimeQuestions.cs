using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "How many weeks does a grade 2 tear take to heal?", "how long until a strained psoas recovers?": how long healing
/// takes. The sources give no healing times (only "a few days" of rest for overuse), yet the question's words ("rest",
/// "recover", "tear") match the rehabilitation facts, which would then be presented as the answer. Unless some fact
/// speaks of weeks or months, the honest reply is that the sources do not cover it, with those facts as the nearest.
/// </summary>
internal static class HealingTimeQuestions
{
    /// <summary>Words of getting well: with a question of how long, the question asks a healing time.</summary>
    private static readonly FrozenSet<string> HealingWords = new[]
    {
        "heal", "heals", "healed", "healing", "recover", "recovers", "recovered", "recovery", "mend", "mends", "mended",
        "resolve", "resolves", "resolved", "recuperate", "recuperation",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Spans of time longer than a day: no fact gives one, so asking in them asks what the sources lack.</summary>
    private static readonly FrozenSet<string> LongSpans = new[]
    {
        "weeks", "week", "months", "month", "years", "year",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The uncovered subject ("how long healing takes") or null when the question asks no healing time or a fact gives one.</summary>
    public static string? Uncovered(TokenizedText text, KnowledgeIndex index) =>
        ((AsksHealing(text) && (AsksHowLong(text) || AsksInSpans(text)))
            || (AsksReturn(text) && NamesInjury(text) && (AsksHowLong(text) || AsksInSpans(text) || AsksWhenICan(text))))
        && !KnowledgeGivesSpans(index) ? "how long healing takes" : null;

    /// <summary>An injury of one's own: with a return to activity asked, the question asks how long recovery takes.</summary>
    private static readonly FrozenSet<string> InjuryWords = new[]
    {
        "strain", "strained", "straining", "tear", "torn", "tore", "tearing", "injury", "injuries", "injured", "pull",
        "pulled", "sprain", "sprained", "tweaked",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool NamesInjury(TokenizedText text) => text.Words.Any(InjuryWords.Contains);

    /// <summary>
    /// "run again", "back to running", "return to football": going back to an activity. "again" counts after an activity
    /// ("run again", "play football again"), not after a state ("does it get injured again easily").
    /// </summary>
    private static bool AsksReturn(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if ((word == "again" && i > 0 && !InjuryWords.Contains(text.WordString(i - 1)) && text.WordString(i - 1) is not ("it" or "them" or "this" or "that"))
                || (word is "back" or "return" or "returning" && i + 1 < text.Count && text.WordString(i + 1) is "to" or "into"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"when can i", "when will i", "when should i": the time asked without "how long".</summary>
    private static bool AsksWhenICan(TokenizedText text)
    {
        for (var i = 0; i + 2 < text.Count; i++)
        {
            if (text.WordString(i) == "when" && text.WordString(i + 1) is "can" or "will" or "should" or "could" && text.WordString(i + 2) is "i" or "you" or "we")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"heal", "recover", "get better", "go away": getting well.</summary>
    private static bool AsksHealing(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (HealingWords.Contains(word)
                || (i + 1 < text.Count && ((word is "get" or "gets" or "getting" && text.WordString(i + 1) == "better")
                    || (word is "go" or "goes" or "going" && text.WordString(i + 1) == "away"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"how long does it take", "how long until", "how soon": a duration asked outright.</summary>
    private static bool AsksHowLong(TokenizedText text)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) == "how" && text.WordString(i + 1) is "long" or "soon" or "quickly" or "fast")
            {
                return true;
            }
        }

        return text.Words.Contains("until") || text.Words.Contains("till");
    }

    /// <summary>"how many weeks", "in months": a span longer than a day named.</summary>
    private static bool AsksInSpans(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (LongSpans.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Spans a fact would use to give a healing time; not "month", which names a source ("Muscle of the Month").</summary>
    private static readonly string[] SpanTerms = ["week", "weeks", "year", "years"];

    private static bool KnowledgeGivesSpans(KnowledgeIndex index)
    {
        foreach (var span in SpanTerms)
        {
            if (index.Facts.Knows(span))
            {
                return true;
            }
        }

        return false;
    }
}
