using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, reverse lookups: "which muscle does NOT insert on the lesser trochanter" asks for the muscles the landmark's
/// facts leave out, not for those they name. Without the negation the lookup is unchanged. Phrasings are in no suite.
/// </summary>
public sealed class NegatedLookupRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which muscle does NOT insert on the lesser trochanter")]
    [InlineData("which muscle doesn't insert on the lesser trochanter?")]
    [InlineData("what muscle does not end on the lesser trochanter")]
    public void A_negated_lookup_names_the_muscles_the_landmark_leaves_out(string question)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains("psoas minor", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Iliacus", answer, StringComparison.Ordinal);
    }

    /// <summary>
    /// The negation further from "which" ("which one of them does not", "which muscle is not attached"), and a landmark that
    /// several muscles' facts name: every muscle whose facts name it is left out, not only those among the facts shown.
    /// </summary>
    [Theory]
    [InlineData("which one of them does not insert on the lesser trochanter", "psoas minor", "Iliacus")]
    [InlineData("which muscle is not attached to the pubis", "Iliacus", "Psoas minor")]
    [InlineData("which muscle does not come from the iliac fossa", "Psoas major", "Iliacus")]
    public void A_negation_further_on_still_names_the_muscles_the_landmark_leaves_out(string question, string named, string leftOut)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains(named, answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(leftOut, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_negation_the_lookup_names_the_landmark_s_muscles()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("which muscle inserts on the lesser trochanter"));

        Assert.Contains("Iliacus", answer, StringComparison.Ordinal);
        Assert.Contains("Psoas major", answer, StringComparison.Ordinal);
    }
}
