using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A red flag is remembered in the chat's context: a follow-up that refers back to it ("which stretch should i do for
/// it", "how many reps") gets the urgent notice and the disclaimer again, never exercise advice on its own. A new study
/// question is answered as usual. Phrasings are new (in no suite).
/// </summary>
public sealed class RedFlagMemoryRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text) =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", "c"));

    [Theory]
    [InlineData("i fell off my bike and my hip hurts badly", "ok so which stretch should i do for it", "how many reps")]
    [InlineData("i got tackled and now i cant put weight on my leg", "what exercises help with that", "and how long should i hold them")]
    [InlineData("my legs are numb and my back aches, both legs", "thanks. should i stretch my psoas?", "what about massage")]
    [InlineData("i have a fever and my hip hurts a lot", "can i foam roll it", "how often")]
    public void Follow_ups_to_a_red_flag_get_the_urgent_notice_again(string flag, string followUp, string next)
    {
        var engine = Engine();
        Assert.NotNull(Ask(engine, flag).UrgentNotice);

        foreach (var question in new[] { followUp, next })
        {
            var reply = Ask(engine, question);
            Assert.Equal(Intent.Urgent, reply.Intent);
            Assert.NotNull(reply.UrgentNotice);
            Assert.NotNull(reply.Disclaimer);
            Assert.DoesNotContain("reps", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void A_new_study_question_after_a_red_flag_is_answered_as_usual()
    {
        var engine = Engine();
        Assert.NotNull(Ask(engine, "i fell off my bike and my hip hurts badly").UrgentNotice);

        var reply = Ask(engine, "what nerve supplies the iliacus");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Null(reply.UrgentNotice);
    }

    [Fact]
    public void The_red_flag_is_forgotten_after_the_follow_up_window()
    {
        var engine = Engine();
        Assert.NotNull(Ask(engine, "i fell off my bike and my hip hurts badly").UrgentNotice);
        _clock.Advance(ConversationMemory.DefaultLifetime + TimeSpan.FromSeconds(1));

        Assert.Null(Ask(engine, "which stretch is good for the psoas").UrgentNotice);
    }

    [Fact]
    public void Without_a_red_flag_the_same_follow_ups_get_their_answers()
    {
        var engine = Engine();
        Ask(engine, "what does the iliacus do");

        Assert.NotEqual(Intent.Urgent, Ask(engine, "ok so which stretch should i do for it").Intent);
    }
}
