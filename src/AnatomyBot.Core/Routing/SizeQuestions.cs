using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "How long is the psoas minor's tendon?", "how long is the psoas major?": the length of a structure. No source gives
/// one, yet "long" is a fact word ("long and cable-like") and "tendon" names the common tendon, whose facts would
/// then be presented as the answer. Unless some fact gives a measure, the honest reply is that the sources do not cover
/// it, with those facts as the nearest. How long a stretch is held or a rest lasts is a duration, not a size.
/// </summary>
internal static class SizeQuestions
{
    /// <summary>"How big is the psoas major" stays the muscle's overview (MuscleOverviewRuleTests): only a length is asked here.</summary>
    private static readonly FrozenSet<string> SizeWords = new[] { "long" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Parts of a muscle whose size may be asked besides the muscle itself.</summary>
    private static readonly FrozenSet<string> Parts = new[]
    {
        "tendon", "tendons", "belly", "fibres", "fibers", "fibre", "fiber", "bursa",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What lasts rather than measures: "how long is the stretch held", "how long is each rest".</summary>
    private static readonly FrozenSet<string> Durations = new[]
    {
        "stretch", "stretches", "stretching", "hold", "held", "holding", "rest", "resting", "break", "set", "sets", "rep",
        "reps", "exercise", "exercises", "session", "sessions", "position", "positions", "pose", "poses", "each", "recovery",
        "rehab", "rehabilitation", "treatment", "massage", "release", "time", "it", "they", "that", "this", "pain", "day", "days",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a fact would use to give a size.</summary>
    private static readonly string[] SizeTerms = ["cm", "centimetres", "centimeters", "mm", "millimetres", "inches", "length"];

    /// <summary>What is asked ("the length of the psoas minor's tendon"), or null when the question asks no length of a structure or a fact gives one.</summary>
    public static string? Uncovered(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        for (var i = 0; i + 3 < text.Count; i++)
        {
            if (text.WordString(i) != "how" || !SizeWords.Contains(text.WordString(i + 1)) || text.WordString(i + 2) is not ("is" or "are" or "was"))
            {
                continue;
            }

            string? part = null;
            var muscle = false;
            for (var k = i + 3; k < text.Count; k++)
            {
                var word = text.WordString(k);
                if (Durations.Contains(word))
                {
                    return null;
                }

                part ??= Parts.Contains(word) ? word : null;
                muscle |= analysis.NamesMuscle(k);
            }

            if ((part is null && !muscle) || KnowledgeGivesSizes(index))
            {
                return null;
            }

            const string measure = "length";
            var name = analysis.Muscles.Count > 0 ? index.Muscles[analysis.Muscles[0].Muscle].Name.ToLowerInvariant() : null;
            return name is null ? $"the {measure} of the {part}" : part is null ? $"the {measure} of the {name}" : $"the {measure} of the {name}'s {part}";
        }

        return null;
    }

    private static bool KnowledgeGivesSizes(KnowledgeIndex index)
    {
        foreach (var term in SizeTerms)
        {
            if (index.Facts.Knows(term))
            {
                return true;
            }
        }

        return false;
    }
}
