using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8's evening round: one test per answering rule, over the shipped knowledge, in phrasings that are neither in
/// the held-out suite nor in the old one (the rules aim at the general case, not at a suite's wording).
/// </summary>
public sealed class AnswerRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c") =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat));

    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Fact]
    public void The_sources_list_answers_a_question_about_the_sources_not_one_about_a_subject_that_mentions_them()
    {
        var engine = Engine();
        Assert.Equal(Intent.Sources, Ask(engine, "which references do you cite?").Intent);

        var subject = Ask(engine, "what do the sources say about psoas release", "other");
        Assert.Equal(Intent.Topic, subject.Intent);
        Assert.Equal("psoas-massage-debate", subject.Entity);
    }

    [Fact]
    public void In_relation_to_is_a_preposition_not_a_question_about_the_relations()
    {
        var reply = Ask(Engine(), "explain posture in relation to a tight iliopsoas");
        Assert.NotEqual(MuscleAttribute.Relations, reply.Attribute);
        Assert.Equal("posture", reply.Entity);
    }

    [Fact]
    public void A_statement_asked_with_a_question_mark_gets_a_verdict_but_a_bare_subject_with_one_does_not()
    {
        var engine = Engine();
        Assert.StartsWith("Yes", Ask(engine, "the femoral nerve, it supplies the iliacus?").Title, StringComparison.Ordinal);
        Assert.False(HeldOutJudge.StartsWithVerdict(Ask(engine, "psoas paradox?", "b"), "yes|no|differ"));
        Assert.False(HeldOutJudge.StartsWithVerdict(Ask(engine, "stretches for tight hip flexors?", "c2"), "yes|no|differ"));
    }

    [Fact]
    public void A_word_of_a_longer_cue_stays_part_of_a_yes_no_claim()
    {
        // "through" belongs to the cue "runs through", but in "go through the psoas" it is what is claimed.
        var reply = Ask(Engine(), "does the lumbar plexus go through the psoas major");
        Assert.StartsWith("Yes", reply.Title, StringComparison.Ordinal);
        Assert.Contains("lumbar plexus", Answer(reply), StringComparison.Ordinal);
    }
}
