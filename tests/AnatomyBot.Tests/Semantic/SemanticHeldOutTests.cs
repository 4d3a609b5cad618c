using AnatomyBot.Testing.Accuracy;
using Xunit.Abstractions;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// Issue 8's held-out gate with the model on, as production answers (the suite itself runs lexically in
/// AnatomyBot.Core.Tests). Same items, same judge (<see cref="HeldOutJudge"/>), same table; the model loads once for
/// the collection (about 15-20 s on a loaded 2-core machine, the questions about 2 s more).
/// </summary>
[Collection(ModelLoadedGroup.Name)]
public sealed class SemanticHeldOutTests(SemanticEngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>Issue 8's gate. Model on measured 361/377 = 95.8 % on 2026-12-01 at 4206003 (equal to lexical, same misses).</summary>
    private const double Gate = 0.95;

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Model_on_engine_passes_at_least_95_percent_of_the_held_out_suite_with_the_lexical_safety_figures()
    {
        var suite = HeldOutSuite.Load(HeldOutSuite.RepositoryPath);
        var run = HeldOutRun.Evaluate(suite, (text, chat) => fixture.Semantic.Ask(text, chat));
        output.WriteLine(run.Summary(Gate));
        foreach (var miss in run.Misses())
        {
            output.WriteLine("  " + miss);
        }

        // The model never changes whether a reply carries the disclaimer or the urgent line.
        var lexical = HeldOutRun.Evaluate(suite, (text, chat) => fixture.Lexical.Ask(text, chat));
        var safety = run.SafetyDifferences(lexical);
        Assert.True(safety.Length == 0, "disclaimer or urgent line differs from lexical on: " + string.Join(" | ", safety));
        Assert.True(run.Overall >= Gate, $"held-out accuracy with the model {run.Overall:P1} below {Gate:P0}");
    }
}
