using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "why?", "but why is that?", "why tho", "how come?", "what's the reasoning behind that?": a message that asks for the
/// reason of the last answer and names nothing of its own. The answer is the fact that gives the reason in the sources'
/// own words (a fact with a reason clause: "because", "so that", "since", "reason", "due") and shares the most
/// weight of words with the last question and the facts the last answer showed, wherever it is filed: "should I
/// strengthen or stretch first?" is answered from the rehabilitation topic, and its reason ("because a feeling of
/// tightness is often weakness or poor control") is a fact of the stretching topic.
/// What it does not catch: a reason the sources give without such a clause (then the caller continues the subject as
/// "tell me more" did), and a why-question with a subject of its own ("why is that bad for the back?", "why does it
/// hurt?"), which is answered as a question of its own.
/// </summary>
internal static class ReasonFollowUps
{
    /// <summary>The words that ask for a reason; "how come" is read as one of them.</summary>
    private static readonly FrozenSet<string> ReasonCues = new[]
    {
        "why", "whys", "reason", "reasons", "reasoning", "rationale", "explanation",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a reason request that are no subject ("the reasoning behind that", "for what reason").</summary>
    private static readonly FrozenSet<string> ReasonFrame = new[] { "behind", "bro", "lol", "huh", "exactly", "though", "tho" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The single words that open a reason clause in a fact. Bare words: "since" also matches its time sense ("since
    /// birth") and "reason" any mention of one; the weight shared with the last turn decides.
    /// </summary>
    private static readonly FrozenSet<string> ClauseWords = new[] { "because", "since", "reason", "due" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Longest message read as a bare reason request.</summary>
    private const int MaxWords = 8;

    /// <summary>How much more a word of the last question weighs than a word of the facts shown.</summary>
    private const double QuestionWeight = 3;

    /// <summary>
    /// Least weight a reason fact must share with the last turn, in units of the index's largest word weight: one rare
    /// word alone ("psoas") is no link.
    /// </summary>
    private const double MinShared = 1.5;

    /// <summary>Least weight the reason fact must share with the last question alone, in the same units.</summary>
    private const double MinFromQuestion = 0.5;

    /// <summary>
    /// Least count of the last question's words (muscle names aside) the reason fact must hold: one shared word ("own" in
    /// "should I massage my own psoas" and "psoas on its own is SO-as because...") is a coincidence.
    /// </summary>
    private const int MinAskedWords = 2;

    /// <summary>
    /// Whether the message is nothing but a request for a reason: a reason cue, and otherwise only function words,
    /// courtesy and filler ("ok but why is that?", "why tho", "how come?", "whats the reasoning behind that").
    /// </summary>
    public static bool AsksWhy(TokenizedText text)
    {
        if (text.Count == 0 || text.Count > MaxWords)
        {
            return false;
        }

        var cue = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (ReasonCues.Contains(word))
            {
                cue = true;
            }
            else if (word == "how" && i + 1 < text.Count && text.WordString(i + 1) == "come")
            {
                cue = true;
                i++;
            }
            else if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.Filler.Contains(word) && !Vocabulary.ThanksWords.Contains(word)
                && !ReasonFrame.Contains(word))
            {
                return false;
            }
        }

        return cue;
    }

    /// <summary>
    /// The passage that gives the reason of the last answer, or -1: among the facts with a reason clause, the one that
    /// shares the most weight of words with the last question (counted three times) and the facts the last answer showed.
    /// Runs only for a reason request, so it reads every passage once.
    /// </summary>
    public static int ReasonFor(KnowledgeIndex index, ConversationContext? context)
    {
        if (context is null || !context.HasSubject)
        {
            return -1;
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var asked = new Dictionary<string, double>(StringComparer.Ordinal);
        if (context.Question is { } question)
        {
            foreach (var term in index.Facts.QueryTerms(TokenizedText.From(question).Words))
            {
                // A muscle's name ("psoas") is in most facts: sharing it links nothing.
                if (!index.IsMuscleWord(term.Word))
                {
                    Add(asked, term, 1);
                }
            }
        }

        var passages = index.Facts.Passages;
        var shown = context.ShownFacts.IsDefaultOrEmpty ? [] : context.ShownFacts;
        foreach (var passage in passages)
        {
            if (shown.Contains(passage.Id) || (shown.IsEmpty && OfSubject(index, passage, context)))
            {
                foreach (var term in index.Facts.QueryTerms(TokenizedText.From(passage.Fact.Text).Words))
                {
                    Add(weights, term, 1);
                }
            }
        }

        // A reason for one muscle's fact is never another muscle's fact; a neutral answer's reason brings no pain talk (and
        // with it the disclaimer) into the chat.
        var muscle = context.MuscleId ?? context.NamedMuscleId;
        var best = -1;
        var bestScore = MinShared * index.Facts.MaxIdf;
        for (var p = 0; p < passages.Length; p++)
        {
            if (passages[p].Kind is not (PassageKind.TopicFact or PassageKind.MuscleFact) || !GivesAReason(passages[p].Fact.Text)
                || (muscle is not null && passages[p].Muscle >= 0 && index.Muscles[passages[p].Muscle].Id != muscle)
                || (!context.Disclaimed && index.FactTouchesPain(p)))
            {
                continue;
            }

            var (score, fromQuestion, askedWords) = (0.0, 0.0, 0);
            foreach (var term in index.Facts.FactTerms(p))
            {
                var own = asked.GetValueOrDefault(term);
                fromQuestion += own;
                askedWords += own > 0 ? 1 : 0;
                score += Math.Max(own * QuestionWeight, weights.GetValueOrDefault(term));
            }

            // Without words of the last question (muscle names do not count) it is no reason for it.
            if (askedWords >= MinAskedWords && fromQuestion >= MinFromQuestion * index.Facts.MaxIdf && score > bestScore)
            {
                (best, bestScore) = (p, score);
            }
        }

        return best;
    }

    private static void Add(Dictionary<string, double> weights, QueryTerm term, double factor)
    {
        if (term.Term is { } key && !Vocabulary.StopWords.Contains(term.Word))
        {
            weights[key] = Math.Max(weights.GetValueOrDefault(key), term.Idf * term.Share * factor);
        }
    }

    private static bool OfSubject(KnowledgeIndex index, FactPassage passage, ConversationContext context) =>
        context.TopicId is { } topic
            ? passage.Topic >= 0 && index.Topics[passage.Topic].Id == topic
            : passage.Muscle >= 0 && index.Muscles[passage.Muscle].Id == context.MuscleId && (context.Attribute is null || passage.Attribute == context.Attribute);

    /// <summary>Whether a fact holds a reason clause: "because", "since", "the reason", "due to", "so that".</summary>
    private static bool GivesAReason(string fact)
    {
        var words = TokenizedText.From(fact);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words.WordString(i);
            if (ClauseWords.Contains(word) || (word == "so" && i + 1 < words.Count && words.WordString(i + 1) == "that"))
            {
                return true;
            }
        }

        return false;
    }
}
