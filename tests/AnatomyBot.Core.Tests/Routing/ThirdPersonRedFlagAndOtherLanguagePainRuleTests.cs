using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A red flag told of someone else ("my grandad hasn't been able to pee since this morning", "mum fell and can't lift
/// her leg") gets the urgent line like one's own, also in the middle of a study conversation; pain said in another
/// language a student mixes in ("tut weh", "me duele", "doet pijn") gets the disclaimer. Phrasings are the lead's own.
/// </summary>
public sealed class ThirdPersonRedFlagAndOtherLanguagePainRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("my grandad hasn't been able to pee since this morning")]
    [InlineData("my husband has not been able to pass urine all day and his back aches")]
    [InlineData("mum fell on the stairs and can't lift her leg")]
    [InlineData("my brother took a bad fall skiing and is unable to lift his leg")]
    // From the session's review.
    [InlineData("grandpa's back is sore and he wet himself this morning")]
    [InlineData("my little girl falls off the swing and can't walk, what do I do")]
    public void A_red_flag_told_of_someone_else_gets_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void A_red_flag_in_the_middle_of_a_study_conversation_gets_the_urgent_line()
    {
        const string chat = "third-person-red-flag";
        fixture.Ask("what is the insertion of the iliacus", chat);

        var reply = fixture.Ask("off topic but my uncle fell off a ladder, can't lift his leg and hasn't peed since", chat);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    [Theory]
    [InlineData("which muscle helps lift the leg when you climb stairs")]
    [InlineData("why can't a patient with a weak iliopsoas lift the leg?")]
    [InlineData("how do we pass urine, which nerve is it")]
    [InlineData("the bar fell off the rack and now I can't lift as heavy, how do I strengthen my hip flexors")]
    [InlineData("since my fall last year I can't lift my knee as high, which psoas exercises help")]
    public void A_study_question_with_the_same_words_gets_no_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.Null(reply.UrgentNotice);
    }

    [Theory]
    [InlineData("mein Rücken tut weh, ist das der psoas?")]
    [InlineData("tengo dolor en la ingle after running")]
    [InlineData("ik heb pijn in my hip flexor")]
    [InlineData("ho dolore all'anca, psoas?")]
    [InlineData("douleur à la hanche when I sit, why?")]
    public void Pain_in_another_language_gets_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [InlineData("how do I strengthen my iliopsoas", "is that ok for someone with bursitis?")]
    [InlineData("what stretches help the psoas", "are those safe if you have a hernia?")]
    public void Whether_something_is_all_right_with_a_condition_gets_no_yes_or_no(string first, string follow)
    {
        var chat = $"clearance-{first}";
        fixture.Ask(first, chat);

        var answer = HeldOutJudge.AnswerText(fixture.Ask(follow, chat));

        Assert.False(answer.StartsWith("Yes.", StringComparison.Ordinal) || answer.StartsWith("No.", StringComparison.Ordinal), answer);
    }
}
