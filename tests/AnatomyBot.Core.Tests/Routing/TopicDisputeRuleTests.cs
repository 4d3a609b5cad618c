using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A topic's dispute comes with an answer when it is part of what was asked: an overview of the topic, a question
/// about the dispute itself ("who is right"), or a shown fact that states one side. A narrow question about another
/// part of the topic gets its fact without the unrelated dispute. Phrasings are new (in neither suite).
/// </summary>
public sealed class TopicDisputeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string RibDispute = "rib or a vertebra";

    private string Answer(string text) => HeldOutJudge.AnswerText(fixture.Ask(text));

    [Fact]
    public void A_narrow_question_leaves_out_a_dispute_about_another_part_of_the_topic()
    {
        var answer = Answer("which organs lie in front of the psoas");

        Assert.Contains("kidneys", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(RibDispute, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_about_the_disputed_point_still_shows_both_sides()
    {
        var answer = Answer("does the psoas start at a rib or at T12");

        Assert.Contains("last rib", answer, StringComparison.Ordinal);
        Assert.Contains("T12", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who is right about how many muscles the iliopsoas has")]
    [InlineData("do the sources disagree about the iliopsoas having two or three muscles")]
    public void A_question_about_a_dispute_shows_it_with_each_side(string question)
    {
        var answer = Answer(question);

        Assert.Contains("Two muscles or three", answer, StringComparison.Ordinal);
        Assert.Contains("[mom, release]", answer, StringComparison.Ordinal);
        Assert.Contains("[healthsite, consumer]", answer, StringComparison.Ordinal);
    }
}
