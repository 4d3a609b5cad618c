using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups whose shape, not their words, says what they ask of the last answer: a turn's opener (hesitation,
/// resumption after a detour, retraction) is no part of the question (TurnOpeners); a bare muscle with a correction's
/// words takes the last attribute; a cause asked after a lead word ("and what sets them off"); an amount in the
/// student's own unit pointing back ("how many rounds of that"); which version to give in an exam after a disputed
/// fact; and the disclaimer carried on a remedy asked right after pain. Calm counter-examples keep their answers.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class TurnShapeFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private Reply Dialogue(string name, params string[] turns)
    {
        var chat = $"turnshape-{name}-{string.Join('|', turns)}";
        Reply? reply = null;
        foreach (var turn in turns)
        {
            reply = fixture.Ask(turn, chat);
        }

        return reply!;
    }

    [Theory]
    [InlineData("where does the psoas minor start", "what's the best pizza in naples", "ok back to it, where does it insert")]
    [InlineData("where does the psoas minor start", "do you like football", "anyway, and its insertion?")]
    [InlineData("where does the psoas minor start", "how tall is everest", "alright back to the question - where does it end")]
    public void A_detour_and_a_resumption_keep_the_subject(string first, string detour, string resume)
    {
        var reply = Dialogue("resume", first, detour, resume);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Insertion, reply.Attribute);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("blood supply of the iliacus", "scratch that - psoas major pls", "psoas-major")]
    [InlineData("psoas minor origin", "never mind, the iliacus", "iliacus")]
    [InlineData("psoas major insertion", "hmm, what about the iliacus's", "iliacus")]
    [InlineData("what does the psoas minor do", "n the iliacus?", "iliacus")]
    [InlineData("psoas major nerve supply", "yeah no, i meant the minor", "psoas-minor")]
    public void A_retracted_or_bare_muscle_takes_the_last_attribute(string first, string follow, string muscle)
    {
        var before = Dialogue("bare-first", first);
        var reply = Dialogue("bare", first, follow);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(before.Attribute, reply.Attribute);
    }

    [Theory]
    // "back to" before a place or an activity is no resumption: the words stay the question's.
    [InlineData("where does the psoas minor start", "back to running after a psoas strain, how long?")]
    public void Back_to_an_activity_is_no_resumption(string first, string follow)
    {
        var reply = Dialogue("back-activity", first, follow);

        Assert.NotNull(reply.Disclaimer);
        Assert.NotEqual("psoas-minor", reply.Entity);
    }

    [Fact]
    public void A_cause_asked_after_a_lead_word_is_no_set_count()
    {
        var reply = Dialogue("cause", "where do iliopsoas trigger points send pain", "so what sets them off?");

        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("strengthening.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_amount_in_the_students_own_unit_pointing_back_is_the_last_answers()
    {
        var reply = Dialogue("rounds", "what strengthening exercises for the iliopsoas", "how many reps for those", "and how many goes of that?");

        Assert.Contains("three", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(reply.Facts, f => f.StartsWith("strengthening.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("psoas major nerve supply", "which one should I memorise for the test?", "L1")]
    [InlineData("psoas minor insertion", "ok so which do I put in my exam", "pectineal")]
    public void Which_version_to_give_names_both_and_says_they_differ(string first, string follow, string term)
    {
        var reply = Dialogue("exam", first, follow);
        var text = ReplyText.ToPlainText(reply);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(term, text, StringComparison.Ordinal);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void Which_with_a_subject_of_its_own_is_no_exam_choice()
    {
        var reply = Dialogue("exam-own", "psoas minor insertion", "which stretch should I do first?");

        Assert.False(reply.Title?.StartsWith("The sources differ.", StringComparison.Ordinal) ?? false);
        Assert.NotEqual(MuscleAttribute.Insertion, reply.Attribute);
    }

    [Fact]
    public void A_remedy_asked_right_after_pain_keeps_the_disclaimer()
    {
        var reply = Dialogue("remedy", "my groin hurts when I lift my knee", "what exercises would help?");

        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void A_neutral_follow_up_after_an_anatomy_answer_gets_no_disclaimer()
    {
        var reply = Dialogue("neutral", "where does the iliacus insert", "hmm, and its nerve?");

        Assert.Null(reply.Disclaimer);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("psoas minor action", "compare that with the psoas major", MuscleAttribute.Action)]
    [InlineData("where does the iliacus come from", "how is that different from the psoas major?", MuscleAttribute.Origin)]
    public void A_comparison_with_another_muscle_asks_the_last_attribute_of_both(string first, string follow, MuscleAttribute attribute)
    {
        var reply = Dialogue("compare", first, follow);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(attribute, reply.Attribute);
        Assert.Contains("Psoas major", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_naming_its_own_subject_is_answered_as_asked()
    {
        var reply = Dialogue("compare-own", "psoas minor action", "compare the nerve supply of the iliacus and the psoas major");

        Assert.NotEqual(MuscleAttribute.Action, reply.Attribute);
    }

    [Theory]
    [InlineData("where does the iliopsoas attach on the femur", "is that at the back or the front?", "back")]
    [InlineData("psoas minor nerve roots", "so L1 and L2, or L1 alone?", "L2")]
    public void A_choice_asked_of_the_last_answer_is_answered_from_its_attribute(string first, string follow, string term)
    {
        var before = Dialogue("choice-first", first);
        var reply = Dialogue("choice", first, follow);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(before.Attribute, reply.Attribute);
        Assert.Contains(term, ReplyText.ToPlainText(reply), StringComparison.Ordinal);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void A_choice_of_words_the_last_attribute_lacks_is_answered_as_asked()
    {
        var reply = Dialogue("choice-own", "psoas major origin", "should I stretch or strengthen it?");

        Assert.NotEqual(MuscleAttribute.Origin, reply.Attribute);
    }
}
