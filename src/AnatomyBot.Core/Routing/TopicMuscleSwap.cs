using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "what shape is the iliacus" then "and the psoas?", "where is the psoas major" then "what about the iliacus": after a
/// topic answered a question naming one muscle, a follow-up that names only another muscle asks the same question of that
/// muscle ("what shape is the psoas"), not for its whole card. After a muscle's attribute the last attribute is taken
/// instead (AnswerEngine.WithFollowUp), unless the last question was a yes/no one or the follow-up asks the "same":
/// then it too is asked again of the other muscle; after a card, the next card.
/// </summary>
internal static class TopicMuscleSwap
{
    /// <summary>The last question with its muscle replaced by the one the follow-up names, or null when it is no such follow-up.</summary>
    public static TokenizedText? Swapped(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { Question: { } last } || analysis.Muscles.Count == 0 || analysis.GreyMuscles.Count > 0
            || analysis.Safety.TouchesPain || !OnlyMuscleAndFollowUpWords(text, analysis))
        {
            return null;
        }

        var topic = context.TopicId is { } topicId ? Array.FindIndex(index.Topics, t => t.Id == topicId) : -1;
        var lastText = TokenizedText.From(last);
        // After a topic, any such follow-up re-asks its question. After a muscle's attribute the attribute alone is
        // carried (AnswerEngine.WithFollowUp), except after a yes/no question, whose claim is the question ("does the
        // psoas major reach T12?" then "and the iliacus, does it?"), and after "same thing?", "same question?", "all three again".
        var reasks = topic >= 0
            || (context.TopicId is null && context.Attribute is not null && (FactAnswerer.IsYesNo(lastText) || text.Words.Contains("same") || text.Words.Contains("again")));
        // "does it?", "is it?" hold a weak cue of their own ("does": the action); a topic's follow-up holds none.
        if (!reasks || (analysis.Attributes.Count > 0 && (topic >= 0 || analysis.StrongAttribute)))
        {
            return null;
        }

        var asked = analysis.Muscles[0];
        for (var i = 1; i < analysis.Muscles.Count; i++)
        {
            if (analysis.Muscles[i].Muscle != asked.Muscle)
            {
                return null;
            }
        }

        var lastMuscles = QueryAnalyzer.Analyze(lastText, index).Muscles;
        if (lastMuscles.Count != 1 || lastMuscles[0].Muscle == asked.Muscle || (topic >= 0 && NamesTheTopic(index.Topics[topic].Keywords, lastText, lastMuscles[0])))
        {
            return null;
        }

        var was = lastMuscles[0];
        var before = was.Start > 0 ? lastText.Window(0, was.Start).ToString() + " " : string.Empty;
        var after = was.Start + was.Count < lastText.Count ? " " + lastText.Window(was.Start + was.Count, lastText.Count - was.Start - was.Count).ToString() : string.Empty;
        return new TokenizedText(before + text.Window(asked.Start, asked.Count).ToString() + after) { EndsWithQuestionMark = lastText.EndsWithQuestionMark };
    }

    /// <summary>
    /// "and the iliacus?", "what about psoas minor then", "iliacus?": nothing but a muscle and the words of a follow-up
    /// (so "and the iliacus, where does it start" keeps its own question). Shape only: whether the words name a muscle is
    /// not checked here (see <see cref="Swapped"/>), so the context can keep the question such a follow-up re-asks.
    /// </summary>
    public static bool IsSwapShape(TokenizedText text, KnowledgeIndex index)
    {
        var muscle = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            muscle |= index.IsMuscleWord(word);
            if (!index.IsMuscleWord(word) && !FollowUpWords.Contains(word))
            {
                return false;
            }
        }

        return muscle;
    }

    private static bool OnlyMuscleAndFollowUpWords(TokenizedText text, Analysis analysis)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!analysis.NamesMuscle(i) && !FollowUpWords.Contains(text.WordString(i)))
            {
                return false;
            }

            // "and the iliacus, does it?", "the iliacus does too": "do"/"does" closing the message echo the last question;
            // "what does the iliacus do?" asks its own (the action).
            if (text.WordString(i) is "do" or "does" && i < text.Count - 1 && !(i == text.Count - 2 && text.WordString(i + 1) is "it" or "too" or "they" or "either"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "the psoas paradox", "psoas massage", "the iliopsoas bursa": the last question's muscle word is part of the topic's
    /// two-word name there, so another muscle in its place ("the iliacus paradox") is no question of the topic.
    /// </summary>
    private static bool NamesTheTopic(IReadOnlyList<string> keywords, TokenizedText last, MuscleMention mention)
    {
        foreach (var keyword in keywords)
        {
            var space = keyword.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || keyword.IndexOf(' ', space + 1) >= 0 || !$" {last.Text} ".Contains($" {keyword} ", StringComparison.Ordinal))
            {
                continue;
            }

            for (var i = mention.Start; i < mention.Start + mention.Count; i++)
            {
                var word = last.WordString(i);
                if (keyword.AsSpan(0, space).SequenceEqual(word) || keyword.AsSpan(space + 1).SequenceEqual(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words a follow-up naming another muscle may hold besides it ("and what about the ... then?").</summary>
    private static readonly FrozenSet<string> FollowUpWords = new[]
    {
        "and", "also", "what", "whats", "about", "how", "for", "the", "then", "ok", "okay", "so", "now", "same", "with", "question",
        "one", "muscle", "of", "a", "please", "pls", "thanks", "thx", "too", "instead", "case", "in", "cool", "great", "right",
        // "and the iliacus, does it?", "is it the same thing for the psoas minor", "what about the iliacus, true as well?"
        "does", "do", "is", "it", "thing", "true", "as", "well", "either", "that",
        // A correction's own words ("no, the iliacus", "sorry i meant the psoas minor").
        "no", "nope", "nah", "sorry", "oops", "actually", "i", "meant", "mean", "rather", "plz",
        // "now the same three for psoas minor", "all three again for the iliacus": the last question's parts, counted.
        "two", "three", "four", "both", "all", "again", "questions", "things", "parts",
    }.ToFrozenSet(StringComparer.Ordinal);
}
