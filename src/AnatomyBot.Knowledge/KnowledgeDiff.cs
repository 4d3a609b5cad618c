using System.Collections.Immutable;
using System.Text.Json;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Compares two snapshots entry by entry. Content is compared through a JSON rendering because the records hold
/// immutable arrays, whose equality is by reference; comments and formatting in the files therefore never count.
/// </summary>
internal static class KnowledgeDiff
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static ReloadReport Compare(KnowledgeSnapshot previous, KnowledgeSnapshot next)
    {
        var added = ImmutableArray.CreateBuilder<string>();
        var changed = ImmutableArray.CreateBuilder<string>();
        var removed = ImmutableArray.CreateBuilder<string>();

        Diff("source", previous.Sources, next.Sources, s => s.Id, added, changed, removed);
        Diff("muscle", previous.Muscles, next.Muscles, m => m.Id, added, changed, removed);
        Diff("topic", previous.Topics, next.Topics, t => t.Id, added, changed, removed);
        Diff("quiz", previous.Quiz, next.Quiz, q => q.Id, added, changed, removed);
        if (Render(previous.Safety) != Render(next.Safety))
        {
            changed.Add("safety");
        }

        return new ReloadReport(
            next.Muscles.Length,
            next.Topics.Length,
            next.Quiz.Length,
            next.Sources.Length,
            added.ToImmutable(),
            changed.ToImmutable(),
            removed.ToImmutable(),
            next.Version);
    }

    private static void Diff<T>(
        string kind,
        ImmutableArray<T> before,
        ImmutableArray<T> after,
        Func<T, string> id,
        ImmutableArray<string>.Builder added,
        ImmutableArray<string>.Builder changed,
        ImmutableArray<string>.Builder removed)
    {
        var old = before.ToDictionary(id, Render, StringComparer.Ordinal);
        var current = after.ToDictionary(id, Render, StringComparer.Ordinal);
        foreach (var (key, rendered) in current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!old.TryGetValue(key, out var previous))
            {
                added.Add($"{kind}:{key}");
            }
            else if (previous != rendered)
            {
                changed.Add($"{kind}:{key}");
            }
        }

        foreach (var key in old.Keys.Where(k => !current.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            removed.Add($"{kind}:{key}");
        }
    }

    private static string Render<T>(T value) => JsonSerializer.Serialize(value, Json);
}
