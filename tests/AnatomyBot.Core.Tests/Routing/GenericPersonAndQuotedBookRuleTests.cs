using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Three readings of how a question is put, not what it asks: "a patient" or "a child" in a study question is anyone,
/// so a red-flag symptom asked about in general gets a study answer (with the disclaimer), while "my patient" or a
/// question that does not open as a study question still reports; an interjection ("ah", "erm") is never a word to
/// match ("ah the iliacus hurts too" got the "ill-ee-AH-cus" pronunciation); and "what does the book say about the
/// psoas minor" asks about the muscle, quoting a book, rather than for the books the sources recommend.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class GenericPersonAndQuotedBookRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Why might a patient be unable to pass urine with a psoas abscess?")]
    [InlineData("why might a child be unable to pass urine after a psoas abscess")]
    [InlineData("how could a patient with a psoas abscess end up with numbness in both legs")]
    public void A_person_in_general_is_a_study_question_with_the_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.Null(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("my patient can't pass urine and has back pain")]
    [InlineData("a patient of mine can't pass urine and has back pain, what do I do")]
    [InlineData("a patient can't pass urine and has back pain, is that serious?")]
    [InlineData("why can the patient not pass urine since yesterday with this back pain")]
    [InlineData("why is my kid unable to pass urine with back pain")]
    public void A_person_the_asker_knows_keeps_the_urgent_line(string question)
    {
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
