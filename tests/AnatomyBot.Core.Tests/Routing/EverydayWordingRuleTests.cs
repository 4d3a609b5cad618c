using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Everyday wordings of questions the knowledge answers, reached through the topics' keywords: rising from a car
/// seat (the sitting topic) and the muscles that help the iliopsoas (the secondary flexors, with the list).
/// Phrasings are new (in neither suite).
/// </summary>
public sealed class EverydayWordingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private Reply Ask(string text) => fixture.Ask(text);

    private string Answer(string text) => HeldOutJudge.AnswerText(Ask(text));

    [Theory]
    [InlineData("front of my hip catches as i climb out of the car")]
    [InlineData("pinch in the hip every time i get up from a chair")]
    public void Rising_from_a_seat_answers_from_the_sitting_topic(string question)
    {
        var reply = Ask(question);

        Assert.Contains("rise from a chair or climb out of a car", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("what other muscles assist the iliopsoas in flexing the hip")]
    [InlineData("name the muscles helping the iliopsoas")]
    public void The_muscles_that_help_the_iliopsoas_are_listed(string question)
    {
        var answer = Answer(question);

        Assert.Contains("sartorius", answer, StringComparison.Ordinal);
        Assert.Contains("tensor fasciae latae", answer, StringComparison.Ordinal);
    }
}
