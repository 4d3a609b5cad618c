using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Readings of how a question is put, not what it asks: a red flag of "a patient" or "a kid" keeps the urgent line
/// (when in doubt, the urgent line); an interjection ("ah", "erm") is never a word to
/// match ("ah the iliacus hurts too" got the "ill-ee-AH-cus" pronunciation); and "what does the book say about the
/// psoas minor" asks about the muscle, quoting a book, rather than for the books the sources recommend.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class GenericPersonAndQuotedBookRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("can a kid who lost bladder control after a fall go to school tomorrow")]
    [InlineData("can a patient who lost bowel control with back pain go home")]
    [InlineData("Why might a patient be unable to pass urine with a psoas abscess?")]
    [InlineData("my patient can't pass urine and has back pain")]
    [InlineData("a patient can't pass urine and has back pain, is that serious?")]
    [InlineData("why can the patient not pass urine since yesterday with this back pain")]
    public void A_red_flag_of_a_patient_or_a_child_keeps_the_urgent_line(string question)
    {
        // When in doubt, the urgent line: "a patient" or "a kid" may be someone the asker is with (the session's review
        // found "can a kid who lost bladder control after a fall go to school tomorrow" lost it under a rule that read
        // "a patient" as anyone; that rule was taken out).
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    [Fact]
    public void An_interjection_is_no_word_of_a_fact()
    {
        var pain = fixture.Ask("ah the iliacus hurts too");
        Assert.NotNull(pain.Disclaimer);
        Assert.DoesNotContain("ill-ee-AH", HeldOutJudge.AnswerText(pain), StringComparison.OrdinalIgnoreCase);

        var action = fixture.Ask("ahh ok what does the iliacus do");
        Assert.Equal(Intent.MuscleAttribute, action.Intent);
        Assert.Contains("flex", HeldOutJudge.AnswerText(action), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("What does the book say about the psoas minor?", "psoas-minor")]
    [InlineData("what do the books say about the psoas minor", "psoas-minor")]
    [InlineData("what does my textbook say about the iliacus", "iliacus")]
    [InlineData("what do my notes say about psoas major", "psoas-major")]
    public void What_a_book_says_about_a_muscle_is_its_overview(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.True(HeldOutJudge.AnswerText(reply).Length < 900, HeldOutJudge.AnswerText(reply));
        Assert.DoesNotContain("Staugaard", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_book_asked_for_or_an_attribute_asked_of_a_book_keeps_its_answer()
    {
        var books = fixture.Ask("What books about the psoas do you recommend?");
        Assert.Equal("further-reading", books.Entity);

        var origin = fixture.Ask("what does the book say about the psoas minor origin");
        Assert.Equal(Intent.MuscleAttribute, origin.Intent);
        Assert.Contains("L1", HeldOutJudge.AnswerText(origin), StringComparison.Ordinal);
    }
}
