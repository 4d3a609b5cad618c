using System.Collections.Frozen;

namespace AnatomyBot.Core.Text;

/// <summary>
/// The 20,000 most frequent English words (everyday-english.txt, SUBTLEXus order): a misspelling nearer one of them
/// than a condition word is that word ("abscent" is absent, not abscess), and the most frequent of them never name
/// what the sources "don't cover".
/// </summary>
public static class EverydayEnglish
{
    private static readonly Lazy<(FrozenDictionary<string, int> Ranks, string[][] ByLength)> Words = new(Load);

    /// <summary>The word's frequency rank (0 = most frequent), or <see cref="int.MaxValue"/> when it is not listed.</summary>
    public static int Rank(string word) => Words.Value.Ranks.TryGetValue(word, out var rank) ? rank : int.MaxValue;

    /// <summary>Whether a listed word other than <paramref name="except"/> ones is fewer than <paramref name="distance"/> edits from <paramref name="word"/>.</summary>
    public static bool HasWordNearer(string word, int distance, Func<string, bool> except)
    {
        if (distance <= 0)
        {
            return false;
        }

        if (Rank(word) != int.MaxValue && !except(word))
        {
            return true;
        }

        if (distance == 1)
        {
            return false;
        }

        var byLength = Words.Value.ByLength;
        for (var length = Math.Max(1, word.Length - 1); length <= word.Length + 1 && length < byLength.Length; length++)
        {
            foreach (var listed in byLength[length])
            {
                if (EditDistance.Within(word, listed, distance - 1) && !except(listed))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (FrozenDictionary<string, int>, string[][]) Load()
    {
        using var stream = typeof(EverydayEnglish).Assembly.GetManifestResourceStream("AnatomyBot.Core.Text.everyday-english.txt")
            ?? throw new InvalidOperationException("The everyday-english.txt resource is missing from AnatomyBot.Core.");
        using var reader = new StreamReader(stream);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                ranks.TryAdd(line.Trim(), ranks.Count);
            }
        }

        var longest = ranks.Keys.Max(w => w.Length);
        var byLength = Enumerable.Range(0, longest + 1).Select(n => ranks.Keys.Where(w => w.Length == n).ToArray()).ToArray();
        return (ranks.ToFrozenDictionary(StringComparer.Ordinal), byLength);
    }
}
