using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Which item of a topic's numbered list ("Stretch 1: ...", "Stretch 2: ...") a question asks for: "the second stretch",
/// "stretch 2", "stretch two", "number 3", and, once the topic is known, the label left out ("and the third?", "the last
/// one", "what about number 2", "the next one?" after an item was shown). A numbered fact opens with its label, a digit
/// and a colon.
/// </summary>
internal static class NumberedItems
{
    /// <summary>Words that may stand for the item when the label is left out ("the third one", "the last exercise").</summary>
    private static readonly FrozenSet<string> ItemWords = new[]
    {
        "one", "ones", "item", "step", "exercise", "position", "pose", "move", "version", "drill",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a follow-up asking only for another item of the list may hold besides the ordinal.</summary>
    private static readonly FrozenSet<string> FollowUpWords = new[]
    {
        "and", "the", "what", "whats", "about", "how", "is", "s", "one", "ones", "then", "ok", "okay", "so", "now", "next",
        "show", "me", "give", "tell", "describe", "explain", "do", "i", "you", "it", "please", "pls", "can", "could", "of",
        "them", "those", "these", "item", "step", "exercise", "position", "pose", "move", "version", "drill", "number",
        "no", "nr", "num", "last", "final", "another", "other", "go", "on", "to", "with", "a", "an",
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int Last = int.MaxValue;

    /// <summary>The number an ordinal or number word gives ("third", "3rd", "three", "3"); 0 for any other word.</summary>
    private static int NumberOf(string word) => word switch
    {
        "first" or "1st" or "one" or "1" => 1,
        "second" or "2nd" or "two" or "2" => 2,
        "third" or "3rd" or "three" or "3" => 3,
        "fourth" or "4th" or "four" or "4" => 4,
        "fifth" or "5th" or "five" or "5" => 5,
        _ => 0,
    };

    private static bool IsOrdinal(string word) => word is "first" or "1st" or "second" or "2nd" or "third" or "3rd" or "fourth" or "4th"
        or "fifth" or "5th";

    /// <summary>The label shared by the topic's numbered facts ("stretch"), as an index term, or null when it has none.</summary>
    public static string? LabelOf(FactIndex facts, int topic)
    {
        foreach (var p in facts.OfTopic(topic))
        {
            if (Opening(facts, p) is { } opening)
            {
                return opening.Label;
            }
        }

        return null;
    }

    /// <summary>The label (as an index term) and number a topic fact opens with ("Stretch 2:" gives stretch, 2), or null.</summary>
    public static (string Label, int Number)? Opening(FactIndex facts, int passage)
    {
        if (facts.Passages[passage].Kind != PassageKind.TopicFact)
        {
            return null;
        }

        var text = facts.Passages[passage].Fact.Text.AsSpan().TrimStart();
        var space = text.IndexOf(' ');
        return space > 0 && text.Length > space + 2 && char.IsAsciiDigit(text[space + 1]) && text[space + 2] == ':'
            ? (facts.Term(text[..space].ToString().ToLowerInvariant()), text[space + 1] - '0')
            : null;
    }

    /// <summary>
    /// The topic's fact the question asks for by its number, or -1. With <paramref name="labelMayBeLeftOut"/> (set for a
    /// follow-up on the conversation's topic), "the third", "the last one" and "number 2" need no label.
    /// </summary>
    public static int Asked(KnowledgeIndex index, int topic, TokenizedText question, bool labelMayBeLeftOut)
    {
        var facts = index.Facts;
        if (topic < 0 || LabelOf(facts, topic) is not { } label)
        {
            return -1;
        }

        var n = AskedNumber(index, facts, question, label, labelMayBeLeftOut);
        return n == 0 ? -1 : Item(facts, topic, label, n);
    }

    /// <summary>The topic's item numbered <paramref name="n"/> (<see cref="Last"/>: the highest), or -1.</summary>
    private static int Item(FactIndex facts, int topic, string label, int n)
    {
        var (found, best) = (-1, 0);
        foreach (var p in facts.OfTopic(topic))
        {
            if (Opening(facts, p) is { } o && o.Label == label && (o.Number == n || (n == Last && o.Number > best)))
            {
                (found, best) = (p, o.Number);
                if (n != Last)
                {
                    return p;
                }
            }
        }

        return found;
    }

    private static bool LabelWithin(FactIndex facts, TokenizedText question, int from, int to, string label)
    {
        for (var j = from; j < question.Count && j <= to; j++)
        {
            if (facts.Term(question.WordString(j)) == label)
            {
                return true;
            }
        }

        return false;
    }

    private static int AskedNumber(KnowledgeIndex index, FactIndex facts, TokenizedText question, string label, bool labelMayBeLeftOut)
    {
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            var next = i + 1;
            var after = next < question.Count ? question.WordString(next) : null;

            var ordinal = IsOrdinal(word) ? NumberOf(word) : word is "last" or "final" ? Last : 0;

            // "the second stretch", "the 2nd psoas stretch", "the third hip flexor stretch": the label within three words
            // of an ordinal (stemmed only after one).
            if (ordinal != 0 && LabelWithin(facts, question, next, i + 3, label))
            {
                return ordinal;
            }

            // "stretch 2", "stretch two".
            if (facts.Term(word) == label && i + 1 < question.Count && NumberOf(question.WordString(i + 1)) is var labelled and > 0)
            {
                return labelled;
            }

            if (!labelMayBeLeftOut)
            {
                continue;
            }

            // "and the third?", "the last one", "the second exercise": an ordinal after "the", ending the question or
            // naming an item, not "do strength work first".
            if (ordinal != 0 && i > 0 && question.WordString(i - 1) is "the" or "ur" or "your"
                && (after is null || ItemWords.Contains(after)))
            {
                return ordinal;
            }

            // "number 2", "no. 3" ("#2" is not read: the normaliser drops the hash and a bare digit is left alone).
            if (word is "number" or "nr" or "num" or "no" && i + 1 < question.Count && NumberOf(question.WordString(i + 1)) is var numbered and > 0)
            {
                return numbered;
            }
        }

        return 0;
    }

    /// <summary>
    /// "and the third?", "what about number 2", "the last one?", "next one?" after an answer from a topic with a numbered
    /// list: the item asked, or -1. Only a short follow-up that holds nothing but the ordinal and words that ask for it.
    /// </summary>
    public static int FollowUp(KnowledgeIndex index, TokenizedText question, ConversationContext? context)
    {
        if (context?.TopicId is not { } topicId || question.Count == 0 || question.Count > 7
            || !index.TopicById.TryGetValue(topicId, out var t))
        {
            return -1;
        }

        var facts = index.Facts;
        var topic = Array.IndexOf(index.Topics, t);
        if (LabelOf(facts, topic) is not { } label)
        {
            return -1;
        }

        var asksNext = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (NumberOf(word) > 0 || facts.Term(word) == label)
            {
                continue;
            }

            if (!FollowUpWords.Contains(word))
            {
                return -1;
            }

            asksNext |= word is "next" or "another" or "other";
        }

        var asked = Asked(index, topic, question, labelMayBeLeftOut: true);
        if (asked >= 0 || !asksNext)
        {
            return asked;
        }

        // "the next one?": the item after the highest one shown in this conversation, or the first when none was.
        var shown = 0;
        foreach (var p in facts.OfTopic(topic))
        {
            if (Opening(facts, p) is { } o && o.Label == label && context.ShownFacts.Contains(facts.Passages[p].Id))
            {
                shown = Math.Max(shown, o.Number);
            }
        }

        return Item(facts, topic, label, shown + 1);
    }
}
