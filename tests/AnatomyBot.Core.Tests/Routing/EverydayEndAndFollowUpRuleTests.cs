using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, ends of a muscle asked in everyday words, and follow-ups whose sense is paraphrased: a bone asked with a
/// start or end word, the bones a muscle joins, a direction that shares the noun of the other end ("from its proximal to
/// its distal attachment"), a direction alone after an answer about one end ("and at the top?"), "not there" for an
/// absent muscle, "those" for what the last topic listed, "each position" for the last topic's steps, "starts hurting"
/// (no origin), "walk me through" (no walking), and who disputes ("between the sources") in a dispute follow-up.
/// Phrasings are in no suite; the ones that must not change are beside them.
/// </summary>
public sealed class EverydayEndAndFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("at what bone does the iliacus start out", MuscleAttribute.Origin)]
    [InlineData("on which vertebra does the psoas minor begin", MuscleAttribute.Origin)]
    [InlineData("which bone does the psoas major finish on", MuscleAttribute.Insertion)]
    [InlineData("where is the psoas minor fixed at the bottom", MuscleAttribute.Insertion)]
    public void A_bone_asked_with_a_start_or_end_word_is_that_end(string question, MuscleAttribute end)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(end, reply.Attribute);
    }

    [Theory]
    [InlineData("which bones does the iliacus join together?", "iliac fossa", "lesser trochanter")]
    [InlineData("the psoas major connects which bones", "T12", "lesser trochanter")]
    [InlineData("Follow the iliacus from its proximal to its distal attachment.", "iliac fossa", "lesser trochanter")]
    public void The_bones_a_muscle_joins_and_both_directions_are_both_ends(string question, string upper, string lower)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains(upper, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lower, answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how does the psoas connect to the diaphragm", "diaphragm")]
    [InlineData("when should i start stretching the psoas", "stretch")]
    [InlineData("what if my hip starts to ache while stretching", "pain|ache|hurt|stop|professional")]
    public void Joining_without_bones_and_starting_an_action_are_no_ends(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(MuscleAttribute.Origin, reply.Attribute);
        Assert.Matches(expected, Answer(reply).ToLowerInvariant());
    }

    [Theory]
    [InlineData("where does the iliacus attach at the bottom?", "ty! and at the top?", "iliacus", MuscleAttribute.Origin)]
    [InlineData("where does the iliacus attach above?", "and further down?", "iliacus", MuscleAttribute.Insertion)]
    [InlineData("psoas major origin pls", "and where does it end up further down?", "psoas-major", MuscleAttribute.Insertion)]
    [InlineData("what is the insertion of the psoas minor", "and the upper end?", "psoas-minor", MuscleAttribute.Origin)]
    [InlineData("what is the origin of the iliacus", "and the psoas major at the bottom?", "psoas-major", MuscleAttribute.Insertion)]
    public void A_direction_after_one_end_asks_the_end_it_points_at(string first, string next, string muscle, MuscleAttribute end)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(end, reply.Attribute);
    }

    [Theory]
    [InlineData("where does the iliacus insert?", "and its nerve supply?", MuscleAttribute.Innervation)]
    [InlineData("where does the iliacus insert?", "what about the lower back?", null)]
    public void After_an_end_other_questions_keep_their_own_sense(string first, string next, MuscleAttribute? attribute)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.NotEqual(MuscleAttribute.Origin, reply.Attribute);
        if (attribute is not null)
        {
            Assert.Equal(attribute, reply.Attribute);
        }
    }

    [Theory]
    [InlineData("how common is it to not have a psoas minor")]
    [InlineData("how often is the psoas minor just not there")]
    public void Not_having_a_muscle_is_its_variations(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many people are without psoas minor?")]
    [InlineData("what share of ppl without a psoas minor, in %?")]
    public void People_without_a_muscle_get_every_source_share(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("40%", answer, StringComparison.Ordinal);
        Assert.Contains("40-50%", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is it bad not to have stretched my psoas before the run")]
    [InlineData("is it ok not to have done the psoas strengthening today")]
    public void Not_to_have_done_something_is_no_variation(string question) =>
        Assert.NotEqual(MuscleAttribute.Variations, fixture.Ask(question).Attribute);

    [Fact]
    public void Not_there_follows_up_on_the_last_muscle()
    {
        const string chat = "not-there";
        fixture.Ask("what movement does the psoas minor produce", chat);
        var reply = fixture.Ask("how often is that muscle just not there?", chat);

        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which muscles are the secondary hip flexors", "should a therapist work on those before the iliopsoas?", "before")]
    [InlineData("show me the iliopsoas stretches", "how far do I bend the front knee?", "90")]
    public void A_follow_up_in_other_words_stays_on_the_last_topic(string first, string next, string expected)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void What_the_student_does_is_no_action_of_a_muscle()
    {
        const string chat = "own-doing";
        fixture.Ask("strengthening exercises for iliopsoas how many sets", chat);
        var reply = fixture.Ask("what if it starts hurting while i do them", chat);

        Assert.Equal("strengthening", reply.Entity);
        Assert.NotEqual(MuscleAttribute.Action, reply.Attribute);
        Assert.Equal(MuscleAttribute.Action, fixture.Ask("what does the psoas minor do").Attribute);
    }

    [Fact]
    public void Walk_me_through_asks_for_the_steps_not_walking()
    {
        var reply = fixture.Ask("walk me through the iliopsoas stretches");

        Assert.Equal("stretches", reply.Entity);
        Assert.NotEqual("walking-and-gait", fixture.Ask("walk me through the first iliopsoas stretch").Entity);
        Assert.Equal("walking-and-gait", fixture.Ask("what does the iliopsoas do when walking").Entity);
    }

    [Theory]
    [InlineData("is that contested between the sources?")]
    [InlineData("do the authors agree among themselves on that?")]
    public void Who_disputes_is_no_subject_of_a_dispute_follow_up(string next)
    {
        var reply = fixture.Dialogue("where does the psoas minor insert", next);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("pectineal", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }
}
