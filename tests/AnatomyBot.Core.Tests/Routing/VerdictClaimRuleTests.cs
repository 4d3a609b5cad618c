using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no: a topic fact that shares most of a claim's words does not therefore confirm it. What the claim says
/// a thing is made of or holds ("air", "blood", "fat"), or the one muscle of the group it names, must be in the fact
/// for a "Yes."; paraphrase ("go through" for "runs through", "filled with fluid" for "fluid-filled", "share" for
/// "merge") still gets one. Hand trial of 1 December (findings2 section 2); phrasings are in no suite.
/// </summary>
public sealed class VerdictClaimRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the iliopsoas bursa filled with air?")]
    [InlineData("is there blood in the iliopsoas bursa?")]
    [InlineData("does the iliopsoas bursa contain fat")]
    [InlineData("does the lumbar plexus pass through the iliacus?")]
    [InlineData("is the psoas minor a hip flexor?")]
    public void A_fact_lacking_what_the_claim_is_about_gives_no_yes(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal), title);
    }

    [Theory]
    [InlineData("is the bursa by the iliopsoas filled with fluid")]
    [InlineData("does the lumbar plexus go through the psoas major")]
    [InlineData("does the lumbar plexus pass through the psoas?")]
    [InlineData("does the iliacus share a tendon with the psoas major")]
    public void A_fact_that_says_the_claim_in_other_words_still_gets_its_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
