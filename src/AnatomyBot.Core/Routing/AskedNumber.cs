using System.Collections.Frozen;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// What kind of number a question asks for: a length of time ("how long do I hold it"), a count of something named
/// ("how many reps", "how many seconds"), or just a number. A topic can hold several numbers of different kinds (the
/// 90 degrees of the first stretch step and the twenty seconds of the second); the fact that answers is the one holding
/// the kind asked.
/// </summary>
internal readonly record struct AskedNumber(bool Asked, bool Duration, string? Counted)
{
    /// <summary>No number asked.</summary>
    public static readonly AskedNumber None = new(false, false, null);

    public static AskedNumber Of(FactIndex facts, TokenizedText text)
    {
        if (!FactAnswerer.AsksNumber(text))
        {
            return None;
        }

        // "how many secs do I hold it": a count of time units asks a length of time, whatever unit the fact uses.
        var countedWord = CountedWord(text);
        var inUnits = countedWord is not null && TimeUnits.Contains(countedWord);
        return new AskedNumber(true, inUnits || AsksHowLong(text), inUnits || countedWord is null ? null : facts.Term(countedWord));
    }

    /// <summary>Whether the question asks for a particular kind of number (a length of time, or a count of something named).</summary>
    public bool Specific => Duration || Counted is not null;

    /// <summary>
    /// Whether the passage's fact holds the number asked: a length of time when one is asked, the counted thing with a
    /// number when a count is asked, any number otherwise.
    /// </summary>
    public bool HeldBy(FactIndex facts, int passage)
    {
        if (!Asked || !facts.HoldsNumber(passage))
        {
            return false;
        }

        return !Specific || (Duration && facts.HoldsDuration(passage)) || (Counted is not null && facts.FactTerms(passage).Contains(Counted));
    }

    /// <summary>"how long", "for how long": a length of time asked ("how long is the tendon" asks a length the facts lack anyway).</summary>
    private static bool AsksHowLong(TokenizedText text)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.Word(i) is "how" && text.Word(i + 1) is "long")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word "how many ..." counts ("reps", "seconds", "sets"), or null.</summary>
    private static string? CountedWord(TokenizedText text)
    {
        for (var i = 0; i + 2 < text.Count; i++)
        {
            if (text.Word(i) is "how" && text.Word(i + 1) is "many" or "much")
            {
                var counted = text.WordString(i + 2);
                return Vocabulary.StopWords.Contains(counted) ? null : counted;
            }
        }

        return null;
    }

    /// <summary>Units of time as students write them, short forms included.</summary>
    private static readonly FrozenSet<string> TimeUnits = new[]
    {
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
        "week", "weeks", "wk", "wks", "month", "months",
    }.ToFrozenSet(StringComparer.Ordinal);
}
