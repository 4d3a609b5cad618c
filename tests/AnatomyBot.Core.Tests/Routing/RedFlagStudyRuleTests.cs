using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A red flag is for a report, not a study question. "can the psoas cause loss of bladder control?" asks about a red
/// flag and gets a study answer with the disclaimer; a report ("I've lost bladder control", "both legs went numb
/// since yesterday", "is it serious if ...", a relative's symptoms) keeps the urgent line first and alone. When in
/// doubt the urgent line stays. Phrasings are new (in no suite).
/// </summary>
public sealed class RedFlagStudyRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("can the psoas cause loss of bladder control?")]
    [InlineData("which nerve problem causes numbness in both legs?")]
    [InlineData("can the lumbar plexus cause numbness in both legs?")]
    [InlineData("can the psoas cause foot drop?")]
    [InlineData("do psoas trigger points cause pain at night?")]
    [InlineData("what causes saddle numbness?")]
    [InlineData("is it true that a psoas problem can cause loss of bowel control?")]
    [InlineData("Why would a psoas abscess make both legs numb?")]
    public void A_study_question_about_a_red_flag_gets_a_study_answer_with_the_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.Null(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("I've lost bladder control and my legs are numb")]
    [InlineData("lost bladder control and low back pain, is it the psoas?")]
    [InlineData("can't control my bladder and my back hurts")]
    [InlineData("is it serious if both legs go numb?")]
    [InlineData("is it the psoas if both legs are numb?")]
    [InlineData("can the psoas cause this? numbness in both legs")]
    [InlineData("numbness in both legs since yesterday, can the psoas cause that?")]
    [InlineData("my dad lost control of his bladder and his back hurts")]
    [InlineData("does foot drop mean a psoas problem? it started today")]
    [InlineData("what should you do about loss of bladder control with back pain")]
    [InlineData("could a tight psoas be why both legs went numb and we cant feel them")]
    [InlineData("my legs are both numb, can the psoas do that?")]
    [InlineData("my thighs are both tingling and my back hurts")]
    [InlineData("Does sudden loss of bladder control need a doctor?")]
    [InlineData("can numbness in both legs wait until monday?")]
    [InlineData("is loss of bowel control with back pain a reason to go to hospital")]
    public void A_report_keeps_the_urgent_line_and_nothing_dilutes_it(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
        var answer = HeldOutJudge.AnswerText(reply);
        Assert.DoesNotContain("stretch", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exercise", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(reply.Facts);
    }

    [Theory]
    [InlineData("can the psoas cause foot drop?")]
    [InlineData("do psoas trigger points cause pain at night?")]
    [InlineData("can a psoas problem cause loss of bladder control?")]
    [InlineData("does the lumbar plexus cause numbness in both legs?")]
    public void A_study_question_about_a_red_flag_gets_no_one_word_verdict(string question)
    {
        var title = fixture.Ask(question).Title;

        Assert.False(title.StartsWith("Yes", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal)
            || title.StartsWith("The sources differ", StringComparison.Ordinal) || title.StartsWith("One source", StringComparison.Ordinal), title);
    }
}
