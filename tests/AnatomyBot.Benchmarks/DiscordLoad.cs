using System.Collections.Concurrent;
using System.Diagnostics;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord;
using AnatomyBot.Storage;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/AnatomyBot.Benchmarks -- --discord-load</c>: interactions per second and
/// latency through the Discord adapter (real engine, shipped knowledge) over the in-process loopback fake Discord
/// (real WebSocket gateway and HTTP REST). Callback latency = from the INTERACTION_CREATE frame being sent on the
/// gateway until the interaction callback reached the fake; for /ask also until the deferred answer was edited in.
/// Memory includes the fake server (same process).
/// </summary>
internal static class DiscordLoad
{
    private sealed class Knowledge(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current { get; } = snapshot;
    }

    private sealed class NoReload : IKnowledgeReloader
    {
        public Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken) => throw new NotSupportedException("no reloads in the load run");
    }

    public static async Task<int> RunAsync()
    {
        var load = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        var knowledge = new Knowledge(load.Snapshot ?? throw new InvalidOperationException("knowledge did not load"));
        var engine = new AnswerEngine(knowledge);
        var callbacks = new ConcurrentDictionary<string, long>();
        var edits = new ConcurrentDictionary<string, long>();
        using var answered = new SemaphoreSlim(0);
        FakeResponse? Record(RecordedCall call)
        {
            var now = Stopwatch.GetTimestamp();
            var parts = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts is ["interactions", var id, _, "callback"])
            {
                callbacks.TryAdd(id, now);
                if (!id.StartsWith('a'))
                {
                    answered.Release();
                }
            }
            else if (parts is ["webhooks", _, var token, "messages", "@original"])
            {
                edits.TryAdd(token["itok-".Length..], now);
                answered.Release();
            }

            return null;
        }

        GC.Collect();
        var before = Memory();
        await using var discord = await FakeDiscord.StartAsync();
        discord.Responder = Record;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IKnowledgeProvider>(knowledge);
        builder.Services.AddSingleton<IAnswerEngine>(engine);
        builder.Services.AddSingleton<IMuscleNameCompleter>(engine);
        builder.Services.AddSingleton<IKnowledgeReloader, NoReload>();
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "load-test-token",
            ["Discord:ApiBaseUrl"] = discord.ApiBase,
            ["Discord:GatewayUrl"] = discord.GatewayUrl,
            // Quiz state lives in the store; this load sends no quiz, so the file stays empty.
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "anatomybot-load-" + Guid.NewGuid().ToString("N"), "bot.db"),
        }).Build();
        builder.Services.AddAnatomyBotStorage(settings);
        builder.Services.AddDiscordAdapter(settings);
        using var host = builder.Build();
        await host.StartAsync();
        var gateway = await discord.AcceptSessionAsync(heartbeatMs: 1_000_000_000);
        await discord.WaitForCallAsync(c => c.Method == "PUT");
        var seq = 10;
        string[] muscles = ["psoas major", "psoas minor", "iliacus", "iliopsoas", "illiacus"];
        string[] questions = ["what nerve supplies the iliacus", "where does the psoas major insert", "my hip hurts when I run", "what does the iliopsoas do"];

        object Interaction(string id, int i) => id.StartsWith('a')
            ? FakeInteractions.Command(id, "ask", [FakeInteractions.StringOption("question", questions[i % questions.Length])])
            : FakeInteractions.Command(id, "muscle", [FakeInteractions.StringOption("name", muscles[i % muscles.Length])]);

        async Task<List<(double Callback, double? Answer)>> SequentialAsync(string prefix, int count)
        {
            var results = new List<(double, double?)>(count);
            for (var i = 0; i < count; i++)
            {
                var id = (i % 4 == 0 ? "a" : "m") + prefix + i;
                var start = Stopwatch.GetTimestamp();
                await gateway.SendDispatchAsync("INTERACTION_CREATE", ++seq, Interaction(id, i));
                if (!await answered.WaitAsync(TimeSpan.FromSeconds(30)))
                {
                    throw new TimeoutException("no answer for " + id);
                }

                var callback = Stopwatch.GetElapsedTime(start, callbacks[id]).TotalMilliseconds;
                double? answer = edits.TryGetValue(id, out var e) ? Stopwatch.GetElapsedTime(start, e).TotalMilliseconds : null;
                results.Add((callback, answer));
            }

            return results;
        }

        // Warm-up, then latency one interaction at a time.
        await SequentialAsync("warm", 300);
        GC.Collect();
        var rest = Memory();
        var sequential = await SequentialAsync("seq", 2000);
        var callbackLatency = sequential.Select(r => r.Callback).Order().ToList();
        var askLatency = sequential.Where(r => r.Answer is not null).Select(r => r.Answer!.Value).Order().ToList();

        // Throughput: a burst sent as fast as the gateway takes it.
        const int burst = 5000;
        var peak = 0L;
        var stopwatch = Stopwatch.StartNew();
        var sender = Task.Run(async () =>
        {
            for (var i = 0; i < burst; i++)
            {
                await gateway.SendDispatchAsync("INTERACTION_CREATE", ++seq, Interaction((i % 4 == 0 ? "a" : "m") + "burst" + i, i));
            }
        });
        peak = Math.Max(peak, await LoadStats.AwaitAnswersAsync(answered, burst, TimeSpan.FromSeconds(60)));

        stopwatch.Stop();
        await sender;
        var gcCount = GC.CollectionCount(0);
        Console.WriteLine($"Discord adapter through the loopback fake (real engine, shipped knowledge; 3 of 4 /muscle, 1 of 4 /ask), {Environment.ProcessorCount} cores");
        Console.WriteLine($"  throughput: {burst / stopwatch.Elapsed.TotalSeconds:F0} interactions/s ({burst} answered in {stopwatch.Elapsed.TotalSeconds:F2} s)");
        Console.WriteLine($"  callback latency (2000 sequential): p50 {LoadStats.Percentile(callbackLatency, 0.50):F2} ms, p99 {LoadStats.Percentile(callbackLatency, 0.99):F2} ms, max {callbackLatency[^1]:F2} ms");
        Console.WriteLine($"  /ask answer edited in ({askLatency.Count} sequential): p50 {LoadStats.Percentile(askLatency, 0.50):F2} ms, p99 {LoadStats.Percentile(askLatency, 0.99):F2} ms");
        Console.WriteLine($"  memory: before start {before}; at rest {rest}; peak working set under load {peak / 1048576.0:F0} MB; gen0 GCs {gcCount}");
        await host.StopAsync();
        return 0;
    }


    private static string Memory() =>
        $"working set {Environment.WorkingSet / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB";
}
