using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A student correcting which muscle they meant ("no, I meant the minor", "nope, the iliacus", "I mean psoas minor
/// specifically") asks the last question again of that muscle; thanks, laughter or praise in front of a follow-up
/// ("lol thanks what about the iliacus", "you're a lifesaver. nerve?") leave it a follow-up and name no subject. From
/// the twelfth blind trial's summary (2 Dec 2026); the phrasings are the lead's own. A correction that asks a question
/// of its own keeps its own attribute.
/// </summary>
public sealed class CorrectionFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the psoas major insert", "no, I meant the minor", "psoas-minor", MuscleAttribute.Insertion)]
    [InlineData("what nerve supplies the psoas", "I mean psoas minor specifically", "psoas-minor", MuscleAttribute.Innervation)]
    [InlineData("origin of the iliacus", "nope, the psoas major", "psoas-major", MuscleAttribute.Origin)]
    [InlineData("blood supply of the psoas major", "sorry i meant the iliacus", "iliacus", MuscleAttribute.BloodSupply)]
    [InlineData("what does the psoas major do", "oops, meant the iliacus instead", "iliacus", MuscleAttribute.Action)]
    [InlineData("what nerve supplies the psoas major", "lol thanks what about the iliacus", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("where does the iliacus start", "you're a lifesaver. nerve?", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("what nerve supplies the psoas major", "haha cheers, and the minor?", "psoas-minor", MuscleAttribute.Innervation)]
    public void A_correction_or_thanks_before_a_follow_up_asks_the_last_question_again(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var chat = $"correction-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, attribute), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("where does the psoas major insert", "no, I meant what does the minor do", "psoas-minor", MuscleAttribute.Action)]
    [InlineData("where does the psoas major insert", "I mean, where does the iliacus start?", "iliacus", MuscleAttribute.Origin)]
    public void A_correction_with_a_question_of_its_own_keeps_it(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var chat = $"correction-own-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, attribute), (reply.Entity, reply.Attribute));
    }
}
