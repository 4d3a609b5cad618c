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
