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
    /// A quiz asked on a muscle is scoped to the bank's questions whose question or right answer names it; the scope
    /// travels in the reply to the chat's quiz service (the platforms and the console draw from it, not from the
    /// engine's own pick, which only <c>ask</c> shows). "quiz me" and /quiz are not scoped.
    /// </summary>
    [Theory]
    [InlineData("quiz me on the iliacus", "iliacus")]
    [InlineData("give me a quiz question about the psoas minor", "psoas minor")]
    [InlineData("can you test me on psoas major pls", "psoas major")]
    public void A_quiz_on_a_muscle_is_scoped_to_the_questions_that_name_it(string request, string muscle)
    {
        var bank = fixture.Snapshot.Quiz.ToDictionary(q => q.Id);
        for (var draw = 0; draw < 10; draw++)
        {
            var reply = fixture.Ask(request);

            Assert.Equal(Intent.Quiz, reply.Intent);
            Assert.NotEmpty(reply.QuizScope);
            Assert.Contains(reply.Quiz!.Id, reply.QuizScope);
            Assert.All(reply.QuizScope, id => Assert.Contains(muscle, bank[id].Question + " " + bank[id].CorrectOption, StringComparison.OrdinalIgnoreCase));
        }

        Assert.True(fixture.Ask(request).QuizScope.Length < bank.Count, "a scope narrower than the bank");
    }

    [Theory]
    [InlineData("quiz me")]
    [InlineData("give me another quiz question")]
    public void A_quiz_that_names_no_muscle_draws_from_the_whole_bank(string request)
    {
        var reply = fixture.Ask(request);

        Assert.Equal(Intent.Quiz, reply.Intent);
        Assert.Empty(reply.QuizScope);
    }

    [Theory]
    [InlineData("/quiz iliacus", "iliacus")]
    [InlineData("/quiz ilacus", "iliacus")]
    [InlineData("/quiz psoas minor", "psoas minor")]
    public void Quiz_with_a_muscle_after_the_command_is_scoped_to_it(string line, string muscle)
    {
        var request = Assert.IsType<QuizRequest>(CommandCatalogue.Parse(line, CommandCatalogue.In(CommandPlaces.Chat)));
        var bank = fixture.Snapshot.Quiz.ToDictionary(q => q.Id);

        var reply = fixture.Engine.Answer(new IncomingMessage(request, "test", "u1", "c1"));

        Assert.Equal(Intent.Quiz, reply.Intent);
        Assert.NotEmpty(reply.QuizScope);
        Assert.All(reply.QuizScope, id => Assert.Contains(muscle, bank[id].Question + " " + bank[id].CorrectOption, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/quiz")]
    [InlineData("/quiz   ")]
    [InlineData("/quiz 99")]
    public void Quiz_without_a_muscle_after_the_command_draws_from_the_whole_bank(string line)
    {
        var request = Assert.IsType<QuizRequest>(CommandCatalogue.Parse(line, CommandCatalogue.In(CommandPlaces.Chat)));

        var reply = fixture.Engine.Answer(new IncomingMessage(request, "test", "u1", "c1"));

        Assert.Equal(Intent.Quiz, reply.Intent);
        Assert.Empty(reply.QuizScope);
    }
}
