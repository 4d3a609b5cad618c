using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// <c>--dump-replies FILE</c>: every reply field (intent, entity, attribute, confidence, title, sections, sources,
/// disclaimer, urgent notice, suggestions, fact ids) for the questions of both accuracy suites, each alone, each with
/// two typo variants, and the held-out dialogues turn by turn with follow-up memory. A speed change must leave this
/// file byte for byte the same: diff it before and after.
/// </summary>
internal static class ReplyDump
{
    public static int Run(string output)
    {
        var snapshot = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot ?? throw new InvalidOperationException("knowledge does not load");
        var engine = new AnswerEngine(new Fixed(snapshot), new Random(7), new ConversationMemory(TimeProvider.System), null);
        var accuracy = Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy");
        using var heldOut = JsonDocument.Parse(File.ReadAllText(Path.Combine(accuracy, "heldout.json")));
        using var phrasings = JsonDocument.Parse(File.ReadAllText(Path.Combine(accuracy, "phrasings.json")));
        var dialogues = heldOut.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("turns").EnumerateArray().Select(t => t.GetProperty("text").GetString()!).ToArray()).ToArray();
        var singles = dialogues.SelectMany(d => d)
            .Concat(phrasings.RootElement.EnumerateArray().Select(p => p.GetProperty("text").GetString()!))
            .Concat(SemanticBenchmarks.Settled).Concat(SemanticBenchmarks.Unsettled)
            .ToArray();

        using var writer = new StreamWriter(output);
        var parse = CommandCatalogue.In(CommandPlaces.Everywhere);
        void Write(string label, string text, Reply reply) =>
            writer.WriteLine(label + "\t" + text + "\t" + JsonSerializer.Serialize(reply));

        foreach (var text in singles)
        {
            foreach (var variant in new[] { text, Swap(text), Drop(text) }.Distinct())
            {
                Write("single", variant, engine.Answer(new IncomingMessage(CommandCatalogue.Parse(variant, parse), "console", "s", "s", FollowsUp: false)));
            }
        }

        for (var d = 0; d < dialogues.Length; d++)
        {
            foreach (var text in dialogues[d])
            {
                Write("dialogue-" + d, text, engine.Answer(new IncomingMessage(CommandCatalogue.Parse(text, parse), "console", "d", "dialogue-" + d)));
            }
        }

        Console.WriteLine($"{singles.Length} questions (with typo variants) and {dialogues.Length} dialogues written to {output}");
        return 0;
    }

    /// <summary>The longest word with two inner letters swapped ("insertion" -> "inesrtion").</summary>
    private static string Swap(string text)
    {
        var words = text.Split(' ');
        var i = Array.IndexOf(words, words.MaxBy(w => w.Length));
        var w = words[i];
        if (w.Length >= 4)
        {
            words[i] = string.Concat(w.AsSpan(0, 2), w.AsSpan(3, 1), w.AsSpan(2, 1), w.AsSpan(4));
        }

        return string.Join(' ', words);
    }

    /// <summary>The longest word with its middle letter dropped.</summary>
    private static string Drop(string text)
    {
        var words = text.Split(' ');
        var i = Array.IndexOf(words, words.MaxBy(w => w.Length));
        var w = words[i];
        if (w.Length >= 5)
        {
            words[i] = w.Remove(w.Length / 2, 1);
        }

        return string.Join(' ', words);
    }

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}
