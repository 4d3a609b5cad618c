using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A follow-up asking about another aspect of the last topic's subject, in words none of that topic's facts hold:
/// "can it get inflamed?" or "what can go wrong with it?" after the bursa (the conditions facts name bursitis), "how is
/// it treated?" after overuse and contracture (a related topic's fact on treatment). The question is read with the
/// subject in place of the pronoun: a fact elsewhere that holds what is asked and names the subject (by a word of the
/// topic's title, or by its "-itis" form: bursitis for the bursa, tendonitis for a tendon) answers, or, failing one
/// that names it, a fact of a topic the last one lists as related. A question about trouble ("inflamed", "go wrong",
/// "problems") is answered by such a fact that speaks of pain or injury, since those are the facts on its conditions.
/// Not caught: an aspect whose words no fact holds at all ("how do I make it harder?"), or one the last topic's own
/// facts answer under other words ("so what should I do about it?" after sitting: its advice fact says "recommends");
/// a last subject that is a muscle (its attributes are asked by cue words, see AnswerEngine.WithFollowUp).
/// </summary>
internal static class AspectFollowUps
{
    /// <summary>
    /// Words that ask what can go wrong with a thing, besides the pain words of the safety rules ("inflamed", "injured"):
    /// "what can go wrong with it", "any problems with it", "what conditions affect it".
    /// </summary>
    private static readonly FrozenSet<string> TroubleWords = new[]
    {
        "wrong", "problem", "problems", "issue", "issues", "condition", "conditions", "disorder", "disorders",
        "complication", "complications", "disease", "diseases", "inflamed", "inflammation", "inflamation", "swollen",
        "swelling", "irritated", "irritation",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The medical suffix for an inflammation of what its root names (bursitis, tendonitis).</summary>
    private const string InflammationSuffix = "itis";

    /// <summary>What a related topic's fact gains over an equal fact elsewhere: enough to break a tie, never to outweigh a word.</summary>
    private const double RelatedTieBreak = 0.01;

    /// <summary>How many letters of a subject word an "-itis" word's root must share ("burs" of bursa and bursitis).</summary>
    private const int MinRootLetters = 4;

    /// <summary>
    /// The fact answering the follow-up, or -1 when the question names a subject of its own, does not point back (no
    /// pronoun, no follow-up shape), or a fact of the last topic holds one of its words (the last topic answers).
    /// </summary>
    public static int Fact(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context, IReadOnlyList<QueryTerm> terms)
    {
        if (context?.TopicId is not { } topicId || context.MuscleId is not null || !index.TopicById.TryGetValue(topicId, out var topic)
            || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0
            || !(FactAnswerer.HasPronoun(text) || FactAnswerer.IsFollowUp(text)))
        {
            return -1;
        }

        var topicIndex = Array.IndexOf(index.Topics, topic);
        // A topic the question's own words name well ("how is it treated?": rehabilitation) is as near as a related one.
        var named = analysis.BestTopic.Score >= RoutingThresholds.TopicAccept ? analysis.BestTopic.Topic : -1;
        var trouble = AsksTrouble(text, analysis);
        var asked = new List<QueryTerm>();
        foreach (var term in terms)
        {
            // An everyday word ("treated", "go") counts, at its small share of weight ("how is it treated?").
            // The measure of "how long", "how often" is what is asked of the subject, not a word of another one.
            if (term.Term is not null && !term.Corrected && !Vocabulary.StopWords.Contains(term.Word) && !Vocabulary.CueWords.Contains(term.Word)
                && !index.IsMuscleWord(term.Word) && !AnswerEngine.AfterHow(text, term.Word))
            {
                asked.Add(term);
            }
        }

        if (asked.Count == 0 && !trouble)
        {
            return -1;
        }

        // A fact of the last topic holding a word of the question, an everyday one included ("and how often?"), answers it
        // there (LastTopicFollowUp).
        foreach (var passage in index.Facts.OfTopic(topicIndex))
        {
            var held = index.Facts.FactTerms(passage);
            foreach (var term in asked)
            {
                if (Holds(held, term.Term!))
                {
                    return -1;
                }
            }

            // Trouble asked after a topic that speaks of pain ("does it hurt?" after the symptoms): its facts answer.
            if (trouble && index.Facts.Passages[passage].Kind == PassageKind.TopicFact && index.FactTouchesPain(passage))
            {
                return -1;
            }
        }

        // A question whose word of substance another topic it names well holds ("how long should I rest it?" after the
        // stretches: the rest topic) is answered there by the usual ranking; "treated" is only an everyday word.
        if (named >= 0 && named != topicIndex)
        {
            foreach (var passage in index.Facts.OfTopic(named))
            {
                var held = index.Facts.FactTerms(passage);
                foreach (var term in asked)
                {
                    // The word of trouble itself ("problems", "irritated") is what is asked of the subject, not another one.
                    if (!Vocabulary.NamesNoSubject(term.Word) && !TroubleWords.Contains(term.Word) && Holds(held, term.Term!))
                    {
                        return -1;
                    }
                }
            }
        }

        var subject = SubjectWords(index, topic);
        if (subject.Count == 0)
        {
            return -1;
        }

        var (best, bestScore) = (-1, 0.0);
        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Topic == topicIndex || passage.Kind != PassageKind.TopicFact || passage.Topic < 0)
            {
                continue;
            }

            var held = index.Facts.FactTerms(passage.Ordinal);
            var answers = 0.0;
            foreach (var term in asked)
            {
                if (Holds(held, term.Term!))
                {
                    answers += term.Idf * term.Share;
                }
            }

            var names = Names(index, passage, held, subject);
            var related = passage.Topic == named || topic.Related.Contains(index.Topics[passage.Topic].Id);
            // Trouble asked of the subject: a fact naming it that speaks of pain or injury (its conditions).
            var troubleHeld = trouble && names > 0 && index.FactTouchesPain(passage.Ordinal) ? index.Facts.MaxIdf : 0;
            if ((answers <= 0 && troubleHeld <= 0) || (names <= 0 && !related))
            {
                continue;
            }

            // On a tie, a topic the last one lists as related is the nearer subject.
            var score = answers + troubleHeld + names + (related ? RelatedTieBreak : 0);
            if (score > bestScore)
            {
                (best, bestScore) = (passage.Ordinal, score);
            }
        }

