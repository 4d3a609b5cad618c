using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>Settings of the question answering (section <c>Answering</c>).</summary>
internal sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>
    /// <c>Answering:Semantic</c>: rank facts with sentence embeddings (MiniLM, about +330 MB RSS) fused with the
    /// lexical ranking, for questions the lexical ranking does not settle. Default true; false for small machines.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>
    /// <c>Answering:EmbeddingCache</c>: file of cached fact vectors, so restarts and reloads re-embed only changed
    /// facts. Empty keeps them in memory. Default: anatomybot/embeddings.bin in the system temp folder.
    /// </summary>
    public string EmbeddingCache { get; set; } = Path.Combine(Path.GetTempPath(), "anatomybot", "embeddings.bin");

    /// <summary>
    /// <c>Answering:ModelPrecision</c>: <c>Int8</c> (default) runs the sentence model with int8 weights, rewritten from the
    /// library's model at the first start and kept beside <see cref="EmbeddingCache"/> (about 2.3x less CPU per question);
    /// <c>Float</c> runs the library's model as shipped.
    /// </summary>
    public string ModelPrecision { get; set; } = nameof(AnatomyBot.Embeddings.ModelPrecision.Int8);

    /// <summary><c>Answering:FollowUpMinutes</c>: how long a chat's last subject is remembered for follow-ups (1-120). Default 10.</summary>
    public int FollowUpMinutes { get; set; } = 10;

    /// <summary><c>Answering:MaxConversations</c>: chats whose follow-up context is kept; the least recent is dropped (100-1000000). Default 10000.</summary>
    public int MaxConversations { get; set; } = 10_000;

    public static AnatomyBot.Core.Routing.Retrieval.ITextEmbedder? CreateEmbedder(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        return options.Semantic
            ? new AnatomyBot.Embeddings.MiniLmEmbedder(
                options.EmbeddingCache,
                services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AnatomyBot.Embeddings.MiniLmEmbedder>>(),
                precision: ParsePrecision(options.ModelPrecision) ?? AnatomyBot.Embeddings.ModelPrecision.Int8)
            : null;
    }

    /// <summary>The named precision, case-insensitive; null for anything else (numbers included).</summary>
    internal static AnatomyBot.Embeddings.ModelPrecision? ParsePrecision(string? value) =>
        Enum.GetNames<AnatomyBot.Embeddings.ModelPrecision>().FirstOrDefault(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<AnatomyBot.Embeddings.ModelPrecision>(name)
            : null;
}

internal sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions options)
    {
        if (options.FollowUpMinutes is < 1 or > 120)
        {
            return ValidateOptionsResult.Fail($"Answering:FollowUpMinutes must be between 1 and 120 (got {options.FollowUpMinutes}).");
        }

        if (AnsweringOptions.ParsePrecision(options.ModelPrecision) is null)
        {
            return ValidateOptionsResult.Fail($"Answering:ModelPrecision must be Int8 or Float (got '{options.ModelPrecision}').");
        }

        return options.MaxConversations is < 100 or > 1_000_000
            ? ValidateOptionsResult.Fail($"Answering:MaxConversations must be between 100 and 1000000 (got {options.MaxConversations}).")
            : ValidateOptionsResult.Success;
    }
}

/// <summary>The sentence model when <c>Answering:Semantic</c> is on (null when off); disposed with the host.</summary>
internal sealed class SemanticModel(AnatomyBot.Core.Routing.Retrieval.ITextEmbedder? embedder) : IDisposable
{
    public AnatomyBot.Core.Routing.Retrieval.ITextEmbedder? Embedder { get; } = embedder;

    public void Dispose() => (Embedder as IDisposable)?.Dispose();
}
