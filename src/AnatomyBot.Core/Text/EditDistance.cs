namespace AnatomyBot.Core.Text;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        // Three rolling rows (i-2, i-1, i) instead of the full matrix: the router calls this for every unknown word
        // against word lists, so it must not allocate. Same recurrence, same result.
        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 384 ? stackalloc int[width * 3] : new int[width * 3];
        var before = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    /// <summary>Whether <paramref name="a"/> is at most <paramref name="max"/> edits from <paramref name="b"/>; cheap when lengths differ.</summary>
    public static bool Within(string a, string b, int max) =>
        Math.Abs(a.Length - b.Length) <= max && (max == 1 ? WithinOne(a, b) : Between(a, b) <= max);

    /// <summary>
    /// Whether the distance is at most one, in one pass without the matrix: equal, or one substitution, one insertion or
    /// deletion, or one swap of neighbours (the only single edits; the lengths differ by at most one).
    /// </summary>
    private static bool WithinOne(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var head = a.AsSpan().CommonPrefixLength(b);
        if (head == b.Length)
        {
            return true;
        }

        if (a.Length > b.Length)
        {
            // One letter of the longer word left out: what follows it must be the rest of the shorter word.
            return a.AsSpan(head + 1).SequenceEqual(b.AsSpan(head));
        }

        // Same length: one letter replaced, or this letter and the next swapped.
        return a.AsSpan(head + 1).SequenceEqual(b.AsSpan(head + 1))
            || (head + 1 < a.Length && a[head] == b[head + 1] && a[head + 1] == b[head] && a.AsSpan(head + 2).SequenceEqual(b.AsSpan(head + 2)));
    }

    /// <summary>How many edits a typo of a word this long may take: one up to six letters, two from seven.</summary>
    public static int Allowed(string word) => word.Length >= 7 ? 2 : 1;
}
