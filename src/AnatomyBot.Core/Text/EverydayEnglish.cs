using System.Collections.Frozen;
using AnatomyBot.Core.Routing;

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

    /// <summary>The rank of a word given as characters (a stem cut from a longer word), without making a string of it.</summary>
    public static int Rank(ReadOnlySpan<char> word) =>
        Words.Value.Ranks.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out var rank) ? rank : int.MaxValue;

    /// <summary>
    /// The rank of the word, or of the word it inflects when that is more frequent: "indicated" is "indicate", "harder"
    /// "hard", "highlighting" "highlight". A past, a participle or a comparative of an everyday word is as everyday as
    /// the word itself, though the list ranks the forms apart. Plurals are left as they stand: "dancers" or "surgeons"
    /// name who or what is asked about as much as a rare word does.
    /// </summary>
    public static int RankOfBase(string word)
    {
        var rank = Rank(word);
        if (word.Length < 5)
        {
            return rank;
        }

        var span = word.AsSpan();
        if (span.EndsWith("ed") || span.EndsWith("er"))
        {
            rank = Math.Min(Math.Min(rank, Rank(span[..^1])), Rank(span[..^2]));
        }
        else if (span.EndsWith("ing") && span.Length >= 6)
        {
            rank = Math.Min(Math.Min(rank, Rank(span[..^3])), Rank(string.Concat(span[..^3], "e")));
        }

        return rank;
    }

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

    /// <summary>How frequent a word must be (its rank below this) for an unlisted word near it to be read as it misspelt.</summary>
    private const int Frequent = 3000;

    /// <summary>The frequent words by length, and the sound of each (<see cref="SpokenSpelling.Key"/>).</summary>
    private static readonly Lazy<(string[][] ByLength, FrozenSet<string> Sounds)> FrequentWords = new(LoadFrequent);

    /// <summary>
    /// Whether a frequent word (rank below <see cref="Frequent"/>) more frequent than <paramref name="rank"/>, beginning
    /// with the same two letters, is within <paramref name="distance"/> edits of an unlisted word: the tie-breaker between
    /// a misspelt everyday word and a misspelt rarer one ("sorce" is one edit from "source" and from "sore"; "source" is
    /// the more frequent, so it is read as that).
    /// </summary>
    public static bool HasMoreFrequentLookalike(string word, int distance, int rank, Func<string, bool> except)
    {
        if (word.Length < 2 || Rank(word) != int.MaxValue)
        {
            return false;
        }

        var byLength = FrequentWords.Value.ByLength;
        for (var length = Math.Max(2, word.Length - distance); length <= word.Length + distance && length < byLength.Length; length++)
        {
            foreach (var listed in byLength[length])
            {
                if (listed[0] == word[0] && listed[1] == word[1] && Rank(listed) < rank
                    && EditDistance.Within(word, listed, distance) && !except(listed))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word that is no listed English word misspells a frequent one: one edit from it (a swap of neighbours
    /// counts as one: "teh", "waht"; a three-letter word only by a swap, so "mri" is not "mr") or spelt as it sounds
    /// ("blud" is blood, "akshun" action, "pleez" please). A listed word is itself, however rare ("doo", "cud").
    /// </summary>
    public static bool MisspellsAFrequentWord(string word) => Misspellings.Get(word, 0, static (_, w) => Misspells(w));

    /// <summary>What <see cref="MisspellsAFrequentWord"/> answered for each word so far: it depends on the fixed word list only.</summary>
    private static readonly WordMemo<bool> Misspellings = new();

    private static bool Misspells(string word)
    {
        if (word.Length < 3 || Rank(word) != int.MaxValue)
        {
            return false;
        }

        var (byLength, sounds) = FrequentWords.Value;
        if (sounds.Contains(SpokenSpelling.Key(word)))
        {
            return true;
        }

        // Texting shorthand drops the vowels ("mny" many, "wht" what, "ppl" people): a word with none is one of the most
        // frequent words with the same first letter and the same other letters in order, one to three letters longer.
        // Only the commonest words are shortened so; an acronym ("css", "dvt") is itself.
        if (!word.AsSpan().ContainsAny(Vowels))
        {
            for (var length = word.Length + 1; length <= word.Length + 3 && length < byLength.Length; length++)
            {
                foreach (var listed in byLength[length])
                {
                    if (listed[0] == word[0] && IsConsonantSkeleton(word, listed) && Rank(listed) < Shorthand)
                    {
                        return true;
                    }
                }
            }
        }

        for (var length = word.Length - 1; length <= word.Length + 1 && length < byLength.Length; length++)
        {
            foreach (var listed in byLength[length])
            {
                if (word.Length >= 4 ? EditDistance.Within(word, listed, 1) : IsSwap(word, listed))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The words texting shortens by dropping vowels are among this many most frequent ("many" is 300th, "cases" 2,033rd).</summary>
    private const int Shorthand = 500;

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiou");

    /// <summary>Whether <paramref name="listed"/> with its vowels dropped is <paramref name="shorthand"/>.</summary>
    private static bool IsConsonantSkeleton(string shorthand, string listed)
    {
        var at = 0;
        foreach (var c in listed)
        {
            if (Vowels.Contains(c))
            {
                continue;
            }

            if (at == shorthand.Length || shorthand[at] != c)
            {
                return false;
            }

            at++;
        }

        return at == shorthand.Length;
    }

    /// <summary>Whether two words of the same length differ by one swap of neighbouring letters ("teh", "the").</summary>
    private static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var head = a.AsSpan().CommonPrefixLength(b);
        return head + 1 < a.Length && a[head] == b[head + 1] && a[head + 1] == b[head] && a.AsSpan(head + 2).SequenceEqual(b.AsSpan(head + 2));
    }

    private static (string[][], FrozenSet<string>) LoadFrequent()
    {
        var frequent = Words.Value.Ranks.Where(p => p.Value < Frequent && p.Key.Length >= 2).Select(p => p.Key).ToArray();
        var longest = frequent.Max(w => w.Length);
        var byLength = Enumerable.Range(0, longest + 1).Select(n => frequent.Where(w => w.Length == n).ToArray()).ToArray();
        return (byLength, frequent.Where(w => w.Length >= 3).Select(SpokenSpelling.Key).ToFrozenSet(StringComparer.Ordinal));
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
