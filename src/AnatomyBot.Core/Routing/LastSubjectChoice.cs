using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A choice between two options asked of the last answer's subject: "front or back of the femur?" after where the
/// iliopsoas inserts, "is it lumbar one and two, or lumbar one only?" after the psoas minor's nerve roots, "upper or lower
/// part?". By its shape: a short message with "or" between two words the facts use, naming no muscle, no pain and no
/// attribute other than the last one, after an answer about one muscle's attribute. The facts of that attribute, of the
/// muscle or of its parts (a group's insertion is its parts' insertions), that hold an option answer it; without one the
/// question is left to the usual rules, so words of another topic ("back", "front" of the symptoms) no longer take it
/// there first. Another word the facts use must be held by the chosen facts too ("is the bursa in front or back?" asks
/// the bursa). Not caught: options the facts word otherwise ("anterior or posterior" against "back of the femur"), a
/// choice after a topic (the last topic's own facts already answer those, see AnswerEngine.LastTopicFollowUp).
/// </summary>
internal static class LastSubjectChoice
{
    /// <summary>The longest message read as a choice about the last answer.</summary>
    private const int MaxWords = 12;

    /// <summary>The ordinals of the facts that hold an option, in the knowledge's order; null when it is no such choice.</summary>
    public static List<int>? Facts(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { MuscleId: { } id, Attribute: { } attribute, RedFlag: false } || text.Count < 3 || text.Count > MaxWords
            || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0 || analysis.Safety.TouchesPain || analysis.Safety.RedFlags.Count > 0
            || !index.MuscleById.TryGetValue(id, out var muscle))
        {
            return null;
        }

        foreach (var asked in analysis.Attributes)
        {
            if (asked != attribute)
            {
                return null;
            }
        }

        var options = new List<string>(4);
        for (var i = 1; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) != "or")
            {
                continue;
            }

            if (Option(text, index, i, -1) is not { } before || Option(text, index, i, 1) is not { } after || before == after)
            {
                return null;
            }

            options.Add(before);
            options.Add(after);
        }

        if (options.Count == 0)
        {
            return null;
        }

        var standard = Array.IndexOf(index.Muscles, muscle);
        var facts = new List<int>();
        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Kind != PassageKind.MuscleFact || passage.Attribute != attribute
                || !(passage.Muscle == standard || (muscle.IsGroup && !muscle.Parts.IsDefault && muscle.Parts.Contains(index.Muscles[passage.Muscle].Id))))
            {
                continue;
            }

            var terms = index.Facts.FactTerms(passage.Ordinal);
            foreach (var option in options)
            {
                if (terms.Contains(option))
                {
                    facts.Add(passage.Ordinal);
                    break;
                }
            }
        }

        return facts.Count > 0 && HoldOtherWords(text, index, options, facts) ? facts : null;
    }

    /// <summary>
    /// Whether every other word of the question the facts use is held by a chosen fact: "is the bursa in front or back?"
    /// after the insertion asks about the bursa, not the insertion (the review, 3 Dec 2026).
    /// </summary>
    private static bool HoldOtherWords(TokenizedText text, KnowledgeIndex index, List<string> options, List<int> facts)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word == "or" || Vocabulary.StopWords.Contains(word) || !index.Facts.Knows(word) || options.Contains(index.Facts.Term(word)))
            {
                continue;
            }

            var term = index.Facts.Term(word);
            var held = false;
            foreach (var fact in facts)
            {
                held |= index.Facts.FactTerms(fact).Contains(term);
            }

            if (!held)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The term of the nearest word to one side of "or" that is no stop word, when the facts use it; else null.</summary>
    private static string? Option(TokenizedText text, KnowledgeIndex index, int or, int step)
    {
        for (var i = or + step; i >= 0 && i < text.Count; i += step)
        {
            var word = text.WordString(i);
            if (word == "or")
            {
                return null;
            }

            if (Vocabulary.StopWords.Contains(word))
            {
                continue;
            }

            return index.Facts.Knows(word) ? index.Facts.Term(word) : null;
        }

        return null;
    }
}
