using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Chat filler around a "why?" or "tell me more" follow-up ("why tho?", "huh why?", "tell me more lol") changes nothing:
/// after an answer whose facts give no reason, it continues the same subject as "why?" does, never the off-topic reply.
/// Phrasings are the lead's own (3 Dec 2026); "why tho?" after an attachment got the off-topic reply before.
/// </summary>
public sealed class ChatFillerFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("why tho?")]
    [InlineData("huh why?")]
    [InlineData("but why though")]
    [InlineData("tell me more lol")]
    public void Filler_around_a_follow_up_continues_the_last_subject(string followUp)
    {
        var reply = fixture.Dialogue("where does the psoas minor insert", followUp);
        Assert.Equal((Intent.MuscleAttribute, "psoas-minor"), (reply.Intent, reply.Entity));
    }
}
