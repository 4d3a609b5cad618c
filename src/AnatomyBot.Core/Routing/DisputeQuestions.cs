using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Yes/no questions about a dispute itself ("is there a disagreement about where the psoas minor ends", "is the
/// insertion of the psoas minor disputed"). The dispute word is no claim a fact could hold ("disagreement" is in no
/// fact), so the claim check read such a question as "No." even while the reply showed the sources disagreeing.
/// </summary>
internal static class DisputeQuestions
{
    /// <summary>"Do the sources differ", "disputed", "both versions": the question is about a dispute itself.</summary>
    public static bool Asks(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (Vocabulary.DisputeWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Do the sources agree on ...?", "is there consensus about ...": whether they agree, with no claim after "that".</summary>
    public static bool AsksAgreement(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) is "agree" or "agrees" or "agreement" or "consensus")
            {
                return i + 1 >= text.Count || text.WordString(i + 1) != "that";
            }
        }

        return false;
    }

    /// <summary>A question about a dispute answered with a disagreement note: the sources differ.</summary>
    /// <remarks>
    /// A muscle's attribute shown without its disagreement line ("do my sources agree on the percentage ...", answered
    /// from the variations facts) still has the disagreement the knowledge records for it.
    /// </remarks>
    public static string? Verdict(FactIndex facts, TokenizedText question, IReadOnlyList<int> shown)
    {
        if (!Asks(question))
        {
            return null;
        }

        foreach (var ordinal in shown)
        {
            var passage = facts.Passages[ordinal];
            if (passage.Kind == PassageKind.Disagreement
                || (passage.Muscle >= 0 && passage.Attribute is { } attribute && facts.AttributeDisagreements(passage.Muscle, attribute).Any()))
            {
                return "The sources differ.";
            }
        }

        return null;
    }
}
