using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8 (session 27): a reverse lookup that names spinal levels ("the lumbar vertebrae" are all five) is answered
/// by the attachment facts that cover those levels, not by one whose words are alike but gives L1 alone; and a claim
/// naming a direction ("inward") when the sources only dispute the opposite one ("outward rotation") is a no.
/// Phrasings are from the session's own trial and in no suite.
/// </summary>
public sealed class LevelLookupAndDirectionRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which muscle arises from the transverse processes of the lumbar vertebrae", "psoas-major")]
    [InlineData("what muscle has its origin on the transverse processes of L1 to L5", "psoas-major")]
    [InlineData("which muscle comes from the bodies of T12 to L2", "psoas-minor")]
    [InlineData("which muscle attaches to the iliac fossa", "iliacus")]
    public void A_lookup_by_levels_names_the_muscle_whose_facts_cover_them(string question, string entity)
    {
        Assert.Equal(entity, fixture.Ask(question).Entity);
    }

    [Theory]
    [InlineData("Does the iliopsoas rotate the thigh inward?")]
    [InlineData("does the iliopsoas turn the hip inwards")]
    public void A_direction_only_its_opposite_is_disputed_for_is_a_no(string question)
    {
        Assert.StartsWith("No.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the iliopsoas abduct the hip?")]
    public void The_disputed_direction_still_differs(string question)
    {
        Assert.StartsWith("The sources differ.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
