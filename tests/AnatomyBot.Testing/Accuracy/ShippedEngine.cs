using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing.Telegram;

namespace AnatomyBot.Testing.Accuracy;

/// <summary>
/// The engine the accuracy suites and the held-out benchmark ask: the shipped <c>knowledge/</c>, a fixed seed, follow-up
/// memory on a fake clock, and the sentence model when an embedder is given. Questions are typed lines, as a text front
/// end (the console, <c>ask</c>) hands them over: a catalogue command or a question.
/// </summary>
public static class ShippedEngine
{
    /// <summary>The shipped knowledge, or an exception listing what keeps it from loading.</summary>
    public static KnowledgeSnapshot LoadKnowledge()
    {
        var loaded = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        return loaded.Snapshot ?? throw new InvalidOperationException("The shipped knowledge does not load:\n" + string.Join("\n", loaded.Errors));
    }

    public static AnswerEngine Create(KnowledgeSnapshot snapshot, ITextEmbedder? embedder = null) =>
        new(new FixedKnowledge(snapshot), new Random(7), new ConversationMemory(new FakeTimeProvider()), embedder);

    /// <summary>A fresh question: no follow-up context.</summary>
    public static Reply Ask(this AnswerEngine engine, string text) => engine.Answer(Message(text, "alone", followsUp: false));

    /// <summary>A message within one conversation: messages with the same <paramref name="chat"/> share follow-up context.</summary>
    public static Reply Ask(this AnswerEngine engine, string text, string chat) => engine.Answer(Message(text, chat, followsUp: true));

    private static IncomingMessage Message(string text, string chat, bool followsUp) =>
        new(CommandCatalogue.Parse(text, CommandCatalogue.In(CommandPlaces.Everywhere)), "console", "student", chat, followsUp);
}
