namespace AnatomyBot.Core.Text;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Whether <paramref name="a"/> is at most <paramref name="max"/> edits from <paramref name="b"/>; cheap when lengths differ.</summary>
    public static bool Within(string a, string b, int max) => Math.Abs(a.Length - b.Length) <= max && Between(a, b) <= max;

    /// <summary>How many edits a typo of a word this long may take: one up to six letters, two from seven.</summary>
    public static int Allowed(string word) => word.Length >= 7 ? 2 : 1;
}
