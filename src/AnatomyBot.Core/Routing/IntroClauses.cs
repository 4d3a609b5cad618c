using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A question put after a clause that says who asks or greets, not what is asked: "Moi, I am from Finland and my english is
/// not so good. The iliopsoas have how many muscle inside it?", "dobrý den, bursa of the iliopsoas is for what", "ahoj,
/// jsem student z Brna. which muscles ...". The shape, not a list of greetings: a leading clause (up to a comma, full stop,
/// colon, semicolon, exclamation mark or dash) that names no muscle, no part of the body, no treatment, test or measure,
/// no pain, asks nothing (no question word, no question mark) and holds no word the facts use apart from everyday
/// English. Its words of another language or its place names ("Finland", "Brna") are no subject the sources lack.
/// The router asks this only when the whole message found no answer, so a question the facts answer as put stays so.
/// Not caught (3 Dec 2026): an introduction with no punctuation after it ("hi im from finland the iliopsoas has how
/// many muscles"); one that mentions the body ("I hurt my hip last year, ...": pain keeps the clause, by design).
/// </summary>
internal static class IntroClauses
{
    /// <summary>Leading clauses dropped at most: "Moi, I am from Finland and my english is not so good." is two.</summary>
    private const int MaxClauses = 3;

    /// <summary>
    /// The message after each leading clause that only introduces it, the first first; empty when its first clause
    /// may be part of the question.
    /// </summary>
    public static IEnumerable<string> Rests(string raw, KnowledgeIndex index)
    {
        var from = 0;
        for (var clause = 0; clause < MaxClauses; clause++)
        {
            var end = ClauseEnd(raw, from);
            if (end < 0 || raw[end] == '?' || !OnlyIntroduces(raw[from..end], index))
            {
                yield break;
            }

            from = end + 1;
            var rest = raw[from..].TrimStart(' ', '-', ',', '.', ':', ';', '!');
            if (rest.Length == 0)
            {
                yield break;
            }

            yield return rest;
        }
    }

