using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, a topic named with framing: when a question asks for a topic as a whole ("what does the term ... refer to",
/// "... explained", a keyword misspelt as the topic lists it), what the topic is (its lead fact) comes first, and the
/// budget drops the topic's later facts before it; a question about one detail of the same topic keeps that detail
/// first. Phrasings are new (in no suite).
/// </summary>
public sealed class TopicAsAWholeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("What does the term psoas paradox refer to?")]
    [InlineData("psoas paradox explained")]
    [InlineData("what is paradoxical about the psoas")]
    [InlineData("parodox")]
    public void The_topic_asked_as_a_whole_opens_with_what_it_is(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("psoas-paradox", reply.Entity);
        Assert.Equal("psoas-paradox.1", reply.Facts[0]);
        Assert.Contains("flex", Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.True(Answer(reply).Length <= 700, Answer(reply));
    }

    [Fact]
    public void A_detail_of_the_topic_keeps_its_own_fact_first()
    {
        var reply = fixture.Ask("whose theory splits the psoas into opposing parts?");

        Assert.Equal("psoas-paradox.3", reply.Facts[0]);
        Assert.Contains("Myers", Answer(reply), StringComparison.Ordinal);
    }
}
