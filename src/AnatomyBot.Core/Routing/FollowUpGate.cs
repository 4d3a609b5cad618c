using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Which messages may lean on the conversation's last subject. One with no muscle, attribute, pain word, pronoun,
/// follow-up shape ("and ...?", "what about ...", "how long ...") or word of the knowledge ("null", "what is the capital
/// of italy") is a new question, answered on its own: it never repeats the last answer.
/// </summary>
internal static class FollowUpGate
{
    /// <summary>The context when the message can refer back to it, else null.</summary>
    public static ConversationContext? Context(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context) =>
        context is null || MayReferBack(text, analysis, index) ? context : null;

    /// <summary>
    /// "and for psoas major?" after an origin question: "for" there asks for the same again, not what the muscle is for;
    /// nor is the "do" of "do the same for the iliacus" its action.
    /// </summary>
    public static bool OnlyForAfterAnd(TokenizedText text) =>
        FactAnswerer.IsFollowUp(text) && text.Words.Contains("for")
        && !text.Words.Any(w => w != "for" && !(w == "do" && text.WordString(0) == "do") && Vocabulary.AttributeCues.Any(c => c.Phrase == w));

    private static bool MayReferBack(TokenizedText text, Analysis analysis, KnowledgeIndex index) =>
        analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0 || analysis.Attributes.Count > 0 || analysis.Safety.TouchesPain
        || FactAnswerer.HasPronoun(text) || (FactAnswerer.IsFollowUp(text) && !OnlyForeignWords(text, index)) || AsksHowMuch(text)
        || text.Words.Any(w => w.Length > 2 && !Vocabulary.StopWords.Contains(w) && index.Facts.Knows(w));

    /// <summary>
    /// "also, who won the 2018 world cup?": a follow-up shape whose words (two or more besides stop and everyday words)
    /// are all foreign to the knowledge asks about something else; "and the other one?" holds none and "and for cyclists?"
    /// only one, so both still refer back.
    /// </summary>
    private static bool OnlyForeignWords(TokenizedText text, KnowledgeIndex index)
    {
        var foreign = 0;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (Vocabulary.StopWords.Contains(word) || Vocabulary.GeneralWords.Contains(word))
            {
                continue;
            }

            if (index.Facts.Knows(word))
            {
                return false;
            }

            foreign++;
        }

