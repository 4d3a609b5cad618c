using System.Collections.Frozen;
using System.Runtime.Intrinsics;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>A candidate phrase with its FuzzySharp ratio (0-100) against the query.</summary>
internal readonly record struct FuzzyHit(int Key, int Score);

/// <summary>
/// Character-trigram inverted index over normalised phrases. A query touches only the postings of its own
/// trigrams (rarest first, under a fixed budget), so fuzzy scoring runs on a short candidate list whatever the
/// size of the knowledge base.
/// </summary>
internal sealed class TrigramIndex
{
    /// <summary>Upper bound on postings visited per query: keeps the worst case flat for huge bases.</summary>
    private const int PostingBudget = 1500;

    /// <summary>Per-thread scratch for <see cref="Search"/> (several chats are answered at once): counts per key, keys touched.</summary>
    [ThreadStatic]
    private static int[]? t_counts;

    [ThreadStatic]
    private static int[]? t_touched;

    /// <summary>Up to this many keys, a search first checks that some key's letters can reach the minimum score at all.</summary>
    private const int LetterBoundKeys = 128;

    private readonly string[] _keys;

    /// <summary>Each key's <see cref="FuzzyRatio.Letters"/> (a small index of keys up to 255 characters), or null.</summary>
    private readonly Vector256<byte>[]? _letters;

    /// <summary>Postings per trigram, each list ordered by key length then key, so a search reads only the keys whose length can match.</summary>
    private readonly FrozenDictionary<long, int[]> _postings;

