using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A property asked of a named muscle that no fact holds: "what is the muscle spindle density of the psoas major?",
/// "psoas major capillary density?", "the collagen content of the iliacus tendon". The shape: the
/// words right before "of (the) &lt;muscle&gt;", or right after a muscle's name that opens the question, are the property
/// asked; when one of them is a word no fact uses (after stemming, synonyms and typo correction) and no everyday English
/// word, the property is what
/// the sources lack, however well its other words ("angle", "degrees", "fibre") match a fact about something else.
/// An attribute word among them ("the nerve supply of ...") leaves the question to the attribute answers.
/// Not caught (3 Dec 2026): a property named only by words the facts use elsewhere ("the fibre angle"); one asked
/// without the muscle's name next to it ("how dense are the spindles in the psoas"); a rare word the typo index reads as
/// a fact's word ("iliacus pennation angle", "fibre type ratio": the word is then no unknown word).
/// </summary>
internal static class MuscleProperties
{
    /// <summary>Words that may come before a name that opens the question ("so iliacus ...", "ok the psoas ...").</summary>
    private static readonly FrozenSet<string> Openers = TurnWords.Set(TurnWords.Okays, ["so", "and", "the", "hey", "hi", "um", "uh"]);

    /// <summary>Longest property read: "muscle spindle density".</summary>
    private const int MaxWords = 3;

    /// <summary>"the pennation angle of the iliacus", or null when the question asks no property of a muscle, or a fact holds it.</summary>
    public static string? Uncovered(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<string> unknown)
    {
        if (analysis.Muscles.Count == 0 || analysis.Safety.TouchesPain || unknown.Count == 0)
        {
            return null;
        }

        foreach (var mention in analysis.Muscles)
        {
            var name = index.Muscles[mention.Muscle].Name.ToLowerInvariant();
            var of = mention.Start - 1;
            while (of >= 0 && Vocabulary.Determiners.Contains(text.WordString(of)))
            {
                of--;
            }

            if (of >= 1 && text.WordString(of) == "of"
                && Property(text, index, unknown, of - 1, -1, needsKnown: false) is { } before)
            {
                return $"the {before} of the {name}";
            }

            var start = 0;
            while (start < mention.Start && Openers.Contains(text.WordString(start)))
            {
                start++;
            }

            if (start == mention.Start && Property(text, index, unknown, mention.End, 1, needsKnown: true) is { } after)
            {
                return $"the {after} of the {name}";
            }
        }

        return null;
    }

    /// <summary>
    /// The property's words from <paramref name="from"/> in the direction <paramref name="step"/>, in reading order, when
    /// one is unknown (and, after an opening name, one is a word the facts use: "pennation angle", not "zai nali"); else null.
    /// </summary>
    private static string? Property(TokenizedText text, KnowledgeIndex index, List<string> unknown, int from, int step, bool needsKnown)
    {
        var words = new List<string>(MaxWords);
        var anyUnknown = false;
        var anyKnown = false;
        for (var i = from; i >= 0 && i < text.Count && words.Count < MaxWords; i += step)
        {
            var word = text.WordString(i);
            if (Vocabulary.StopWords.Contains(word) || Vocabulary.Determiners.Contains(word) || Vocabulary.Filler.Contains(word)
                || (index.IsMuscleWord(word) && word is not ("muscle" or "muscles")) || EverydayWords.IsBareNumber(word))
            {
                break;
            }

            // "the nerve supply of", "the exact origin of": an attribute asked, which its own answers settle; "the
            // referral areas of the iliacus": a topic's own word, which that topic's facts settle.
            if (Vocabulary.CueWords.Contains(word) || index.IsTopicWord(word))
            {
                return null;
            }

            // A rare word: everyday ones around a name ("an overview of the iliacus", "the full picture of", "the letter p of
            // psoas", "Myers' model of the psoas") ask for what the facts say of it, not for a property they lack.
            if (unknown.Contains(word))
            {
                anyUnknown |= !EverydayWords.IsEveryday(word) && !StrayWords.IsStray(word);
            }
            else if (index.Facts.UsesWord(word))
            {
                anyKnown = true;
            }

            words.Add(word);
        }

        if (!anyUnknown || (needsKnown && !anyKnown))
        {
            return null;
        }

        if (step < 0)
        {
            words.Reverse();
        }

        return string.Join(' ', words);
    }
}
