using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A member of the group named by what its facts say of it (<c>DescribedMuscles</c>): a description, a denied property
/// ("does not reach the femur"), a neighbour named as a landmark ("lateral to the psoas"), and "the ... one" in a
/// follow-up; with the questions that must not be read as one (another group's muscles, a person, a topic's item).
/// </summary>
public sealed class DescribedMuscleRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c") =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat));

    [Theory]
    [InlineData("which member of the group doesn't reach the femur", "psoas-minor")]
    [InlineData("which one of them runs from the spine to the pelvis but not to the thigh bone", "psoas-minor")]
    [InlineData("which muscle here is fan-shaped?", "iliacus")]
    [InlineData("what muscle is missing in a lot of people", "psoas-minor")]
    [InlineData("which muscle sits lateral to the psoas", "iliacus")]
    public void A_member_asked_for_by_what_its_facts_say_is_named_with_the_fact(string question, string muscle)
    {
        var reply = Ask(Engine(), question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.All(reply.Facts, f => Assert.StartsWith(muscle + ".", f, StringComparison.Ordinal));
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void A_denied_property_picks_the_member_whose_facts_deny_it_not_those_that_hold_it()
    {
        var reply = Ask(Engine(), "which of the three does NOT get to the thigh bone?");

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("psoas-major.", StringComparison.Ordinal) || f.StartsWith("iliacus.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_one_described_in_a_follow_up_is_asked_what_the_rest_of_the_question_asks()
    {
        var engine = Engine();
        Ask(engine, "where does the iliacus insert");
        var reply = Ask(engine, "and the one that is missing in some people, what does it do?");

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Action, reply.Attribute);
    }

    [Fact]
    public void The_described_one_takes_the_last_attribute_when_it_asks_none_of_its_own()
    {
        var engine = Engine();
        Ask(engine, "what nerve supplies the iliacus");
        var reply = Ask(engine, "what about the one lots of people lack?");

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Fact]
    public void A_member_named_with_a_description_that_fits_it_is_confirmed_not_looked_past()
    {
        var reply = Ask(Engine(), "which muscle is fan shaped, the iliacus?");

        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("psoas-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what muscles make up the rotator cuff")]
    [InlineData("who painted the mona lisa")]
    public void Words_no_fact_uses_describe_no_member(string question)
    {
        Assert.Equal(Intent.OffTopic, Ask(Engine(), question).Intent);
    }

    [Theory]
    [InlineData("which muscles help flex the hip besides the iliopsoas", "secondary-hip-flexors")]
    [InlineData("what is the psoas paradox", "psoas-paradox")]
    public void Muscles_outside_the_group_and_a_topic_are_no_member_described(string question, string topic)
    {
        var reply = Ask(Engine(), question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal(topic, reply.Entity);
    }

    [Theory]
    [InlineData("who won the cup final last year")]
    [InlineData("who was the first to describe the psoas minor")]
    public void A_who_question_about_no_muscle_or_about_a_member_asks_for_no_member(string question)
    {
        Assert.Null(Ask(Engine(), question).Entity is "iliacus" or "psoas-major" ? "a member" : null);
    }

    [Fact]
    public void After_a_topic_that_never_names_the_member_its_own_item_is_meant()
    {
        var engine = Engine();
        Ask(engine, "what mobility training is there");
        var reply = Ask(engine, "and the shortening one?");

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("mobility-training", reply.Entity);
    }
}
