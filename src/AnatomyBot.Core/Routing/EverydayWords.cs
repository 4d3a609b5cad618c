using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Words no fact uses split by how common they are in English: "normal", "bigger", "humans", "gym" say how a question
/// is asked, so they never name what the sources "don't cover"; "lymphatic", "somites", "tenotomy" do.
/// </summary>
internal static class EverydayWords
{
    /// <summary>
    /// Common English that still names a subject of its own: a treatment or a test ("heal after surgery", "an
    /// injection"), which the sources would have to describe, unlike the place or mood of a question ("at the gym").
    /// </summary>
    private static readonly FrozenSet<string> ClinicalSubjects = new[]
    {
        "surgery", "surgeries", "surgical", "surgically", "surgeon", "operation", "operations", "operated", "injection", "injections",
        "scan", "scans", "xray", "drug", "drugs", "medication", "medications", "medicine", "medicines", "pill", "pills",
        // Imaging: what a structure looks like on a scan is a subject the sources would have to show.
        "ultrasound", "ultrasounds", "sonography", "mri", "ct", "imaging", "radiograph", "radiographs", "xrays",
        // A clinical test ("the Thomas test", "which reflex tests L3"): how it is done is a subject the sources would have to describe.
        "test", "tests", "testing",
        // A condition or a medicine the pain vocabulary holds (for the disclaimer) but no fact describes: "can a psoas
        // abscess spread", "what dose of ibuprofen" ask about it, with the disclaimer, not about the muscle's card.
        "abscess", "abscesses", "hernia", "hernias", "fracture", "fractures", "tumour", "tumours", "tumor", "tumors", "cancer",
        "infection", "infections", "avulsion", "haematoma", "hematoma", "ibuprofen", "paracetamol", "acetaminophen",
        "naproxen", "painkiller", "painkillers", "nsaid", "nsaids", "steroid", "steroids", "cortisone", "botox", "creatine",
        "relaxant", "relaxants", "relaxer", "relaxers", "aspirin", "opioid", "opioids", "antiinflammatory", "antiinflammatories",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the word names a treatment, a test, a condition or a medicine (<see cref="ClinicalSubjects"/>).</summary>
    public static bool IsClinicalSubject(string word) =>
        ClinicalSubjects.Contains(word)
        || (word.Length > 3 && word[^1] == 's' && ClinicalSubjects.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word.AsSpan(0, word.Length - 1)));

    /// <summary>
    /// A treatment, a test or a measure no fact uses ("on ultrasound", "in centimetres", "after surgery"): the question
    /// asks for exactly what the sources lack, however well its other words match a fact.
    /// </summary>
    public static bool AsksWhatNoFactHolds(List<string> unknown)
    {
        foreach (var word in unknown)
        {
            if (IsClinicalSubject(word) || Vocabulary.MeasureWords.Contains(word) || Vocabulary.UnitWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A bare number ("10" of "sat at my desk for 10 hours", "7" of "7 times 8"), in figures or in words ("forty or fifty
    /// percent", "four in ten people"): an amount of something, never the subject the sources lack. A number with a unit
    /// ("40 cm") is asked through its unit.
    /// </summary>
    public static bool IsBareNumber(string word)
    {
        if (word.Length == 0)
        {
            return false;
        }

        // "one" is as often a pronoun ("which one", "the deep one") as a number.
        if (word != "one" && VerdictChecks.NumberNames.ContainsKey(word))
        {
            return true;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return char.IsAsciiDigit(word[0]);
    }

    public static bool IsEveryday(string word) =>
        EverydayEnglish.RankOfBase(word) < RoutingThresholds.EverydayWordRank && !IsClinicalSubject(word)
        && !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word);

    /// <summary>
    /// The words of <paramref name="unknown"/> that are not everyday English, nor stray (<see cref="StrayWords"/>: no
    /// English word and not built like a medical term, as "scusi" or "anki"): those say what is lacking only when the
    /// facts do not answer the rest.
    /// </summary>
    public static List<string> Rare(List<string> unknown) => unknown.Count == 0 ? unknown : [.. unknown.Where(w => !IsEveryday(w) && !StrayWords.IsStray(w))];

    /// <summary>How much the unknown words weigh against the known ones: a rare word the most a word can, an everyday or stray one a share of it.</summary>
    public static double Weight(List<string> unknown, double maxIdf) =>
        unknown.Sum(w => IsEveryday(w) || StrayWords.IsStray(w) ? maxIdf * RoutingThresholds.EverydayUnknownShare : maxIdf);
}
