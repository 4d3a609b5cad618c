using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The thing a question asks about, read from the shape of the question rather than from its words: the subject of a
/// yes/no question that opens it ("does cupping therapy loosen a tight psoas", "can shockwave therapy fix ..."), the
/// thing of "what does X do / show" ("what does an X-ray show ..."), the things counted in "how many X", the thing a
/// share is asked of ("what percentage of X"), the thing of "how is X diagnosed" and of "what is X". When that phrase holds a term no fact knows, the question asks for what the
/// sources lack, however well its other words ("loosen", "psoas", "tight") match a fact: "My sources don't cover X", not
/// the stretches or the action card.
/// Not caught (3 Dec 2026): a term the index corrects to a fact's word ("kinesio tape" read as "kinetic take") or whose
/// stem a fact shares ("dry needling" and "pins and needles"); a compound of words the facts each use ("the psoas
/// sign"); a subject after a story or a clause ("snapping hip syndrome - is it caused by ..."); an everyday word as the
/// thing ("does tape help"); a question naming no muscle ("does taping the hip flexors help"). People named by a word
/// with no ending of a doer ("can ballerinas ...") would count as a thing (the retrieval's own check already calls
/// them uncovered).
/// </summary>
internal static class AskedThings
{
    /// <summary>
    /// Auxiliaries that open a yes/no question whose subject follows ("does X work", "can X fix ..."): fewer than
    /// <see cref="FactAnswerer.IsYesNoStart"/>'s, which also holds the negated forms and "has" or "have", whose next words
    /// are more often an object than the thing asked about.
    /// </summary>
    private static readonly FrozenSet<string> YesNoOpeners = new[]
    {
        "does", "do", "did", "can", "could", "will", "would", "is", "are",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Auxiliaries after "what" whose subject is the thing asked ("what does X do", "what can X show").</summary>
    private static readonly FrozenSet<string> WhatAuxiliaries = new[] { "does", "do", "did", "can", "will", "would" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may come before the opening auxiliary without making it a clause of something else ("so does ...").</summary>
    private static readonly FrozenSet<string> Openers = TurnWords.Set(TurnWords.Conjunctions, TurnWords.Okays,
        ["but", "also", "hey", "hi", "honestly", "seriously", "really"]);

    /// <summary>A share asked of a thing ("what percentage of", "which proportion of").</summary>
    private static readonly FrozenSet<string> ShareWords = new[] { "percentage", "percent", "proportion", "fraction", "share", "portion" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Longest asked phrase read: "platelet rich plasma injections".</summary>
    private const int MaxPhrase = 4;

    /// <summary>The shape the phrase was read from: "what is X" asks what a name means, where a plain English word is rarely a term.</summary>
    internal enum Shape
    {
        Subject,
        WhatIs,
    }

    /// <summary>
    /// The words of the asked phrase that name a thing no fact knows, in the order asked, or an empty list. A word counts
    /// when it is one of <paramref name="unknown"/> (no fact uses it, after stemming, synonyms and typo correction, and it
    /// names a subject) and no everyday English word, or is a treatment, test or measure
    /// (<see cref="EverydayWords.IsClinicalSubject"/>); or when it is a pain or condition word of the safety vocabulary,
    /// not everyday, that no fact uses ("snapping"). After "what is", only a word in no everyday list or such a clinical
    /// or condition word ("what is the gist" is no subject).
    /// </summary>
    public static List<string> UnheardThing(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<string> unknown)
    {
        var unheard = new List<string>();
        if (Phrase(text, analysis, index) is not var (start, end, shape) || (shape == Shape.WhatIs && AsksForAName(text)))
        {
            return unheard;
        }

        for (var i = start; i < end; i++)
        {
            var word = text.WordString(i);
            // "an X-ray" is folded to "x ray": the imaging word, which the clinical subjects hold as "xray".
            if (word == "x" && i + 1 < end && text.WordString(i + 1) is "ray" or "rays")
            {
                unheard.Add("x-" + text.WordString(++i));
                continue;
            }

            if (Unheard(word, unknown, index, shape) && !unheard.Contains(word))
            {
                unheard.Add(word);
            }
        }

        return unheard.Count == 0 && shape == Shape.Subject ? NoWordKnown(text, start, end, index, unknown) : unheard;
    }

    /// <summary>
    /// "what does kinesio tape do": a thing named only by words no fact uses as typed (the typo index reads "kinesio" as
    /// "kinetic" and "tape" as "take"), one of them unknown or a listed English word, is a thing the sources lack,
    /// everyday words or not.
    /// A thing with one word the facts use ("does tape help": "help") is left to the other checks, and so is an amount
    /// ("roughly four in ten people").
    /// </summary>
    private static List<string> NoWordKnown(TokenizedText text, int start, int end, KnowledgeIndex index, List<string> unknown)
    {
        var words = new List<string>();
        var anyUnknown = false;
        for (var i = start; i < end; i++)
        {
            var word = text.WordString(i);
            // A number ("do roughly four in ten people ...") makes the phrase an amount of what follows, not a thing.
            if (index.Facts.UsesWord(word) || index.IsMuscleWord(word) || ForeignAnchors.NamesAPerson(word) || index.Safety.IsSafetyWord(word)
                || Vocabulary.NamesNoSubject(word) || Vocabulary.CueWords.Contains(word) || EverydayWords.IsBareNumber(word))
            {
                return [];
            }

            // "roughly", "approximately": how sure the amount is, no part of a thing's name.
            if (Vocabulary.QualifiesAClaim(word))
            {
                continue;
            }

            // A listed English word no fact uses as typed is unknown, though the typo index may read it as a fact's word
            // ("tape" as "take").
            anyUnknown |= unknown.Contains(word) || EverydayEnglish.Rank(word) != int.MaxValue;
            words.Add(word);
        }

        return anyUnknown && words.Count >= 2 ? words : [];
    }

    /// <summary>
    /// "whats the squishy cushion thing next to the iliopsoas called", "what is the name of the ...": a description whose
    /// name is asked, so its words are what the student does not know the term for, not a term the sources lack.
    /// </summary>
    private static bool AsksForAName(TokenizedText text) =>
        text.Count > 0 && (text.WordString(text.Count - 1) == "called"
            || (text.Count > 1 && text.WordString(text.Count - 2) == "called" && text.WordString(text.Count - 1) is "again" or "exactly"));

    private static bool Unheard(string word, List<string> unknown, KnowledgeIndex index, Shape shape)
    {
        // People who do something ("do dancers have a tight psoas", "do sprinters ...") are whose muscle is asked about,
        // not a thing the sources lack.
        if (index.Facts.UsesWord(word) || index.IsMuscleWord(word) || Vocabulary.StopWords.Contains(word) || ForeignAnchors.NamesAPerson(word))
        {
            return false;
        }

        // A condition of the pain vocabulary no fact describes ("snapping" hip): the vocabulary keeps it out of the
        // unknown words, for the disclaimer's sake, but it is what the question asks about.
        if (index.Safety.IsSafetyWord(word) && !EverydayWords.IsEveryday(word) && !index.Facts.Knows(word))
        {
            return true;
        }

        if (!unknown.Contains(word))
        {
            return false;
        }

        return EverydayWords.IsClinicalSubject(word)
            || (shape == Shape.WhatIs ? EverydayEnglish.RankOfBase(word) == int.MaxValue : !EverydayWords.IsEveryday(word));
    }

    /// <summary>Whether the muscle's name starting at <paramref name="at"/> is followed by a part of the body other than "muscle".</summary>
    private static bool QualifiesABodyPart(TokenizedText text, int at, KnowledgeIndex index)
    {
        var after = at;
        while (after < text.Count && index.IsMuscleWord(text.WordString(after)))
        {
            after++;
        }

        return after < text.Count && Vocabulary.IsBodyWord(text.WordString(after)) && text.WordString(after) is not ("muscle" or "muscles");
    }

    /// <summary>The asked phrase [start, end) and the shape it was read from, or null when the question has none of the shapes.</summary>
    /// <remarks>
    /// A phrase of modifiers ending on a muscle's name after a determiner ("can a grumpy psoas be ...", "does a flexible
    /// psoas help") is the muscle in a state, not a thing; "is the obturator nerve what supplies the iliacus" (an
    /// attribute asked after "is") is a claim about the muscle, which the verdicts settle.
    /// </remarks>
    internal static (int Start, int End, Shape Shape)? Phrase(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            var word = text.WordString(i);
            var next = text.WordString(i + 1);
            (int, Shape)? from = word switch
            {
                "what" or "whats" when WhatAuxiliaries.Contains(next) => (i + 2, Shape.Subject),
                "what" when next is "is" or "are" => (i + 2, Shape.WhatIs),
                "whats" => (i + 1, Shape.WhatIs),
                "how" when next is "many" or "much" or "is" or "are" => (i + 2, Shape.Subject),
                // "what percentage of hip flexion torque ...": the share of a thing, which must be a thing the facts know.
                "what" or "which" when ShareWords.Contains(next) && i + 2 < text.Count && text.WordString(i + 2) == "of" => (i + 3, Shape.Subject),
                "is" or "are" when analysis.Attributes.Count > 0 => null,
                _ when YesNoOpeners.Contains(word) && (i == 0 || Openers.Contains(text.WordString(i - 1))) => (i + 1, Shape.Subject),
                _ => null,
            };

            if (from is not var (start, shape))
            {
                continue;
            }

            var determined = false;
            while (start < text.Count && Vocabulary.Determiners.Contains(text.WordString(start)))
            {
                start++;
                determined = true;
            }

            // The thing a share is asked of may hold a word of a muscle's name ("hip flexion torque": "hip" of "hip
            // flexors"); the muscle words themselves are never the unheard thing.
            var share = ShareWords.Contains(next);
            var end = start;
            while (end < text.Count && end - start < MaxPhrase && !Vocabulary.StopWords.Contains(text.WordString(end)) && (share || !index.IsMuscleWord(text.WordString(end))))
            {
                end++;
            }

            // "a snapping iliopsoas tendon": the name qualifies a part of the body after it, which the phrase describes.
            var modifiesMuscle = determined && end < text.Count && index.IsMuscleWord(text.WordString(end)) && !QualifiesABodyPart(text, end, index);
            return end > start && !modifiesMuscle ? (start, end, shape) : null;
        }

        return null;
    }
}
