using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Tests.Fakes;

/// <summary>A crafted engine: records every message and answers with <see cref="Answerer"/>.</summary>
public sealed class FakeEngine : IAnswerEngine, IMuscleNameCompleter
{
    public ConcurrentQueue<IncomingMessage> Messages { get; } = new();

    public Func<IncomingMessage, Reply> Answerer { get; set; } = m => MuscleCard(m.Request is QuizRequest);

    public Func<string, int, ImmutableArray<NameSuggestion>> Completer { get; set; } =
        (partial, limit) => [.. new[] { "psoas major", "psoas minor", "iliacus", "iliopsoas" }.Where(n => n.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(limit).Select(n => new NameSuggestion(n, n))];

    public Reply Answer(IncomingMessage message)
    {
        Messages.Enqueue(message);
        return Answerer(message);
    }

    public ImmutableArray<NameSuggestion> Complete(string typed, int limit) => Completer(typed, limit);

    public static readonly QuizQuestion SampleQuiz = new(
        "psoas-minor-presence", "Roughly how many people have a psoas minor?",
        ["Everyone", "About half", "Nobody"], 1, "It is absent in roughly 40-50% of people.", ["consumer"]);

    public static Reply MuscleCard(bool quiz = false) => new Reply
    {
        Intent = quiz ? Intent.Quiz : Intent.Muscle,
        Entity = "psoas-minor",
        Confidence = 1.0,
        Title = "Psoas minor",
        Sections = [
            new ReplySection(null, "A small muscle in front of the psoas major, absent in many people."),
            new ReplySection("Origin", "T12 and L1 vertebral bodies."),
            new ReplySection("Insertion", "Iliopectineal eminence."),
            new ReplySection("Action", "Weak flexion of the lumbar spine."),
            new ReplySection("Innervation", "L1 anterior ramus."),
            new ReplySection("Where sources disagree", "Insertion: [mom] pectineal line; [consumer] iliopubic eminence."),
        ],
        Sources = [new Source("mom", "Muscle of the Month: Iliopsoas", "blog"), new Source("consumer", "Iliopsoas anatomy", "article")],
        Quiz = quiz ? SampleQuiz : null,
    };
}

