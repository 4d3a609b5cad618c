using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Questions about the muscles' history get the honest "not covered" (no source speaks of history, and the everyday
/// words of such a question, "named" or "described", must not land on a fact that happens to use them); a yes/no
/// question about a dispute that shows the disagreement says the sources differ; everyday spellings and synonyms of
/// stretching reach the knowledge. Phrasings are new (in neither suite).
/// </summary>
public sealed class HistoryAndDisputeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which anatomist first named the iliacus", "iliacus")]
    [InlineData("in which century was the psoas minor first described", "psoas minor")]
    [InlineData("when did someone first identify the psoas major", "psoas major")]
    [InlineData("tell me the history of the iliopsoas", "iliopsoas")]
    public void A_history_question_is_not_covered_by_the_sources(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        var answer = HeldOutJudge.AnswerText(reply);
        Assert.Contains("My sources don't cover", answer, StringComparison.Ordinal);
        Assert.Contains(muscle, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(reply.Facts);
    }

    [Theory]
    [InlineData("who describes the psoas as a link between trunk and legs")]
    [InlineData("can a history of trauma make the psoas tense")]
    public void Who_describes_and_a_persons_history_are_not_history_questions(string question)
    {
        Assert.DoesNotContain("first named or described", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the way the psoas minor ends disputed")]
    [InlineData("is there any disagreement on where the psoas minor inserts")]
    public void A_yes_no_question_about_a_shown_dispute_gets_the_sources_differ(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Facts, id => id.EndsWith(".disagreement", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what loosens a tight psoas")]
    [InlineData("best streches for tight hip flexers")]
    public void Everyday_and_misspelt_stretch_words_reach_the_knowledge(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.NotEmpty(reply.Facts);
    }
}
