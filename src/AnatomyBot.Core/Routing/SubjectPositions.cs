using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Whether a word no fact uses stands where a question puts the thing it asks about, or is noise around a subject the
/// facts know. The asked places are read from the question's shape: the phrase <see cref="AskedThings"/> reads ("does X
/// help", "what is X", "how many X"), the head right after "which" or "what" ("which somites", "what kind of enzyme"),
/// the object of "about" ("what about X"), the word before a structure noun ("the genitofemoral nerve", "the X sign",
/// "the pennation angle"), the subject after an auxiliary ("does the aorta divide"), the option after an "or" ("type I
/// or type III collagen"), everything after a share ("what percentage of fibres are slow-twitch"), the object of a
/// how-to ("how do I get my legs shredded") and the last word of the message when it is English or built like a medical
/// term ("is a tight psoas common in dancers"; not a part of the body, which places the subject).
/// A word elsewhere ("privet skazhite pozhaluista, where is ...", "Viva in 10 min - how is ...", "my lecturer keeps
/// mentioning", "cable-ish") says how the question is asked, so it never makes a question the facts answer "not
/// covered", unless it is a treatment, test, medicine, measure or unit, or a word built like a medical term standing
/// alone (no other language frames it, no unknown word stands next to it and it is no English word with only a broad
/// ending such as "practical": "psoas tendinopathy"), or a misspelt pain or condition word ("absess").
/// The router asks this only of questions that name one of the muscles: around no muscle ("a roast leg of lamb") every
/// rare word stays what is asked.
/// Not caught (3 Dec 2026): an uncovered subject outside these places and not built like a medical term ("the psoas
/// of a horse" is another region's, caught elsewhere); a frame word in an asked place ("what lecturer said ...") stays
/// a subject.
/// </summary>
internal static class SubjectPositions
{
    /// <summary>Words after "which" or "what" passed over to reach the head of the asked phrase.</summary>
    private static readonly FrozenSet<string> HeadSkips = new[]
    {
        "kind", "kinds", "type", "types", "sort", "sorts", "of", "the", "a", "an", "exactly", "other",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Auxiliaries whose subject, past a determiner, is what a clause asks about ("at which level does the aorta divide").</summary>
    private static readonly FrozenSet<string> Auxiliaries = new[] { "does", "do", "did", "can", "could", "is", "are", "was", "were" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A share asked of ("what percentage of psoas fibres are slow-twitch"): every word after it is the asked thing.</summary>
    private static readonly FrozenSet<string> ShareWords = new[] { "percentage", "percent", "proportion", "fraction" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns a structure or a named finding is called by: the word before one names which ("genitofemoral nerve", "psoas sign").</summary>
    private static readonly FrozenSet<string> StructureNouns = new[]
    {
        "nerve", "nerves", "artery", "arteries", "vein", "veins", "ligament", "ligaments", "bone", "bones", "joint", "joints",
        "syndrome", "syndromes", "sign", "signs", "test", "tests", "disease", "diseases", "bursa", "tendon", "tendons",
        "reflex", "reflexes", "node", "nodes", "organ", "organs", "week", "weeks", "stage", "stages", "angle", "angles",
        "type", "types", "fibre", "fibres", "fiber", "fibers", "level", "levels",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The words of <paramref name="words"/> that may be what the question asks about (see the class summary); the others
    /// are noise around a known subject.
    /// </summary>
    public static List<string> Subjects(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<string> words)
    {
        if (words.Count == 0)
        {
            return words;
        }

        var phrase = AskedThings.Phrase(text, analysis, index);
        var framed = StrayWords.FramedByAnotherLanguage(text);
        var subjects = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (MayBeSubject(text, index, word, phrase, framed))
            {
                subjects.Add(word);
            }
        }

        return subjects;
    }

    private static bool MayBeSubject(TokenizedText text, KnowledgeIndex index, string word, (int Start, int End, AskedThings.Shape Shape)? phrase, bool framed)
    {
        if (EverydayWords.IsClinicalSubject(word) || Vocabulary.MeasureWords.Contains(word) || Vocabulary.UnitWords.Contains(word)
            || (index.Safety.NearsAPainTerm(word) && EverydayEnglish.RankOfBase(word) == int.MaxValue))
        {
            return true;
        }

        var found = false;
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) != word)
            {
                continue;
            }

            found = true;
            if ((phrase is var (start, end, _) && i >= start && i < end) || AfterAskingWord(text, index, i) || BeforeStructureNoun(text, i)
                || AfterAuxiliary(text, i) || NearOr(text, i) || AfterShare(text, i) || EndsTheQuestion(text, index, word, i)
                || InHowTo(text, index, i)
                || (StrayWords.LooksMedical(word) && !BroadEnglish(word) && !framed && !NextToUnknown(text, index, i)))
            {
                return true;
            }
        }

        // A word the tokenizer split or joined differently is kept as a subject: nothing says it is noise.
        return !found;
    }

