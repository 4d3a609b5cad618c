using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Routing.Retrieval;
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

    [Theory]
    [InlineData("can a tight psoas cause knee pain")]
    [InlineData("is a weak iliopsoas to blame for my sore back?")]
    public void Whether_one_thing_causes_another_is_a_source_claim_never_a_bare_yes(string question)
    {
        var reply = Ask(Engine(), question);
        var answer = Answer(reply);

        Assert.False(HeldOutJudge.StartsWithVerdict(reply, "yes"), answer);
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void A_cause_a_source_lists_is_answered_as_that_source_claim_with_the_source()
    {
        var reply = Ask(Engine(), "can a tight psoas cause knee pain");

        Assert.StartsWith("One source makes that claim.", reply.Title, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Sources);
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

    [Fact]
    public void A_question_about_one_part_is_answered_from_that_part_not_from_a_topic_fact_about_the_others()
    {
        var engine = Engine();
        // "Everyone has two iliopsoas muscles" (a topic fact about the group) does not answer this.
        var present = Ask(engine, "do all people have a psoas minor?");
        Assert.Contains("40", Answer(present), StringComparison.Ordinal);
        Assert.DoesNotContain("two iliopsoas", Answer(present), StringComparison.Ordinal);

        // "The psoas major and iliacus insert by one tendon on the lesser trochanter" does not make this a yes.
        var reach = Ask(engine, "does the psoas minor end on the lesser trochanter", "b");
        Assert.StartsWith("No", reach.Title, StringComparison.Ordinal);
        Assert.Contains("pubi", Answer(reach), StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_no_claim_about_one_muscle_is_judged_on_its_clause_of_a_fact_about_several()
    {
        // "...the psoas major and iliacus tilt the pelvis forward, while the psoas minor tilts it backward..."
        var engine = Engine();
        Assert.StartsWith("No", Ask(engine, "does the psoas major tilt the pelvis backward").Title, StringComparison.Ordinal);
        Assert.StartsWith("Yes", Ask(engine, "can the psoas minor tilt the pelvis backwards?", "b").Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the psoas major easier to palpate than the iliacus", "No")]
    [InlineData("is the iliacus easier to palpate than the psoas", "Yes")]
    [InlineData("is the psoas easier to feel than the iliacus", "No")]
    public void A_comparison_is_answered_by_who_the_fact_says_is_easier(string question, string verdict)
    {
        Assert.StartsWith(verdict, Ask(Engine(), question).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_model_on_an_answer_only_the_model_found_must_clear_a_higher_bar()
    {
        // Every fact a little similar to every question (cosine 0.55): the fused score of the nearest clinical note lands
        // between the accept bar and the semantic-only bar, so "what is a psoas abscess" stays not covered.
        var engine = new AnswerEngine(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), new SomewhatSimilar());
        Assert.True(await engine.SemanticReadyAsync(CancellationToken.None));
        var reply = Ask(engine, "what is a psoas abscess");
        Assert.True(engine.ModelConsultations > 0);
        Assert.Equal(Intent.NotCovered, reply.Intent);
    }

    private sealed class SomewhatSimilar : ITextEmbedder
    {
        public string ModelId => "somewhat-similar";

        public Task<bool> Ready => Task.FromResult(true);

        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            [.. texts.Select(_ => new[] { 0.55f, MathF.Sqrt(1 - (0.55f * 0.55f)) })];

        public float[] EmbedQuery(string text) => [1f, 0f];
    }

    [Theory]
    [InlineData("what does the iliacus weigh", "the weight of the iliacus")]
    [InlineData("how heavy is the psoas minor", "the weight of the psoas minor")]
    public void A_measure_the_sources_lack_is_named_as_what_was_asked(string question, string subject)
    {
        var reply = Ask(Engine(), question);
        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains($"My sources don't cover {subject}.", Answer(reply), StringComparison.Ordinal);
    }
}
