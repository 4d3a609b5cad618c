using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, one keyword hijacking the route: in "how do I make my iliopsoas stronger" the how-to verb is "make", and
/// what is asked is the result a few words on ("stronger": strengthening; "looser": the stretches), not the muscle's
/// clinical notes or the hip-flexion definition. A how-to verb that is itself a topic's verb keeps its topic, and a
/// superlative ("the strongest hip flexor") has no how-to frame. Phrasings are from the session's own trial and in no suite.
/// </summary>
public sealed class HowToResultRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("how do i make my iliopsoas stronger")]
    [InlineData("how can I get stronger hip flexors")]
    [InlineData("how to make the psoas strong")]
    public void Making_the_muscle_stronger_gets_the_strengthening_exercises(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("strengthening", reply.Entity);
        Assert.Matches("leg raise|marching|band", HeldOutJudge.AnswerText(reply));
    }

    [Theory]
    [InlineData("how do i get my hip flexors looser")]
    [InlineData("how do i make my hip flexors looser")]
    public void Making_it_looser_gets_the_stretches(string question)
    {
        Assert.Equal("stretches", fixture.Ask(question).Entity);
    }

    [Theory]
    [InlineData("how do i stretch my hip flexors", "stretches")]
    [InlineData("is the iliopsoas the strongest hip flexor?", null)]
    public void Other_how_to_verbs_and_comparisons_do_not_change(string question, string? notEntity)
    {
        var reply = fixture.Ask(question);

        if (notEntity is null)
        {
            Assert.NotEqual("strengthening", reply.Entity);
        }
        else
        {
            Assert.Equal(notEntity, reply.Entity);
        }
    }
}
