using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, shorthand: "PM" for the psoas major (never the time of day after a number), "lumber" for lumbar (phone
/// autocorrect), and short follow-ups that ask for the last answer again or for more of it: "in one sentence", "sum it up
/// in a line", "who says that?", "source?", "any more?", "why not?". After a red flag the urgent line comes again. The
/// lead's own phrasings (written after the eleventh blind trial's summary; its items not read), in no suite.
/// </summary>
public sealed class ShorthandRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("PM origin pls", Intent.MuscleAttribute, "T12")]
    [InlineData("where does the PM end", Intent.MuscleAttribute, "lesser trochanter")]
    [InlineData("lumber levels of the psoas major nerve supply", Intent.MuscleAttribute, "L1")]
    [InlineData("which lumber vertebrae does the psoas minor start from", Intent.MuscleAttribute, "L1")]
    public void Shorthand_and_autocorrected_words_are_read_as_meant(string question, Intent intent, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(intent, reply.Intent);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pm_after_a_number_is_the_time_of_day() =>
        Assert.NotEqual("psoas-major", fixture.Ask("see you at 4 pm for the study group").Entity);

    [Theory]
    [InlineData("which nerve goes to the psoas minor", "give it to me in one sentence", "L1")]
    [InlineData("what does the psoas major do", "tldr?", "flex")]
    [InlineData("where does the iliacus start", "who says that?", "fossa")]
    [InlineData("how long should each stretch be held", "source?", "second")]
    public void A_request_to_restate_or_to_cite_gives_the_last_facts_again(string first, string followUp, string expected)
    {
        var reply = fixture.Dialogue(first, followUp);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(reply.Sources);
    }

    [Theory]
    [InlineData("what stretches are there for the iliopsoas", "got any more?")]
    [InlineData("should I massage my own psoas", "why not?")]
    public void Any_more_and_why_not_continue_the_last_topic(string first, string followUp)
    {
        var before = fixture.Dialogue(first);
        var reply = fixture.Dialogue(first, followUp);

        Assert.Equal(before.Intent, reply.Intent);
        Assert.Equal(before.Title.Split(',')[0], reply.Title.Split(',')[0]);
    }

    [Fact]
    public void Who_says_that_after_a_red_flag_keeps_the_urgent_line() =>
        Assert.NotNull(fixture.Dialogue("fell down the stairs and now i can't put any weight on my leg", "who says that?").UrgentNotice);

    /// <summary>The session's review: a new question after a yes/no one is its own, and the pain of the last answer is not carried onto a subject the message names.</summary>
    [Fact]
    public void What_does_it_do_after_a_yes_no_question_asks_for_the_action()
    {
        var reply = fixture.Dialogue("Is the psoas minor supplied by L1?", "what does the iliacus do?");

        Assert.Equal(MuscleAttribute.Action, reply.Attribute);
    }

    [Fact]
    public void A_named_subject_after_a_pain_answer_gets_no_carried_disclaimer() =>
        Assert.Null(fixture.Dialogue("My groin hurts when I stand up", "ok thanks, what is the sacral chakra? is it real?").Disclaimer);

    [Theory]
    [InlineData("Does the psoas major attach to the cervical spine?")]
    [InlineData("Does the psoas minor arise from the sacral spine?")]
    public void Another_part_of_the_spine_is_no_low_back_claim(string question) =>
        Assert.False(HeldOutJudge.AnswerText(fixture.Ask(question)).StartsWith("Yes", StringComparison.Ordinal));

    [Theory]
    [InlineData("iliacus insertion apes")]
    [InlineData("Does the psoas favor one side?")]
    [InlineData("Is there a den of nerves in the psoas?")]
    public void A_last_word_or_an_English_homograph_of_a_foreign_word_is_still_a_subject(string question) =>
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);

}
