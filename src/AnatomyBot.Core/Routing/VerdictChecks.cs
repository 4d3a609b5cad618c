using System.Collections.Frozen;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Whether the facts behind a yes/no opener can settle the question at all: they must be about the muscle it asks
/// about ("does the psoas cover ..." is not settled by the heat-and-ice card's "put a cover on the skin"), and a
/// disputed fact settles nothing ("is psoas massage proven to work": the sources differ).
/// </summary>
internal static class VerdictChecks
{
    private static readonly FrozenSet<string> DisputeWords = new[]
    {
        "disputed", "dispute", "disputes", "debate", "debated", "debates", "controversial", "controversy", "contested",
        "unproven", "unclear", "uncertain", "disagree", "disagrees", "disagreement",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Openers of a yes/no question that asks for advice rather than about the asker's state.</summary>
    private static readonly FrozenSet<string> AdviceOpeners = new[] { "should", "can", "may", "must", "shall" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words asking whether something works or is shown to ("proven", "effective", "evidence").</summary>
    private static readonly FrozenSet<string> EfficacyWords = new[]
    {
        "proven", "proved", "prove", "work", "works", "working", "effective", "efficient", "evidence", "shown",
        "scientific", "science", "studies", "study", "research", "help", "helps", "useful", "real", "true", "legit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the shown facts are about a muscle the question names (their own muscle, a muscle their text or heading
    /// names, or a part or group of it); true when the question names none.
    /// </summary>
    public static bool AboutAskedMuscle(KnowledgeIndex index, TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var asked = index.MusclesNamedIn(question.Text);
        if (asked.Length == 0)
        {
            return true;
        }

        return shown.Any(p => (p.Muscle >= 0 ? [p.Muscle] : index.MusclesNamedIn(p.Ordinal).Concat(index.MusclesNamedIn(p.Heading)))
            .Any(m => asked.Any(a => FactAnswerer.Related(index, a, m))));
    }

    /// <summary>
    /// "Is my psoas tight?", "do I have psoas syndrome?", "could my back pain be from my psoas?": a yes or no about the
    /// asker's own body would be a diagnosis, and the bot never diagnoses, so such a question gets the facts without one.
    /// Advice ("should I strengthen my psoas before I stretch it?", "can I ...") is not a diagnosis and keeps its verdict.
    /// </summary>
    public static bool AboutTheAsker(TokenizedText question) =>
        question.Count > 0 && !AdviceOpeners.Contains(question.WordString(0)) && question.Words.Any(SafetyMatcher.IsPersonalWord);

    /// <summary>Whether a fact says its point is disputed, debated or unproven.</summary>
    public static bool Disputed(IEnumerable<string> factWords) => factWords.Any(DisputeWords.Contains);

    /// <summary>"Is it proven", "does it work", "is that real": the question asks whether a claim holds up.</summary>
    public static bool AsksEfficacy(TokenizedText question) => question.Words.Any(EfficacyWords.Contains);

    /// <summary>
    /// Whether the fact holds every pain word of the claim: "is it common for the stretch to feel painful" is not settled
    /// by a stretching fact that says nothing of pain. (Other missing words may be synonyms the index does not fold.)
    /// </summary>
    public static bool HoldsThePainOfTheClaim(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, FactPassage fact)
    {
        var factTerms = index.Facts.FactTerms(fact.Ordinal);
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (skipWords.Contains(i) || Vocabulary.StopWords.Contains(word) || Vocabulary.SingleWordCues.Contains(word) || index.IsMuscleWord(word)
                || factTerms.Contains(index.Facts.Term(word)))
            {
                continue;
            }

            if (index.Safety.IsSafetyWord(word))
            {
                return false;
            }
        }

        return true;
    }
}
