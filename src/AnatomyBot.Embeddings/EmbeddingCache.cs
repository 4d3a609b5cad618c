using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Embeddings;

/// <summary>
/// Fact vectors on disk, keyed by a SHA-256 of the model id and the text: a restart or a reload re-embeds only
/// facts whose text changed. One append-only file of records (key, length, floats). A missing, unreadable or
/// truncated file only costs re-embedding; a write failure is logged once and the cache stays in memory.
/// </summary>
internal sealed class EmbeddingCache
{
    private const int KeyBytes = 32;
    private const int MaxDimensions = 4096;

    private readonly string? _path;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private bool _writeFailed;

    public EmbeddingCache(string? path, ILogger logger)
    {
        _path = string.IsNullOrWhiteSpace(path) ? null : path;
        _logger = logger;
        Load();
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _vectors.Count;
            }
        }
    }

    public static string Key(string modelId, string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(modelId + "\n" + text)));

    public bool TryGet(string key, out float[] vector)
    {
        lock (_gate)
        {
            return _vectors.TryGetValue(key, out vector!);
        }
    }

    public void AddRange(IReadOnlyList<(string Key, float[] Vector)> entries)
    {
        lock (_gate)
        {
            var fresh = entries.Where(e => _vectors.TryAdd(e.Key, e.Vector)).ToList();
            if (_path is null || fresh.Count == 0 || _writeFailed)
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
                using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
                using var writer = new BinaryWriter(stream);
                foreach (var (key, vector) in fresh)
                {
                    writer.Write(Convert.FromHexString(key));
                    writer.Write(vector.Length);
                    foreach (var value in vector)
                    {
                        writer.Write(value);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _writeFailed = true;
                _logger.CacheNotWritable(_path, ex.Message);
            }
        }
    }

    private void Load()
    {
        if (_path is null || !File.Exists(_path))
        {
            return;
        }

        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new BinaryReader(stream);
            while (stream.Length - stream.Position >= KeyBytes + sizeof(int))
            {
                var key = Convert.ToHexString(reader.ReadBytes(KeyBytes));
                var length = reader.ReadInt32();
                if (length is <= 0 or > MaxDimensions || stream.Length - stream.Position < length * sizeof(float))
                {
                    break;
                }

                var vector = new float[length];
                for (var i = 0; i < length; i++)
                {
                    vector[i] = reader.ReadSingle();
                }

                _vectors[key] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.CacheNotReadable(_path, ex.Message);
        }
    }
}
