using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The shapes of a question that asks for one of the muscles by where it lies or attaches (issue 8, landmarks as entry
/// points), besides "which muscle ..." (<c>AnswerEngine.AsksWhichMuscle</c>): one of a set asked for ("which of the three
/// lines the pelvic wall", "which one ..."), an owner asked for ("iliac crest lip - whose attachment is that?"), "which is
/// it" after a description naming a muscle ("a muscle that runs from T12 to the pubis, which is it?"); a course given by
/// its two ends ("what runs from T12 down to the lesser trochanter"); and muscles left out by "besides", "except", "apart
/// from", "other than" ("which muscle attaches near the lesser trochanter besides the psoas major").
/// Not caught (2 Dec 2026): a what-question whose verb alone says it asks for a muscle without naming either end as a
/// course ("what grips the inner lip of the iliac crest"), and a landmark no attachment fact words the same way ("the
/// sacrum": the facts say "sacroiliac ligaments"); "the pubic ramus" as a course's end gets did-you-mean.
/// </summary>
internal static class LandmarkQuestions
{
    /// <summary>Words that close the start of a course and open its end ("from T12 down to the pubis", "into the thigh").</summary>
    private static readonly FrozenSet<string> CourseEnds = new[] { "to", "into", "onto", "toward", "towards", "till", "until" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words inside a course that say only its direction or its reach ("down", "all the way").</summary>
    private static readonly FrozenSet<string> CourseFrame = new[] { "down", "up", "way", "along", "across", "runs", "run", "running", "goes", "go", "going", "travels", "passes", "extends", "stretches", "reaching", "reaches" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that ask for a muscle or close such a question ("which", "whose", "which is it").</summary>
    private static readonly FrozenSet<string> AskingWords = new[] { "which", "what", "whats", "who", "whose", "wich", "whihc", "wat", "name", "identify", "muscle", "muscles", "is", "it", "one", "ones" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a muscle's name that leave it out of the answer ("besides", "except", "apart from", "other than").</summary>
    private static readonly FrozenSet<string> LeavingOut = new[] { "besides", "except", "excluding", "excepting", "beside" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The first words of the two-word ways of leaving out: "apart from", "aside from", "other than", "rather than".</summary>
    private static readonly FrozenSet<string> LeavingOutFirst = new[] { "apart", "aside", "other", "rather" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "which of the three ...", "which one ...", "whose attachment is that?", "..., which is it?" with "muscle" in the
    /// question: one of the muscles asked for without "which muscle". "Which of them is innervated by L1" is one too;
    /// the caller looks the landmark up in the attachment facts only, and answers nothing when they do not name it.
    /// </summary>
    public static bool AsksForOneOfThem(TokenizedText text)
    {
        var muscle = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            muscle |= word is "muscle" or "muscles";
            if (word == "whose")
            {
                return true;
            }

            if (word is "which" or "wich" or "whihc" && i + 1 < text.Count && text.WordString(i + 1) is "of" or "one" or "ones")
            {
                return true;
            }
        }

        // "a muscle that runs from T12 down to the pubis, which is it?": the which-question closes the description.
        return muscle && text.Count > 3 && text.WordString(text.Count - 3) is "which" or "what" && text.WordString(text.Count - 2) is "is" or "one";
    }

    /// <summary>
    /// The words of a course's two ends, "from X (down) to Y", in a question that asks for something (a which- or
    /// what-word, "whose", "muscle"): X is looked up in the origin facts and Y in the insertion facts. Null when the
    /// question has no such pair or either end holds no word but the frame ("from where to where").
    /// </summary>
    public static (List<string> From, List<string> To)? Course(TokenizedText text)
    {
        var from = -1;
        var to = -1;
        var asks = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // "what is the distance from T12 to the pubis", "how far from the spine to the hip": a measure, not a muscle.
            if (word is "how" or "distance" or "far" || Vocabulary.MeasureWords.Contains(word) || Vocabulary.UnitWords.Contains(word))
            {
                return null;
            }

            asks |= AskingWords.Contains(word) && word is not ("is" or "it" or "one" or "ones");
            if (word == "from" && from < 0)
            {
                from = i;
            }
            else if (from >= 0 && to < 0 && i > from + 1 && CourseEnds.Contains(word))
            {
                to = i;
            }
        }

        if (!asks || from < 0 || to < 0)
        {
            return null;
        }

        // The end stops where the question resumes ("... to the pubic ramus, what is it called").
        var last = to + 1;
        while (last < text.Count && !(text.WordString(last) is "what" or "whats" or "which" or "whose" or "who"))
        {
            last++;
        }

        var start = EndWords(text, from + 1, to);
        var end = EndWords(text, to + 1, last);
        return start.Count > 0 && end.Count > 0 ? (start, end) : null;
    }

    private static List<string> EndWords(TokenizedText text, int start, int end)
    {
        var words = new List<string>(end - start);
        for (var i = start; i < end; i++)
        {
            var word = text.WordString(i);
            if (!Vocabulary.StopWords.Contains(word) && !CourseFrame.Contains(word) && !AskingWords.Contains(word) && !Vocabulary.CueWords.Contains(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    /// <summary>
    /// The muscles the question names only to leave them out ("besides the psoas major", "apart from the iliacus",
    /// "other than psoas minor"): the word or pair right before the name, a "the" between allowed. Empty when none is.
    /// </summary>
    public static List<int> LeftOut(TokenizedText text, Analysis analysis)
    {
        var left = new List<int>();
        foreach (var mention in analysis.Muscles)
        {
            var before = mention.Start - 1;
            if (before >= 0 && text.WordString(before) is "the" or "a")
            {
                before--;
            }

            if (before < 0)
            {
                continue;
            }

            var word = text.WordString(before);
            if (LeavingOut.Contains(word)
                || (word is "from" or "than" && before > 0 && LeavingOutFirst.Contains(text.WordString(before - 1))))
            {
                left.Add(mention.Muscle);
            }
        }

        return left;
    }

    /// <summary>
    /// Whether the word at <paramref name="i"/> only names the set asked from ("which of the three", "which of these
    /// two", "which of the group"): after "which of" and a determiner, it is no landmark.
    /// </summary>
    public static bool NamesTheSet(TokenizedText text, int i)
    {
        var at = i - 1;
        if (at >= 0 && text.WordString(at) is "the" or "these" or "those")
        {
            at--;
        }

        return at >= 1 && text.WordString(at) == "of" && text.WordString(at - 1) is "which" or "wich" or "whihc" or "one";
    }

    /// <summary>
    /// Verbs that, right after "what" or "which", ask for what holds a place ("what grips the inner lip of the iliac crest",
    /// "which clings to the iliac fossa"). Only there: with a muscle named, beliefs say the psoas "grips" or "holds" trauma.
    /// </summary>
    private static readonly FrozenSet<string> HoldingVerbs = new[]
    {
        "grips", "grip", "clings", "hugs", "holds", "covers", "lines", "fills", "occupies",
        "gripping", "clinging", "hugging", "holding", "covering", "lining", "filling", "occupying",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "what grips the inner lip of the iliac crest?", "whats covering the iliac fossa": a what- or which-question whose
    /// verb, right after the question word, holds a place; it asks for the muscle there, as "which muscle" does.
    /// </summary>
    public static bool AsksWhatHoldsAPlace(TokenizedText text)
    {
        for (var i = 0; i + 2 < text.Count; i++)
        {
            if (text.WordString(i) is "what" or "whats" or "which" or "wat" or "wich")
            {
                // "what lines up with ...", "what holds the hip in place", "what covers the knee": no bony landmark of an
                // attachment is named after the verb, so no muscle is looked up by its place.
                // "what is gripping the iliac crest": past the auxiliary to the verb.
                var at = text.WordString(i + 1) is "is" or "are" && i + 3 < text.Count ? i + 2 : i + 1;
                return HoldingVerbs.Contains(text.WordString(at)) && text.WordString(at + 1) != "up" && NamesAnAttachmentPlace(text, at + 1);
            }
        }

        return false;
    }

    /// <summary>The bony places the attachment facts name ("the iliac crest", "the lesser trochanter", "the first lumbar vertebra").</summary>
    private static readonly FrozenSet<string> AttachmentPlaces = new[]
    {
        "fossa", "crest", "trochanter", "ramus", "pubis", "pubic", "ilium", "iliac", "vertebra", "vertebrae", "vertebral", "lumbar",
        "thoracic", "disc", "discs", "femur", "pelvis", "pelvic", "pectineal", "eminence", "process", "processes", "lip", "t12",
        "l1", "l2", "l3", "l4", "l5", "sacrum", "sacral", "spine",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool NamesAnAttachmentPlace(TokenizedText text, int from)
    {
        for (var i = from; i < text.Count; i++)
        {
            if (AttachmentPlaces.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that say how much of a landmark is meant ("the whole inner wall of the pelvis", "the entire iliac fossa"):
    /// no part of the landmark, so not looked up (a rare word that only lowers how much of the question a fact covers).
    /// </summary>
    private static readonly FrozenSet<string> ExtentWords = new[] { "whole", "entire", "entirety", "complete", "full" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a word only says how much of a landmark is meant (<see cref="ExtentWords"/>).</summary>
    public static bool IsExtentWord(string word) => ExtentWords.Contains(word);

    /// <summary>Whether a word is one of the leaving-out words, so it is not looked up as a landmark.</summary>
    public static bool LeavesOut(string word) => LeavingOut.Contains(word) || LeavingOutFirst.Contains(word);
}
