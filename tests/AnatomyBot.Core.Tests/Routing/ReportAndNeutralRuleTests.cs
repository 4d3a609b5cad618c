using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A personal pain report naming what hurts besides the muscle ("my knee", "lower back") gets the sourced pain fact
/// about it before the advice, with the disclaimer; "what do i do" keeps the advice alone, and a red flag keeps the
/// urgent line alone. An anatomy question with no pain in it gets no clinical note as a companion (and so no
/// disclaimer), unless a yes/no verdict rests on it or clinical notes are asked for. Phrasings are new (in no suite).
/// </summary>
public sealed class ReportAndNeutralRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("sore knee and i think its my psoas", "knee")]
    [InlineData("my groin has been sore for a week", "groin")]
    [InlineData("my lower back keeps aching after squats", "back")]
    public void A_pain_report_gets_the_sourced_fact_about_what_hurts_and_the_disclaimer(string report, string shows)
    {
        var reply = fixture.Ask(report);

        Assert.NotNull(reply.Disclaimer);
        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("i tweaked my hip flexor at the gym, what do i do?")]
    [InlineData("my psoas hurts, how do i fix it")]
    public void Asking_what_to_do_keeps_the_advice(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotNull(reply.Disclaimer);
        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("pain-symptoms.", StringComparison.Ordinal) || f.StartsWith("sitting-and-tight-hip-flexors.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my back hurts and i can't control my bladder")]
    [InlineData("sudden numbness in both legs and my lower back aches")]
    public void A_red_flag_report_keeps_the_urgent_line_alone(string report)
    {
        var reply = fixture.Ask(report);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.Empty(reply.Facts);
    }

    [Theory]
    [InlineData("Trace the course of psoas major from the lumbar spine to the femur.")]
    [InlineData("which way does the psoas major tip the pelvis")]
    [InlineData("in which direction does psoas major tip the pelvis")]
    public void A_neutral_anatomy_question_gets_no_clinical_note_and_no_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.DoesNotContain(reply.Facts, f => f.Contains(".clinical.", StringComparison.Ordinal));
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("what are the clinical notes of the psoas major")]
    [InlineData("why does a tight psoas major cause low back pain")]
    public void Clinical_notes_asked_for_or_a_pain_question_keep_them(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotNull(reply.Disclaimer);
        Assert.Contains("back pain", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }
}
