using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, plain-English verbs and asked numbers: "where does X come from / end up / finish" asks the origin or the
/// insertion, however well "come" matches a sentence elsewhere; "does" before the muscle is the auxiliary of another
/// verb, not "what does it do"; a word the facts use is no typo of a cue ("organ" is not "origin"); "how many reps",
/// "how common" and "which vertebra" ask for the fact that holds that number. Phrasings are new (in no suite).
/// </summary>
public sealed class PlainVerbRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the psoas minor come from", "psoas-minor", MuscleAttribute.Origin)]
    [InlineData("where does the psoas major come from", "psoas-major", MuscleAttribute.Origin)]
    [InlineData("where does psoas major end up", "psoas-major", MuscleAttribute.Insertion)]
    [InlineData("where does the iliacus finish", "iliacus", MuscleAttribute.Insertion)]
    [InlineData("where do the iliacus fibres end up", "iliacus", MuscleAttribute.Insertion)]
    public void Where_with_a_plain_verb_asks_for_an_end_of_the_muscle(string question, string muscle, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
    }

    [Fact]
    public void A_follow_up_where_question_keeps_the_muscle_and_asks_the_other_end()
    {
        var chat = "plain-verbs-" + Guid.NewGuid();
        fixture.Ask("where does the psoas minor come from", chat);

        var reply = fixture.Ask("so where does it end up", chat);

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Insertion, reply.Attribute);
    }

    [Theory]
    [InlineData("what ligament does the iliopsoas pass beneath", "inguinal")]
    [InlineData("which organ does the psoas major lie behind", "kidney")]
    public void Does_before_the_muscle_asks_about_the_other_verb_not_the_action(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(MuscleAttribute.Action, reply.Attribute);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how many repetitions of the leg raise should i do", "15 to 20")]
    [InlineData("how many reps for psoas strengthening", "15 to 20")]
    [InlineData("how common is it for people to have no psoas minor", "40")]
    [InlineData("how common is a missing psoas minor", "40")]
    public void A_counted_noun_or_a_share_brings_the_fact_that_holds_it(string question, string expected)
    {
        Assert.Contains(expected, HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }
}
