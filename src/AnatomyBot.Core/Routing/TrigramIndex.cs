using System.Collections.Frozen;
using System.Runtime.InteropServices;
using FuzzySharp;

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

    public int Count => _keys.Length;

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

        var queryGrams = Trigrams(query).Distinct().ToArray();
        var lists = new List<int[]>(queryGrams.Length);
        foreach (var gram in queryGrams)
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
        var counts = new Dictionary<int, int>();
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
                ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, id, out _);
                c++;
            }
        }

        var minLength = (int)(query.Length * 0.5);
        var maxLength = (int)(query.Length * 1.8) + 2;
        var ranked = new List<(int Key, int Shared)>(Math.Min(counts.Count, 256));
        foreach (var (key, shared) in counts)
        {
            var length = _keys[key].Length;
            if (length >= minLength && length <= maxLength)
            {
                ranked.Add((key, shared));
            }
        }

        ranked.Sort((a, b) => b.Shared != a.Shared ? b.Shared.CompareTo(a.Shared) : a.Key.CompareTo(b.Key));
        var take = Math.Min(maxCandidates, ranked.Count);
        for (var i = 0; i < take; i++)
        {
            var score = Fuzz.Ratio(query, _keys[ranked[i].Key]);
            if (score >= minScore)
            {
                result.Add(new FuzzyHit(ranked[i].Key, score));
            }
        }

        result.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Key.CompareTo(b.Key));
        return result;
    }

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
