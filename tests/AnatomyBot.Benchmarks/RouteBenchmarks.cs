using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using TextNormalizer = AnatomyBot.Core.Text.TextNormalizer;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using BenchmarkDotNet.Attributes;
using FuzzySharp;

namespace AnatomyBot.Benchmarks;

/// <summary>
/// Route latency of the engine over the shipped knowledge and over synthetic bases with 10x, 100x and 1000x the
/// aliases, against the naive approach: FuzzySharp Process.ExtractOne over every alias.
/// Each operation answers the same six questions (exact, typo, attribute, topic, off-topic).
/// </summary>
[MemoryDiagnoser]
public class RouteBenchmarks
{
    private static readonly string[] Questions =
    [
        "what nerve supplies the iliacus",
        "psoas mnior",
        "where does the psoas major insert",
        "illiacus origin",
        "what is the psoas paradox",
        "what is the capital of france",
    ];

    private AnswerEngine _engine = null!;
    private string[] _aliases = [];
    private IncomingMessage[] _messages = [];

    [Params(1, 10, 100, 1000)]
    public int AliasMultiplier { get; set; }

    public int AliasCount => _aliases.Length;

    [GlobalSetup]
    public void Setup()
    {
        var shipped = KnowledgeLoader.Load(RepositoryPaths.Knowledge).Snapshot
            ?? throw new InvalidOperationException("the shipped knowledge does not load");
        var snapshot = SyntheticKnowledge.Grow(shipped, AliasMultiplier, seed: 42);
        _engine = new AnswerEngine(new FixedProvider(snapshot));
        _aliases = [.. snapshot.Muscles.SelectMany(m => m.Aliases.Prepend(m.Name)).Select(a => TextNormalizer.Normalize(a)).Distinct()];
        _messages = [.. Questions.Select(q => new IncomingMessage(q, "console", "bench", "bench"))];
        _engine.Answer(_messages[0]); // builds the per-snapshot index outside the measurement
        Console.WriteLine($"// {AliasMultiplier}x: {_aliases.Length} aliases, {snapshot.Muscles.Length} muscles");
    }

    [Benchmark(Description = "AnswerEngine (index)", OperationsPerInvoke = 6)]
    public int Engine()
    {
        var sum = 0;
        foreach (var message in _messages)
        {
            sum += (int)_engine.Answer(message).Intent;
        }

        return sum;
    }

    [Benchmark(Baseline = true, Description = "Process.ExtractOne over every alias", OperationsPerInvoke = 6)]
    public int ExtractOneBaseline()
    {
        var sum = 0;
        foreach (var question in Questions)
        {
            sum += Process.ExtractOne(question, _aliases).Score;
        }

        return sum;
    }

    private sealed class FixedProvider(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }
}

/// <summary>Adds made-up muscles with plausible Latin-style names until the alias count is multiplied.</summary>
public static class SyntheticKnowledge
{
    private static readonly string[] Heads =
    [
        "sterno", "cleido", "thyro", "hyo", "genio", "mylo", "stylo", "ptery", "gastro", "soleo", "tibio", "fibulo",
        "pecto", "lumbo", "sacro", "ischio", "pubo", "coraco", "brachio", "radio", "ulno", "carpo", "digito", "costo",
        "scapulo", "occipito", "fronto", "temporo", "masseto", "buccino", "palato", "glosso", "crico", "aryteno",
    ];

    private static readonly string[] Roots =
    [
        "mastoid", "glossus", "hyoid", "goid", "cnemius", "tibialis", "dorsalis", "spinalis", "femoris", "pubicus",
        "coccygeus", "brachialis", "radialis", "ulnaris", "costalis", "scapularis", "lateralis", "medialis", "ileus",
    ];

    private static readonly string[] Tails = ["major", "minor", "longus", "brevis", "profundus", "superficialis", "anterior", "posterior", "magnus", "tertius"];

    public static KnowledgeSnapshot Grow(KnowledgeSnapshot shipped, int multiplier, int seed)
    {
        if (multiplier <= 1)
        {
            return shipped;
        }

        var random = new Random(seed);
        var shippedAliases = shipped.Muscles.Sum(m => m.Aliases.Length + 1);
        var target = shippedAliases * multiplier;
        var muscles = new List<Muscle>(shipped.Muscles);
        var used = new HashSet<string>(shipped.Muscles.SelectMany(m => m.Aliases.Prepend(m.Name)).Select(a => TextNormalizer.Normalize(a)));
        var total = shippedAliases;
        var n = 0;
        while (total < target)
        {
            var name = $"{Heads[random.Next(Heads.Length)]}{Roots[random.Next(Roots.Length)]} {Tails[random.Next(Tails.Length)]}";
            if (!used.Add(TextNormalizer.Normalize(name)))
            {
                name += " " + (++n);
                used.Add(TextNormalizer.Normalize(name));
            }

            var aliases = new List<string> { name };
            for (var k = 0; k < 4; k++)
            {
                var typo = Typo(name, random);
                if (used.Add(TextNormalizer.Normalize(typo)))
                {
                    aliases.Add(typo);
                }
            }

            var fact = new Fact("A synthetic fact.", ["mom"]);
            muscles.Add(new Muscle(
                $"synthetic-{muscles.Count}", char.ToUpperInvariant(name[0]) + name[1..], false, [.. aliases], "A synthetic muscle.", ["mom"],
                ImmutableDictionary<MuscleAttribute, ImmutableArray<Fact>>.Empty.Add(MuscleAttribute.Origin, [fact]),
                [], []));
            total += aliases.Count + 1;
        }

        return shipped with { Muscles = [.. muscles] };
    }

    private static string Typo(string name, Random random)
    {
        var chars = name.ToCharArray();
        var i = random.Next(1, chars.Length - 1);
        switch (random.Next(3))
        {
            case 0:
                (chars[i], chars[i - 1]) = (chars[i - 1], chars[i]);
                return new string(chars);
            case 1:
                return name.Remove(i, 1);
            default:
                return name.Insert(i, name[i].ToString());
        }
    }
}
