using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope and safety: a how-to whose verb alone is a topic keyword ("how to fix", "strengthen",
/// "stretch") and whose object is no subject of ours (a bike chain, a car, a wifi signal) is off-topic, with no
/// disclaimer: a neutral question must never get one. The same verbs with a muscle, a body part or pain keep their
/// topic. Phrasings are in no suite.
/// </summary>
public sealed class ForeignObjectRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("How do I fix my bike chain?")]
    [InlineData("how do I fix my car")]
    [InlineData("how do i fix my sleep schedule")]
    [InlineData("how do i strengthen my wifi signal")]
    [InlineData("how to stretch a canvas for painting")]
    [InlineData("how can I fix the printer")]
    public void A_how_to_verb_with_a_foreign_object_is_off_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("how to fix it when the iliopsoas is weak")]
    [InlineData("how to fix a weak iliopsoas")]
    [InlineData("how do I fix my tight hip flexors")]
    [InlineData("how do I strengthen my core")]
    [InlineData("how do I fix my anterior pelvic tilt")]
    [InlineData("how do i stretch my lower back")]
    public void The_same_verbs_with_a_muscle_or_body_part_keep_their_topic(string question)
    {
        var intent = fixture.Ask(question).Intent;

        Assert.NotEqual(Intent.OffTopic, intent);
        Assert.NotEqual(Intent.NotCovered, intent);
    }

    [Theory]
    [InlineData("my psoas hurts when I run, how do I fix it?")]
    [InlineData("how do I fix my sore hip flexor")]
    public void Pain_keeps_its_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }
}
