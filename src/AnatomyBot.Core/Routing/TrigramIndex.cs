using System.Collections.Frozen;
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

    private readonly string[] _keys;
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

        _postings = postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public string this[int key] => _keys[key];

    /// <summary>
    /// Scores at most <paramref name="maxCandidates"/> phrases that share the most trigrams with the query and
    /// returns those scoring at least <paramref name="minScore"/>, best first.
    /// </summary>
    public List<FuzzyHit> Search(string query, int maxCandidates, int minScore)
    {
        var result = new List<FuzzyHit>();
        if (query.Length < 3 || _keys.Length == 0)
        {
            return result;
        }

        // The query's distinct trigrams in order of first appearance, and their postings in that order.
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

        if (lists.Count == 0)
        {
            return result;
        }

        // Rare trigrams first: they discriminate best and cost least.
        lists.Sort((a, b) => a.Length.CompareTo(b.Length));

        // Shared-trigram counts per key in the thread's scratch array, all zero between searches: the keys touched are
        // remembered, and only they are read and reset.
        var counts = t_counts is { } c && c.Length >= _keys.Length ? c : t_counts = new int[Math.Max(_keys.Length, 1024)];
        var touched = t_touched ??= new int[PostingBudget + 64];
        var touchedCount = 0;
        try
        {
            var visited = 0;
            for (var i = 0; i < lists.Count; i++)
            {
                var ids = lists[i];
                if (i >= 2 && visited + ids.Length > PostingBudget)
                {
                    break;
                }

                visited += ids.Length;
                foreach (var id in ids)
                {
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

            // The best maxCandidates by (most shared trigrams, then lowest key), a total order: kept sorted by insertion.
            var minLength = (int)(query.Length * 0.5);
            var maxLength = (int)(query.Length * 1.8) + 2;
            var take = Math.Max(0, maxCandidates);
            Span<(int Key, int Shared)> best = take <= 64 ? stackalloc (int, int)[take] : new (int, int)[take];
            var bestCount = 0;
            for (var t = 0; t < touchedCount; t++)
            {
                var key = touched[t];
                var length = _keys[key].Length;
                if (length < minLength || length > maxLength || take == 0)
                {
                    continue;
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

            for (var i = 0; i < bestCount; i++)
            {
                var key = _keys[best[i].Key];
                if (FuzzyRatio.Ceiling(query.Length, key.Length) < minScore)
                {
                    continue;
                }

                var score = FuzzyRatio.Of(query, key);
                if (score >= minScore)
                {
                    result.Add(new FuzzyHit(best[i].Key, score));
                }
            }
        }
        finally
        {
            for (var t = 0; t < touchedCount; t++)
            {
                counts[touched[t]] = 0;
            }
        }

        result.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Key.CompareTo(b.Key));
        return result;
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

    private static char At(string text, int i) => i < 0 || i >= text.Length ? ' ' : text[i];
}