        return foreign >= 2;
    }

    /// <summary>
    /// "and at the top?", "what about further down?", "and the distal one", "where does it go?": the end of a muscle a direction word points
    /// at, when the direction ends the question or stands before a word for an end ("the upper end", "the lower one");
    /// null when there is none, both, or the word is a place of its own ("the lower back", "the top of the thigh").
    /// Only asked after an answer about one end (see AnswerEngine.WithFollowUp).
    /// </summary>
    public static MuscleAttribute? EndByDirection(TokenizedText text)
    {
        if (text.Count > 9)
        {
            return null;
        }

        var (up, down, where) = (false, false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            where |= word == "where";
            // "where does it go?", "and where do they head from there" after an answer about one end: where the muscle goes
            // is where it ends (the start is "where does it come from", a cue of its own).
            down |= where && word is "go" or "goes" or "going" or "head" or "heads" or "heading" or "travel" or "travels" && i > 0 && text.WordString(i - 1) is "it" or "they" or "that" or "this" or "muscle" or "one" or "then";
            var endsHere = i + 1 == text.Count || EndWords.Contains(text.WordString(i + 1));
            switch (word)
            {
                case "top" or "upper" or "above" or "proximal" or "proximally" or "higher" or "superior" or "uppermost" or "topmost" when endsHere:
                // "further up", "higher up"; not the "up" of "end up".
                case "up" when endsHere && i > 0 && text.WordString(i - 1) is "further" or "farther" or "higher" or "way":
                    up = true;
                    break;
                case "bottom" or "lower" or "below" or "down" or "distal" or "distally" or "inferior" or "lowest" or "beneath" when endsHere:
                    down = true;
                    break;
            }
        }

        return up == down ? null : up ? MuscleAttribute.Origin : MuscleAttribute.Insertion;
    }

    /// <summary>Words after a direction that keep it a direction of the muscle ("the upper end", "the lower one then").</summary>
    private static readonly FrozenSet<string> EndWords = new[]
    {
        "end", "ends", "one", "part", "bit", "side", "attachment", "attachments", "point", "then", "too", "though", "please",
        "pls", "plz", "now", "again", "instead",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"how long?", "how many sets", "how often": a number asked of the last subject.</summary>
    private static bool AsksHowMuch(TokenizedText text) => text.Count > 1 && HowMuchAt(text, 0);

    private static bool HowMuchAt(TokenizedText text, int i) =>
        text.WordString(i) == "how" && text.WordString(i + 1) is "long" or "many" or "much" or "often" or "far";

    /// <summary>
    /// "for how long do i stay in that position", "how long do I keep each position?" after the stretches: a number asked
    /// of "that ..." or "each ..." means the last topic's.
    /// </summary>
    public static bool PointsBackAtTopic(TokenizedText text, ConversationContext context) =>
        context.TopicId is not null && AsksHowMuchAnywhere(text) && text.Words.Any(w => w is "that" or "this" or "those" or "these" or "each");

    private static bool AsksHowMuchAnywhere(TokenizedText text)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (HowMuchAt(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words a bare request for an amount may hold besides "how many/often/long/much": units, "a day", "then".</summary>
    private static readonly FrozenSet<string> AmountWords = new[]
    {
        "times", "time", "day", "days", "week", "weeks", "per", "a", "each", "every", "then", "so", "and", "should", "i", "you",
        "we", "do", "does", "it", "in", "total", "exactly", "roughly", "about", "usually", "is", "are", "of", "them", "daily",
        "weekly", "sets", "set", "reps", "rep", "repetitions", "seconds", "secs", "minutes", "mins", "often", "long", "many",
        "much", "how", "for", "be", "done", "the", "that", "this", "those", "ok", "okay", "again", "side", "approx", "also",
        // "and how often, like per day or per week", "how many times a week tho", "per hour or per month?".
        "like", "or", "tho", "though", "hour", "hours", "month", "months", "twice", "once", "morning", "night",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "how many times a day?", "how often then?", "how many sets per day": an amount asked with no subject of its own is
    /// asked of the last subject, though "times" and "day" are words of other facts (the rest topic's "a few days").
    /// </summary>
    /// <remarks>
    /// With the index, one word of the student's own that no fact uses may stand for the unit when a pointer shows what
    /// it counts ("and how many rounds of that?", "how many goes of those"): "rounds" is then the sets of the last
    /// answer. Without such a pointer ("how much protein?") the word is a subject of its own, left to the honest-scope
    /// check.
    /// </remarks>
    public static bool AsksOnlyAnAmount(TokenizedText text, KnowledgeIndex? index = null)
    {
        // "and how many times a day?", "so for how long": a lead word before the amount asked.
        var at = 0;
        while (at < text.Count - 1 && text.WordString(at) is "and" or "so" or "ok" or "okay" or "also" or "for")
        {
            at++;
        }

        if (text.Count < 2 || text.Count > 9 || at + 1 >= text.Count || !HowMuchAt(text, at))
        {
            return false;
        }

        var (ownUnit, pointer) = (false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            pointer |= word is "that" or "this" or "those" or "these" or "them" or "it" or "each";
            if (AmountWords.Contains(word))
            {
                continue;
            }

            if (index is null || ownUnit || word.Length < 3 || index.Facts.Knows(word) || index.IsMuscleWord(word) || FactAnswerer.OpensQuestion(word))
            {
                return false;
            }

            ownUnit = true;
        }

        return !ownUnit || pointer;
    }
}
