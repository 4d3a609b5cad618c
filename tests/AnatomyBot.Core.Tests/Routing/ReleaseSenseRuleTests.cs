using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "Release" has two senses here: the psoas-release (massage) debate, when the psoas is what is released, and the verb
/// of manual therapy with another object ("release those first", "released before the iliopsoas"). Only the first names
/// the debate topic; the second is left to the question's other words and the conversation. Phrasings are new (in no suite).
/// </summary>
public sealed class ReleaseSenseRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("do i release them before the iliopsoas or after?")]
    [InlineData("should they be released before the psoas?")]
    public void Release_with_another_object_follows_the_secondary_flexors(string followUp)
    {
        var chat = "release-" + followUp.GetHashCode(StringComparison.Ordinal);
        fixture.Ask("which muscles are the secondary hip flexors", chat);

        var reply = fixture.Ask(followUp, chat);

        Assert.Equal("secondary-hip-flexors", reply.Entity);
    }

    [Theory]
    [InlineData("is a psoas release worth doing")]
    [InlineData("can you release the iliopsoas yourself")]
    [InlineData("does releasing my psoas hurt")]
    public void Releasing_the_psoas_still_names_the_debate(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("psoas-massage-debate", reply.Entity);
    }
}