    /// <summary>
    /// An English word whose only medical look is a broad ending ("practical", "critical", "serious", "ordinary"): the
    /// ending makes adjectives of everyday English as often as medical terms, so it says nothing here.
    /// </summary>
    private static bool BroadEnglish(string word) =>
        EverydayEnglish.RankOfBase(word) != int.MaxValue
        && (word.EndsWith("al", StringComparison.Ordinal) || word.EndsWith("ic", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("ia", StringComparison.Ordinal) || word.EndsWith("ary", StringComparison.Ordinal) || word.EndsWith("ous", StringComparison.Ordinal));

    /// <summary>"which somites", "what kind of enzyme", "what about kids": the head of the phrase after the asking word.</summary>
    private static bool AfterAskingWord(TokenizedText text, KnowledgeIndex index, int at)
    {
        var i = at - 1;
        // "which collagen types": the head may be a run of words no fact uses.
        while (i >= 0 && !Vocabulary.StopWords.Contains(text.WordString(i)) && !HeadSkips.Contains(text.WordString(i))
            && !index.Facts.Knows(text.WordString(i)) && !index.IsMuscleWord(text.WordString(i)))
        {
            i--;
        }

        while (i >= 0 && HeadSkips.Contains(text.WordString(i)))
        {
            i--;
        }

        return i >= 0 && i < at && text.WordString(i) is "which" or "what" or "whats" or "about";
    }

    /// <summary>
    /// "is a tight psoas common in dancers", "does it help when you sneeze": the last word of the question, past filler
    /// words ("pls"), when it is English or built like a medical term. A word of another language ("... sa baba") ends a
    /// frame, and a verb with its own object ("my yoga teacher swears by it") a story, not a question.
    /// </summary>
    private static bool EndsTheQuestion(TokenizedText text, KnowledgeIndex index, string word, int at)
    {
        for (var i = at + 1; i < text.Count; i++)
        {
            var next = text.WordString(i);
            if (!Vocabulary.Filler.Contains(next))
            {
                return false;
            }
        }

        // A part of the body at the end ("the back wall of the abdomen") places the subject rather than naming it.
        return !Vocabulary.IsBodyWord(word)
            && (EverydayEnglish.RankOfBase(word) != int.MaxValue || (StrayWords.LooksMedical(word) && !BroadEnglish(word)));
    }

    /// <summary>
    /// "how do I get my legs shredded, does training the psoas matter": a word within six words after "how do", "how can",
    /// "how should" or "how to", with no muscle's name between, is what the how-to is about.
    /// </summary>
    private static bool InHowTo(TokenizedText text, KnowledgeIndex index, int at)
    {
        for (var i = at - 1; i >= 0 && at - i <= 6; i--)
        {
            var word = text.WordString(i);
            if (index.IsMuscleWord(word))
            {
                return false;
            }

            if (word == "how" && i + 1 < at && text.WordString(i + 1) is "do" or "can" or "should" or "to" or "would")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"does the aorta divide", "is there a den of nerves": the subject right after an auxiliary, past a determiner.</summary>
    private static bool AfterAuxiliary(TokenizedText text, int at)
    {
        var i = at - 1;
        while (i >= 0 && text.WordString(i) is "the" or "a" or "an" or "this" or "that" or "my" or "its" or "there" or "any")
        {
            i--;
        }

        return i >= 0 && Auxiliaries.Contains(text.WordString(i));
    }

    /// <summary>
    /// "type I or type III collagen", "deep or superficial": within three words after an "or", the other option of a
    /// choice. A word before the "or" ("cable-ish or spread out like a fan") is left to the other places.
    /// </summary>
    private static bool NearOr(TokenizedText text, int at)
    {
        for (var i = Math.Max(0, at - 3); i < at; i++)
        {
            if (text.WordString(i) == "or")
            {
                return true;
            }
        }

        return false;
    }

    private static bool AfterShare(TokenizedText text, int at)
    {
        for (var i = 0; i < at; i++)
        {
            if (ShareWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BeforeStructureNoun(TokenizedText text, int at) =>
        at + 1 < text.Count && StructureNouns.Contains(text.WordString(at + 1));

    /// <summary>A neighbour that is no English word and no word of the facts either: a run of another language's words.</summary>
    private static bool NextToUnknown(TokenizedText text, KnowledgeIndex index, int at) =>
        (at > 0 && Unknown(text.WordString(at - 1), index)) || (at + 1 < text.Count && Unknown(text.WordString(at + 1), index));

    private static bool Unknown(string word, KnowledgeIndex index) =>
        word.Length >= 3 && EverydayEnglish.Rank(word) == int.MaxValue && !index.Facts.Knows(word) && !index.IsMuscleWord(word)
        && !Vocabulary.StopWords.Contains(word);
}
