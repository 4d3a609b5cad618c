using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "Is the psoas larger in men than in women?", "does the psoas minor go missing more often in women or men?": a
/// comparison between the sexes. No source compares them, yet the question's other words ("larger", "missing") match
/// facts that would then be presented as the answer. Unless some fact speaks of men or women, the honest reply is that
/// the sources do not cover it. "Do all men and women have a psoas minor" compares nothing and is answered as usual.
/// </summary>
internal static class SexDifferenceQuestions
{
    private static readonly FrozenSet<string> SexWords = new[]
    {
        "men", "women", "man", "woman", "male", "males", "female", "females", "sexes", "gender", "genders", "boys", "girls",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CompareWords = new[]
    {
        "than", "or", "versus", "vs", "between", "differ", "differs", "difference", "differences", "compared", "comparison", "compare",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The uncovered subject, or null when the question compares no sexes or a fact speaks of them.</summary>
    public static string? Uncovered(TokenizedText text, KnowledgeIndex index)
    {
        var sex = false;
        var compares = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            sex |= SexWords.Contains(word);
            compares |= CompareWords.Contains(word);
        }

        return sex && compares && !index.Facts.Knows("men") && !index.Facts.Knows("women") ? "differences between men and women" : null;
    }
}
