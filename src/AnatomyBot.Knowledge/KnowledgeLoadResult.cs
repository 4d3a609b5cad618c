using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Outcome of loading a knowledge folder: a snapshot when (and only when) there are no errors,
/// otherwise every problem found, each located by file, line and field.
/// </summary>
public sealed record KnowledgeLoadResult(KnowledgeSnapshot? Snapshot, ImmutableArray<KnowledgeError> Errors)
{
    public bool Succeeded => Snapshot is not null;
}
