namespace AnatomyBot.Core.Routing;

/// <summary>
/// "What is the diaphragm of a camera lens?", "the fascia board on a house roof", "the solar plexus punch in boxing": a
/// word of ours (a topic keyword or a part
/// of the body) used in another field shows by the noun it is tied to, a word no fact, synonym or keyword knows that is
/// its head ("diaphragm setting", "hip check"), its possessor or modifier ("insect leg", "camera diaphragm") or its "of"
/// ("the spine of a book"). When every word of ours in a question is tied that way, and no muscle or pain is named, the
/// question is about the other field. A word of ours standing free ("good stretches for desk workers") keeps it ours, and
/// so do people who do something ("runners", "dancers"), treatments, tests and measures (they are uncovered, not foreign).
/// Not caught (2 Dec 2026): a head noun the facts also use ("a hip check in ice hockey", "the trochanter segment on an
/// insect's leg", "the spine of a book", "lumbar support", "a minor third in music theory").
/// </summary>
internal static class ForeignAnchors
{
    /// <summary>Determiners that may stand between "of" and the possessor ("the diaphragm of a camera").</summary>
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "this", "that", "some",
    };

    /// <summary>
    /// Whether every word of ours in <paramref name="text"/> is tied to a foreign noun (and one is). The caller checks
    /// that no muscle is named or guessed and no pain is touched; <paramref name="unknown"/> are the words no fact uses.
    /// </summary>
    public static bool OwnAllOurWords(TokenizedText text, KnowledgeIndex index, List<string> unknown)
    {
        if (unknown.Count == 0)
        {
            return false;
        }

        var foreign = new bool[text.Count];
        var any = false;
        for (var i = 0; i < text.Count; i++)
        {
            foreign[i] = IsForeignNoun(text.WordString(i), unknown);
            any |= foreign[i];
        }

        if (!any)
        {
            return false;
        }

        var ours = new List<(int Start, int End)>();
        foreach (var mention in index.FindTopicPhrases(text))
        {
            ours.Add((mention.Start, mention.Start + mention.Count));
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (Vocabulary.IsBodyWord(text.WordString(i)) && !ours.Exists(o => o.Start <= i && i < o.End))
            {
                ours.Add((i, i + 1));
            }
        }

        if (ours.Count == 0)
        {
            return false;
        }

        foreach (var (start, end) in ours)
        {
            if (!Tied(text, foreign, start, end))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A foreign noun right after the span, right before it, or after its "of" and a determiner.</summary>
    private static bool Tied(TokenizedText text, bool[] foreign, int start, int end)
    {
        if ((end < text.Count && foreign[end]) || (start > 0 && foreign[start - 1]))
        {
            return true;
        }

        if (end + 1 < text.Count && text.Word(end) is "of")
        {
            var at = end + 1;
            if (Determiners.Contains(text.WordString(at)))
            {
                at++;
            }

            return at < text.Count && foreign[at];
        }

        return false;
    }

    /// <summary>
    /// A word no fact uses that can name a thing of another field: not a part of the body, not a person who does
    /// something ("runners", "a dancer's hip"), not a treatment, test or measure, not a number or an ordinal ("the body
    /// of the 12th thoracic vertebra").
    /// </summary>
    private static bool IsForeignNoun(string word, List<string> unknown) =>
        word.Length > 2 && word.All(char.IsAsciiLetter) && unknown.Contains(word) && !Vocabulary.IsBodyWord(word) && !EverydayWords.IsClinicalSubject(word)
        && !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word) && !EverydayWords.IsBareNumber(word)
        && !NamesAPerson(word);

    private static bool NamesAPerson(string word) =>
        word.EndsWith("er", StringComparison.Ordinal) || word.EndsWith("ers", StringComparison.Ordinal)
        || word.EndsWith("ist", StringComparison.Ordinal) || word.EndsWith("ists", StringComparison.Ordinal)
        || word is "people" or "person" or "persons" or "women" or "woman" or "men" or "man" or "kids" or "kid" or "children"
            or "child" or "athletes" or "athlete" or "patients" or "patient" or "elderly" or "seniors" or "adults" or "adult";
}
