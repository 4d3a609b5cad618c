using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A named clinical finding, test or condition ("the psoas sign", "snapping hip syndrome", "kidney diseases", "the Ober
/// test"): a finding noun after a modifier that names a muscle, a part of the body or something no everyday English word
/// names, where no fact's text holds the two words together. Each word may be one the facts use ("psoas", "sign"), so
/// retrieval would answer with the facts of either; the named thing itself is what the sources lack.
/// Not caught (3 Dec 2026): a finding named without its noun ("snapping hip", "what causes snapping hip"); a modifier of
/// everyday English ("a simple test", "early signs" are descriptions, never names); a finding the facts name in other
/// words.
/// </summary>
internal static class NamedFindings
{
    /// <summary>Nouns a named finding, test or condition ends on, singular then plural.</summary>
    private static readonly FrozenDictionary<string, string> FindingNouns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sign"] = "sign", ["signs"] = "sign", ["test"] = "test", ["tests"] = "test", ["syndrome"] = "syndrome",
        ["syndromes"] = "syndrome", ["disease"] = "disease", ["diseases"] = "disease", ["manoeuvre"] = "manoeuvre",
        ["maneuver"] = "maneuver",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Longest name read before the finding noun ("modified thomas test", "snapping hip syndrome").</summary>
    private const int MaxNameWords = 3;

    /// <summary>"the psoas sign", or null when the question names no finding the facts lack.</summary>
    public static string? Uncovered(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 1; i < text.Count; i++)
        {
            if (!FindingNouns.TryGetValue(text.WordString(i), out var noun))
            {
                continue;
            }

            var modifier = text.WordString(i - 1);
            if (!Names(modifier, index) || FactsHold(index, modifier, noun, text.WordString(i)) || TopicsName(index, modifier, text.WordString(i)))
            {
                continue;
            }

            var start = i - 1;
            while (start > 0 && i - start < MaxNameWords && Names(text.WordString(start - 1), index))
            {
                start--;
            }

            var words = new List<string>(i - start + 1);
            for (var j = start; j <= i; j++)
            {
                words.Add(text.WordString(j));
            }

            return "the " + string.Join(' ', words);
        }

        return null;
    }

    /// <summary>A word that can name a finding: a muscle's, a body part's, or no everyday English word of four letters or more ("ober", "appendicitis").</summary>
    private static bool Names(string word, KnowledgeIndex index) =>
        word.Length >= 3 && !Vocabulary.StopWords.Contains(word) && !EverydayWords.IsBareNumber(word) && !Vocabulary.CueWords.Contains(word)
        && !Vocabulary.Filler.Contains(word) && word is not ("muscle" or "muscles" or "body")
        && (index.IsMuscleWord(word) || Vocabulary.IsBodyWord(word)
            // Four letters or more: a shorter one is as often a tag's abbreviation ("[mod test]") as a name.
            || (word.Length >= 4 && EverydayEnglish.RankOfBase(word) >= RoutingThresholds.EverydayWordRank && !Vocabulary.NamesNoSubject(word)));

    /// <summary>Whether a fact's text or heading holds the two words together, the noun singular or as typed ("psoas syndrome").</summary>
    private static bool FactsHold(KnowledgeIndex index, string modifier, string noun, string typed) =>
        index.FactWordPairs.Contains(modifier + " " + noun) || index.FactWordPairs.Contains(modifier + " " + typed);

    /// <summary>
    /// "tight psoas signs?", "iliopsoas diseases?": a muscle's name before a noun a topic is named by, as typed ("signs"
    /// of the symptoms topic), asks that topic, not a named finding (the review, 3 Dec 2026). "the psoas sign" (singular,
    /// a named clinical sign) stays uncovered unless a topic is named by "sign" itself.
    /// </summary>
    private static bool TopicsName(KnowledgeIndex index, string modifier, string typed) =>
        index.IsMuscleWord(modifier) && index.IsTopicPhrase(typed);
}
