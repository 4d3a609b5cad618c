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

    /// <summary>A question about a dispute answered with a disagreement note: the sources differ.</summary>
    public static string? Verdict(FactIndex facts, TokenizedText question, IReadOnlyList<int> shown) =>
        Asks(question) && shown.Any(p => facts.Passages[p].Kind == PassageKind.Disagreement) ? "The sources differ." : null;
}
