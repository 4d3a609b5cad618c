using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "and for the left side?", "what about the right one?", "same on the other side?": after a muscle's attribute, a
/// follow-up that names only a side of the body asks that attribute again (the left and right muscles are described
/// alike), not for the location fact that everyone has two of them. After a muscle's card it asks where the muscle is on
/// the left and right (that fact), naming the muscle. Never after a pain, an injury or a red flag: those keep their own
/// follow-up handling and notices. Known gap (2 Dec 2026): after a card and a side follow-up, "and its nerve?" stays on
/// the location topic, because the chat remembers the muscle from the student's own words, not this rewrite.
/// </summary>
internal static class SideFollowUps
{
    /// <summary>The question the side follow-up stands for, or null when the message is no such follow-up.</summary>
    public static TokenizedText? AsLastSubject(TokenizedText text, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { MuscleId: { } id, TopicId: null, Disclaimed: false, RedFlag: false } || text.Count > 8
            || !index.MuscleById.TryGetValue(id, out var muscle) || !NamesOnlyASide(text) || index.MusclesNamedIn(text.Text).Length > 0)
        {
            return null;
        }

        var name = muscle.Name.ToLowerInvariant();
        var question = context.Attribute is { } attribute
            ? $"{Vocabulary.AttributeQueryWord(attribute)} of the {name}"
            : $"where is the {name} on the left and right";
        return new TokenizedText(question) { EndsWithQuestionMark = true, Tagged = text.Tagged };
    }

    /// <summary>
    /// A side ("left", "right", "opposite", "other side") and nothing else but follow-up and filler words. "right" and
    /// "left" count only where they name a side: after "the", "for", "on", "my", "your" or before "side", "one", "hip"
    /// ("is that right?", "what's left?" are not).
    /// </summary>
    private static bool NamesOnlyASide(TokenizedText text)
    {
        var side = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            var before = i > 0 ? text.WordString(i - 1) : null;
            var after = i + 1 < text.Count ? text.WordString(i + 1) : null;
            if (word is "left" or "right" or "opposite" or "contralateral")
            {
                if (before is not ("the" or "for" or "on" or "my" or "your" or "their" or "and") && !SideNouns.Contains(after ?? string.Empty))
                {
                    return false;
                }

                side = true;
            }
            else if (word == "other" && SideNouns.Contains(after ?? string.Empty))
            {
                side = true;
            }
            else if (!Filler.Contains(word) && !SideNouns.Contains(word))
            {
                return false;
            }
        }

        return side;
    }

    /// <summary>Nouns a side word may qualify ("the left side", "the right one", "the other hip").</summary>
    private static readonly FrozenSet<string> SideNouns = new[]
    {
        "side", "sides", "one", "ones", "hip", "hips", "leg", "legs", "half", "muscle", "sided",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Follow-up leads and filler that change nothing ("ok and what about for the left side then?").</summary>
    private static readonly FrozenSet<string> Filler = new[]
    {
        "and", "also", "what", "whats", "how", "about", "for", "on", "the", "a", "my", "your", "their", "same", "too", "then",
        "now", "ok", "okay", "so", "is", "it", "that", "this", "of", "in", "please", "pls", "plz", "again", "as", "well",
        "just", "but",
    }.ToFrozenSet(StringComparer.Ordinal);
}
