using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Whether a message after a red flag refers back to it: a pronoun ("for it", "that"), a follow-up shape ("and ...",
/// "how many reps"), pain again, or a request for something to do about it (stretch, exercise, massage, what should i
/// do) about the asker's own body or no named muscle. Such a message gets the urgent notice again: exercise advice must
/// never follow "i fell and my hip hurts badly" without it. A new study question ("what nerve supplies the iliacus",
/// "what stretches help a tight psoas") is answered as usual and ends the memory.
/// </summary>
internal static class RedFlagFollowUp
{
    private static readonly FrozenSet<string> DoingWords = new[]
    {
        "stretch", "stretches", "stretching", "exercise", "exercises", "exercising", "rep", "reps", "set", "sets",
        "massage", "massaging", "release", "strengthen", "strengthening", "train", "training", "workout", "workouts",
        "yoga", "pilates", "foam", "roll", "rolling", "treat", "treatment", "fix", "heal", "healing", "recover",
        "recovery", "rehab", "physio", "ice", "heat", "rest", "walk", "walking", "run", "running", "play", "drill", "drills",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool RefersBack(TokenizedText text, Analysis analysis)
    {
        if (analysis.Safety.TouchesPain || FactAnswerer.HasPronoun(text) || FactAnswerer.IsFollowUp(text))
        {
            return true;
        }

        var asksWhatToDo = false;
        var personal = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            personal |= SafetyMatcher.IsPersonalWord(word);
            asksWhatToDo |= DoingWords.Contains(word);

            // "how many ...", "how long ...": a number asked of what was just described.
            if (i + 1 < text.Count && word == "how" && text.WordString(i + 1) is "many" or "long" or "much" or "often" or "soon")
            {
                return true;
            }

            // "what should i do", "can i ...".
            asksWhatToDo |= i + 1 < text.Count && word is "should" or "can" && text.WordString(i + 1) == "i";
        }

        return asksWhatToDo && (personal || analysis.Muscles.Count == 0);
    }
}
