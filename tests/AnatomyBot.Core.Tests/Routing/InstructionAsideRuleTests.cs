using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: a rare word that only says how the answer is wanted is never the subject the sources "don't
/// cover": a command verb with its particle ("jot down what ..."), a verb's form right before the attribute asked
/// ("itemise origin and insertion"), or chat shorthand closing a short message after its subject ("... asap"). A rare
/// word that is the subject ("lymphatic drainage", "psoas mri", "somites") is still uncovered. Phrasings are in no suite.
/// </summary>
public sealed class InstructionAsideRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Jot down what nerve goes to the iliacus", "iliacus")]
    [InlineData("jot down the insertion of the psoas minor", "psoas-minor")]
    [InlineData("Itemise origin and insertion of the psoas major", "psoas-major")]
    [InlineData("Collate origin and innervation for the iliacus", "iliacus")]
    [InlineData("iliacus insertion asap", "iliacus")]
    [InlineData("psoas minor innervation tldr", "psoas-minor")]
    public void A_command_or_chat_aside_is_not_the_subject(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
    }

    [Theory]
    [InlineData("what is the lymphatic drainage of the iliopsoas")]
    [InlineData("From which somites does the iliacus develop?")]
    [InlineData("psoas major on mri")]
    public void A_rare_subject_stays_uncovered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }
}
