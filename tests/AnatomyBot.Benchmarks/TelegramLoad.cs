using System.Diagnostics;
using AnatomyBot.Core.Routing;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Testing;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/AnatomyBot.Benchmarks -- --telegram-load</c>: questions per second and
/// latency through the Telegram adapter (real engine, shipped knowledge, SQLite store) against the in-process
/// loopback fake Bot API. Latency = from the update being available to getUpdates until the answer's sendMessage
/// reached the fake. Memory includes the fake server (same process).
/// </summary>
internal static class TelegramLoad
{
    public static async Task<int> RunAsync()
    {
        var load = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        var knowledge = new FixedKnowledge(load.Snapshot ?? throw new InvalidOperationException("knowledge did not load"));
        await using var world = await TestWorld.CreateAsync();
        using var delivered = new SemaphoreSlim(0);
        world.Server.MessageDelivered += _ => delivered.Release();
        GC.Collect();
        var before = Memory();
        await using var adapter = await world.StartAdapterAsync(
            engine: new AnswerEngine(knowledge),
            knowledge: knowledge,
            settings: new Dictionary<string, string?> { ["Telegram:PerChatIntervalMilliseconds"] = "0", ["Telegram:RegisterCommands"] = "false" });
        string[] texts = ["what nerve supplies the iliacus", "where does the psoas major insert", "/muscle psoas minor", "my hip hurts when I run", "what does the iliopsoas do"];

        // Warm-up, then latency one question at a time.
        await SequentialAsync(world, delivered, texts, 200, 900_000);
        GC.Collect();
        var rest = Memory();
        var latencies = await SequentialAsync(world, delivered, texts, 1000, 910_000);
        latencies.Sort();

        // Throughput: a burst from distinct chats.
        const int burst = 3000;
        var peak = 0L;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < burst; i++)
        {
            world.Server.Enqueue(Tg.Private(texts[i % texts.Length], userId: 1_000_000 + i));
        }

        peak = Math.Max(peak, await LoadStats.AwaitAnswersAsync(delivered, burst, TimeSpan.FromSeconds(30)));

        stopwatch.Stop();
        Console.WriteLine($"Telegram adapter through the loopback fake (real engine, shipped knowledge), {Environment.ProcessorCount} cores");
        Console.WriteLine($"  throughput: {burst / stopwatch.Elapsed.TotalSeconds:F0} questions/s ({burst} questions in {stopwatch.Elapsed.TotalSeconds:F2} s)");
        Console.WriteLine($"  latency (1000 sequential): p50 {LoadStats.Percentile(latencies, 0.50):F2} ms, p99 {LoadStats.Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");
        Console.WriteLine($"  memory: before start {before}; at rest {rest}; peak working set under load {peak / 1048576.0:F0} MB");
        return 0;
    }

    private static async Task<List<double>> SequentialAsync(TestWorld world, SemaphoreSlim delivered, string[] texts, int count, long firstChat)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            world.Server.Enqueue(Tg.Private(texts[i % texts.Length], userId: firstChat + i));
            if (!await delivered.WaitAsync(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException("no answer");
            }

            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }


    private static string Memory() =>
        $"working set {Environment.WorkingSet / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB";
}
