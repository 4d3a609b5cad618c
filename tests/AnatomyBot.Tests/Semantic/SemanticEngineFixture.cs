using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Embeddings;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Telegram;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// The shipped knowledge answered twice, as the host wires the engine: with the MiniLM model loaded and every fact's
/// vector ready (production's default, <c>Answering:Semantic</c> on), and lexically (the model off). The model loads
/// once for every test of the <see cref="ModelLoadedGroup"/>; vectors stay in memory, so no run reuses another's.
/// </summary>
public sealed class SemanticEngineFixture : IAsyncLifetime
{
    private MiniLmEmbedder? _embedder;

    public KnowledgeSnapshot Snapshot { get; private set; } = null!;

    /// <summary>The model on, with follow-up memory on a fake clock (the held-out dialogues).</summary>
    public AnswerEngine Semantic { get; private set; } = null!;

    /// <summary>The same knowledge without the model.</summary>
    public AnswerEngine Lexical { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var loaded = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        Snapshot = loaded.Snapshot ?? throw new InvalidOperationException("The shipped knowledge does not load:\n" + string.Join("\n", loaded.Errors));
        _embedder = new MiniLmEmbedder(null, NullLogger<MiniLmEmbedder>.Instance);
        Semantic = new AnswerEngine(new FixedKnowledge(Snapshot), new Random(7), new ConversationMemory(new FakeTimeProvider()), _embedder);
        Lexical = new AnswerEngine(new FixedKnowledge(Snapshot), new Random(7), new ConversationMemory(new FakeTimeProvider()), null);
        using var guard = new CancellationTokenSource(Wait.Guard);
        if (!await Semantic.SemanticReadyAsync(guard.Token))
        {
            throw new InvalidOperationException("the sentence model did not load");
        }
    }

    public Task DisposeAsync()
    {
        _embedder?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A fresh question (no follow-up context), as a text front end hands it over: a command or a question.</summary>
    public static Reply Ask(AnswerEngine engine, string text) => engine.Answer(Message(text, "alone", followsUp: false));

    /// <summary>A message within one conversation: messages with the same <paramref name="chat"/> share follow-up context.</summary>
    public static Reply Ask(AnswerEngine engine, string text, string chat) => engine.Answer(Message(text, chat, followsUp: true));

    private static IncomingMessage Message(string text, string chat, bool followsUp) =>
        new(CommandCatalogue.Parse(text, CommandCatalogue.In(CommandPlaces.Everywhere)), "console", "student", chat, followsUp);
}

