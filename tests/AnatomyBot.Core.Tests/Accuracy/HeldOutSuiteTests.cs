using AnatomyBot.Core.Text;
using AnatomyBot.Testing;
using Xunit.Abstractions;

namespace AnatomyBot.Core.Tests.Accuracy;

public sealed class HeldOutSuiteTests(ShippedKnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<ShippedKnowledgeFixture>
{
    private const double Gate = 0.95;

    /// <summary>
    /// The last measured pass rate (359/377 = 95.2 % on 2026-11-30, late evening), rounded down: a change that loses
    /// ground fails here. It has reached issue 8's <see cref="Gate"/>; raise it whenever the engine improves.
    /// </summary>
    private const double Floor = 0.95;

    private static readonly Lazy<HeldOutSuite> Suite = new(() => HeldOutSuite.Load(Path.Combine(AppContext.BaseDirectory, "Accuracy", "heldout.json")));

    [Fact]
    public void Held_out_suite_is_well_formed_and_shares_no_phrasing_with_the_old_suite()
    {
        var items = Suite.Value.Items;
        Assert.True(items.Length >= 300, $"only {items.Length} items");
        var dialogues = items.Where(i => i.Turns.Length > 1).ToArray();
        Assert.True(dialogues.Length >= 20, $"only {dialogues.Length} dialogues");
        Assert.All(dialogues, d => Assert.Equal("follow-up", d.Style));
        Assert.All(items.Where(i => i.Style == "follow-up"), d => Assert.InRange(d.Turns.Length, 2, 4));
        Assert.Equal(items.Length, items.Select(i => i.Id).Distinct().Count());

        var minimum = new Dictionary<string, int>
        {
            ["exam"] = 20, ["lazy"] = 20, ["typo"] = 20, ["non-native"] = 20, ["number"] = 20, ["yes-no"] = 20,
            ["unanswerable"] = 20, ["reverse-lookup"] = 15, ["belief"] = 10, ["pain"] = 25, ["red-flag"] = 20,
            ["off-topic"] = 10, ["follow-up"] = 20,
        };
        Assert.Equal(HeldOutSuite.Styles.Order(), minimum.Keys.Order());
        foreach (var item in items)
        {
            Assert.Contains(item.Style, HeldOutSuite.Styles);
        }

        foreach (var (style, least) in minimum)
        {
            Assert.True(items.Count(i => i.Style == style) >= least, $"fewer than {least} {style} items");
        }

        Assert.True(items.Count(i => i.Style == "typo" && i.Turns[0].Kind == "suggestions") >= 3);
        foreach (var (item, turn) in items.SelectMany(i => i.Turns.Select(t => (i, t))))
        {
            var where = $"{item.Id} \"{turn.Text}\"";
            Assert.False(string.IsNullOrWhiteSpace(turn.Text), where);
            Assert.True(turn.HasExpectation, where + ": no expectation");
            Assert.True(turn.Kind is null || HeldOutSuite.Kinds.Contains(turn.Kind), where + ": unknown kind " + turn.Kind);
            var terms = (turn.ContainsAll ?? []).Concat(turn.ContainsAny ?? []).Concat(turn.NotContains ?? []).ToArray();
            Assert.All(terms, t => Assert.True(t.Split('|').All(a => a.Trim().Length > 0), where + ": empty term"));
            if (turn.Kind is "answer" or "suggestions")
            {
                // Every answer names the facts it must carry, not just "some answer".
                Assert.True(turn.ContainsAll is { Length: > 0 } || turn.ContainsAny is { Length: > 0 }, where + ": no facts expected");
            }

            if (turn.YesNo is not null)
            {
                Assert.All(turn.YesNo.Split('|'), v => Assert.Contains(v, new[] { "yes", "no", "differ" }));
            }

            if (turn.Urgent == true)
            {
                Assert.True(turn.Disclaimer == true, where + ": a red flag also carries the disclaimer");
            }
        }

        Assert.All(items.Where(i => i.Style == "red-flag"), i => Assert.True(i.Turns[0].Urgent == true, i.Id));
        Assert.All(items.Where(i => i.Style == "pain"), i => Assert.True(i.Turns[0].Disclaimer == true, i.Id));
        Assert.All(items.Where(i => i.Style == "unanswerable"), i => Assert.Equal("notCovered", i.Turns[0].Kind));
        Assert.All(items.Where(i => i.Style == "off-topic"), i => Assert.Equal("offTopic", i.Turns[0].Kind));

        // Held out means new: no phrasing may repeat one of the existing suite's, nor another in this suite.
        var old = fixture.Phrasings.Select(p => HeldOutSuite.PhrasingKey(p.Text)).ToHashSet();
        var texts = items.SelectMany(i => i.Turns).Select(t => HeldOutSuite.PhrasingKey(t.Text)).ToArray();
        var copied = texts.Where(old.Contains).ToArray();
        Assert.True(copied.Length == 0, "copied from phrasings.json: " + string.Join(" | ", copied));
        var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(repeated.Length == 0, "repeated within heldout.json: " + string.Join(" | ", repeated));
    }

    [Fact]
    public void Every_fact_the_suite_expects_is_in_the_shipped_knowledge()
    {
        // Guards the suite against typos in its own expectations and tells a knowledge editor when a reworded
        // fact drops a key term the students' questions rely on. Engine-made words (yes, disagree) are not checked.
        var knowledge = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*.yaml", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
        var missing = new List<string>();
        foreach (var (item, turn) in Suite.Value.Items.SelectMany(i => i.Turns.Select(t => (i, t))))
        {
            if (turn.Kind is not ("answer" or null))
            {
                continue;
            }

            foreach (var group in turn.ContainsAll ?? [])
            {
                if (!HeldOutJudge.ContainsAlternative(knowledge, group))
                {
                    missing.Add($"{item.Id}: \"{group}\"");
                }
            }

            if (turn.ContainsAny is { Length: > 0 } any && !any.Any(a => HeldOutJudge.ContainsAlternative(knowledge, a)))
            {
                missing.Add($"{item.Id}: any of [{string.Join(", ", any)}]");
            }
        }

        Assert.True(missing.Count == 0, "expected terms not in knowledge/: " + string.Join("; ", missing));
    }

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Held_out_pass_rate_does_not_fall_below_the_recorded_floor()
    {
        var overall = EvaluateAndReport();
        Assert.True(overall >= Floor, $"held-out accuracy {overall:P1} fell below the recorded floor {Floor:P0}");
    }

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Engine_passes_at_least_95_percent_of_the_held_out_suite()
    {
        var overall = EvaluateAndReport();
        Assert.True(overall >= Gate, $"held-out accuracy {overall:P1} below {Gate:P0}");
    }

    /// <summary>Runs every item, prints the table by style, the safety figures and every miss, writes the per-item results.</summary>
    private double EvaluateAndReport()
    {
        var run = HeldOutRun.Evaluate(Suite.Value, fixture.Ask);
        var path = Path.Combine(AppContext.BaseDirectory, "Accuracy", "heldout-results.json");
        run.WriteResults(path);
        output.WriteLine(run.Summary(Gate) + "  per-item results: " + path + Environment.NewLine);
        foreach (var miss in run.Misses())
        {
            output.WriteLine("  " + miss);
        }

        return run.Overall;
    }
}
