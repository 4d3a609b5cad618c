using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Testing;

/// <summary>
/// The crafted engine both adapters' tests use: it records every message in <see cref="Asked"/> and answers with
/// <see cref="Respond"/> (by default <see cref="DefaultReply"/>); it also completes muscle names with <see cref="Completer"/>.
/// </summary>
public sealed class FakeEngine : IAnswerEngine, IMuscleNameCompleter
{
    /// <summary>A quiz question whose correct option is "About half" (index 1), cited to "consumer".</summary>
    public static readonly QuizQuestion SampleQuiz = new(
        "psoas-minor-presence", "Roughly how many people have a psoas minor?",
        ["Everyone", "About half", "Nobody"], 1, "It is absent in roughly 40-50% of people.", ["consumer"]);

    /// <summary>Every message the engine was asked, in order.</summary>
    public ConcurrentQueue<IncomingMessage> Asked { get; } = new();

    public Func<IncomingMessage, Reply> Respond { get; set; } = DefaultReply;

    public Func<string, int, ImmutableArray<NameSuggestion>> Completer { get; set; } =
        (partial, limit) => [.. new[] { "psoas major", "psoas minor", "iliacus", "iliopsoas" }.Where(n => n.Contains(partial, StringComparison.OrdinalIgnoreCase)).Take(limit).Select(n => new NameSuggestion(n, n))];

    public Reply Answer(IncomingMessage message)
    {
        Asked.Enqueue(message);
        return Respond(message);
    }

    public ImmutableArray<NameSuggestion> Complete(string typed, int limit) => Completer(typed, limit);

    /// <summary>A muscle card for a muscle card request, the same card carrying <see cref="SampleQuiz"/> for a quiz request, else "You asked: ...".</summary>
    public static Reply DefaultReply(IncomingMessage message) => message.Request switch
    {
        MuscleCardRequest => MuscleCard(),
        QuizRequest => MuscleCard(quiz: true),
        _ => TextReply("You asked: " + message.Text),
    };

    /// <summary>A reply of one untitled section, cited to "mom".</summary>
    public static Reply TextReply(string body, string title = "Answer", string? disclaimer = null, string? urgent = null, Intent intent = Intent.Topic) =>
        new Reply
        {
            Intent = intent,
            Confidence = 1.0,
            Title = title,
            Sections = [new ReplySection(null, body)],
            Sources = [new Source("mom", "Muscle of the Month: Iliopsoas", "blog")],
            Disclaimer = disclaimer,
            UrgentNotice = urgent,
        };

    /// <summary>The psoas minor's card (five titled sections, one a disagreement); with <paramref name="quiz"/> a quiz reply carrying <see cref="SampleQuiz"/>.</summary>
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
