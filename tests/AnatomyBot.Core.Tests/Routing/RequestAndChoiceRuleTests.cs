using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The lead's pass after the eighteenth session's landings (3 Dec 2026): a request to the bot ("can you tell me ...") is
/// no yes/no question and gets no verdict, while "can you tell me if ..." and "can you palpate ..." keep theirs; "all of
/// it" among the options of a choice asks for no list, so the one fact that answers stays short.
/// </summary>
public sealed class RequestAndChoiceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Can you tell me all the works the psoas is doing?")]
    [InlineData("could you please explain the psoas paradox?")]
    [InlineData("can u give me the origin of the iliacus?")]
    [InlineData("would you list the actions of the psoas major?")]
    public void A_request_to_the_bot_gets_no_verdict(string question)
    {
        Assert.True(FactAnswerer.AsksTheBotToTell(TokenizedText.From(question)));
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.False(answer.StartsWith("Yes.", StringComparison.Ordinal), answer);
        Assert.False(answer.StartsWith("No.", StringComparison.Ordinal), answer);
    }

    [Theory]
    [InlineData("can you tell me if the psoas major inserts on the lesser trochanter?")]
    [InlineData("could you tell us whether the iliacus inserts on the lesser trochanter?")]
    [InlineData("can you palpate the iliacus?")]
    public void A_yes_no_question_through_a_request_keeps_its_verdict(string question)
    {
        Assert.False(FactAnswerer.AsksTheBotToTell(TokenizedText.From(question)));
        Assert.StartsWith("Yes.", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Fact]
    public void All_of_it_among_a_choices_options_keeps_the_one_fact_that_answers()
    {
        var reply = fixture.Ask("Iliacus origin covers what fraction of the iliac fossa - a half, two-thirds, all of it?");

        Assert.Contains("two-thirds", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
        Assert.InRange(reply.Facts.Length, 1, 2);
    }
}
