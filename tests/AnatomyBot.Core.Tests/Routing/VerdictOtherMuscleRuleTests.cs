using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no (fresh7 findings class 6): a fact that gives a property to one muscle and another to the other in
/// the same sentence ("the psoas is long and cable-like; the iliacus is fan-shaped") answers a claim about one muscle
/// from its own clause: the other muscle's property is a "No.", never a "Yes.". A disagreement whose note asks another
/// question ("can a therapist feel the psoas by hand?") says nothing of a claim its sides merely repeat ("cable-like").
/// Hand trial s29-verdicts; phrasings are in no suite.
/// </summary>
public sealed class VerdictOtherMuscleRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the psoas fan shaped?")]
    [InlineData("Is the psoas fan-shaped?")]
    [InlineData("does the iliacus tilt the pelvis backward?")]
    [InlineData("Is the iliacus shaped like a cable?")]
    [InlineData("does the iliacus look like a sausage")]
    public void The_other_muscles_property_is_a_no(string question)
    {
        Assert.StartsWith("No.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is the psoas major cable-like in shape?")]
    [InlineData("does the psoas side bend the spine")]
    public void A_dispute_on_another_point_gives_no_sources_differ(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("The sources differ.", StringComparison.Ordinal), title);
    }

    [Theory]
    // The asked muscle's own clause, or a region its clause names by "it", keeps the yes.
    [InlineData("does the psoas minor pull the pelvis into a backward tilt", "Yes.")]
    [InlineData("can the iliacus tip the pelvis forwards", "Yes.")]
    [InlineData("does the psoas minor tilt the pelvis forward?", "No.")]
    // A dispute whose note asks the claim itself still says so.
    [InlineData("is the psoas the only muscle linking the upper and lower body", "The sources differ.")]
    [InlineData("does the iliopsoas abduct the hip?", "The sources differ.")]
    public void The_asked_muscles_own_clause_and_real_disputes_keep_their_verdict(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
