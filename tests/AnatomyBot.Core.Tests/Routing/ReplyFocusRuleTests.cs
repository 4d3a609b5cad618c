using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, what a reply shows once its subject is known: one to four facts that answer the question, under their
/// heading, with "Sources disagree" where they do; never every fact of an attribute. Phrasings are our own, in neither
/// accuracy suite, so the rules are tested on the general case.
/// </summary>
public sealed class ReplyFocusRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c") =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat));

    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static int FactLines(string answer) => answer.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));

    [Theory]
    [InlineData("origin and insertion of the psoas major please")]
    [InlineData("psoas major attachments at the spine?")]
    public void An_attribute_the_sources_disagree_on_shows_the_note_and_a_few_facts_not_all_of_them(string question)
    {
        var answer = Answer(Ask(Engine(), question));

        Assert.Contains("Sources disagree", answer, StringComparison.Ordinal);
        Assert.Contains("T12", answer, StringComparison.Ordinal);
        // The psoas major's origin alone has four facts; with the insertion the whole card section would be six.
        Assert.InRange(FactLines(answer), 1, 4);
    }

    [Theory]
    [InlineData("origin and insertion of the psoas major please")]
    [InlineData("upper attachment of the psoas minor and its nerve roots")]
    [InlineData("where is the psoas major anchored above")]
    public void A_claim_the_disagreement_note_repeats_is_shown_with_the_correction_of_standard_anatomy(string question)
    {
        var answer = Answer(Ask(Engine(), question));

        if (answer.Contains("last rib", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("not to the 12th rib", answer, StringComparison.Ordinal);
        }

        if (answer.Contains("transverse processes", StringComparison.OrdinalIgnoreCase) && answer.Contains("Psoas minor", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Contains("not a usual attachment", answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Of_several_facts_of_an_attribute_the_one_whose_words_match_the_question_is_shown()
    {
        var answer = Answer(Ask(Engine(), "what steadying role has the iliopsoas when balancing on one foot"));

        Assert.Contains("stabilis", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Innervation", answer, StringComparison.Ordinal);
        Assert.True(answer.Length <= 700, answer);
    }

    [Fact]
    public void A_question_asking_for_a_share_gets_the_fact_that_holds_the_number()
    {
        var answer = Answer(Ask(Engine(), "how much of the iliac fossa is covered by the iliacus"));

        Assert.Contains("two-thirds", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which nick names has the psoas got")]
    [InlineData("any nicknames for the soas muscle?")]
    public void A_question_naming_a_topic_as_a_whole_gets_the_topic_lead_fact(string question)
    {
        var answer = Answer(Ask(Engine(), question));

        Assert.Contains("prankster", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Telling_the_two_muscles_apart_by_touch_gives_both_shapes()
    {
        var answer = Answer(Ask(Engine(), "palpating the iliacus versus the psoas, what is the difference"));

        Assert.Contains("fan", answer, StringComparison.Ordinal);
        Assert.Contains("cable", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the iliopsoas pass the inguinal ligament")]
    [InlineData("is the iliopsoas running under the inguinal ligament?")]
    public void The_same_sentence_under_a_topic_and_a_muscle_card_is_shown_once(string question)
    {
        var answer = Answer(Ask(Engine(), question));

        var times = answer.Split("crosses over the inguinal ligament").Length - 1;
        Assert.Equal(1, times);
    }

    [Fact]
    public void Asking_how_to_stretch_gives_the_stretches_themselves_not_the_general_advice()
    {
        var reply = Ask(Engine(), "how should i stretch my psoas");

        Assert.Equal("stretches", reply.Entity);
        Assert.Contains("90 degrees", Answer(reply), StringComparison.Ordinal);
    }
}
