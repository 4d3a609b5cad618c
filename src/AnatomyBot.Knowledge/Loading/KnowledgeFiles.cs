using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>What a YAML file in the knowledge folder holds, decided by where it sits.</summary>
internal enum KnowledgeFileKind
{
    Sources,
    Safety,
    Synonyms,
    Muscle,
    Topic,
    Quiz,
    Unexpected,
}

/// <summary>One YAML file read from disk: its relative path, kind and text (null when it could not be read).</summary>
internal sealed record KnowledgeFile(string RelativePath, KnowledgeFileKind Kind, string Stem, string? Text);

/// <summary>
/// Finds and reads the knowledge files with hard limits, so a folder full of garbage produces errors instead of
/// exceptions or unbounded memory use, and hashes the raw bytes into the snapshot version.
/// </summary>
internal static class KnowledgeFiles
{
    public const int MaxFileBytes = 1024 * 1024;
    public const int MaxFiles = 2000;

    public static (List<KnowledgeFile> Files, string Version) Read(string root, ProblemList errors, CancellationToken cancellationToken)
    {
        var files = new List<KnowledgeFile>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        List<string> paths;
        try
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                MaxRecursionDepth = 4,
                IgnoreInaccessible = true,
                ReturnSpecialDirectories = false,
            };
            paths = Directory.EnumerateFiles(root, "*", options)
                .Select(full => (Full: full, Relative: Path.GetRelativePath(root, full).Replace('\\', '/')))
                .Where(p => IsYaml(p.Relative) && !IsHidden(p.Relative))
                .Select(p => p.Relative)
                .Order(StringComparer.Ordinal)
                .Take(MaxFiles + 1)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            errors.Add(new KnowledgeError(string.Empty, 0, "(folder)", $"the knowledge folder could not be listed: {e.Message}"));
            return (files, EmptyVersion());
        }

        if (paths.Count > MaxFiles)
        {
            errors.Add(new KnowledgeError(string.Empty, 0, "(folder)", $"more than {MaxFiles} YAML files; only the first {MaxFiles} were checked"));
            paths.RemoveAt(paths.Count - 1);
        }

        // Links are fine while they stay inside the folder; the canonical root is what "inside" is measured against.
        var realRoot = FileSystemChecks.RealPath(root) ?? root;
        foreach (var relative in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (kind, stem) = Classify(relative);
            var text = ReadText(Path.Combine(root, relative), realRoot, relative, hash, errors);
            files.Add(new KnowledgeFile(relative, kind, stem, text));
        }

        return (files, Convert.ToHexStringLower(hash.GetHashAndReset())[..12]);
    }

    private static string EmptyVersion() => Convert.ToHexStringLower(SHA256.HashData([]))[..12];

    private static bool IsYaml(string relative) =>
        relative.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || relative.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    // Editors and tools keep dot-files (.#iliacus.yaml, .git/...) next to real ones; they are never knowledge.
    private static bool IsHidden(string relative) => relative.Split('/').Any(segment => segment.StartsWith('.'));

    private static (KnowledgeFileKind Kind, string Stem) Classify(string relative)
    {
        var segments = relative.Split('/');
        var stem = Path.GetFileNameWithoutExtension(segments[^1]);
        if (segments.Length == 1)
        {
            return stem switch
            {
                "sources" => (KnowledgeFileKind.Sources, stem),
                "safety" => (KnowledgeFileKind.Safety, stem),
                "synonyms" => (KnowledgeFileKind.Synonyms, stem),
                _ => (KnowledgeFileKind.Unexpected, stem),
            };
        }

        if (segments.Length == 2)
        {
            return segments[0] switch
            {
                "muscles" => (KnowledgeFileKind.Muscle, stem),
                "topics" => (KnowledgeFileKind.Topic, stem),
                "quiz" => (KnowledgeFileKind.Quiz, stem),
                _ => (KnowledgeFileKind.Unexpected, stem),
            };
        }

        return (KnowledgeFileKind.Unexpected, stem);
    }

    private static string? ReadText(string fullPath, string realRoot, string relative, IncrementalHash hash, ProblemList errors)
    {
        var realPath = FileSystemChecks.RealPath(fullPath);
        if (realPath is null)
        {
            errors.Add(new KnowledgeError(relative, 0, "(file)", "the file could not be opened (a broken link, or it was removed while loading)"));
            return null;
        }

        if (!FileSystemChecks.IsInside(realPath, realRoot))
        {
            // Never followed: a link out of the folder could make the bot read (and quote) any file it can see.
            errors.Add(new KnowledgeError(relative, 0, "(file)", "the file is a link to a place outside the knowledge folder; put the file itself in the folder"));
            return null;
        }

        if (FileSystemChecks.IsRegularFile(realPath) == false)
        {
            errors.Add(new KnowledgeError(relative, 0, "(file)", "not a regular file (a pipe, device, socket or folder); only plain YAML files are read"));
            return null;
        }

        byte[]? bytes;
        try
        {
            bytes = ReadCapped(realPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            errors.Add(new KnowledgeError(relative, 0, "(file)", $"the file could not be read: {e.Message}"));
            return null;
        }

        if (bytes is null)
        {
            // Only the limit is hashed, so a file that stays too big keeps the same version.
            HashEntry(hash, relative, BitConverter.GetBytes(MaxFileBytes + 1L));
            errors.Add(new KnowledgeError(relative, 0, "(file)", $"the file is larger than 1 MiB; the limit is {MaxFileBytes} bytes"));
            return null;
        }

        HashEntry(hash, relative, bytes);
        return Decode(bytes, relative, errors);
    }

    /// <summary>
    /// Reads at most <see cref="MaxFileBytes"/> bytes and returns null when there are more: the bytes actually read are
    /// capped, not the size the file system reports (a link to /dev/zero reports 0 and never ends).
    /// </summary>
    private static byte[]? ReadCapped(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(stream.CanSeek ? stream.Length + 1 : 64 * 1024, MaxFileBytes + 1L)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > MaxFileBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxFileBytes + 1L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return total > MaxFileBytes ? null : buffer[..total];
            }

            total += read;
        }
    }

    private static void HashEntry(IncrementalHash hash, string relative, ReadOnlySpan<byte> content)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(relative));
        hash.AppendData(BitConverter.GetBytes((long)content.Length));
        hash.AppendData(content);
    }

    private static string? Decode(byte[] bytes, string relative, ProblemList errors)
    {
        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var chars = new char[content.Length];
        var status = Utf8.ToUtf16(content, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var line = 1 + content[..bytesRead].Count((byte)'\n');
            errors.Add(new KnowledgeError(relative, line, "(file)", "the file is not valid UTF-8 text (save it as UTF-8)"));
            return null;
        }

        return new string(chars, 0, charsWritten);
    }
}
