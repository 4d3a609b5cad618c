using System.Collections.Immutable;

namespace AnatomyBot.Core.Conversation;

/// <summary>An autocomplete choice: what the user sees and the value sent back.</summary>
public sealed record NameSuggestion(string Label, string Value);

/// <summary>Port: muscle-name autocomplete ranked by the engine's fuzzy matcher.</summary>
public interface IMuscleNameCompleter
{
    /// <summary>Up to <paramref name="limit"/> muscle names for what the user has typed so far.</summary>
    ImmutableArray<NameSuggestion> Complete(string typed, int limit);
}
