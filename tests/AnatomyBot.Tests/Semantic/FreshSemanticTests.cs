using AnatomyBot.Testing;
using AnatomyBot.Testing.Accuracy;
using Xunit.Abstractions;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// The tester's fresh trial (tests/AnatomyBot.Core.Tests/Accuracy/fresh.json) with the model on, as production answers;
/// same judge and table as the lexical run in AnatomyBot.Core.Tests (FreshSuiteTests). The model never changes whether a
/// reply carries the disclaimer or the urgent line.
/// </summary>
[Collection(ModelLoadedGroup.Name)]
public sealed class FreshSemanticTests(SemanticEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>Model on: 102/131 at 95f6075, 105/131 = 80.2 % on 2026-12-01 at b710a78 (equal to lexical), rounded down.</summary>
    private const double Floor = 0.80;

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Model_on_fresh_trial_keeps_its_floor_and_the_lexical_safety_figures()
    {
        var suite = HeldOutSuite.Load(Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "fresh.json"));
        var run = HeldOutRun.Evaluate(suite, (text, chat) => fixture.Semantic.Ask(text, chat));
        output.WriteLine(run.Summary(Floor, "Fresh trial (fresh.json), model on; issue 8's bar 95 %"));
        foreach (var miss in run.Misses())
        {
            output.WriteLine("  " + miss);
        }

        var lexical = HeldOutRun.Evaluate(suite, (text, chat) => fixture.Lexical.Ask(text, chat));
        var safety = run.SafetyDifferences(lexical);
        Assert.True(safety.Length == 0, "disclaimer or urgent line differs from lexical on: " + string.Join(" | ", safety));
        Assert.True(run.Overall >= Floor, $"fresh-trial accuracy with the model {run.Overall:P1} fell below the recorded floor {Floor:P0}");
    }
}
