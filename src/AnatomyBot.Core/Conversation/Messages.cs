using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Conversation;

public enum Platform
{
    Console,
    Telegram,
    Discord,
}

/// <summary>
/// A platform-neutral question as an adapter hands it to the engine. With <paramref name="FollowsUp"/> false the
/// engine neither reads nor writes the chat's follow-up context (each <c>ask</c> line is a new conversation).
/// </summary>
public sealed record IncomingMessage(string Text, Platform Platform, string UserId, string ChatId, bool FollowsUp = true);

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
/// </summary>
public sealed record Reply(
    Intent Intent,
    string? Entity,
    MuscleAttribute? Attribute,
    double Confidence,
    string Title,
    ImmutableArray<ReplySection> Sections,
    ImmutableArray<Source> Sources,
    string? Disclaimer,
    string? UrgentNotice,
    ImmutableArray<string> Suggestions,
    QuizQuestion? Quiz)
{
    /// <summary>Ids of the facts the answer shows (e.g. <c>psoas-minor.insertion.2</c>, <c>strengthening.3</c>).</summary>
    public ImmutableArray<string> Facts { get; init; } = [];
}

/// <summary>Port: the single entry point of the engine. Pure: no I/O, no clock.</summary>
public interface IAnswerEngine
{
    Reply Answer(IncomingMessage message);
}

/// <summary>An autocomplete choice: what the user sees and the value sent back.</summary>
public sealed record NameSuggestion(string Label, string Value);

/// <summary>Port: muscle-name autocomplete ranked by the engine's fuzzy matcher.</summary>
public interface IMuscleNameCompleter
{
    ImmutableArray<NameSuggestion> Complete(string partial, int limit);
}
