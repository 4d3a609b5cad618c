namespace AnatomyBot.Core.Routing.Retrieval;

/// <summary>
/// Port: sentence embeddings for the semantic half of retrieval. Core holds no model; the host plugs in an
/// implementation (AnatomyBot.Embeddings, MiniLM over ONNX Runtime) or none, and the engine answers lexically.
/// Vectors are unit length, so a dot product is the cosine similarity.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>Names the model; part of every cache key, so changing the model never reuses old vectors.</summary>
    string ModelId { get; }

    /// <summary>Completes when the model has loaded (true) or failed to load (false, logged once by the implementation).</summary>
    Task<bool> Ready { get; }

    /// <summary>Embeds facts in order (cached by the implementation). Only called after <see cref="Ready"/> returned true.</summary>
    IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>
    /// Embeds one question (its normalised text). An implementation may hand back the same array for a repeated question:
    /// callers only read it. Only called after <see cref="Ready"/> returned true.
    /// </summary>
    float[] EmbedQuery(string text);
}
