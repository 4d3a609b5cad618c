using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>Collects the source ids an answer cites, in order of first citation.</summary>
internal sealed class Citations
{
    private readonly List<string> _ids = [];

    public void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (!_ids.Contains(id))
            {
                _ids.Add(id);
            }
        }
    }

    public ImmutableArray<Source> Resolve(KnowledgeSnapshot snapshot) =>
        [.. _ids.Select(id => snapshot.SourcesById.TryGetValue(id, out var s) ? s : null).OfType<Source>()];
}
