using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A follow-up naming no muscle, whose words the last subject's facts hold as fully as any other fact's, is asked of
/// that subject ("how far do I bend the front knee?" after the stretches); on a tie with a topic the question names,
/// only when the words are what the last topic is about ("refer", "pain" after trigger points, not "what triggers
/// them"). A detail of the last subject the sources lack ("in kg") is not covered, never off-topic. A question naming
/// its own muscle or topic, and a red flag, are answered as before. Phrasings are new (in no suite).
/// </summary>
public sealed class LastSubjectFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("show me the psoas stretches", "how far should the front knee bend?", "stretches", "90")]
    [InlineData("which stretches work the iliopsoas", "what angle is the front knee bent to", "stretches", "90")]
    [InlineData("what are iliopsoas trigger points", "where do they send the pain?", "trigger-points-and-referral", "thigh")]
    [InlineData("what causes psoas trigger points", "and where do they refer pain to", "trigger-points-and-referral", "thigh")]
    [InlineData("how do you tell psoas from iliacus by feel", "which of the two is easier to reach?", null, "lateral")]
    public void A_follow_up_the_last_subject_answers_stays_on_it(string first, string next, string? entity, string shows)
    {
        var reply = fixture.Dialogue(first, next);

        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
        }

        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how many sets for hip flexor strengthening", "and what weight in kg should the cuff be?")]
    [InlineData("what exercises strengthen the psoas", "what kg of ankle weight should i use")]
    [InlineData("how do i strengthen the iliopsoas", "how many lbs should the cuff weight be")]
    public void A_detail_of_the_last_subject_the_sources_lack_is_not_covered(string first, string next)
    {
        Assert.Equal(Intent.NotCovered, fixture.Dialogue(first, next).Intent);
    }

    [Theory]
    [InlineData("what are iliopsoas trigger points", "what sets them off?", "causes-of-dysfunction")]
    [InlineData("show me the psoas stretches", "what nerve supplies the iliacus?", "iliacus")]
    [InlineData("what are iliopsoas trigger points", "how long should an overworked iliopsoas rest?", "rest")]
    [InlineData("how do i strengthen the iliopsoas", "what is the psoas paradox", "psoas-paradox")]
    [InlineData("i pulled my hip flexor playing football", "how long should i rest it", "rest")]
    [InlineData("i think i injured my psoas", "how many days of rest does it need", "rest")]
    public void A_question_with_a_subject_of_its_own_ignores_the_last_one(string first, string next, string entity)
    {
        Assert.Equal(entity, fixture.Dialogue(first, next).Entity);
    }

    [Theory]
    [InlineData("show me the psoas stretches", "what muscles make up the rotator cuff")]
    [InlineData("how do i strengthen the iliopsoas", "what does the deltoid do")]
    public void Another_region_stays_off_topic_in_a_conversation(string first, string next)
    {
        Assert.Equal(Intent.OffTopic, fixture.Dialogue(first, next).Intent);
    }

    [Theory]
    [InlineData("show me the psoas stretches", "i fell and now my leg is numb and i can't stand, how far do i bend the knee?")]
    [InlineData("what are iliopsoas trigger points", "i lost control of my bladder and my back hurts, where do they refer pain")]
    public void A_red_flag_keeps_the_urgent_line_alone(string first, string next)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.Empty(reply.Facts);
    }

    [Theory]
    [InlineData("show me the psoas stretches", "my hip hurts when i bend the front knee")]
    [InlineData("what are iliopsoas trigger points", "my thigh aches, do they send pain there?")]
    public void A_pain_follow_up_keeps_the_disclaimer(string first, string next)
    {
        Assert.NotNull(fixture.Dialogue(first, next).Disclaimer);
    }
}
