using System.Globalization;

namespace AnatomyBot.Discord.Gateway;

/// <summary>The shard ids one process runs, written as in <c>Discord:Shards</c>: "0-3", "0,2", "5" or "0-1,4".</summary>
internal static class ShardSet
{
    /// <summary>Parses <paramref name="text"/>; on failure, <paramref name="error"/> says what is wrong (without the key).</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> shards, out string error)
    {
        var ids = new List<int>();
        shards = ids;
        error = "";
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var first = dash < 0 ? part : part[..dash].Trim();
            var last = dash < 0 ? part : part[(dash + 1)..].Trim();
            if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to))
            {
                error = $"must list shard ids such as 0-3 or 0,2 (got '{text}')";
                return false;
            }

            if (to < from)
            {
                error = $"has the range {part} backwards; write {to}-{from}";
                return false;
            }

            for (var id = from; id <= to; id++)
            {
                if (ids.Contains(id))
                {
                    error = $"lists shard {id} twice";
                    return false;
                }

                ids.Add(id);
            }
        }

        ids.Sort();
        return true;
    }

    /// <summary>Every shard of <paramref name="count"/>.</summary>
    public static IReadOnlyList<int> All(int count) => [.. Enumerable.Range(0, count)];
}
