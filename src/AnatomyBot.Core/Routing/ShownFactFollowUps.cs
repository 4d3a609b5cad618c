using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question about the scope of the last answer, in that answer's own words: "is that on one side or both sides?"
/// after the share of people without a psoas minor (its facts say "one side only" and "both sides"), "is it per
/// session?", "are those for each leg?". By its shape: an auxiliary and a pronoun that points back open it ("is that",
/// "are they", "does it"), it names no muscle, attribute or pain, and every content word it holds is held by a fact
/// the last answer showed. A topic phrase among its words ("one side only" is a keyword of the variations) does not
/// make it a new question, since the last answer already holds it. The facts shown are shown again.
/// Not caught: a word the shown facts lack ("is that a lot?": see <see cref="LastAnswerFollowUps"/>; "do we have one
/// on each side?" after the common tendon, whose facts say nothing of sides).
/// </summary>
internal static class ShownFactFollowUps
{
    /// <summary>Words that may come before the question without changing it ("so is that per leg?").</summary>
    private static readonly FrozenSet<string> Leads = TurnWords.Set(TurnWords.Conjunctions, TurnWords.Okays, TurnWords.Hesitations, ["but"]);

    /// <summary>The auxiliaries that open a question about a thing already said ("is that", "does it").</summary>
    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "is", "are", "was", "were", "does", "do", "did", "isnt", "arent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The pronouns that point back at the last answer.</summary>
    private static readonly FrozenSet<string> PointBack = new[]
    {
        "that", "this", "those", "these", "it", "they",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest question read as one about the last answer's scope.</summary>
    private const int MaxWords = 12;

    public static bool AsksOfShownFacts(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is null || context.ShownFacts.IsDefaultOrEmpty || text.Count < 3 || text.Count > MaxWords
            || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0 || analysis.Attributes.Count > 0 || analysis.Safety.TouchesPain)
        {
            return false;
        }

        var at = 0;
        while (at < text.Count - 1 && Leads.Contains(text.WordString(at)))
        {
            at++;
        }

        if (at + 2 >= text.Count || !Auxiliaries.Contains(text.WordString(at)) || !PointBack.Contains(text.WordString(at + 1)))
        {
            return false;
        }

        // The shown facts are found once (one pass over the passages); each content word then looks only at them.
        var shown = ShownOrdinals(index, context);
        var content = 0;
        for (var i = at + 2; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (Vocabulary.StopWords.Contains(word) || PointBack.Contains(word))
            {
                continue;
            }

            if (!ShownFactHolds(index, shown, index.Facts.Term(word)))
            {
                return false;
            }

            content++;
        }

        return content > 0;
    }

    private static int[] ShownOrdinals(KnowledgeIndex index, ConversationContext context)
    {
        var shown = new int[context.ShownFacts.Length];
        var count = 0;
        foreach (var passage in index.Facts.Passages)
        {
            if (count < shown.Length && context.ShownFacts.Contains(passage.Id))
            {
                shown[count++] = passage.Ordinal;
            }
        }

        return count == shown.Length ? shown : shown[..count];
    }

    private static bool ShownFactHolds(KnowledgeIndex index, int[] shown, string term)
    {
        foreach (var ordinal in shown)
        {
            if (index.Facts.FactTerms(ordinal).Contains(term))
            {
                return true;
            }
        }

        return false;
    }
}
