using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 40's yes/no verdicts: a claim put as a follow-up about the last muscle ("is it a hip flexor, then?", "so it's
/// the main hip flexor?") is weighed for that muscle, also when the last answer's facts are shown again; and a comparative
/// set against all the rest ("deeper than any other hip flexor") is the claim of the facts' superlative. The phrasings
/// are the engineer's own, not any suite's.
/// </summary>
public sealed class VerdictFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private string Title(params string[] turns) => fixture.Dialogue(turns).Title ?? string.Empty;

    [Theory]
    [InlineData("what are the actions of the psoas major", "is it a hip flexor, then?", "Yes.")]
    [InlineData("what does the iliacus do", "so it's a flexor of the hip?", "Yes.")]
    // The psoas minor never reaches the hip: the claim is weighed for it, not for the group's hip-flexion topic.
    [InlineData("what does the psoas minor do", "so it's a hip flexor then?", "No.")]
    [InlineData("what does the psoas minor do", "is it a hip flexor?", "No.")]
    public void A_claim_about_the_last_muscle_gets_its_verdict(string first, string followUp, string verdict)
    {
        Assert.StartsWith(verdict, Title(first, followUp), StringComparison.Ordinal);
    }

    [Theory]
    // Nothing claimed: no verdict.
    [InlineData("what does the psoas major do", "is that right?")]
    // "it" as a dummy before an article: advice, not a claim about the muscle.
    [InlineData("what does the iliacus do", "is it a good idea to stretch it every day?")]
    public void A_follow_up_that_claims_nothing_about_the_muscle_gets_no_verdict(string first, string followUp)
    {
        var title = Title(first, followUp);

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal), title);
    }

    [Theory]
    [InlineData("Does the iliopsoas lie deeper than any other hip flexor?")]
    [InlineData("is the iliopsoas deeper than the rest of the hip flexors")]
    public void A_comparative_against_all_the_rest_is_the_superlative(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    // Against one named muscle the facts' "deepest of the hip flexors" settles nothing.
    [InlineData("Is the iliacus deeper than the psoas major?")]
    public void A_comparative_against_one_muscle_is_not_the_superlative(string question)
    {
        Assert.False(fixture.Ask(question).Title?.StartsWith("Yes.", StringComparison.Ordinal) ?? false);
    }
}