    /// <summary>The index of the mark that ends the clause starting at <paramref name="from"/>, or -1; a decimal point ("1.5") ends none.</summary>
    private static int ClauseEnd(string raw, int from)
    {
        for (var i = from; i < raw.Length - 1; i++)
        {
            var c = raw[i];
            if (c is ',' or '.' or ':' or ';' or '!' or '?'
                && !(i > 0 && char.IsAsciiDigit(raw[i - 1]) && char.IsAsciiDigit(raw[i + 1])))
            {
                return i;
            }

            // " - " and " – " as a pause ("quick sanity check - what ..."); a hyphen inside a word ("slow-twitch") is none.
            if (c is '-' or '–' or '—' && i > 0 && raw[i - 1] == ' ' && raw[i + 1] == ' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Opening words read for a self-introduction ("first year physio student on placement here").</summary>
    private const int MaxIntroductionWords = 6;

    /// <summary>
    /// "Surgeon on rotation here - remind me ...", "mod here - which source ...", "physio student here, ...": the
    /// position of a "here" among the first few words whose words before it name who asks, or -1. Not when one of them
    /// names a muscle, a part of the body or pain, or asks ("where is it here", "the psoas here", "pain here"): there
    /// "here" points at the body. The words may be ones the facts use ("rotation") or a treatment ("surgeon"): the shape
    /// says they are the asker's.
    /// </summary>
    public static int SelfIntroductionEnd(TokenizedText text, KnowledgeIndex index)
    {
        for (var h = 1; h < text.Count && h <= MaxIntroductionWords; h++)
        {
            var word = text.WordString(h - 1);
            // "T12 here - which muscle starts?": a level is what is asked.
            if (AsksOrNamesTheBody(word, index))
            {
                return -1;
            }

            if (text.WordString(h) == "here")
            {
                // "Origin here - psoas minor?", "blood supply here": only an attribute before "here" names no one who asks
                // ("surgeon on rotation here" does, though "rotation" is a cue).
                return NamesSomeone(text, h) ? h : -1;
            }
        }

        return -1;
    }

    /// <summary>Who may ask, said before a colon ("Sonography student:", "Quiz night host:", "Pilates teacher in training:").</summary>
    private static readonly FrozenSet<string> Roles = new[]
    {
        "student", "students", "host", "teacher", "tutor", "lecturer", "instructor", "trainer", "coach", "nurse", "physio",
        "doctor", "surgeon", "resident", "intern", "parent", "mum", "mom", "dad", "moderator", "mod", "pupil", "learner",
        "translator", "retiree", "therapist", "sonographer", "radiographer", "vet", "dancer", "runner", "here", "training",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Sonography student: what structure ...", "Quiz night host: which muscle ...": a first clause before a colon, of at
    /// most <see cref="MaxIntroductionWords"/> words, ending on a role and naming no muscle, body part, pain or level and
    /// asking nothing, says who asks.
    /// </summary>
    private static bool NamesARole(TokenizedText clause, KnowledgeIndex index)
    {
        if (clause.Count > MaxIntroductionWords || !Roles.Contains(clause.WordString(clause.Count - 1)))
        {
            return false;
        }

        foreach (var word in clause.Words)
        {
            if (AsksOrNamesTheBody(word, index))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word that names a muscle, a part of the body, pain or a level, or asks: never part of who asks.</summary>
    private static bool AsksOrNamesTheBody(string word, KnowledgeIndex index) =>
        index.IsMuscleWord(word) || Vocabulary.IsBodyWord(word) || FactAnswerer.IsQuestionWord(word) || FactAnswerer.IsYesNoStart(word)
        || index.Safety.IsSafetyWord(word) || word.Any(char.IsAsciiDigit);

    private static bool NamesSomeone(TokenizedText text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            var word = text.WordString(i);
            if (!Vocabulary.CueWords.Contains(word) && !Vocabulary.StopWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The message without its opening self-introduction ("Surgeon on rotation here - "), when its first clause is one
    /// (<see cref="SelfIntroductionEnd"/>) and a question follows; else the message as given. Its words ("rotation")
    /// would otherwise be read as what is asked.
    /// </summary>
    public static string WithoutSelfIntroduction(string raw, KnowledgeIndex index)
    {
        var end = ClauseEnd(raw, 0);
        if (end < 0 || raw[end] == '?')
        {
            return raw;
        }

        var clause = TokenizedText.From(raw[..end]);
        if (clause.Count < 2 || (SelfIntroductionEnd(clause, index) != clause.Count - 1 && !(raw[end] == ':' && NamesARole(clause, index))))
        {
            return raw;
        }

        var rest = raw[(end + 1)..].TrimStart(' ', '-', '–', '—', ',', '.', ':', ';', '!');
        if (TokenizedText.From(rest).Count == 0)
        {
            return raw;
        }

        // "Anatomy tutor here, quick check: what does ...": a clause after the introduction that only introduces too
        // (as Rests reads it) goes with it; its words ("check") are no more the question's than the asker's are.
        foreach (var further in Rests(rest, index))
        {
            if (TokenizedText.From(further).Count > 0)
            {
                rest = further;
            }
        }

        return rest;
    }

    private static bool OnlyIntroduces(string clause, KnowledgeIndex index)
    {
        var text = TokenizedText.From(clause);
        if (text.Count == 0)
        {
            return false;
        }

        foreach (var word in text.Words)
        {
            if (index.IsMuscleWord(word) || Vocabulary.IsBodyWord(word) || FactAnswerer.IsQuestionWord(word) || EverydayWords.IsClinicalSubject(word)
                || Vocabulary.MeasureWords.Contains(word) || Vocabulary.UnitWords.Contains(word) || Vocabulary.CueWords.Contains(word)
                || (index.Facts.UsesWord(word) && !EverydayWords.IsEveryday(word) && !Vocabulary.StopWords.Contains(word)))
            {
                return false;
            }
        }

        var safety = index.Safety.Inspect(text);
        return !safety.TouchesPain && safety.RedFlags.Count == 0;
    }

    /// <summary>A flashcard side's label ("Front:", "back :", "Side A:") at the start of the message or of a part of it.</summary>
    private static readonly Regex CardLabel = new(@"(^|[\s/|;])(?:front|back|side [ab12])\s*:", RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    /// <summary>
    /// "Front: lesser trochanter / Back: which muscles? (flashcard)": the message without its flashcard labels, whose
    /// "front" and "back" would otherwise be read as a place ("the inside front of the pelvis"). Only a label with its
    /// colon goes; "the front of the hip" stays.
    /// </summary>
    public static string WithoutCardLabels(string raw) =>
        raw.Contains(':', StringComparison.Ordinal) ? CardLabel.Replace(raw, "$1") : raw;

    /// <summary>What a student studies for ("for my physio exam", "for our anatomy practical"): the last word of a purpose clause.</summary>
    private static readonly FrozenSet<string> Assessments = new[]
    {
        "exam", "exams", "test", "tests", "practical", "practicals", "essay", "essays", "assignment", "assignments", "class",
        "course", "coursework", "revision", "quiz", "viva", "osce", "presentation", "homework", "finals", "midterm", "midterms",
        "module", "lab", "paper", "report", "thesis", "dissertation", "boards", "studies", "notes", "flashcards",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "tell me everything about the iliacus for my physio exam", "origin of psoas major for my anatomy practical?": the
    /// message without the purpose clause at its end ("for my/our" and at most three words, the last an assessment),
    /// which says why the student asks, not what ("physio" there is no question about seeing a physiotherapist). Null
    /// when there is none, when the clause names a muscle ("for my psoas exam") or pain, or when less than two words
    /// would be left.
    /// </summary>
    public static TokenizedText? WithoutPurpose(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count < 5 || !Assessments.Contains(text.WordString(text.Count - 1)))
        {
            return null;
        }

        for (var start = text.Count - 3; start >= Math.Max(2, text.Count - 6); start--)
        {
            if (text.WordString(start) != "for" || text.WordString(start + 1) is not ("my" or "our"))
            {
                continue;
            }

            for (var i = start + 2; i < text.Count; i++)
            {
                if (index.IsMuscleWord(text.WordString(i)) && !Vocabulary.StopWords.Contains(text.WordString(i)))
                {
                    return null;
                }
            }

            var clause = new TokenizedText(text.Window(start, text.Count - start).ToString());
            var safety = index.Safety.Inspect(clause);
            return safety.TouchesPain || safety.RedFlags.Count > 0 ? null
                : new TokenizedText(text.Window(0, start).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>The verbs a comparison may end on ("like the major does").</summary>
    private static readonly FrozenSet<string> ComparedVerbs = new[] { "does", "do", "did", "is", "are", "has", "have", "can" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does psoas minor end on the lesser trochanter like the major does?", "Is the iliacus cable-shaped like the psoas?":
    /// a yes/no claim without the other muscle it is likened to at its end ("like" or "just like", or "as" when a verb
    /// ends it, then "the" and only muscle words): the claim is about the first muscle, and a fact about the other (the
    /// psoas is cable-like) must not settle it. Null when there is none, when no muscle or no claim word would be left
    /// ("is the psoas minor like the major?" asks the likeness itself).
    /// </summary>
    public static TokenizedText? WithoutComparedMuscle(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count < 5 || !FactAnswerer.IsYesNo(text))
        {
            return null;
        }

        var end = ComparedVerbs.Contains(text.WordString(text.Count - 1)) ? text.Count - 1 : text.Count;
        var first = end;
        while (first > 0 && index.IsMuscleWord(text.WordString(first - 1)) && !Vocabulary.StopWords.Contains(text.WordString(first - 1)))
        {
            first--;
        }

        if (first == end || first < 2)
        {
            return null;
        }

        var start = text.WordString(first - 1) == "the" ? first - 1 : first;
        var cue = start - 1;
        if (cue < 2 || !(text.WordString(cue) == "like" || (text.WordString(cue) == "as" && end < text.Count)))
        {
            return null;
        }

        var cut = cue > 0 && text.WordString(cue - 1) == "just" ? cue - 1 : cue;
        var (muscle, claim) = (false, false);
        for (var i = 1; i < cut; i++)
        {
            var word = text.WordString(i);
            var isMuscle = index.IsMuscleWord(word) && !Vocabulary.StopWords.Contains(word);
            muscle |= isMuscle;
            claim |= !isMuscle && !Vocabulary.StopWords.Contains(word);
        }

        return muscle && claim
            ? new TokenizedText(text.Window(0, cut).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged }
            : null;
    }

    /// <summary>
    /// "sorry I meant the minor, not the major", "i mean the iliacus not the psoas": a correction without the muscle it
    /// takes back at its end ("not", "the" and only muscle words), so the muscle meant carries the last question; null
    /// when the message says no "meant"/"I mean" or ends otherwise.
    /// </summary>
    public static TokenizedText? WithoutRejectedMuscle(TokenizedText text, KnowledgeIndex index)
    {
        var corrects = false;
        for (var i = 0; i < text.Count && !corrects; i++)
        {
            corrects = text.WordString(i) == "meant" || (text.WordString(i) == "mean" && i > 0 && text.WordString(i - 1) == "i");
        }

        var first = text.Count;
        while (corrects && first > 0 && index.IsMuscleWord(text.WordString(first - 1)) && !Vocabulary.StopWords.Contains(text.WordString(first - 1)))
        {
            first--;
        }

        if (!corrects || first == text.Count)
        {
            return null;
        }

        var not = text.WordString(first - 1) == "the" ? first - 2 : first - 1;
        if (not < 2 || text.WordString(not) != "not")
        {
            return null;
        }

        return new TokenizedText(text.Window(0, not).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark };
    }

    /// <summary>The closings a letter signs off with ("Regards", "Many thanks", "Yours faithfully", "Best").</summary>
    private static readonly PhraseSet SignOffs = new(
    [
        "regards", "kind regards", "best regards", "warm regards", "warmest regards", "many regards", "best wishes", "best",
        "all the best", "many thanks", "with thanks", "thanks in advance", "thank you", "thanks", "thx", "ty", "cheers",
        "sincerely", "yours sincerely", "yours faithfully", "yours truly", "faithfully", "respectfully", "greetings",
    ]);

    /// <summary>
    /// "..., kindly also state its innervation. With thanks, Jan", "where does the psoas minor begin? Many thanks, Ana":
    /// the message without its closing sign-off and the name signed under it (one or two words no fact uses, no muscle);
    /// null when it ends otherwise. A sign-off with no name after it ("Regards") is left: it reads as courtesy already,
    /// and "which is best" must keep its last word.
    /// </summary>
    public static TokenizedText? WithoutSignOff(TokenizedText text, KnowledgeIndex index)
    {
        for (var names = 1; names <= 2 && names < text.Count; names++)
        {
            var name = text.WordString(text.Count - names);
            if (Vocabulary.StopWords.Contains(name) || index.IsMuscleWord(name) || index.Facts.Knows(name))
            {
                return null;
            }

            // The sign-off must end right before the name and leave a question of at least two words in front of it.
            for (var start = Math.Max(2, text.Count - names - SignOffs.MaxWords); start < text.Count - names; start++)
            {
                if (SignOffs.LongestAt(text, start) == text.Count - names - start)
                {
                    return new TokenizedText(text.Window(0, start).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
                }
            }
        }

        return null;
    }
}
