using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A quiz phrase asks for a quiz question unless it tells of a quiz already taken ("slipped up in the quiz", "we had a
/// quiz today") or the student goes on to ask a question of their own ("ok another question, where does ..."): those
/// are answered. Found by the lead's probes on 2 Dec 2026, when every one of them got a random quiz question; a quiz still to
/// come ("quiz tmrw") likewise, after the ninth blind trial's summary (its items not read).
/// </summary>
public sealed class QuizRequestRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("i slipped up in the quiz, which nerve supplies the iliacus")]
    [InlineData("ok another question, where does the psoas minor insert")]
    [InlineData("next question: which nerve supplies the iliacus")]
    [InlineData("we had a quiz today and i got the psoas minor insertion wrong, what is it")]
    [InlineData("failed the quiz on the psoas major, what does it do")]
    [InlineData("iliacus nerve supply?? quiz tmrw")]
    [InlineData("where does the psoas major end, big quiz friday")]
    [InlineData("revising for the upcoming quiz: what does the psoas minor do")]
    [InlineData("the quiz is next week, what is the origin of the iliacus")]
    public void A_quiz_told_of_or_a_question_of_ones_own_is_answered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Quiz, reply.Intent);
        Assert.True(reply.Intent is Intent.MuscleAttribute or Intent.Topic or Intent.Muscle, $"{reply.Intent}: {question}");
    }

    [Theory]
    [InlineData("quiz me")]
    [InlineData("quiz me on the psoas minor")]
    [InlineData("can you quiz me on the iliacus")]
    [InlineData("give me another quiz question")]
    [InlineData("next question pls")]
    [InlineData("what is the psoas? actually just quiz me")]
    public void A_request_for_a_quiz_gets_one(string question)
    {
        Assert.Equal(Intent.Quiz, fixture.Ask(question).Intent);
    }

    /// <summary>
    /// A quiz asked on one muscle is a question about that muscle, every time (the bank holds several for each); a request
    /// naming none draws from the whole bank. Found by the lead's probe on 2 Dec 2026 ("quiz me on the iliacus" got a
    /// question about walking).
    /// </summary>
    [Theory]
    [InlineData("quiz me on the iliacus", "iliacus")]
    [InlineData("can you quiz me on the psoas minor", "psoas minor")]
    [InlineData("give me a quiz question about the psoas major", "psoas major")]
    public void A_quiz_on_a_muscle_asks_about_that_muscle(string request, string muscle)
    {
        for (var i = 0; i < 10; i++)
        {
            var reply = fixture.Ask(request);

            Assert.Equal(Intent.Quiz, reply.Intent);
            var question = fixture.Snapshot.Quiz.Single(q => q.Id == reply.Entity);
            Assert.Contains(muscle, (question.Question + " " + question.CorrectOption).ToLowerInvariant(), StringComparison.Ordinal);
        }
    }
}
