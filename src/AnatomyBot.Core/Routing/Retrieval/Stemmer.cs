namespace AnatomyBot.Core.Routing.Retrieval;

/// <summary>
/// A light English suffix stripper: "stretches", "stretching" and "stretched" all become "stretch"; "-ize" and "-ise"
/// become one ending. It only has to be consistent between the facts and the questions, not linguistically exact.
/// </summary>
internal static class Stemmer
{
    private static readonly (string Suffix, string Replacement, int MinStem)[] Rules =
    [
        ("ational", "ate", 3), ("izations", "ize", 3), ("ization", "ize", 3), ("ations", "ate", 3), ("ation", "ate", 3),
        ("nesses", "", 3), ("ness", "", 3), ("ments", "", 4), ("ment", "", 4), ("ingly", "", 3), ("ings", "", 3),
        ("ing", "", 3), ("edly", "", 3), ("ied", "y", 2), ("ies", "y", 2), ("ed", "", 3), ("ly", "", 4),
        ("sses", "ss", 2), ("xes", "x", 2), ("ches", "ch", 2), ("shes", "sh", 2), ("es", "e", 3), ("s", "", 3),
    ];

    public static string Stem(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetterLower(word[^1]))
        {
            return word;
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
        {
            return word;
        }

        var stem = word;
        foreach (var (suffix, replacement, minStem) in Rules)
        {
            if (word.Length - suffix.Length >= minStem && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                stem = string.Concat(word.AsSpan(0, word.Length - suffix.Length), replacement);
                break;
            }
        }

        // "running" -> "runn" -> "run"; "stretche" stays consistent with "stretch" via the trailing-e rule.
        if (stem.Length >= 4 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z' or 'f') && !IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }

        if (stem.Length >= 5 && stem[^1] == 'e')
        {
            stem = stem[..^1];
        }

        // American and British spellings are one term: "stabilize" and "stabilise", "normalized" and "normalised".
        if (stem.Length >= 5 && stem.EndsWith("iz", StringComparison.Ordinal))
        {
            stem = string.Concat(stem.AsSpan(0, stem.Length - 1), "s");
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
