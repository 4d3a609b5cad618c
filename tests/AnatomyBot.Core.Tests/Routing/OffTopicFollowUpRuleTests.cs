using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A follow-up shape ("also, ...", "and ...") whose words are all foreign to the knowledge asks about something else: it
/// gets the off-topic reply, not the last topic again with that topic's disclaimer. The eighth blind trial's summary
/// (2 Dec 2026) reported "thanks! also, who won the 2018 world cup?" answered with the lumbar-plexus topic; the phrasings
/// here are the lead's own.
/// </summary>
public sealed class OffTopicFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which nerves run through the psoas", "also, what's the capital of france?")]
    [InlineData("which nerves run through the psoas", "cheers! and who painted the mona lisa")]
    [InlineData("where does the iliacus insert", "also who won the champions league final")]
    public void A_follow_up_shape_about_something_foreign_is_off_topic(string first, string next)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("where does the iliacus insert", "and the psoas minor?", "psoas-minor")]
    [InlineData("what nerve supplies the psoas major", "also the iliacus", "iliacus")]
    [InlineData("how do i stretch the iliopsoas", "and for cyclists?", "stretches")]
    public void A_follow_up_about_the_knowledge_still_refers_back(string first, string next, string entity)
    {
        Assert.Equal(entity, fixture.Dialogue(first, next).Entity);
    }
}
