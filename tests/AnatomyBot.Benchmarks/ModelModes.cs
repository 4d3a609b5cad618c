using System.Diagnostics;
using System.Globalization;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Embeddings;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Accuracy;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// The sentence model on its own. <c>--encode-threads [ROUNDS]</c>: one question at a time, the int8 and float models
/// each with 1 and 2 ONNX intra-op threads, interleaved question by question (so a busy machine weighs on all four
/// alike), wall and whole-process CPU per question. <c>--model-load FOLDER [int8|float]</c>: one start of the model as
/// the host does it, with its files in FOLDER (empty: the cold start; again: warm), timed and with the process RSS.
/// </summary>
internal static class ModelModes
{
    public static int EncodeThreads(int rounds)
    {
        var questions = HeldOutSuite.Load(HeldOutSuite.RepositoryPath).Items.SelectMany(i => i.Turns.Select(t => t.Text)).Distinct().ToArray();
        var int8File = new Int8ModelFile(null, NullLogger.Instance);
        (string Name, MiniLmSession Session)[] sessions =
        [
            ("int8, 1 thread ", new MiniLmSession(1, ModelPrecision.Int8, int8File)),
            ("int8, 2 threads", new MiniLmSession(2, ModelPrecision.Int8, int8File)),
            ("float, 1 thread ", new MiniLmSession(1, ModelPrecision.Float, int8File)),
            ("float, 2 threads", new MiniLmSession(2, ModelPrecision.Float, int8File)),
        ];
        try
        {
            foreach (var (_, session) in sessions)
            {
                foreach (var question in questions.Take(50))
                {
                    session.Encode([question], CancellationToken.None);
                }
            }

            var wall = sessions.Select(_ => new List<double>()).ToArray();
            var cpu = sessions.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var q = 0; q < questions.Length; q++)
                {
                    // Rotate who goes first, so none always runs right after another's pool has warmed the caches.
                    for (var k = 0; k < sessions.Length; k++)
                    {
                        var s = (k + q + round) % sessions.Length;
                        var cpuBefore = ThreadCpu.ProcessMicroseconds();
                        var watch = Stopwatch.StartNew();
                        sessions[s].Session.Encode([questions[q]], CancellationToken.None);
                        wall[s].Add(watch.Elapsed.TotalMicroseconds);
                        cpu[s].Add(ThreadCpu.ProcessMicroseconds() - cpuBefore);
                    }
                }
            }

            Console.WriteLine($"{questions.Length} distinct held-out questions x {rounds} rounds, one question per run, {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            for (var s = 0; s < sessions.Length; s++)
            {
                Console.WriteLine($"  {sessions[s].Name}: wall {Percentiles(wall[s])}; process CPU {Percentiles(cpu[s])}");
            }
        }
        finally
        {
            foreach (var (_, session) in sessions)
            {
                session.Dispose();
            }
        }

        return 0;
    }

    public static async Task<int> LoadAsync(string folder, ModelPrecision precision)
    {
        var snapshot = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot ?? throw new InvalidOperationException("knowledge does not load");
        var hadFiles = Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any();
        var started = Stopwatch.StartNew();
        using var embedder = new MiniLmEmbedder(Path.Combine(folder, "embeddings.bin"), NullLogger<MiniLmEmbedder>.Instance, precision: precision);
        var engine = new AnswerEngine(new Fixed(snapshot), new Random(1), new ConversationMemory(TimeProvider.System), embedder);
        engine.Answer(new IncomingMessage("psoas", "console", "b", "b"));
        var lexicalReady = started.Elapsed;
        var modelReady = await embedder.Ready;
        var modelAfter = started.Elapsed;
        var semanticReady = await engine.SemanticReadyAsync(CancellationToken.None);
        var allReady = started.Elapsed;
        engine.Answer(new IncomingMessage("why does my thigh feel odd when I lie flat", "console", "b", "b", FollowsUp: false));
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var times = embedder.LoadTimes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{precision}, folder {(hadFiles ? "warm" : "empty")}: lexical ready {lexicalReady.TotalMilliseconds:F0} ms; model ready={modelReady} after {modelAfter.TotalMilliseconds:F0} ms " +
            $"(prepare {times?.Prepare.TotalMilliseconds:F0} ms: {times?.Source?.ToString() ?? "as shipped"}; ONNX session {times?.Session.TotalMilliseconds:F0} ms); " +
            $"facts embedded, semantic ready={semanticReady} after {allReady.TotalMilliseconds:F0} ms ({embedder.Encoded} texts run); " +
            $"peak RSS {process.PeakWorkingSet64 / 1024 / 1024} MB, RSS now {process.WorkingSet64 / 1024 / 1024} MB; load average {LoadAverage()}"));
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Percentiles(List<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] / 1000.0;
        return string.Create(CultureInfo.InvariantCulture, $"p50 {P(0.50):F2} ms, p90 {P(0.90):F2} ms, p99 {P(0.99):F2} ms");
    }

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}
