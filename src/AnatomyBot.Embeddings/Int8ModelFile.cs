using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Embeddings;

/// <summary>
/// The int8 model (<see cref="Int8Rewrite"/>) kept on disk beside the fact-vector cache, so only the first start pays
/// for the rewrite. The file name carries a SHA-256 of the library's model bytes and <see cref="Int8Rewrite.Version"/>,
/// so a new library release or a changed rewrite gets a new file; a sidecar (<c>.sha256</c>) holds the SHA-256 of the
/// model file and is written last, each through a temporary file and a rename. A missing sidecar, a mismatch (a
/// truncated or damaged file) or an unreadable file means the model is rewritten again; a folder that cannot be written
/// is logged once and the rewrite then only lives in memory. Nothing here stops the bot.
/// </summary>
internal sealed class Int8ModelFile(string? folder, ILogger logger)
{
    private const string Prefix = "minilm-int8-";

    /// <summary>How the int8 model was had, for the log and the benchmarks.</summary>
    internal enum Outcome
    {
        /// <summary>A valid file from an earlier start.</summary>
        FromFile,

        /// <summary>Rewritten now and written to disk.</summary>
        Rewritten,

        /// <summary>Rewritten now; no folder, or it could not be written.</summary>
        RewrittenInMemory,
    }

    /// <summary>The model to hand ONNX Runtime: a file path, or bytes when there is no valid file.</summary>
    internal readonly record struct Source(string? Path, byte[]? Bytes, Outcome? Outcome);

    /// <summary>Where the int8 model of the source model with this SHA-256 lives (null without a folder).</summary>
    public string? PathFor(byte[] sourceHash) =>
        folder is null ? null : System.IO.Path.Combine(folder, $"{Prefix}v{Int8Rewrite.Version}-{Convert.ToHexString(sourceHash)[..32]}.onnx");

    /// <param name="readSource">The float model; opened only when a rewrite is needed.</param>
    /// <param name="hashSource">The float model's SHA-256; asked for only with a folder.</param>
    public Source Get(Func<Stream> readSource, Func<byte[]> hashSource)
    {
        var path = folder is null ? null : PathFor(hashSource());
        if (path is not null && IsValid(path))
        {
            return new Source(path, null, Outcome.FromFile);
        }

        byte[] model;
        using (var source = readSource())
        {
            (model, _) = Int8Rewrite.Rewrite(source);
        }

        // Written: ONNX Runtime loads the file, and the rewrite's buffers (source, parsed graph, output) can all go.
        return path is not null && TryWrite(path, model)
            ? new Source(path, null, Outcome.Rewritten)
            : new Source(null, model, Outcome.RewrittenInMemory);
    }

    private bool IsValid(string path)
    {
        var sidecar = path + ".sha256";
        if (!File.Exists(path) && !File.Exists(sidecar))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var actual = Convert.ToHexString(SHA256.HashData(stream));
            var expected = File.ReadAllText(sidecar).Trim();
            if (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            logger.Int8ModelBroken(path, "its SHA-256 does not match " + System.IO.Path.GetFileName(sidecar));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.Int8ModelBroken(path, ex.Message);
        }

        return false;
    }

    private bool TryWrite(string path, byte[] model)
    {
        var folderPath = System.IO.Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folderPath);
            // Files of another library version or rewrite are dead weight (about 60 MB each).
            foreach (var stale in Directory.EnumerateFiles(folderPath, Prefix + "*"))
            {
                if (!stale.StartsWith(path, StringComparison.Ordinal))
                {
                    File.Delete(stale);
                }
            }

            Replace(path, model);
            Replace(path + ".sha256", System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(SHA256.HashData(model))));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.Int8ModelNotWritable(path, ex.Message);
            return false;
        }
    }

    /// <summary>Write beside the target, then rename over it: a reader sees the old file or the whole new one.</summary>
    private static void Replace(string path, byte[] contents)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // No fsync: a file cut short by a crash fails its checksum at the next start and is rewritten.
                stream.Write(contents);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
