using System.Diagnostics;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// <c>--unseen-latency [rounds]</c>: CPU per answer for questions the process has not asked before. The engine remembers
/// per-word results per snapshot (fuzzy cues, corrections, alignments), which <c>--route-latency</c> flatters: it asks the
/// same questions every round. Here, after the same warm-up (the held-out questions, 10 rounds, a pause), each round asks
/// once each of a fresh set of typo variants of those questions (two inner letters of a word swapped, or one letter
/// dropped, a different word and letter each round), so every variant is new to the process; its typo words are new
/// unless another question made the same typo. A round of the original questions is timed alongside for comparison.
/// </summary>
internal static class UnseenLatency
{
    private const int WarmUpRounds = 10;

    public static async Task<int> RunAsync(int rounds)
    {
        var snapshot = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot ?? throw new InvalidOperationException("knowledge does not load");
        var engine = new AnswerEngine(new Fixed(snapshot), new Random(1), new ConversationMemory(TimeProvider.System), new RouteLatency.NoAnswerEmbedder());
        using var heldOut = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "heldout.json")));
        var questions = heldOut.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("text").GetString()!)).ToArray();
        for (var round = 0; round < WarmUpRounds; round++)
        {
            foreach (var question in questions)
            {
                engine.Answer(new IncomingMessage(question, "console", "w", "w", FollowsUp: false));
            }
        }

        await Task.Delay(TimeSpan.FromSeconds(1));
        var asked = new HashSet<string>(questions, StringComparer.Ordinal);
        var random = new Random(17);
        List<double> seen = [], unseen = [];
        var unseenBytes = 0L;
        var unseenAsked = 0;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var question in questions)
            {
                Time(engine, question, seen);
            }

            foreach (var question in questions)
            {
                var variant = Variant(question, random);
                if (!asked.Add(variant))
                {
                    continue;
                }

                var bytes = GC.GetAllocatedBytesForCurrentThread();
                Time(engine, variant, unseen);
                unseenBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                unseenAsked++;
            }
        }

        Console.WriteLine($"after {WarmUpRounds} warm-up rounds over {questions.Length} questions, {rounds} rounds:");
        Console.WriteLine($"  cpu seen settled:   {Percentiles(seen)}");
        Console.WriteLine($"  cpu unseen settled: {Percentiles(unseen)}");
        Console.WriteLine($"  allocated {unseenBytes / 1024.0 / Math.Max(1, unseenAsked):F1} KB per unseen question ({unseenAsked} asked)");
        return 0;
    }

    /// <summary>Answers one question; keeps its CPU time when the lexical path settled it.</summary>
    private static void Time(AnswerEngine engine, string question, List<double> settled)
    {
        var consulted = engine.ModelConsultations;
        var before = ThreadCpu.Microseconds();
        engine.Answer(new IncomingMessage(question, "console", "m", "m", FollowsUp: false));
        var cpu = ThreadCpu.Microseconds() - before;
        if (engine.ModelConsultations == consulted)
        {
            settled.Add(cpu);
        }
    }

    /// <summary>A word of four letters or more with two inner letters swapped or one dropped; the question itself when it has none.</summary>
    private static string Variant(string question, Random random)
    {
        var words = question.Split(' ');
        var long4 = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4 && words[i].All(char.IsLetter)).ToArray();
        if (long4.Length == 0)
        {
            return question;
        }

        var at = long4[random.Next(long4.Length)];
        var w = words[at];
        var i = random.Next(1, w.Length - 2);
        words[at] = random.Next(2) == 0
            ? string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1, 1), w.AsSpan(i, 1), w.AsSpan(i + 2))
            : w.Remove(i, 1);
        return string.Join(' ', words);
    }

    private static string Percentiles(List<double> times)
    {
        if (times.Count == 0)
        {
            return "none";
        }

        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)(p * times.Count))];
        return $"p50 {P(0.50),6:F0} us, p90 {P(0.90),6:F0} us, p99 {P(0.99),6:F0} us ({times.Count} answers)";
    }

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}
