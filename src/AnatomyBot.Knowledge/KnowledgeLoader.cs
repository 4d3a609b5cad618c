using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge.Loading;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Turns a knowledge folder into one validated, immutable <see cref="KnowledgeSnapshot"/>. Every problem is reported
/// at once (file relative to the folder, line, field); a snapshot is returned only when there are none.
/// Never throws for anything a file may contain; only cancellation escapes.
/// </summary>
public static class KnowledgeLoader
{
    public static KnowledgeLoadResult Load(string folder) => Load(folder, TimeProvider.System);

    /// <param name="folder">The knowledge folder (absolute, or relative to the current directory).</param>
    /// <param name="timeProvider">Stamps <see cref="KnowledgeSnapshot.LoadedAt"/>.</param>
    /// <param name="cancellationToken">Checked between files.</param>
    public static KnowledgeLoadResult Load(string folder, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var errors = new ProblemList();
        string root;
        try
        {
            root = Path.GetFullPath(folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return Failed(new KnowledgeError(string.Empty, 0, "(folder)", $"'{folder}' is not a valid folder path: {e.Message}"));
        }

        if (!Directory.Exists(root))
        {
            return Failed(new KnowledgeError(string.Empty, 0, "(folder)", $"knowledge folder not found: {root}"));
        }

        var (files, version) = KnowledgeFiles.Read(root, errors, cancellationToken);
        var snapshot = new KnowledgeValidator(errors).Validate(files, version, timeProvider.GetUtcNow(), cancellationToken);

        // Stable order: by file, then line; errors found in the same place keep discovery order.
        var ordered = errors.ToOrderedArray();
        return new KnowledgeLoadResult(ordered.IsEmpty ? snapshot : null, ordered);
    }

    private static KnowledgeLoadResult Failed(KnowledgeError error) => new(null, [error]);
}
