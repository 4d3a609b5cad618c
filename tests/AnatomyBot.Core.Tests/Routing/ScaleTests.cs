using Stopwatch = System.Diagnostics.Stopwatch;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Text;
using FuzzySharp;
using Xunit.Abstractions;

namespace AnatomyBot.Core.Tests.Routing;

public sealed class ScaleTests(ITestOutputHelper output)
{
    private static readonly string[] Syllables =
        ["ster", "no", "clei", "do", "thy", "ro", "hyo", "ge", "nio", "my", "lo", "sty", "pte", "ry", "gas", "tro", "so", "le", "ti", "bi", "fi", "bu", "pec", "tus", "lum", "sa", "cra", "is", "chi", "pu", "ca", "ra", "dia", "lis", "ma", "gnus"];

    private static readonly string[] Tails = ["major", "minor", "longus", "brevis", "profundus", "anterior", "posterior", "lateralis"];

    /// <summary>The shipped-sized test base plus made-up muscles: 20,000 aliases in all.</summary>
    private static KnowledgeSnapshot Big(int aliases)
    {
        var random = new Random(5);
        var muscles = new List<Muscle>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        while (count < aliases)
        {
            var root = string.Concat(Enumerable.Range(0, random.Next(3, 6)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var name = $"{root} {Tails[random.Next(Tails.Length)]}";
            if (!used.Add(name) || name.Contains("psoas", StringComparison.Ordinal) || name.Contains("iliac", StringComparison.Ordinal))
            {
                continue;
            }

            var typo = name.Remove(random.Next(1, root.Length), 1);
            string[] names = used.Add(typo) ? [name, typo] : [name];
            muscles.Add(TestKnowledge.Muscle($"m{muscles.Count}", name, names,
                new() { [MuscleAttribute.Origin] = [TestKnowledge.F("Somewhere.", "mom")] }));
            count += names.Length + 1;
        }

        return TestKnowledge.Snapshot(extraMuscles: muscles);
    }

    [Fact]
    public void Typo_next_to_an_exact_shorter_name_routes_to_the_longer_name()
    {
        var snapshot = TestKnowledge.Snapshot();
        var engine = new AnswerEngine(new TestProvider(snapshot));
        Assert.Equal("psoas-minor", engine.Answer(new IncomingMessage(TypedLine.Parse("psoas mnior"), "console", "u", "c")).Entity);
    }

    [Fact]
    public void Routing_stays_correct_and_fast_with_20000_aliases()
    {
        var snapshot = Big(20_000);
        var engine = new AnswerEngine(new TestProvider(snapshot));
        string[] questions = ["what nerve supplies the iliacus", "psoas mnior", "where does the psoas major insert", "illiacus origin", "what is the psoas paradox", "what is the capital of france"];
        string?[] expected = ["iliacus", "psoas-minor", "psoas-major", "iliacus", "psoas-paradox", null];
        var messages = questions.Select(q => new IncomingMessage(TypedLine.Parse(q), "console", "u", "c")).ToArray();

        for (var i = 0; i < messages.Length; i++)
        {
            Assert.Equal(expected[i], engine.Answer(messages[i]).Entity);
        }

        // A synthetic muscle is found by its exact name and by a typo.
        var some = snapshot.Muscles[^1];
        Assert.Equal(some.Id, engine.Answer(new IncomingMessage(TypedLine.Parse($"origin of {some.Name}"), "console", "u", "c")).Entity);

        var watch = Stopwatch.StartNew();
        const int rounds = 20;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var message in messages)
            {
                engine.Answer(message);
            }
        }

        var engineMs = watch.Elapsed.TotalMilliseconds / (rounds * messages.Length);
        var aliases = snapshot.Muscles.SelectMany(m => m.Aliases.Prepend(m.Name)).Select(a => TextNormalizer.Normalize(a)).Distinct().ToArray();
        watch.Restart();
        Process.ExtractOne(questions[1], aliases);
        var baselineMs = watch.Elapsed.TotalMilliseconds;
        output.WriteLine($"{aliases.Length} aliases: engine {engineMs:F3} ms/question, ExtractOne {baselineMs:F1} ms/question");

        // Informational only: speed is measured and reported by RouteBenchmarks, never asserted with a timer.
    }
}
