using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no on spinal levels (fresh7 findings class 6): a level spelled in words ("the first lumbar nerve",
/// "the twelfth thoracic vertebra") is the same level as "L1" or "T12", and "alone" or "only" makes the claim the
/// whole set of levels, so a source giving more ("L1 and L2") denies it. Weighed over every source: all agree yes,
/// none no, some the sources differ. Hand trial s29-verdicts; phrasings are in no suite.
/// </summary>
public sealed class VerdictLevelRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    // Psoas major nerve supply: L1-L4 (massage blog) against L2-L4 (manual-therapy book).
    [InlineData("does the psoas major get nerve supply from the first lumbar nerve", "The sources differ.")]
    [InlineData("does the third lumbar nerve supply the psoas major?", "Yes.")]
    // Psoas minor nerve supply: L1-L2 against L1.
    [InlineData("does the psoas minor get its nerve from the first lumbar level", "Yes.")]
    [InlineData("is the psoas minor innervated by the fifth lumbar nerve?", "No.")]
    // Psoas minor origin: the first lumbar vertebra against T12-L2.
    [InlineData("does the psoas minor arise from the twelfth thoracic vertebra?", "The sources differ.")]
    // "Alone" or "only" claims the whole set of levels.
    [InlineData("is the psoas minor supplied only by L1?", "The sources differ.")]
    [InlineData("is the iliacus innervated solely by L2 and L3", "The sources differ.")]
    [InlineData("is the psoas major supplied by L5 alone", "No.")]
    // Without "only", a level inside every source's range is still a plain yes.
    [InlineData("is the psoas minor supplied by L1?", "Yes.")]
    [InlineData("is the psoas major innervated by L3?", "Yes.")]
    [InlineData("does the psoas minor come from L1?", "Yes.")]
    public void A_level_is_weighed_over_every_source(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
