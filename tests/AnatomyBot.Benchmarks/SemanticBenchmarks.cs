using System.Diagnostics;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Embeddings;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// Issue 8's costs: route latency for lexically settled questions and for questions that consult MiniLM, model
/// load, embedding every fact cold and with the on-disk cache warm, and a reload (new snapshot) with the cache.
/// </summary>
[MemoryDiagnoser]
public class SemanticBenchmarks
{
    /// <summary>Named muscle and attribute, or a clear topic: the cascade answers these without the model.</summary>
    internal static readonly string[] Settled =
    [
        "where does the psoas major insert", "what nerve supplies the iliacus", "psoas minor origin",
        "iliacus blood supply", "what is the psoas paradox", "how many sets and reps to strengthen the iliopsoas",
    ];

    /// <summary>Loose phrasings the lexical ranking does not settle: these pay for one question embedding.</summary>
    internal static readonly string[] Unsettled =
    [
        "why does my thigh feel odd when I lie flat", "is it bad to sit at a desk all day for this muscle",
        "what helps a weak hip flexor get going again", "does breathing have anything to do with it",
    ];

    private KnowledgeSnapshot _snapshot = null!;
    private MiniLmEmbedder _embedder = null!;
    private AnswerEngine _engine = null!;
    private IncomingMessage[] _settled = [];
    private IncomingMessage[] _unsettled = [];
    private string _cacheFolder = null!;
    private string[] _factTexts = [];

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot ?? throw new InvalidOperationException("knowledge does not load");
        _cacheFolder = Path.Combine(Path.GetTempPath(), "anatomybot-bench-" + Guid.NewGuid().ToString("N"));
        _embedder = new MiniLmEmbedder(Path.Combine(_cacheFolder, "warm.bin"), NullLogger<MiniLmEmbedder>.Instance);
        _engine = new AnswerEngine(new Fixed(_snapshot), new Random(1), null, _embedder);
        if (!_engine.SemanticReadyAsync(CancellationToken.None).GetAwaiter().GetResult())
        {
            throw new InvalidOperationException("the sentence model did not load");
        }

        _settled = [.. Settled.Select(q => new IncomingMessage(q, "console", "b", "b", FollowsUp: false))];
        _unsettled = [.. Unsettled.Select(q => new IncomingMessage(q, "console", "b", "b", FollowsUp: false))];
        _factTexts = [.. Core.Routing.KnowledgeIndex.Build(_snapshot).Facts.Passages.Select(p => p.EmbeddingText)];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _embedder.Dispose();
        Directory.Delete(_cacheFolder, recursive: true);
    }

    [Benchmark(Description = "route: lexically settled (per question)", OperationsPerInvoke = 6)]
    public int RouteSettled() => _settled.Sum(m => (int)_engine.Answer(m).Intent);

    [Benchmark(Description = "route: consults the model (per question)", OperationsPerInvoke = 4)]
    public int RouteSemantic() => _unsettled.Sum(m => (int)_engine.Answer(m).Intent);

    [Benchmark(Description = "model load (new encoder)")]
    public bool ModelLoad()
    {
        using var embedder = new MiniLmEmbedder(null, NullLogger<MiniLmEmbedder>.Instance);
        return embedder.Ready.GetAwaiter().GetResult();
    }

    [Benchmark(Description = "embed all facts, cold (no cache)")]
    public int EmbedAllCold() => _embedder.EncodeUncached(_factTexts);

    [Benchmark(Description = "embed all facts, cache warm")]
    public int EmbedAllWarm() => _embedder.Embed(_factTexts, CancellationToken.None).Count;

    [Benchmark(Description = "reload: new snapshot, index + vectors from cache")]
    public bool ReloadWithCache()
    {
        var reloaded = _snapshot with { Version = Guid.NewGuid().ToString("N") };
        var engine = new AnswerEngine(new Fixed(reloaded), new Random(1), null, _embedder);
        return engine.SemanticReadyAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}

/// <summary>
/// <c>--route-latency</c>: p50 and p99 of single-question latency (Stopwatch, after warm-up) over a realistic mix
/// (the held-out suite's questions), with the model on and off, and the process RSS in each case.
/// BenchmarkDotNet reports means; the goals in issue 8 are percentiles.
/// </summary>
internal static class RouteLatency
{
    public static async Task<int> RunAsync(bool semantic)
    {
        var snapshot = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot ?? throw new InvalidOperationException("knowledge does not load");
        var started = Stopwatch.StartNew();
        using var embedder = semantic ? new MiniLmEmbedder(Path.Combine(Path.GetTempPath(), "anatomybot-latency", "embeddings.bin"), NullLogger<MiniLmEmbedder>.Instance) : null;
        var engine = new AnswerEngine(new Fixed(snapshot), new Random(1), new ConversationMemory(TimeProvider.System), embedder);
        engine.Answer(new IncomingMessage("psoas", "console", "b", "b"));
        var lexicalReady = started.Elapsed;
        var semanticReady = await engine.SemanticReadyAsync(CancellationToken.None);
        var allReady = started.Elapsed;

        var heldOut = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "heldout.json")));
        var questions = heldOut.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("text").GetString()!)).ToArray();
        foreach (var q in questions)
        {
            engine.Answer(new IncomingMessage(q, "console", "w", "w", FollowsUp: false));
        }

        var before = engine.ModelConsultations;
        var times = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            foreach (var q in questions)
            {
                var watch = Stopwatch.StartNew();
                engine.Answer(new IncomingMessage(q, "console", "m", "m", FollowsUp: false));
                times.Add(watch.Elapsed.TotalMicroseconds);
            }
        }

        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"semantic={(semantic ? "on" : "off")} model ready={semanticReady} lexical ready after {lexicalReady.TotalMilliseconds:F0} ms, semantic after {allReady.TotalMilliseconds:F0} ms");
        Console.WriteLine($"{times.Count} answers over {questions.Length} questions: p50 {P(0.50):F0} us, p90 {P(0.90):F0} us, p99 {P(0.99):F0} us, max {times[^1]:F0} us");
        Console.WriteLine($"model consulted on {(engine.ModelConsultations - before) / 5} of {questions.Length} questions; peak RSS {process.PeakWorkingSet64 / 1024 / 1024} MB, RSS now {process.WorkingSet64 / 1024 / 1024} MB");
        return 0;
    }

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}
