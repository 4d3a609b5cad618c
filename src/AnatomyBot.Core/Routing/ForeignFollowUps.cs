using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "und der iliacus?", "y el iliaco?", "et le psoas mineur?", "e o iliaco?": a follow-up in another language that names
/// one muscle and nothing else is "and the iliacus?", so it asks the last question of that muscle (the attribute, or the
/// topic swap) instead of showing the whole card. The shape, not a phrase list: besides the muscle's words the message
/// holds only function words (any language's stop words, or unknown words of one or two letters such as the Portuguese
/// "e" and "o"), at least one of them another language's and no English one's, no question word and no pain word.
/// What it does not catch: a follow-up in another language that asks a new attribute in that language ("und wo setzt er
/// an?", "y su inervacion?"): its verbs and nouns are no words of the knowledge, so it still gets the off-topic reply.
/// </summary>
internal static class ForeignFollowUps
{
    /// <summary>The English follow-up the message stands for ("and the iliacus?"), or null when it is no such follow-up.</summary>
    public static TokenizedText? AsEnglish(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { HasSubject: true, RedFlag: false } || text.Count > 8 || analysis.Muscles.Count != 1
            || analysis.Attributes.Count > 0 || analysis.Safety.TouchesPain)
        {
            return null;
        }

        var mention = analysis.Muscles[0];
        var foreign = false;
        for (var i = 0; i < text.Count; i++)
        {
            if (i >= mention.Start && i < mention.Start + mention.Count)
            {
                continue;
            }

            var word = text.WordString(i);
            if (FactAnswerer.OpensQuestion(word))
            {
                return null;
            }

            if (Vocabulary.OtherLanguageOnlyStopWords.Contains(word))
            {
                foreign = true;
            }
            else if (!Vocabulary.StopWords.Contains(word) && (word.Length > 2 || index.Facts.Knows(word) || index.IsMuscleWord(word)))
            {
                return null;
            }
        }

        return foreign
            ? new TokenizedText($"and the {index.Muscles[mention.Muscle].Name.ToLowerInvariant()}") { EndsWithQuestionMark = true, Tagged = text.Tagged }
            : null;
    }
}
