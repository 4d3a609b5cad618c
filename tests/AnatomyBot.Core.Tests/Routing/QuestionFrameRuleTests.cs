using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: the words that frame a question (the command words of an exam, "contrast", "elaborate on",
/// "account for"; the words of comparing, "discrepancy", "differences"; their misspellings) say what kind of answer is
/// wanted, never what it is about, so they never make a covered question "not covered". A subject no fact holds still
/// is, however the question is framed. Phrasings are in no suite.
/// </summary>
public sealed class QuestionFrameRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("Contrast the origins of the iliacus and the psoas major", "iliac fossa")]
    [InlineData("compare and contrast the nerve supply of the iliacus and psoas major", "femoral")]
    [InlineData("explain the discrepancy in where the psoas minor inserts", "pectineal")]
    [InlineData("how is the psoas major distinguished from the psoas minor by its insertion", "lesser trochanter")]
    [InlineData("elaborate on the blood supply of the iliopsoas", "iliolumbar")]
    [InlineData("discrepency between sources on the innervation of psoas major", "L2")]
    [InlineData("how meny nerves supply the iliacus", "femoral")]
    [InlineData("account for the psoas minor being absent in some people", "40")]
    public void Words_that_frame_a_question_never_make_it_uncovered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.False(HeldOutJudge.SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("into how many sections does myers divide the psoas")]
    [InlineData("what did myers divide the psoas into")]
    public void Dividing_is_the_splitting_the_sources_describe(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.Contains("six", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Do all humans have a psoas minor?")]
    [InlineData("do all human beings have a psoas minor")]
    [InlineData("does every adult have a psoas minor")]
    public void Who_a_presence_question_counts_is_not_its_subject(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contrast the lymphatic drainage of the iliacus and psoas", "lymphatic")]
    [InlineData("explain the embryology of the psoas minor", "embryology")]
    [InlineData("compare the somites the iliacus and the psoas major come from", "somites")]
    public void A_subject_no_fact_holds_is_not_covered_however_the_question_is_framed(string question, string subject)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains(subject, Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what does tom myers say about the psoas")]
    [InlineData("what does the book say about the iliacus")]
    [InlineData("what did the blog say on the psoas major")]
    public void Say_about_reports_what_a_source_wrote_and_is_no_pronunciation_question(string question) =>
        Assert.NotEqual("Iliopsoas: pronunciation", fixture.Ask(question).Title);

    [Theory]
    [InlineData("how do you say iliopsoas")]
    [InlineData("how do i say psoas")]
    [InlineData("psoas is said how")]
    public void Say_with_the_name_still_asks_the_pronunciation(string question) =>
        Assert.Contains("SO-a", Answer(fixture.Ask(question)), StringComparison.Ordinal);

    [Theory]
    [InlineData("what about the psoas minor in general", "psoas-minor")]
    [InlineData("iliacus in general", "iliacus")]
    public void A_frequent_english_word_is_never_read_as_a_typo_of_a_knowledge_word(string question, string muscle)
    {
        // "general" used to become "several" and pull in the nicknames topic ("goes by several nicknames").
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
    }

    [Theory]
    [InlineData("who came up with the opposing fibres theory", "psoas-paradox")]
    [InlineData("whose theory is the opposing fibres idea", "psoas-paradox")]
    [InlineData("heard the psoas is the earliest muscle to develop in the womb, true?", "body-mind-claims")]
    public void Where_a_claim_came_from_is_no_subject_of_its_own(string question, string topic) =>
        Assert.Equal(topic, fixture.Ask(question).Entity);
}
