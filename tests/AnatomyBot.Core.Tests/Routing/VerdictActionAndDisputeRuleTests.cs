using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no verdicts (session 27): a hip-action claim about a part whose own action facts leave the hip out is a
/// no (the psoas minor ends on the pelvis), "straightens the hip" is extension, "X is what ...?" is still a claim; "The
/// sources differ." only when the disagreement shown is about the claim (not another point of the same card), and a
/// disputed question asked outright differs whatever one fact beside it says; a structure the knowledge names elsewhere
/// but no fact of the asked attribute gives is a no. Phrasings are from the session's own trial and in no suite.
/// </summary>
public sealed class VerdictActionAndDisputeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Is psoas minor a hip flexor?")]
    [InlineData("does the psoas minor flex the hip")]
    [InlineData("Is the psoas minor a strong flexor of the hip?")]
    [InlineData("So the iliopsoas is what straightens the hip into extension?")]
    [InlineData("does the iliacus straighten the hip")]
    // Once left unsettled (VerdictEvidenceRuleTests) because the psoas minor has no hip-action fact; its own action
    // facts put its work on the pelvis and spine, so no hip action is a no.
    [InlineData("is the psoas minor a hip extensor?")]
    public void A_hip_action_the_muscles_own_facts_deny_is_a_no(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("Is the iliacus a hip flexor too?")]
    [InlineData("does the psoas major flex the hip?")]
    [InlineData("is the iliopsoas a strong hip flexor")]
    public void A_hip_action_the_facts_give_stays_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is psoas major superficial or deep?")]
    [InlineData("Is the psoas major behind the kidneys?")]
    [InlineData("Is the iliacus medial to the psoas?")]
    public void A_disagreement_about_another_point_does_not_make_the_sources_differ(string question)
    {
        Assert.False((fixture.Ask(question).Title ?? "").StartsWith("The sources differ.", StringComparison.Ordinal), question);
    }

    [Theory]
    [InlineData("does the psoas extend the lumbar spine?")]
    [InlineData("can the psoas extend the low back")]
    [InlineData("Does the iliopsoas abduct the hip?")]
    [InlineData("Does the L1 nerve supply psoas major?")]
    public void The_disputed_point_itself_still_differs(string question)
    {
        Assert.StartsWith("The sources differ.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is the femoral artery the main blood supply to the iliopsoas?")]
    [InlineData("is the psoas major supplied by the femoral nerve?")]
    [InlineData("Is the psoas major innervated by the sciatic nerve?")]
    public void A_structure_no_fact_of_the_attribute_gives_is_a_no(string question)
    {
        Assert.StartsWith("No.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the iliolumbar artery feed the iliopsoas?")]
    [InlineData("Is the iliacus supplied by the femoral nerve?")]
    [InlineData("does the psoas minor attach onto the pubis?")]
    public void A_structure_the_facts_give_stays_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
