using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A yes/no opener must never contradict the fact printed under it. Hand trial of 1 December: "does the psoas major
/// come from the lumbar vertebrae?" opened "No." above "... all the lumbar vertebrae ...", because the verb "come" is
/// in no origin fact; "is the psoas major attached to the discs?" got "No." above its insertion. Phrasings
/// are new (in no accuracy suite).
/// </summary>
public sealed class VerdictWordingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Opening(Reply reply) => reply.Title ?? "";

    [Theory]
    [InlineData("does the psoas major come from the lumbar vertebrae?")]
    [InlineData("does the psoas major arise from the lumbar spine")]
    [InlineData("does psoas major start at the lumbar vertebrae")]
    [InlineData("is the psoas major anchored to the lumbar vertebrae")]
    [InlineData("does the iliacus come off the iliac fossa")]
    [InlineData("does the psoas minor come from L1?")]
    public void A_plain_verb_of_the_question_never_turns_a_true_attachment_into_a_no(string question)
    {
        Assert.False(Opening(fixture.Ask(question)).StartsWith("No.", StringComparison.Ordinal), Opening(fixture.Ask(question)));
    }

    [Theory]
    [InlineData("does the psoas minor attach to the femur?")]
    [InlineData("is the greater trochanter where the iliacus inserts")]
    [InlineData("does the iliacus arise from the lumbar vertebrae")]
    public void A_claim_naming_another_attachment_still_gets_its_no(string question)
    {
        Assert.StartsWith("No.", Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the psoas major attached to the discs?")]
    public void A_fact_that_does_not_hold_the_claim_gives_no_verdict(string question)
    {
        var opening = Opening(fixture.Ask(question));
        Assert.False(opening.StartsWith("No.", StringComparison.Ordinal) || opening.StartsWith("Yes.", StringComparison.Ordinal), opening);
    }
}
