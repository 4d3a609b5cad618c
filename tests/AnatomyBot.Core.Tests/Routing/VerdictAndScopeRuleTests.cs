using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, fresh trial (1 December, second round): a yes/no opener only where the fact settles the claim; no
/// disclaimer from a misspelt everyday word; an everyday word is never what the sources "don't cover"; a message with
/// nothing that refers back never inherits the last subject. Phrasings are new (in no accuracy suite).
/// </summary>
public sealed class VerdictAndScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c") =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat));

    private static bool HasVerdict(Reply reply) =>
        reply.Title is { } title && (title.StartsWith("Yes.", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal));

    [Theory]
    [InlineData("do i have a tight iliopsoas")]
    [InlineData("is my psoas the reason my back aches")]
    public void A_yes_or_no_about_the_askers_own_body_is_never_given_because_the_bot_never_diagnoses(string question)
    {
        Assert.False(HasVerdict(fixture.Ask(question)));
    }

    [Fact]
    public void Advice_asked_in_the_first_person_still_gets_its_verdict()
    {
        var title = fixture.Ask("should i do strengthening for my psoas before stretching it").Title;
        Assert.True(title?.StartsWith("Yes.", StringComparison.Ordinal) == true || title?.StartsWith("The sources differ.", StringComparison.Ordinal) == true, title);
    }

    [Fact]
    public void A_disputed_fact_sharing_one_word_with_the_claim_gives_no_yes_or_no()
    {
        Assert.False(HasVerdict(fixture.Ask("does a psoas release let go of old trauma")));
    }

    [Fact]
    public void Whether_a_disputed_practice_works_is_never_answered_yes()
    {
        Assert.False(fixture.Ask("Has psoas massage been shown to be effective?").Title?.StartsWith("Yes.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_topic_about_something_other_than_the_asked_muscle_settles_no_yes_no_question()
    {
        Assert.False(HasVerdict(fixture.Ask("does the iliacus cover the skin")));
    }

    [Fact]
    public void A_pain_word_of_the_claim_missing_from_the_fact_leaves_the_question_without_a_verdict()
    {
        Assert.False(HasVerdict(fixture.Ask("Is it common for the psoas stretch to feel painful?")));
    }

    [Fact]
    public void A_misspelt_everyday_word_near_a_condition_word_raises_no_disclaimer()
    {
        var reply = fixture.Ask("the psoas minor is abscent in lots of ppl?");

        Assert.Null(reply.Disclaimer);
        Assert.Contains("40", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_pain_word_as_near_an_everyday_word_still_gets_the_disclaimer()
    {
        Assert.NotNull(fixture.Ask("my groin hurst after football").Disclaimer);
    }

    [Fact]
    public void An_everyday_word_the_facts_do_not_use_does_not_turn_a_covered_question_away()
    {
        Assert.NotEqual(Intent.NotCovered, fixture.Ask("Is it common for the psoas stretch to feel painful?").Intent);
    }

    [Theory]
    [InlineData("At what age is the iliacus fully grown?")]
    [InlineData("how many grams does a normal psoas minor weigh")]
    public void What_the_sources_do_not_cover_is_never_named_by_an_everyday_word(string question)
    {
        var reply = fixture.Ask(question);
        var said = HeldOutJudge.AnswerText(reply);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.DoesNotContain("cover normal", said, StringComparison.Ordinal);
        Assert.DoesNotContain("cover age", said, StringComparison.Ordinal);
        Assert.DoesNotContain("cover fully", said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_with_nothing_that_refers_back_does_not_inherit_the_last_subject()
    {
        var engine = Engine();
        Ask(engine, "where does the psoas minor attach");

        Assert.Equal(Intent.OffTopic, Ask(engine, "banana bread recipe").Intent);
    }

    [Fact]
    public void A_pain_answer_is_not_repeated_for_an_unrelated_next_line()
    {
        var engine = Engine();
        Ask(engine, "my iliacus is aching");
        var next = Ask(engine, "who won the football yesterday");

        Assert.Equal(Intent.OffTopic, next.Intent);
        Assert.Null(next.Disclaimer);
    }

    [Fact]
    public void And_for_another_muscle_keeps_the_attribute_just_asked()
    {
        var engine = Engine();
        Ask(engine, "what nerve supplies the iliacus");

        Assert.Equal(MuscleAttribute.Innervation, Ask(engine, "and for the psoas minor?").Attribute);
    }

    [Fact]
    public void A_how_many_question_after_a_topic_stays_on_that_topic()
    {
        var engine = Engine();
        Ask(engine, "how do i strengthen the iliopsoas");

        Assert.Contains("15 to 20", HeldOutJudge.AnswerText(Ask(engine, "how many should i do")), StringComparison.Ordinal);
    }

    [Fact]
    public void How_long_asked_of_that_exercise_after_a_topic_stays_on_the_topic()
    {
        var engine = Engine();
        Ask(engine, "give me the iliopsoas stretches");
        var answer = HeldOutJudge.AnswerText(Ask(engine, "how long should i hold that position"));

        Assert.Contains("twenty seconds", answer, StringComparison.OrdinalIgnoreCase);
    }
}