        return best;
    }

    /// <summary>
    /// Whether a fact holds a term, or a longer term it opens ("treat" of "how is it treated" in "treatment": the stemmer
    /// leaves "-ment" on a short root). Only terms of five letters or more, so "rest" is not "restricted".
    /// </summary>
    private static bool Holds(IReadOnlySet<string> held, string term)
    {
        if (held.Contains(term))
        {
            return true;
        }

        if (term.Length < MinOpeningLetters)
        {
            return false;
        }

        foreach (var other in held)
        {
            if (other.Length > term.Length && other.StartsWith(term, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How long a term must be to match the longer terms it opens.</summary>
    private const int MinOpeningLetters = 5;

    /// <summary>Whether the question asks what can go wrong: a pain or injury word, or a word of trouble.</summary>
    private static bool AsksTrouble(TokenizedText text, Analysis analysis)
    {
        if (analysis.Safety.TouchesPain)
        {
            return true;
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (TroubleWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words that name the topic's subject: the content words of its title that are no muscle's name ("bursa" of "The
    /// iliopsoas bursa"; "overuse" and "shortening" of "Overuse and muscle shortening"), each with its weight, so a common
    /// word ("hip") says little.
    /// </summary>
    private static List<(string Word, string Term, double Idf)> SubjectWords(KnowledgeIndex index, Topic topic)
    {
        var words = new List<string>();
        foreach (var word in TextNormalizer.Normalize(topic.Title, 200).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 3 && !Vocabulary.StopWords.Contains(word) && !Vocabulary.NamesNoSubject(word) && !index.IsMuscleWord(word))
            {
                words.Add(word);
            }
        }

        var subject = new List<(string, string, double)>();
        foreach (var term in index.Facts.QueryTerms(words))
        {
            if (term.Term is not null && !term.Corrected)
            {
                subject.Add((term.Word, term.Term, term.Idf));
            }
        }

        return subject;
    }

    /// <summary>
    /// How strongly a fact names the subject: the weight of the subject's words it holds, and the most weight for an
    /// "-itis" word whose root is a subject word's ("bursitis" names the bursa).
    /// </summary>
    private static double Names(KnowledgeIndex index, FactPassage passage, IReadOnlySet<string> held, List<(string Word, string Term, double Idf)> subject)
    {
        var names = 0.0;
        foreach (var (_, term, idf) in subject)
        {
            if (held.Contains(term))
            {
                names += idf;
            }
        }

        if (passage.Fact.Text.Contains(InflammationSuffix, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var word in TextNormalizer.Normalize(passage.Fact.Text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length > InflammationSuffix.Length + MinRootLetters - 1 && word.EndsWith(InflammationSuffix, StringComparison.Ordinal)
                    && SharesRoot(word, subject))
                {
                    return Math.Max(names, index.Facts.MaxIdf);
                }
            }
        }

        return names;
    }

    private static bool SharesRoot(string itisWord, List<(string Word, string Term, double Idf)> subject)
    {
        foreach (var (word, _, _) in subject)
        {
            if (word.Length >= MinRootLetters && itisWord.AsSpan(0, MinRootLetters).SequenceEqual(word.AsSpan(0, MinRootLetters)))
            {
                return true;
            }
        }

        return false;
    }
}
