using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Thrown by the <see cref="KnowledgeStore"/> constructor when the initial load fails: without knowledge there is
/// nothing to serve, so the host prints <see cref="Errors"/> and exits non-zero. Reloads never throw this;
/// they return <see cref="ReloadResult.Failure"/> and keep the previous snapshot.
/// </summary>
public sealed class KnowledgeLoadException : Exception
{
    public KnowledgeLoadException(string folder, ImmutableArray<KnowledgeError> errors)
        : base(BuildMessage(folder, errors))
    {
        Folder = folder;
        Errors = errors;
    }

    /// <summary>The resolved knowledge folder that failed to load.</summary>
    public string Folder { get; }

    /// <summary>Every problem found, in file and line order.</summary>
    public ImmutableArray<KnowledgeError> Errors { get; }

    private static string BuildMessage(string folder, ImmutableArray<KnowledgeError> errors)
    {
        var lines = errors.Take(10).Select(e => "  " + e);
        var more = errors.Length > 10 ? $"\n  ...and {errors.Length - 10} more" : string.Empty;
        return $"The knowledge folder '{folder}' has {errors.Length} problem(s):\n{string.Join('\n', lines)}{more}";
    }
}
