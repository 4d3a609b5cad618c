using AnatomyBot.Core.Routing;
using AnatomyBot.Embeddings;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Accuracy;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// The shipped knowledge answered twice, as the host wires the engine: with the MiniLM model loaded (int8, production's
/// default <c>Answering:ModelPrecision</c>) and every fact's vector ready (<c>Answering:Semantic</c> on), and lexically
/// (the model off). The model loads
/// once for every test of the <see cref="ModelLoadedGroup"/>; vectors stay in memory, so no run reuses another's.
/// </summary>
public sealed class SemanticEngineFixture : IAsyncLifetime
{
    private MiniLmEmbedder? _embedder;
    private readonly Lazy<MiniLmSession> _float = new(() => new MiniLmSession(1));

    /// <summary>The loaded model behind <see cref="Semantic"/>.</summary>
    internal MiniLmEmbedder Embedder => _embedder ?? throw new InvalidOperationException("the fixture is not initialised");

    /// <summary>The library's float model on our session (loaded on first use): the reference for the int8 model.</summary>
    internal MiniLmSession Float => _float.Value;

    /// <summary>The model on, with follow-up memory on a fake clock (the held-out dialogues).</summary>
    public AnswerEngine Semantic { get; private set; } = null!;

    /// <summary>The same knowledge without the model.</summary>
    public AnswerEngine Lexical { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var snapshot = ShippedEngine.LoadKnowledge();
        _embedder = new MiniLmEmbedder(null, NullLogger<MiniLmEmbedder>.Instance);
        Semantic = ShippedEngine.Create(snapshot, _embedder);
        Lexical = ShippedEngine.Create(snapshot);
        using var guard = new CancellationTokenSource(Wait.Guard);
        if (!await Semantic.SemanticReadyAsync(guard.Token))
        {
            throw new InvalidOperationException("the sentence model did not load");
        }
    }

    public Task DisposeAsync()
    {
        _embedder?.Dispose();
        if (_float.IsValueCreated)
        {
            _float.Value.Dispose();
        }

        return Task.CompletedTask;
    }
}

