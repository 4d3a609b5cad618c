using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Where a word no fact uses stands says whether it names what is asked or only how it is asked. "My lecturer said 2
/// but a website said 3" names who made a claim; "what actions do the sources assign to", "in determining the lumbar
/// lordosis" are verbs of the asker's frame; "or is it fewer?", "fewer than half" ask an amount of a covered subject;
/// "the conflicting accounts" asks whether the sources agree; "a flexible psoas" is the muscle in a state. None of
/// them is a subject the sources "don't cover".
/// A noun in a noun's place ("the lymphatic drainage", "a psoas abscess", "when you sneeze") still is.
/// </summary>
internal static class FramingWords
{
    /// <summary>Who a claim comes from: a verb right after one ("the sources assign", "authors ascribe") is the asker's frame.</summary>
    private static readonly FrozenSet<string> ClaimMakers = new[]
    {
        "sources", "source", "authors", "author", "writers", "writer", "texts", "textbooks", "books", "articles", "documents",
        "experts", "anatomists", "researchers", "studies",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What may follow a verb but not a noun: a determiner or a question word ("determining the", "determine which").</summary>
    private static readonly FrozenSet<string> ObjectStarts = new[]
    {
        "the", "a", "an", "its", "their", "this", "these", "those", "any", "which", "what", "whether", "how", "why", "where",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Amounts and comparisons of amounts ("fewer", "half", "the majority"): how much of a subject, never one.</summary>
    private static readonly FrozenSet<string> AmountWords = new[]
    {
        "fewer", "less", "half", "halves", "quarter", "majority", "minority", "percent", "percentage", "proportion", "fraction",
        "portion", "rarer", "commoner",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Define the term 'biarticulate' as applied to the psoas", "account for the term", "what does the word mean as it
    /// is applied to the hip": "term" and "word" point at the word asked about, and "applied to" at what it is said of;
    /// neither is a subject of its own.
    /// </summary>
    private static bool NamesAWordAsked(TokenizedText text, string word)
    {
        if (word is "term" or "terms" or "terminology")
        {
            return true;
        }

        if (word is not ("applied" or "applies" or "apply"))
        {
            return false;
        }

        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) == word && text.WordString(i + 1) == "to")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="word"/>, a word no fact uses, only frames the question wherever it stands in
    /// <paramref name="text"/>: an amount, a word of dispute, or at every place it stands who made a claim or a verb
    /// with its object.
    /// </summary>
    public static bool Frames(TokenizedText text, string word, KnowledgeIndex index)
    {
        if (AmountWords.Contains(word) || Vocabulary.DisputeWords.Contains(word) || NamesAWordAsked(text, word) || AboutTheAsking(word, index))
        {
            return true;
        }

        var seen = false;
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) != word)
            {
                continue;
            }

            if (!FramesAt(text, i, index))
            {
                return false;
            }

            seen = true;
        }

