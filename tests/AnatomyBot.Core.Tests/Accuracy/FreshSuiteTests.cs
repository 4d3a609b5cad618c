using AnatomyBot.Core.Text;
using AnatomyBot.Testing;
using Xunit.Abstractions;

namespace AnatomyBot.Core.Tests.Accuracy;

/// <summary>
/// The tester's fresh trial (fresh.json): 131 students written from the five source documents before the bot was run
/// and before heldout.json, phrasings.json or knowledge/ were read, judged by the held-out judge (<see cref="HeldOutJudge"/>).
/// The engine was never tuned against it; the floor is what main honestly passed when the suite landed.
/// </summary>
public sealed class FreshSuiteTests(ShippedKnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<ShippedKnowledgeFixture>
{
    /// <summary>Issue 8's target, printed for comparison; the test asserts <see cref="Floor"/>.</summary>
    private const double Target = 0.95;

    /// <summary>
    /// Landed at 102/131 = 77.9 % (95f6075); 105/131 = 80.2 % on 2026-12-01 at b710a78 after the session's fixes, rounded down; 107/131 = 81.7 % at 30a5de7 (docs/testing.md). A change
    /// that loses ground fails; raise it when the engine improves on this suite, never lower it to pass.
    /// </summary>
    private const double Floor = 0.80;

    /// <summary>Where the suite lives; read from the repository, so the project file needs no copy rule.</summary>
    public static string SuitePath => Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "fresh.json");

    private static readonly Lazy<HeldOutSuite> Suite = new(() => HeldOutSuite.Load(SuitePath));

    [Fact]
    public void Fresh_suite_is_well_formed_and_repeats_no_phrasing_of_the_other_suites()
    {
        var items = Suite.Value.Items;
        Assert.True(items.Length >= 120, $"only {items.Length} items");
        Assert.Equal(items.Length, items.Select(i => i.Id).Distinct().Count());
        Assert.All(items, i => Assert.Contains(i.Style, HeldOutSuite.Styles));
        Assert.All(HeldOutSuite.Styles, s => Assert.True(items.Count(i => i.Style == s) >= 5, $"fewer than 5 {s} items"));
        Assert.True(items.Count(i => i.Turns.Length > 1) >= 10, "fewer than 10 dialogues");
        foreach (var (item, turn) in items.SelectMany(i => i.Turns.Select(t => (i, t))))
        {
            var where = $"{item.Id} \"{turn.Text}\"";
            Assert.True(turn.HasExpectation, where + ": no expectation");
            Assert.True(turn.Kind is null || HeldOutSuite.Kinds.Contains(turn.Kind), where + ": unknown kind " + turn.Kind);
            Assert.True(turn.Urgent != true || turn.Disclaimer == true, where + ": a red flag also carries the disclaimer");
        }

        Assert.All(items.Where(i => i.Style == "red-flag"), i => Assert.True(i.Turns[0].Urgent == true, i.Id));
        Assert.All(items.Where(i => i.Style == "pain"), i => Assert.True(i.Turns[0].Disclaimer == true, i.Id));

        // Fresh means new: no phrasing repeats one of phrasings.json, heldout.json or another in this file.
        var heldOut = HeldOutSuite.Load(HeldOutSuite.RepositoryPath).Items.SelectMany(i => i.Turns).Select(t => t.Text);
        var old = fixture.Phrasings.Select(p => p.Text).Concat(heldOut).Select(t => TextNormalizer.Normalize(t)).ToHashSet();
        var texts = items.SelectMany(i => i.Turns).Select(t => TextNormalizer.Normalize(t.Text)).ToArray();
        var copied = texts.Where(old.Contains).ToArray();
        Assert.True(copied.Length == 0, "copied from another suite: " + string.Join(" | ", copied));
        var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(repeated.Length == 0, "repeated within fresh.json: " + string.Join(" | ", repeated));
    }

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Fresh_trial_pass_rate_does_not_fall_below_the_recorded_floor()
    {
        var run = HeldOutRun.Evaluate(Suite.Value, fixture.Ask);
        var path = Path.Combine(AppContext.BaseDirectory, "Accuracy", "fresh-results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        run.WriteResults(path);
        output.WriteLine(run.Summary(Floor, $"Fresh trial (fresh.json), lexical; issue 8's bar {Target:P0}") + "  per-item results: " + path + Environment.NewLine);
        foreach (var miss in run.Misses())
        {
            output.WriteLine("  " + miss);
        }

        Assert.True(run.Overall >= Floor, $"fresh-trial accuracy {run.Overall:P1} fell below the recorded floor {Floor:P0}");
    }
}
