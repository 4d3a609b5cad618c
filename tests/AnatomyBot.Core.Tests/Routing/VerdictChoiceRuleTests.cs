using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no: a question that offers a choice ("one tendon or two?") has no yes or no, and a claim narrowed to a
/// manner or extent ("directly on the skin", "only", "always") is not confirmed by a fact that lacks that word: the
/// heat-and-ice fact says to put a cover between the skin and the pack, so "Yes." to "directly on my skin" was unsafe.
/// Tester's third hand trial (findings3 items 2 and 5); phrasings are in no suite.
/// </summary>
public sealed class VerdictChoiceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the iliopsoas one tendon or two")]
    [InlineData("is the psoas cable shaped or fan shaped")]
    [InlineData("does the iliacus only flex the hip?")]
    public void No_yes_for_a_choice_or_a_claim_the_fact_does_not_narrow_the_same_way(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal), title);
        Assert.False(title.StartsWith("No.", StringComparison.Ordinal), title);
    }

    /// <summary>
    /// Since 2 Dec (VerdictReadingRuleTests) the fact's own advice answers these: it says to put a cover between the skin
    /// and the pack, so putting it straight on the skin is a no, never a yes.
    /// </summary>
    [Theory]
    [InlineData("should I put a heat pack directly on my skin")]
    [InlineData("can i put an ice bag straight on the skin?")]
    public void Straight_on_the_skin_is_a_no_from_the_cover_fact(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.StartsWith("No.", title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the psoas major insert on the lesser trochanter or not?")]
    [InlineData("does the iliacus share a tendon with the psoas major")]
    public void An_or_not_question_and_an_unqualified_claim_keep_their_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }
}