        return seen;
    }

    /// <summary>Books and texts a student may quote ("the book", "my textbook"), besides <see cref="ClaimMakers"/>.</summary>
    private static readonly FrozenSet<string> QuotedTexts = new[] { "book", "textbook", "text", "article", "notes", "handout" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Reporting verbs in the plain form a question puts them in ("what does the book tell us"), besides "say".</summary>
    private static readonly FrozenSet<string> AskedReportingVerbs = new[] { "tell", "state", "write", "mention" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Who may have made a claim: a source word or a text the student quotes.</summary>
    private static bool IsWhoSaid(string word) => ClaimMakers.Contains(word) || QuotedTexts.Contains(word);

    /// <summary>
    /// "What does the book say about the psoas minor?", "what do the books state about it", "according to my textbook":
    /// a book or source that says who made a claim, so it is no topic of its own (the books the sources recommend).
    /// "Which book talks about the psoas", "what books mention it" ask for a book: a question word right before it keeps it.
    /// </summary>
    public static bool NamesWhoSaid(TokenizedText text, int i)
    {
        var word = text.WordString(i);
        if (!IsWhoSaid(word) || (i > 0 && text.WordString(i - 1) is "which" or "what" or "whats"))
        {
            return false;
        }

        for (var k = i + 1; k < text.Count && k <= i + 2; k++)
        {
            if (Vocabulary.ReportingVerbs.Contains(text.WordString(k)))
            {
                return true;
            }
        }

        return AfterAccordingTo(text, i);
    }

    /// <summary>
    /// "What does the book say about the psoas minor?", "what do the sources tell us about the iliacus": every word but
    /// the muscle's name is who said it, a reporting verb or a small word, so the muscle as a whole is asked about. A
    /// question that names anything else ("... say about its origin", "... the manual therapy book ...") is not, nor one
    /// that asks for a book ("what books mention it").
    /// </summary>
    public static bool AsksWhatIsSaidOf(TokenizedText text, Analysis analysis)
    {
        // "What books mention the psoas minor?" asks for a book.
        if (text.Count < 5 || text.WordString(0) is not ("what" or "whats") || analysis.Muscles.Count == 0
            || IsWhoSaid(text.WordString(1)))
        {
            return false;
        }

        var reports = false;
        var who = false;
        for (var i = 1; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (analysis.NamesMuscle(i) || Vocabulary.StopWords.Contains(word) || word is "regarding" or "concerning")
            {
                continue;
            }

            if (Vocabulary.ReportingVerbs.Contains(word) || AskedReportingVerbs.Contains(word))
            {
                reports = true;
            }
            else if (IsWhoSaid(word))
            {
                who = true;
            }
            else
            {
                return false;
            }
        }

        return reports && who;
    }

    /// <summary>
    /// Words about the asking, not what is asked: how to answer ("Cite it.", "give the reference"), who teaches or where the
    /// asker met the subject ("people mention it in lectures", "which muscle group does it feed in this topic"), and a
    /// clipped muscle name ("pso min", "pso as paradox").
    /// </summary>
    private static bool AboutTheAsking(string word, KnowledgeIndex index) =>
        Vocabulary.SourceWords.Contains(word) || Vocabulary.ClaimTellers.Contains(word) || Vocabulary.CourseMaterial.Contains(word)
        || index.IsClippedMuscleWord(word);

    private static bool FramesAt(TokenizedText text, int i, KnowledgeIndex index)
    {
        // "surgeon here what lies in front of the psoas": who asks (IntroClauses.SelfIntroductionEnd), unpunctuated.
        if (i < IntroClauses.SelfIntroductionEnd(text, index))
        {
            return true;
        }

        var next = i + 1 < text.Count ? text.WordString(i + 1) : null;
        var previous = i > 0 ? text.WordString(i - 1) : null;
        var word = text.WordString(i);
        // "the rehabilitation measures described for", "the guidance given for": what the sources set out; and the asker's
        // story or the clause reporting a claim, before the question. A treatment, test or measure named there is still
        // a subject ("the dose of ibuprofen recommended", "after my hip surgery, how long until the psoas heals").
        if (!EverydayWords.IsClinicalSubject(word) && !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word)
            && ((next is not null && SetOutBy.Contains(next)) || InReportingClause(text, i, index) || BeforeTheQuestion(text, i, index)))
        {
            return true;
        }

        // "my lecturer said", "a website says": who made the claim. "fewer than half", "bigger than": a comparison.
        if (next is not null && (Vocabulary.ReportingVerbs.Contains(next) || next == "than"))
        {
            return true;
        }

        // "a flexible psoas", "a blocked psoas": the state of the muscle asked about, which is the subject.
        if (next is not null && index.IsMuscleWord(next) && !Vocabulary.StopWords.Contains(next))
        {
            return true;
        }

        // "according to my textbook", "according to the website".
        if (AfterAccordingTo(text, i))
        {
            return true;
        }

        // "what do the sources assign to", "which actions do authors ascribe": a verb whose subject made the claim.
        if (previous is not null && ClaimMakers.Contains(previous))
        {
            return true;
        }

        // "in determining the lordosis", "highlighting the conflicting accounts", "to determine which": a verb with its
        // object. A noun after a determiner or a muscle ("the swelling", "a psoas abscess") is not taken for one.
        return next is not null && ObjectStarts.Contains(next)
            && (previous is null or "to" || (word.Length >= 6 && word.EndsWith("ing", StringComparison.Ordinal)
                && previous is not ("the" or "a" or "an" or "its" or "their" or "this" or "that" or "is" or "are")));
    }

    /// <summary>Participles that say the sources set something out ("the measures described", "the guidance given").</summary>
    private static readonly FrozenSet<string> SetOutBy = new[]
    {
        "described", "given", "recommended", "advised", "outlined", "proposed", "listed", "prescribed", "presented", "discussed",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of learning a claim, besides <see cref="Vocabulary.ReportingVerbs"/>: "we learn in Brazil that ...", "I heard that ...".</summary>
    private static readonly FrozenSet<string> LearningVerbs = new[]
    {
        "learn", "learned", "learnt", "heard", "hear", "read",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Our tutor in Germany told us the iliacus ...", "in Italy we were taught the iliacus ...", "we learn in Brazil that
    /// the iliacus ...": the clause reporting a claim about our muscles (who, where, when), before the claim itself.
    /// Only when the claim names our muscle and nothing before the reporting verb does: in "does the psoas have a
    /// sesamoid, my tutor said" the unknown word is in the claim.
    /// </summary>
    private static bool InReportingClause(TokenizedText text, int at, KnowledgeIndex index)
    {
        for (var r = 0; r < text.Count; r++)
        {
            var verb = text.WordString(r);
            if (!Vocabulary.ReportingVerbs.Contains(verb) && !LearningVerbs.Contains(verb))
            {
                continue;
            }

            // The claim begins after "that" when one follows closely ("learn in Brazil that"), else right after the verb.
            var claim = r + 1;
            for (var k = r + 1; k < text.Count && k <= r + 4; k++)
            {
                if (text.WordString(k) == "that")
                {
                    claim = k + 1;
                    break;
                }
            }

            return at < claim && at != r && NamesOurMuscle(text, claim, text.Count, index) && !NamesOurMuscle(text, 0, r, index);
        }

        return false;
    }

    /// <summary>
    /// "Sorry for the long message, we had our practical today and the demonstrator ... could you tell me where exactly
    /// the iliacus originates?": the asker's own story before the question proper, which opens with a question word,
    /// names our muscle and points back at nothing in the story ("what does it do to my psoas" does).
    /// </summary>
    private static bool BeforeTheQuestion(TokenizedText text, int at, KnowledgeIndex index)
    {
        for (var q = text.Count - 1; q >= MinStoryWords; q--)
        {
            if (!FactAnswerer.OpensQuestion(text.WordString(q)))
            {
                continue;
            }

            if (at >= q || !NamesOurMuscle(text, q, text.Count, index))
            {
                return false;
            }

            for (var k = q; k < text.Count; k++)
            {
                if (PointsBack.Contains(text.WordString(k)))
                {
                    return false;
                }
            }

            // "Long day in the lab, brain is fried. Anyway: what is ...": a word that turns to the question ends a story
            // told without "I" or "my" as surely as one told with them.
            if (TurnsToTheQuestion.Contains(text.WordString(q - 1)))
            {
                return true;
            }

            for (var k = 0; k < q; k++)
            {
                if (FirstPerson.Contains(text.WordString(k)))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    /// <summary>Words that close the chatter and turn to the question right after them ("anyway, what ...", "btw which ...").</summary>
    private static readonly FrozenSet<string> TurnsToTheQuestion = new[]
    {
        "anyway", "anyways", "anyhow", "btw", "question", "ok", "okay", "alright",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A story before the question is at least this many words ("we had our practical today").</summary>
    private const int MinStoryWords = 3;

    private static readonly FrozenSet<string> PointsBack = new[]
    {
        "it", "its", "this", "that", "these", "those", "they", "them", "there",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FirstPerson = new[]
    {
        "i", "im", "ive", "id", "me", "my", "we", "our", "us", "weve",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool NamesOurMuscle(TokenizedText text, int from, int to, KnowledgeIndex index)
    {
        for (var k = from; k < to; k++)
        {
            if (index.IsMuscleWord(text.WordString(k)) && !Vocabulary.StopWords.Contains(text.WordString(k)) && text.WordString(k) is not ("major" or "minor" or "muscle" or "muscles"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the word at <paramref name="at"/>, right after "said" or "says", opens the claim reported ("my physio said my
    /// psoas is strained", "a website said 3", "the book says the psoas ..."): a determiner, a possessive, a person or a
    /// number. "how do you say it", "how do you say iliopsoas", "we are saying the p" ask how a name is said, so the
    /// caller asks this of "said" and "says" only.
    /// </summary>
    public static bool OpensAReportedClaim(TokenizedText text, int at) =>
        at < text.Count && (char.IsAsciiDigit(text.Word(at)[0])
            || text.WordString(at) is "my" or "the" or "a" or "an" or "this" or "these" or "his" or "her" or "their" or "your" or "our"
                or "you" or "i" or "we" or "they" or "he" or "she" or "there" or "both" or "one" or "two" or "three");

    private static bool AfterAccordingTo(TokenizedText text, int i)
    {
        var at = i - 1;
        while (at >= 0 && text.WordString(at) is "my" or "the" or "a" or "an" or "our" or "your" or "some" or "one")
        {
            at--;
        }

        if (at >= 1 && text.WordString(at) == "to" && text.WordString(at - 1) == "according")
        {
            return true;
        }

        // "according to the manual-therapy text": the source's name may come before its noun.
        for (var back = i - 1; back >= 1 && back >= i - MaxSourceNameWords - 2; back--)
        {
            if (text.WordString(back) is "and" or "or" or "which" or "what")
            {
                return false;
            }

            if (text.WordString(back) == "to" && text.WordString(back - 1) == "according")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words of a source's name before its noun ("the manual therapy text").</summary>
    private const int MaxSourceNameWords = 3;
}
