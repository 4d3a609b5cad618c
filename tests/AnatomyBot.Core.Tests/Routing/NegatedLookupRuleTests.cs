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

    [Fact]
    public void Without_a_negation_the_lookup_names_the_landmark_s_muscles()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("which muscle inserts on the lesser trochanter"));

        Assert.Contains("Iliacus", answer, StringComparison.Ordinal);
        Assert.Contains("Psoas major", answer, StringComparison.Ordinal);
    }
}