    public TrigramIndex(IReadOnlyList<string> keys)
    {
        _keys = [.. keys];
        var postings = new Dictionary<long, List<int>>();
        for (var k = 0; k < _keys.Length; k++)
        {
            foreach (var gram in Trigrams(_keys[k]).Distinct())
            {
                if (!postings.TryGetValue(gram, out var ids))
                {
                    postings[gram] = ids = [];
                }

                ids.Add(k);
            }
        }

        _letters = _keys.Length <= LetterBoundKeys && _keys.All(k => k.Length <= byte.MaxValue) ? [.. _keys.Select(k => FuzzyRatio.Letters(k))] : null;
        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.OrderBy(k => _keys[k].Length).ThenBy(k => k).ToArray());
    }

    public string this[int key] => _keys[key];

    /// <summary>
    /// Scores at most <paramref name="maxCandidates"/> phrases that share the most trigrams with the query and
    /// returns those scoring at least <paramref name="minScore"/>, best first.
    /// </summary>
    public List<FuzzyHit> Search(ReadOnlySpan<char> query, int maxCandidates, int minScore)
    {
        var result = new List<FuzzyHit>();
        if (query.Length < 3 || _keys.Length == 0 || !SomeKeyCanReach(query, minScore) || PostingsOf(query) is not { Count: > 0 } lists)
        {
            return result;
        }

        // Candidates shorter than half the query or much longer cannot score well: they are neither counted nor kept.
        var lengths = (Min: (int)(query.Length * 0.5), Max: (int)(query.Length * 1.8) + 2);

        // Shared-trigram counts per key in the thread's scratch array, all zero between searches: the keys touched are
        // remembered, and only they are read and reset.
        var counts = t_counts is { } c && c.Length >= _keys.Length ? c : t_counts = new int[Math.Max(_keys.Length, 1024)];
        var touchedCount = 0;
        try
        {
            CountShared(lists, lengths, counts, ref touchedCount);
            Span<(int Key, int Shared)> best = maxCandidates <= 64 ? stackalloc (int, int)[Math.Max(0, maxCandidates)] : new (int, int)[maxCandidates];
            var bestCount = SelectBest(t_touched!.AsSpan(0, touchedCount), counts, best);
            ScoreCandidates(query, best[..bestCount], minScore, result);
        }
        finally
        {
            var touched = t_touched!;
            for (var t = 0; t < touchedCount; t++)
            {
                counts[touched[t]] = 0;
            }
        }

        result.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Key.CompareTo(b.Key));
        return result;
    }

    /// <summary>
    /// False when no key's letters overlap the query's enough to score <paramref name="minScore"/> (so no search can find
    /// one); true when some key might, or when the index is too large for the check to pay.
    /// </summary>
    private bool SomeKeyCanReach(ReadOnlySpan<char> query, int minScore)
    {
        if (_letters is null || query.Length > byte.MaxValue)
        {
            return true;
        }

        var letters = FuzzyRatio.Letters(query);
        for (var k = 0; k < _keys.Length; k++)
        {
            if (FuzzyRatio.CeilingByLetters(letters, _letters[k], query.Length + _keys[k].Length) >= minScore)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The postings of the query's distinct trigrams (in order of first appearance), rarest first: they discriminate best and cost least.</summary>
    private List<int[]> PostingsOf(ReadOnlySpan<char> query)
    {
        Span<long> grams = query.Length <= 256 ? stackalloc long[query.Length] : new long[query.Length];
        var distinct = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var gram = Pack(At(query, i - 1), At(query, i), At(query, i + 1));
            if (!grams[..distinct].Contains(gram))
            {
                grams[distinct++] = gram;
            }
        }

        var lists = new List<int[]>(distinct);
        foreach (var gram in grams[..distinct])
        {
            if (_postings.TryGetValue(gram, out var ids))
            {
                lists.Add(ids);
            }
        }

        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        return lists;
    }

    /// <summary>
    /// Counts shared trigrams per key of an acceptable length, visiting whole posting lists under the budget (the budget
    /// counts every posting of a list, as if all were read); <paramref name="touchedCount"/> is how many keys <c>t_touched</c>
    /// lists so far (kept up to date, so the caller can always reset their counts).
    /// </summary>
    private void CountShared(List<int[]> lists, (int Min, int Max) lengths, int[] counts, ref int touchedCount)
    {
        var touched = t_touched ??= new int[PostingBudget + 64];
        var visited = 0;
        for (var i = 0; i < lists.Count; i++)
        {
            var ids = lists[i];
            if (i >= 2 && visited + ids.Length > PostingBudget)
            {
                break;
            }

            visited += ids.Length;
            foreach (var id in ids.AsSpan(FirstOfLength(ids, lengths.Min)))
            {
                if (_keys[id].Length > lengths.Max)
                {
                    break;
                }

                if (counts[id]++ == 0)
                {
                    if (touchedCount == touched.Length)
                    {
                        Array.Resize(ref touched, touched.Length * 2);
                        t_touched = touched;
                    }

                    touched[touchedCount++] = id;
                }
            }
        }
    }

    /// <summary>The first position in a length-ordered posting list whose key is at least <paramref name="length"/> long.</summary>
    private int FirstOfLength(int[] ids, int length)
    {
        int low = 0, high = ids.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_keys[ids[mid]].Length < length)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The best candidates by (most shared trigrams, then lowest key), a total order: kept sorted by insertion.</summary>
    private static int SelectBest(ReadOnlySpan<int> touched, int[] counts, Span<(int Key, int Shared)> best)
    {
        var take = best.Length;
        var bestCount = 0;
        foreach (var key in touched)
        {
            if (take == 0)
            {
                break;
            }

            var shared = counts[key];
            if (bestCount == take && !Before(shared, key, best[take - 1].Shared, best[take - 1].Key))
            {
                continue;
            }

            var at = bestCount < take ? bestCount++ : take - 1;
            while (at > 0 && Before(shared, key, best[at - 1].Shared, best[at - 1].Key))
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = (key, shared);
        }

        return bestCount;
    }

    /// <summary>FuzzySharp's ratio for each candidate whose length can reach <paramref name="minScore"/>; those reaching it are added.</summary>
    private void ScoreCandidates(ReadOnlySpan<char> query, ReadOnlySpan<(int Key, int Shared)> candidates, int minScore, List<FuzzyHit> result)
    {
        foreach (var (id, _) in candidates)
        {
            var key = _keys[id];
            if (FuzzyRatio.Ceiling(query.Length, key.Length) < minScore)
            {
                continue;
            }

            var score = FuzzyRatio.Of(query, key);
            if (score >= minScore)
            {
                result.Add(new FuzzyHit(id, score));
            }
        }
    }

    /// <summary>The candidate order: more shared trigrams first, then the lower key.</summary>
    private static bool Before(int shared, int key, int otherShared, int otherKey) =>
        shared > otherShared || (shared == otherShared && key < otherKey);

    private static long Pack(char a, char b, char c) => ((long)a << 32) | ((long)b << 16) | c;

    private static long[] Trigrams(string text)
    {
        var count = text.Length;
        var grams = new long[count];
        for (var i = 0; i < count; i++)
        {
            grams[i] = Pack(At(text, i - 1), At(text, i), At(text, i + 1));
        }

        return grams;
    }

    private static char At(ReadOnlySpan<char> text, int i) => i < 0 || i >= text.Length ? ' ' : text[i];
}
