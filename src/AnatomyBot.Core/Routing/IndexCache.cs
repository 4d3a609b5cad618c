using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Keeps the router's index for the current knowledge snapshot: built once per snapshot reference (a reload that
/// swaps the snapshot is picked up by the next question; readers always see a matching pair), with the facts' sentence
/// vectors embedded in the background when there is a model.
/// </summary>
internal sealed class IndexCache(IKnowledgeProvider knowledge, ITextEmbedder? embedder)
{
    private readonly Lock _buildGate = new();
    private Indexed? _indexed;

    /// <summary>A snapshot, its index, and its facts' vectors (null when there is no model or it failed).</summary>
    public sealed record Indexed(KnowledgeSnapshot Snapshot, KnowledgeIndex Index, Task<float[][]?> Vectors);

    /// <summary>The index for the provider's current snapshot, rebuilt only when the snapshot reference changes.</summary>
    public Indexed Current()
    {
        var snapshot = knowledge.Current;
        var indexed = Volatile.Read(ref _indexed);
        if (indexed is not null && ReferenceEquals(indexed.Snapshot, snapshot))
        {
            return indexed;
        }

        lock (_buildGate)
        {
            indexed = Volatile.Read(ref _indexed);
            if (indexed is null || !ReferenceEquals(indexed.Snapshot, snapshot))
            {
                var index = KnowledgeIndex.Build(snapshot);
                indexed = new Indexed(snapshot, index, EmbedPassagesAsync(index));
                Volatile.Write(ref _indexed, indexed);
            }

            return indexed;
        }
    }

    /// <summary>
    /// Embeds every fact in the background (the embedder caches vectors on disk, so a reload re-embeds only changed
    /// facts); until this completes the engine answers lexically. Null when there is no model or it failed.
    /// </summary>
    private Task<float[][]?> EmbedPassagesAsync(KnowledgeIndex index)
    {
        if (embedder is null)
        {
            return Task.FromResult<float[][]?>(null);
        }

        return Task.Run(async () =>
        {
            if (!await embedder.Ready.ConfigureAwait(false))
            {
                return null;
            }

            try
            {
                var texts = index.Facts.Passages.Select(p => p.EmbeddingText).ToArray();
                var vectors = embedder.Embed(texts, CancellationToken.None);
                return vectors.Count == texts.Length ? vectors.ToArray() : null;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return null;
            }
        });
    }
}
