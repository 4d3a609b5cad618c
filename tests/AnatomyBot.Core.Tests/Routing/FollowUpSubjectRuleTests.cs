using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups keep what they do not replace. fresh4 and the lead's trial (1 Dec): "and the minor?" answered the iliacus
/// again; "so is that disputed?" after the psoas minor insertion got the massage debate; "what sets them off?" after
/// trigger points got sets and reps; "how many times a day?" after strengthening got the rest topic; "what about the
/// psoas minor in general" got one attribute. Phrasings are new (in no suite).
/// </summary>
public sealed class FollowUpSubjectRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the psoas major insert", "and the minor one?", "psoas-minor", MuscleAttribute.Insertion)]
    [InlineData("what nerve supplies the psoas minor", "how about the major?", "psoas-major", MuscleAttribute.Innervation)]
    [InlineData("what's the iliacus for", "and the minor?", "psoas-minor", MuscleAttribute.Action)]
    [InlineData("where does the iliacus come from", "where does the minor insert", "psoas-minor", MuscleAttribute.Insertion)]
    public void Minor_or_major_alone_is_the_psoas_minor_or_major(string first, string next, string entity, MuscleAttribute attribute)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(entity, reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
    }

    [Theory]
    [InlineData("what is the major hip flexor", "hip-flexion")]
    [InlineData("is the iliopsoas a major hip flexor", "hip-flexion")]
    public void Major_as_an_adjective_names_no_muscle(string question, string entity)
    {
        Assert.Equal(entity, fixture.Ask(question).Entity);
    }

    [Theory]
    [InlineData("where does psoas minor insert", "so is that disputed?", "psoas-minor", "iliopubic")]
    [InlineData("what is the psoas minor's origin", "do the sources agree on that?", "psoas-minor", "T12")]
    [InlineData("what is the iliacus innervation", "is that disputed?", "iliacus", "L2")]
    [InlineData("what are the psoas minor's variations", "is there a consensus on that?", "psoas-minor", "40")]
    [InlineData("what is the psoas paradox", "is that debated?", "psoas-paradox", "extension")]
    public void Asking_whether_the_last_answer_is_disputed_shows_its_disagreement(string first, string next, string entity, string shows)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(entity, reply.Entity);
        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where does the psoas major insert", "is the psoas massage disputed?", "psoas-massage-debate")]
    [InlineData("what is psoas release", "is that controversial?", "psoas-massage-debate")]
    public void A_dispute_question_with_its_own_subject_or_on_a_debate_topic_is_answered_as_before(string first, string next, string entity)
    {
        Assert.Equal(entity, fixture.Dialogue(first, next).Entity);
    }

    [Fact]
    public void A_claim_that_something_is_disputed_is_not_confirmed_by_a_fact_that_says_nothing_of_a_dispute()
    {
        Assert.False(fixture.Ask("is the lumbar plexus disputed?").Title?.StartsWith("Yes.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what are iliopsoas trigger points", "what sets them off?")]
    [InlineData("what are iliopsoas trigger points", "what triggers them?")]
    [InlineData("what are iliopsoas trigger points", "what brings them on?")]
    public void Asking_what_sets_something_off_asks_for_its_causes(string first, string next)
    {
        Assert.Equal("causes-of-dysfunction", fixture.Dialogue(first, next).Entity);
    }

    [Theory]
    [InlineData("how many reps for iliopsoas strengthening", "how many times a day?", "once")]
    [InlineData("how many reps for iliopsoas strengthening", "how many times per day then?", "once")]
    [InlineData("how do I strengthen my hip flexors", "how many sets then?", "three")]
    [InlineData("how many reps for iliopsoas strengthening", "and how often?", "once")]
    public void An_amount_asked_alone_is_asked_of_the_last_topic(string first, string next, string shows)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal("strengthening", reply.Entity);
        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what's the iliacus for", "what about the psoas minor in general", "psoas-minor")]
    [InlineData("what does the iliacus do", "and the psoas major overall?", "psoas-major")]
    public void A_muscle_asked_about_in_general_gets_its_overview_not_the_last_attribute(string first, string next, string entity)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(entity, reply.Entity);
        Assert.True(HeldOutJudge.AnswerText(reply).Length < 1200, HeldOutJudge.AnswerText(reply).Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("where is the psoas major", "what nerve supplies it?", "psoas-major", MuscleAttribute.Innervation, null)]
    [InlineData("where is the iliacus", "where does it insert?", "iliacus", MuscleAttribute.Insertion, null)]
    [InlineData("is the iliacus a hip flexor", "what nerve supplies it?", "iliacus", MuscleAttribute.Innervation, null)]
    [InlineData("where is the psoas major", "is it supplied by the femoral nerve?", "psoas-major", MuscleAttribute.Innervation, "No.")]
    public void After_a_topic_answered_a_question_naming_one_muscle_it_is_that_muscle(string first, string next, string entity, MuscleAttribute attribute, string? verdict)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(entity, reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
        if (verdict is not null)
        {
            Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("how do I stretch my psoas", "how long do I hold it?", "stretches")]
    [InlineData("what is the psoas paradox", "who came up with it?", "psoas-paradox")]
    public void A_follow_up_on_the_topic_itself_stays_on_the_topic(string first, string next, string entity)
    {
        Assert.Equal(entity, fixture.Dialogue(first, next).Entity);
    }
}
