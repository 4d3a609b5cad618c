using System.Collections.Frozen;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "What nerve supplies the iliopsoas bursa itself?", "which nerve supplies the hip joint capsule?", "what artery feeds
/// the psoas tendon": the nerve or blood supply of a structure that is no muscle. The sources give the supply of the
/// muscles only, yet the muscle's name beside the structure would bring its innervation facts as the answer. When the
/// structure is what the supply is asked of (the last word asked about, or followed by "itself"), the honest reply is
/// that the sources do not cover it.
/// </summary>
internal static class StructureSupplyQuestions
{
    /// <summary>Parts that are not muscles, whose own supply no source gives.</summary>
    private static readonly FrozenSet<string> Structures = new[]
    {
        "bursa", "bursae", "capsule", "capsules", "joint", "joints", "tendon", "tendons", "ligament", "ligaments", "disc",
        "discs", "disk", "disks", "trochanter", "bone", "bones", "femur", "skin", "fascia", "cartilage", "labrum",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may close the question after the structure ("... the bursa itself, please?").</summary>
    private static readonly FrozenSet<string> Closers = new[]
    {
        "itself", "themselves", "please", "pls", "exactly", "specifically", "then", "too", "also",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"the nerve supply of the bursa", or null when no supply is asked of a structure.</summary>
    public static string? Uncovered(TokenizedText text, Analysis analysis)
    {
        var supply = analysis.Attributes.Contains(MuscleAttribute.Innervation) ? "nerve supply"
            : analysis.Attributes.Contains(MuscleAttribute.BloodSupply) ? "blood supply" : null;
        if (supply is null || analysis.Attributes.Count > 1)
        {
            return null;
        }

        var last = text.Count - 1;
        while (last >= 0 && Closers.Contains(text.WordString(last)))
        {
            last--;
        }

        if (last < 1 || !Structures.Contains(text.WordString(last)) || analysis.NamesMuscle(last))
        {
            return null;
        }

        // "which nerve supplies the muscle that crosses the hip joint": the structure is in a clause about the muscle.
        // "What artery supplies the iliacus, which lines the iliac fossa of the pelvic bone?": a "which" after the opening
        // word starts such a clause too.
        for (var i = 0; i < last; i++)
        {
            if (text.WordString(i) is "that" or "who" or "where" or "near" or "across" or "over" or "through" or "past" or "crosses" or "crossing"
                || (i > 0 && text.WordString(i) == "which"))
            {
                return null;
            }
        }

        // "the iliopsoas bursa", "the hip joint capsule", "the psoas major tendon": the words before the structure name which one.
        var first = last;
        while (first > 0 && analysis.NamesMuscle(first - 1))
        {
            first--;
        }

        if (first == last && (Structures.Contains(text.WordString(last - 1)) || text.WordString(last - 1) is "hip"))
        {
            first = last - 1;
        }

        return $"the {supply} of the {text.Window(first, last - first + 1)} itself";
    }
}
