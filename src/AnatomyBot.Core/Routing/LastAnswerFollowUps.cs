using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question whose subject is the last answer itself: "which of those is right?", "is that a lot?", "is that per leg or
/// in total?", "are those all of them?", "are you sure?". By its shape: a verb and a pronoun that points back open it
/// ("is that", "are these", "was it"), or "which of those" / "which one", or "are you"; it is short and names no muscle,
/// attribute cue, topic phrase or pain. Such a question is about the last subject, so when the words left in it ("right",
/// "leg", "people") found a fact of another subject, the last answer's facts are shown again with their sources.
/// What it does not catch: the same question without a pronoun ("a lot?", "per leg?"), and one whose own words do name
/// another subject ("is that the same for the iliacus?" names a muscle and is answered as such).
/// </summary>
internal static class LastAnswerFollowUps
{
    /// <summary>Words that may come before the question without changing it ("so is that right?", "ok but are you sure").</summary>
    private static readonly FrozenSet<string> Leads = TurnWords.Set(TurnWords.Conjunctions, TurnWords.Okays, TurnWords.Hesitations,
        ["but", "hm", "um", "really"]);

    /// <summary>The pronouns that point back at the last answer.</summary>
    private static readonly FrozenSet<string> PointBack = new[]
    {
        "that", "this", "those", "these", "it", "they", "thats",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool AsksAboutIt(TokenizedText text, Analysis analysis)
    {
        if (text.Count < 2 || text.Count > 9 || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0
            || analysis.Attributes.Count > 0 || analysis.TopicHadPhrase || analysis.Safety.TouchesPain)
        {
            return false;
        }

        var at = 0;
        while (at < text.Count - 1 && Leads.Contains(text.WordString(at)))
        {
            at++;
        }

        if (at + 1 >= text.Count)
        {
            return false;
        }

        var (first, second) = (text.WordString(at), text.WordString(at + 1));
        return (first is "is" or "are" or "was" or "were" or "isnt" or "arent" && PointBack.Contains(second))
            // "thats many?", "that is a lot?": the pointer first, a statement asked; without the question mark it is a
            // remark ("thats interesting"), not a question.
            || (text.EndsWithQuestionMark && (first == "thats" || (first is "that" or "this" && second == "is")))
            || (first == "are" && second is "you" or "u")
            || (first == "which" && second is "of" or "one" && (at + 2 >= text.Count || PointBack.Contains(text.WordString(at + 2)) || second == "one"));
    }

    /// <summary>Plain pain, with no other symptom in it ("hurts", "sore"; not "numb", "swollen", "can't lift").</summary>
    private static readonly FrozenSet<string> PlainPainWords = new[]
    {
        "hurt", "hurts", "hurting", "pain", "painful", "sore", "ache", "aches", "aching", "achy", "uncomfortable",
        "discomfort", "sting", "stings", "more", "worse", "bit", "little",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words that ask what to do ("what if", "should I", "is it ok").</summary>
    private static readonly FrozenSet<string> AskingWords = new[]
    {
        "what", "whats", "if", "should", "ok", "okay", "normal", "happens", "make", "makes", "making", "start", "starts",
        "get", "gets", "im", "keep", "stop", "then", "so", "and", "but", "or", "um", "hmm",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that place pain in the activity the last answer described ("while doing them", "during those").</summary>
    private static readonly FrozenSet<string> DuringWords = new[]
    {
        "doing", "during", "while", "whilst", "when", "after", "do", "does",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "what if it hurts while I'm doing them", "and if they hurt?", "what if those make it sore" after exercises or
    /// stretches: pain during what the last answer described, so the last topic's own facts that speak of pain ("stop if
    /// it starts to hurt more", "get a professional evaluation before starting these"), not the symptoms of a sore hip.
    /// Only a short message that names no muscle, raises no red flag, points back at the activity (a plural pronoun, or
    /// a pronoun with "doing", "during", "while"), after a topic whose facts mostly speak of no pain (after the symptoms
    /// topic "what if it hurts" is a question of its own). Null otherwise; the caller's reply carries the disclaimer.
    /// </summary>
    public static List<int>? PainDuringIt(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context?.TopicId is not { } id || context.RedFlag || !analysis.Safety.TouchesPain || analysis.Safety.RedFlags.Count > 0
            || text.Count > 12 || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0)
        {
            return null;
        }

        var (plural, pointer, during) = (false, false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // "they hurt and I can't lift my leg", "what if it hurts and my leg goes numb": another symptom is news to be
            // seen to, not pain during the exercises; only pain words, body parts, pointers and small words pass.
            if (!PlainPainWords.Contains(word) && !PointBack.Contains(word) && !DuringWords.Contains(word)
                && !Vocabulary.StopWords.Contains(word) && !AskingWords.Contains(word) && !Vocabulary.IsBodyWord(word))
            {
                return null;
            }

            plural |= word is "they" or "them" or "these" or "those";
            pointer |= PointBack.Contains(word);
            during |= DuringWords.Contains(word);
        }

        if (!plural && !(pointer && during))
        {
            return null;
        }

        var (painFacts, facts) = (new List<int>(), 0);
        foreach (var ordinal in index.Facts.OfTopic(Array.FindIndex(index.Topics, t => t.Id == id)))
        {
            var passage = index.Facts.Passages[ordinal];
            if (passage.Kind != PassageKind.TopicFact)
            {
                continue;
            }

            facts++;
            if (index.Safety.TouchesPain(passage.Fact.Text))
            {
                painFacts.Add(passage.Ordinal);
            }
        }

        return painFacts.Count > 0 && painFacts.Count * 2 < facts ? painFacts : null;
    }

    /// <summary>Verbs of giving one version as the answer ("which do I write", "which one should I put", "which to learn").</summary>
    private static readonly FrozenSet<string> GiveVerbs = new[]
    {
        "write", "put", "say", "give", "use", "answer", "learn", "memorise", "memorize", "pick", "choose", "go", "quote",
        "cite", "trust", "believe", "take", "mark", "state", "revise", "remember",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What the choice is among ("which version", "which answer", "which one", "two versions").</summary>
    private static readonly FrozenSet<string> ChoiceWords = new[]
    {
        "version", "versions", "answer", "answers", "one", "ones", "option", "options", "figure", "figures", "value", "values",
        "two", "both", "different", "correct", "right", "true", "official",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Where the chosen version is to be given ("in the exam", "on the test", "for my flashcards").</summary>
    private static readonly FrozenSet<string> ExamWords = new[]
    {
        "exam", "exams", "test", "tests", "quiz", "finals", "final", "paper", "osce", "viva", "flashcard", "flashcards",
        "essay", "assignment", "notes", "class", "course", "uni", "school", "teacher", "lecturer", "professor", "prof",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest message read as asking which version of the last answer to give.</summary>
    private const int MaxChoiceWords = 14;

    /// <summary>
    /// "which version should I write in the exam", "which one do I put", "wow two versions... which do I write", "which
    /// answer is right for the test": after an answer that gave more than one version, the student asks which to give.
    /// By its shape: "which" followed by a verb of giving one (write, put, say, use...) or by a word for the choice
    /// (version, answer, one) with an exam word, naming no muscle and no pain, and holding no other word the facts use
    /// (so "which stretch should I do first" and "which nerve do I write for the iliacus" keep their own subjects).
    /// Not caught: the same without "which" ("what do I put in the exam then?").
    /// </summary>
    public static bool AsksWhichToGive(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (text.Count < 2 || text.Count > MaxChoiceWords || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0
            || analysis.Safety.TouchesPain || analysis.Safety.RedFlags.Count > 0)
        {
            return false;
        }

        var (which, gives, chooses, exam) = (false, false, false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word == "which")
            {
                // "which test should I use?" asks for a test, not which version to give (the review, 3 Dec 2026).
                if (i + 1 < text.Count && ExamWords.Contains(text.WordString(i + 1)))
                {
                    return false;
                }

                which = true;
                continue;
            }

            var given = which && GiveVerbs.Contains(word);
            var chosen = ChoiceWords.Contains(word);
            var examWord = ExamWords.Contains(word);
            (gives, chooses, exam) = (gives || given, chooses || chosen, exam || examWord);
            if (!given && !chosen && !examWord && !GiveVerbs.Contains(word) && word.Length > 2 && !Vocabulary.StopWords.Contains(word)
                && !Vocabulary.Filler.Contains(word) && index.Facts.Knows(word))
            {
                return false;
            }
        }

        return which && (gives || (chooses && exam));
    }

    /// <summary>
    /// Whether the last answer showed a fact holding a number and the reply shows none of them: "is that a lot?" after
    /// "15 to 20 repetitions" asks about that number, and the same topic's other facts ("hold for three seconds") are no
    /// answer to it. Only read for a question <see cref="AsksAboutIt"/>; a number fact that speaks of pain does not count.
    /// </summary>
    public static bool DropsTheNumber(KnowledgeIndex index, Reply reply, ConversationContext context)
    {
        if (context.ShownFacts.IsDefaultOrEmpty)
        {
            return false;
        }

        var shownNumber = false;
        var passages = index.Facts.Passages;
        for (var p = 0; p < passages.Length; p++)
        {
            // A number whose fact speaks of pain ("stop if it starts to hurt more") would bring the disclaimer to a neutral
            // question about it: such a fact is left to the answer the question found.
            if (index.Facts.HoldsNumber(p) && context.ShownFacts.Contains(passages[p].Id) && !index.FactTouchesPain(p))
            {
                if (!reply.Facts.IsDefaultOrEmpty && reply.Facts.Contains(passages[p].Id))
                {
                    return false;
                }

                shownNumber = true;
            }
        }

        return shownNumber;
    }

    /// <summary>Whether the reply answers the context's subject (its topic, or its muscle and attribute).</summary>
    public static bool SameSubject(Reply reply, ConversationContext context) =>
        context.TopicId is { } topic
            ? reply.Intent == Intent.Topic && reply.Entity == topic
            : reply.Entity == context.MuscleId && reply.Attribute == context.Attribute;
}
