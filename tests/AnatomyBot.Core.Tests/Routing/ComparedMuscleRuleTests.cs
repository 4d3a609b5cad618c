using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A yes/no claim about one muscle likened at its end to another ("... like the major does?") is settled by the first
/// muscle's facts, never by a fact about the other one. Asking the likeness itself ("is the psoas minor like the psoas
/// major?") is no claim to cut. Phrasings are new.
/// </summary>
public sealed class ComparedMuscleRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Does the psoas minor reach the lesser trochanter just like the psoas major?", "No.")]
    [InlineData("is the iliacus long and cable-like like the psoas?", "No.")]
    [InlineData("does the iliacus insert on the lesser trochanter like the psoas major does?", "Yes.")]
    public void A_claim_likened_to_another_muscle_is_settled_by_its_own_facts(string question, string verdict) =>
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);

    [Fact]
    public void The_likened_muscle_never_lends_its_fact_to_the_claim()
    {
        var reply = fixture.Ask("Does psoas minor attach to the lesser trochanter like the major does?");

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("pubi", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is the psoas minor like the psoas major?")]
    [InlineData("what does the iliacus do like the psoas")]
    public void A_likeness_asked_itself_or_no_yes_no_question_keeps_its_muscles(string question) =>
        Assert.False(fixture.Ask(question).Title.StartsWith("No.", StringComparison.Ordinal));
}
