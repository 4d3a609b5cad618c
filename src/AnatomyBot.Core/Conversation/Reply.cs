using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Conversation;

public enum Intent
{
    /// <summary>A whole muscle card.</summary>
    Muscle,
    /// <summary>One attribute of one muscle, e.g. the innervation of the iliacus.</summary>
    MuscleAttribute,
    Topic,
    Quiz,
    Help,
    Sources,
    Greeting,
    Thanks,
    Reload,
    /// <summary>Not confident enough: suggestions instead of a guess.</summary>
    DidYouMean,
    /// <summary>A muscle the knowledge base does not cover (e.g. /muscle biceps).</summary>
    UnknownMuscle,
    OffTopic,
    Empty,
    /// <summary>A red flag: the urgent notice and nothing that dilutes it.</summary>
    Urgent,
    /// <summary>In the domain, but the sources do not cover it: says so, with the nearest facts they do cover.</summary>
    NotCovered,
}

/// <summary>A titled block of an answer.</summary>
public sealed record ReplySection(string? Heading, string Body);

/// <summary>
/// The engine's answer, rendered by each adapter for its platform. <see cref="Disclaimer"/> is set only
/// when the question or the answer touches pain or injury; <see cref="UrgentNotice"/> only for red flags.
/// Build one with <see cref="Text"/> (one untitled paragraph) or an object initializer: every property but
/// <see cref="Intent"/> and <see cref="Title"/> has a default (confidence 1, nothing cited, no suggestions).
/// </summary>
public sealed record Reply
{
    public required Intent Intent { get; init; }

    /// <summary>Id of the muscle or topic answered, if any.</summary>
    public string? Entity { get; init; }

    public MuscleAttribute? Attribute { get; init; }

    /// <summary>How sure the router is, 0 to 1.</summary>
    public double Confidence { get; init; } = 1;

    public required string Title { get; init; }

    public ImmutableArray<ReplySection> Sections { get; init; } = [];

    public ImmutableArray<Source> Sources { get; init; } = [];

    public string? Disclaimer { get; init; }

    public string? UrgentNotice { get; init; }

    /// <summary>Did-you-mean choices; each can be sent back as the question.</summary>
    public ImmutableArray<string> Suggestions { get; init; } = [];

    public QuizQuestion? Quiz { get; init; }

    /// <summary>
    /// For a quiz request that names a muscle ("quiz me on the iliacus"): the ids of the bank's questions about it, which
    /// the chat's quiz draws from. Empty: any question.
    /// </summary>
    public ImmutableArray<string> QuizScope { get; init; } = [];

    /// <summary>Ids of the facts the answer shows (e.g. <c>psoas-minor.insertion.2</c>, <c>strengthening.3</c>).</summary>
    public ImmutableArray<string> Facts { get; init; } = [];

    /// <summary>
    /// Ids of facts that answered the question but did not fit the reply's length budget: "tell me more" shows them
    /// first. Engine-internal (not part of <c>ask --json</c>).
    /// </summary>
    internal ImmutableArray<string> LeftOut { get; init; } = [];

    /// <summary>A reply of one untitled paragraph: help prompts, refusals, confirmations.</summary>
    public static Reply Text(Intent intent, string title, string body) =>
        new() { Intent = intent, Title = title, Sections = [new ReplySection(null, body)] };
}
