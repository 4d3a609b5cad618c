using System.Collections.Immutable;

namespace AnatomyBot.Core.Knowledge;

/// <summary>Port: hands out the current knowledge snapshot. Reads are lock-free and never see a half-loaded base.</summary>
public interface IKnowledgeProvider
{
    KnowledgeSnapshot Current { get; }
}

/// <summary>Port: reloads the knowledge folder. A failed reload keeps the previous snapshot serving.</summary>
public interface IKnowledgeReloader
{
    Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken);
}

/// <summary>One validation problem, located by file, line (1-based, 0 when unknown) and field.</summary>
public sealed record KnowledgeError(string File, int Line, string Field, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}: {Field}: {Message}" : $"{File}: {Field}: {Message}";
}

/// <summary>Counts and the ids added, changed or removed by a successful reload.</summary>
public sealed record ReloadReport(
    int Muscles,
    int Topics,
    int QuizQuestions,
    int Sources,
    ImmutableArray<string> Added,
    ImmutableArray<string> Changed,
    ImmutableArray<string> Removed,
    string Version);

/// <summary>Outcome of a reload: a report when it succeeded, every error when it did not.</summary>
public sealed record ReloadResult(bool Succeeded, ReloadReport? Report, ImmutableArray<KnowledgeError> Errors)
{
    public static ReloadResult Success(ReloadReport report) => new(true, report, ImmutableArray<KnowledgeError>.Empty);

    public static ReloadResult Failure(ImmutableArray<KnowledgeError> errors) => new(false, null, errors);
}
