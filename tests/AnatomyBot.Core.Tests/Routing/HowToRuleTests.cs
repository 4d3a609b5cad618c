using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, one word hijacking the route: in "how to stretch hip flexors" the how-to verb says what is asked and "hip
/// flexors" only names the muscles (a phrase that is the verb's object, or lies inside a longer phrase of another
/// topic, yields); the how-to frame and the verb are matched however they are said or spelt; a plural is its phrase;
/// and the facts whose own words say "stretch" lead the answer over a short note that only shares its heading.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class HowToRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("how do i stretch my hip flexors")]
    [InlineData("whats the best way to strech my hip flexors")]
    [InlineData("how do you strech the psoas")]
    [InlineData("how do i loosen my psoas")]
    [InlineData("hip flexor stretches please")]
    [InlineData("show me some psoas strechez")]
    public void A_how_to_or_plural_stretch_question_gets_the_stretches_themselves(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("stretches", reply.Entity);
        Assert.Contains("Stretch 1", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is a hip flexor", "hip-flexion")]
    [InlineData("which are the secondary hip flexors", "secondary-hip-flexors")]
    public void Hip_flexor_alone_still_names_its_topic(string question, string topic)
    {
        Assert.Equal(topic, fixture.Ask(question).Entity);
    }
}
