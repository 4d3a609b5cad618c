using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A verdict comes from the facts that settle the claim. fresh4 (1 Dec): "Is the iliopsoas a hip extensor?" opened
/// "Yes." above the clinic's hip-extension drills (a training method, not its action); "Does psoas major get fibres from
/// L1?" opened "Yes." above a disagreement (L1-L4 vs L2-L4); "several times a day" over "once a day" got no verdict.
/// Here: the muscle's own action facts settle a hip action; a level is weighed against every fact that gives levels,
/// ranges included; an amount outside every amount the shown facts give in its unit is a no. Phrasings are new.
/// </summary>
public sealed class VerdictEvidenceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Opening(Reply reply) => reply.Title ?? "";

    [Theory]
    [InlineData("Is the iliopsoas a hip extensor?", "No.")]
    [InlineData("is the psoas major a hip extensor", "No.")]
    [InlineData("does the iliacus extend the hip?", "No.")]
    [InlineData("can the psoas major extend your leg?", "No.")]
    [InlineData("is the iliopsoas an extensor of the thigh?", "No.")]
    [InlineData("is the iliopsoas a hip flexor and extensor?", "No.")]
    [InlineData("is the iliacus a flexor of the hip", "Yes.")]
    [InlineData("Does the psoas major flex the hip?", "Yes.")]
    public void A_hip_action_is_settled_by_the_muscles_own_action_facts(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is the iliopsoas a hip extensor?", "iliopsoas")]
    [InlineData("does the iliacus extend the hip?", "iliacus")]
    [InlineData("is the psoas major a hip extensor", "psoas-major")]
    public void A_hip_action_no_is_answered_with_the_action_facts_it_rests_on(string question, string entity)
    {
        // It once stood above the clinic's hip-extension drills, with a disclaimer the drills' "low back hurts" brought.
        var reply = fixture.Ask(question);

        Assert.Equal(entity, reply.Entity);
        Assert.Equal(Knowledge.MuscleAttribute.Action, reply.Attribute);
        Assert.Contains("flex", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("is the iliopsoas the strongest hip flexor?")]
    [InlineData("does the iliopsoas only flex the hip?")]
    [InlineData("does stretching the iliopsoas help hip extension?")]
    [InlineData("is the iliacus a stronger hip flexor than the psoas?")]
    public void Other_claims_about_an_action_are_not_settled_by_that_rule(string question)
    {
        var opening = Opening(fixture.Ask(question));

        Assert.False(opening.StartsWith("Yes.", StringComparison.Ordinal) || opening.StartsWith("No.", StringComparison.Ordinal), opening);
    }

    [Theory]
    [InlineData("Does the psoas major get nerve fibres from L1?", "The sources differ.")]
    [InlineData("does the psoas major get innervation from L3?", "Yes.")]
    [InlineData("is the psoas major innervated from L2", "Yes.")]
    [InlineData("Is the psoas minor supplied by L2?", "The sources differ.")]
    [InlineData("is the psoas minor innervated by T12?", "No.")]
    [InlineData("does the psoas minor come from L3?", "No.")]
    [InlineData("does the psoas major arise from L5?", "Yes.")]
    [InlineData("does the psoas major arise from T11?", "No.")]
    [InlineData("does the iliacus get nerve supply from L5?", "No.")]
    public void A_spinal_level_is_weighed_against_every_fact_that_gives_levels(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Should iliopsoas strengthening be done several times a day?", "No.")]
    [InlineData("Is the iliopsoas strengthening done three times daily?", "No.")]
    [InlineData("do you do five sets of the iliopsoas strengthening exercises?", "No.")]
    [InlineData("should I do 50 reps of hip flexor strengthening?", "No.")]
    [InlineData("should I hold the band hip lift for 30 seconds?", "No.")]
    [InlineData("is the psoas minor missing in 10% of people?", "No.")]
    [InlineData("Is strengthening the iliopsoas done once a day?", "Yes.")]
    [InlineData("is it 15 to 20 reps for iliopsoas strengthening?", "Yes.")]
    [InlineData("should I hold the band hip lift for 3 seconds?", "Yes.")]
    [InlineData("is the psoas minor absent in about 40% of people?", "Yes.")]
    public void An_amount_no_shown_fact_gives_in_its_unit_is_a_no(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the psoas minor attached to the superior pubic ramus?", "Yes.")]
    [InlineData("does the psoas minor insert on the inferior pubic ramus?", "No.")]
    public void A_structure_named_in_another_ending_is_the_same_structure(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }
}
