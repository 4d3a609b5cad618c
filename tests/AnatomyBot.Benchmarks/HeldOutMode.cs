using System.Diagnostics;
using System.Globalization;
using AnatomyBot.Embeddings;
using AnatomyBot.Testing.Accuracy;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// <c>--heldout lexical|semantic [RESULTS.json]</c>: the held-out suite judged exactly as <c>HeldOutSuiteTests</c> judges it,
/// over an engine wired as the host wires it (shipped knowledge, follow-up memory, and for <c>semantic</c> the MiniLM
/// embedder with every fact's vector ready before the first question, as <c>ask</c> waits for it). Prints the table by
/// style, the safety figures, every miss, how many questions consulted the model and the wall time.
/// </summary>
internal static class HeldOutMode
{
    private const double Gate = 0.95;

    public static async Task<int> RunAsync(string mode, string? resultsPath)
    {
        if (mode is not ("lexical" or "semantic" or "semantic-float"))
        {
            await Console.Error.WriteLineAsync("usage: --heldout lexical|semantic|semantic-float [RESULTS.json]");
            return 2;
        }

        var started = Stopwatch.StartNew();
        var snapshot = ShippedEngine.LoadKnowledge();
        // In memory only: a run measures the model, never vectors cached by an earlier build.
        // semantic: the default int8 model; semantic-float: Answering:ModelPrecision=Float.
        using var embedder = mode == "lexical" ? null
            : new MiniLmEmbedder(null, NullLogger<MiniLmEmbedder>.Instance, precision: mode == "semantic" ? ModelPrecision.Int8 : ModelPrecision.Float);
        var engine = ShippedEngine.Create(snapshot, embedder);
        if (embedder is not null && !await engine.SemanticReadyAsync(CancellationToken.None))
        {
            await Console.Error.WriteLineAsync("the sentence model did not load");
            return 1;
        }

        var ready = started.Elapsed;
        var run = HeldOutRun.Evaluate(HeldOutSuite.Load(HeldOutSuite.RepositoryPath),
            (text, chat) => engine.Ask(text, chat));
        var total = started.Elapsed;

        Console.WriteLine($"Mode: {mode}");
        Console.Write(run.Summary(Gate));
        var turns = run.Results.Sum(r => r.Turns.Length);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  model consulted on {engine.ModelConsultations}/{turns} turns; ready in {ready.TotalSeconds:F1} s, whole run {total.TotalSeconds:F1} s"));
        if (resultsPath is not null)
        {
            run.WriteResults(resultsPath);
            Console.WriteLine("  per-item results: " + Path.GetFullPath(resultsPath));
        }

        foreach (var miss in run.Misses())
        {
            Console.WriteLine("  " + miss);
        }

        return 0;
    }
}
