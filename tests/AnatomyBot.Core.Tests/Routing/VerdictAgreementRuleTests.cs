using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no (fresh6 findings classes 4 and 5, s28 trial): "do the sources agree on ...?" is a question about a
/// dispute, so over an attribute whose disagreement the knowledge records it is "The sources differ.", even when the
/// reply shows the facts without the disagreement line ("my sources" is not the asker's body); "agree that X" still
/// weighs X. Whether a part can be absent ("do some people not have one?") is yes over facts that give a share of
/// people without it, and "does everybody have X?" is yes for a muscle whose variations record no absence. Phrasings
/// are in no suite.
/// </summary>
public sealed class VerdictAgreementRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("do the sources agree on how many people lack a psoas minor?", "The sources differ.")]
    [InlineData("do my sources agree on the percentage of people without a psoas minor", "The sources differ.")]
    [InlineData("do the sources agree on where the psoas minor inserts?", "The sources differ.")]
    [InlineData("is the insertion of the psoas minor disputed?", "The sources differ.")]
    [InlineData("do the sources agree that the iliopsoas flexes the hip?", "Yes.")]
    [InlineData("do some ppl not have psoas minr", "Yes.")]
    [InlineData("is the psoas minor sometimes missing?", "Yes.")]
    [InlineData("does everybody have a psoas major", "Yes.")]
    [InlineData("do all humans have a psoas major", "Yes.")]
    [InlineData("does everyone have a psoas minor", "No.")]
    public void Agreement_and_presence_questions_get_the_verdict_the_facts_give(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is there consensus on the psoas paradox?")]
    [InlineData("do the sources agree on where the psoas major inserts?")]
    [InlineData("does everyone have a psoas major origin on T12?")]
    public void Agreement_with_no_recorded_disagreement_or_presence_with_more_asked_is_no_plain_yes(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal), title);
    }
}
