using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A word no fact uses that is no English word either (in none of its plain forms in the everyday list), no treatment,
/// test, medicine, measure or unit, and not built like a medical term (no Latin or Greek word part a student's anatomy
/// or clinical word is made of): "sinir", "zaczyna", "spreek" (the words of another language mixed into a question),
/// "scusi", "naomba msaada" (a greeting), "squishy" (a student's description). Such a word cannot be told from a
/// subject by itself, so it weighs like an everyday word: it says what the sources lack only when the facts do not
/// answer the rest of the question, and in a message framed by another language's function words ("hangi", "sie",
/// "hoe", "nedir") it is a word of that language and never the subject.
/// Not caught (3 Dec 2026): a foreign word that is also listed English ("log" and "mein" of Hindi); a foreign word that
/// happens to hold a medical word part ("kasinin" is safe, a Turkish "-ik" is not); an unknown subject that is neither
/// English nor built like a medical term (a brand such as "theragun") is answered from the nearest facts when they
/// answer the rest well, unless it opens a yes/no question or follows "what is" (<see cref="AskedThings"/>).
/// </summary>
internal static class StrayWords
{
    /// <summary>
    /// Endings of medical and anatomical terms built from Latin and Greek ("tendinitis", "tenotomy", "somites",
    /// "lymphatic", "sesamoid", "obturator", "retroperitoneal"). Matched on words of five letters or more.
    /// </summary>
    private static readonly string[] MedicalEndings =
    [
        "itis", "osis", "oses", "oma", "omas", "tomy", "plasty", "scopy", "graphy", "gram", "algia", "pathy", "logy",
        "logist", "atic", "etic", "otic", "ical", "oid", "oids", "ium", "ia", "ae", "ite", "ites", "ism", "ase", "cyte", "cytes",
        "ator", "ic", "al", "ous", "us", "eum", "rum", "ary", "ior", "ine", "ines", "iform", "genic", "trophy", "plegia", "pnea", "aemia",
        "emia", "otomies",
    ];

    /// <summary>
    /// Beginnings of medical and anatomical terms ("lymphatics", "neurolysis", "myofascial", "kinesiology",
    /// "arthroscopic", "intramuscular", "physiotherapist", "embryonic").
    /// </summary>
    private static readonly string[] MedicalBeginnings =
    [
        "lymph", "neur", "myo", "oste", "arthr", "angi", "haem", "hem", "vas", "fasci", "teno", "tendin", "ligam", "kine",
        "sacr", "lumb", "thorac", "pelv", "femor", "hyper", "hypo", "peri", "endo", "epi", "intra", "inter", "supra", "infra",
        "retro", "electro", "physio", "chiro", "acupun", "derm", "gastr", "nephr", "cardi", "pneum", "spondyl", "embry",
        "somit", "genet", "append", "visc", "perito", "ortho", "patho", "radio", "sono", "cortico", "anti",
    ];

    private static readonly FrozenSet<string> Endings = MedicalEndings.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the word is stray (see the class summary). The caller has found that no fact uses it.</summary>
    /// <remarks>
    /// Five letters or more: a shorter word in no list is as often an abbreviation the sources lack ("EMG", "MVC",
    /// "PNF") as a word of another language; only a frame of another language makes it one (<see cref="IsForeign"/>).
    /// </remarks>
    public static bool IsStray(string word) => word.Length >= 5 && NeitherEnglishNorMedical(word);

    private static bool NeitherEnglishNorMedical(string word) =>
        word.Length >= 3 && IsLetters(word) && !IsEnglish(word) && !EverydayWords.IsClinicalSubject(word)
        && !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word) && !LooksMedical(word);

    /// <summary>
    /// In a message framed by another language (<paramref name="framed"/>, <see cref="FramedByAnotherLanguage"/>), a word
    /// of that language: a stray word, or a particle of one or two letters ("mi" of "femoral mi?") that is no unit.
    /// </summary>
    public static bool IsForeign(string word, bool framed) =>
        framed && (NeitherEnglishNorMedical(word) || (word.Length <= 2 && IsLetters(word) && !Vocabulary.UnitWords.Contains(word)));

    /// <summary>
    /// Whether <paramref name="text"/> is framed by another language: it holds one of the other languages' function words
    /// that is no English word ("hangi", "sie", "hoe", "welcher", "nedir", "kitne").
    /// </summary>
    public static bool FramedByAnotherLanguage(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (Vocabulary.OtherLanguageOnlyStopWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In a plain form the everyday list holds: itself, its past, participle or comparative, its plural or its adverb.</summary>
    private static bool IsEnglish(string word)
    {
        if (EverydayEnglish.RankOfBase(word) != int.MaxValue)
        {
            return true;
        }

        var span = word.AsSpan();
        return (span.EndsWith("s") && EverydayEnglish.Rank(span[..^1]) != int.MaxValue)
            || (span.EndsWith("es") && EverydayEnglish.Rank(span[..^2]) != int.MaxValue)
            || (span.EndsWith("ly") && EverydayEnglish.Rank(span[..^2]) != int.MaxValue)
            || (span.EndsWith("y") && span.Length >= 5 && EverydayEnglish.Rank(span[..^1]) != int.MaxValue)
            || (span.EndsWith("ing") && span.Length >= 5 && EverydayEnglish.Rank(span[..^3]) != int.MaxValue)
            // A doubled consonant before the ending: "cupping" is "cup", "tapped" is "tap".
            || (span.EndsWith("ing") && span.Length >= 7 && span[^4] == span[^5] && EverydayEnglish.Rank(span[..^4]) != int.MaxValue)
            || (span.EndsWith("ed") && span.Length >= 6 && span[^3] == span[^4] && EverydayEnglish.Rank(span[..^3]) != int.MaxValue);
    }

    /// <summary>Whether the word, of five letters or more, holds a Latin or Greek word part of a medical term (<see cref="MedicalEndings"/>, <see cref="MedicalBeginnings"/>).</summary>
    public static bool LooksMedical(string word)
    {
        if (word.Length < 5)
        {
            return false;
        }

        var lookup = Endings.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var cut = 2; cut <= 7 && cut < word.Length - 1; cut++)
        {
            if (lookup.Contains(word.AsSpan(word.Length - cut)))
            {
                return true;
            }
        }

        foreach (var beginning in MedicalBeginnings)
        {
            if (word.StartsWith(beginning, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
