using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;

namespace AnatomyBot.Core.Tests.Routing;

public sealed class SafetyTests
{
    private readonly AnswerEngine _engine = new(new TestProvider(TestKnowledge.Snapshot()));

    private Reply Ask(string text) => _engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", "c"));

    [Theory]
    [InlineData("where does the psoas major insert")]
    [InlineData("what nerve supplies the iliacus")]
    [InlineData("what is the psoas paradox")]
    [InlineData("painter's origin of the psoas major")]
    [InlineData("the hurtle of the iliacus origin")]
    public void Neutral_questions_get_no_disclaimer(string question)
    {
        var reply = Ask(question);
        Assert.Null(reply.Disclaimer);
        Assert.Null(reply.UrgentNotice);
    }

    [Theory]
    [InlineData("my hip hurts, is it my psoas?")]
    [InlineData("I think I strained my iliacus")]
    [InlineData("I PULLED A MUSCLE in my hip")]
    [InlineData("psoas tendonitis")]
    [InlineData("Pain!")]
    public void Pain_in_the_question_adds_the_disclaimer(string question)
    {
        var reply = Ask(question);
        Assert.Equal(TestKnowledge.Disclaimer, reply.Disclaimer);
        Assert.Null(reply.UrgentNotice);
    }

    [Fact]
    public void Pain_in_the_answer_adds_the_disclaimer_even_for_a_neutral_question()
    {
        var reply = Ask("clinical notes of the psoas major");
        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("low back pain", ReplyText.ToPlainText(reply), StringComparison.Ordinal);
        Assert.Equal(TestKnowledge.Disclaimer, reply.Disclaimer);
    }

    [Fact]
    public void Personal_pain_gets_education_the_disclaimer_and_the_no_diagnosis_advice()
    {
        var reply = Ask("my hip hurts, is it my psoas?");
        Assert.Contains(reply.Intent, new[] { Intent.Topic, Intent.MuscleAttribute, Intent.Muscle });
        Assert.Contains(reply.Sections, s => s.Body == TestKnowledge.NoDiagnosis);
        Assert.NotEmpty(reply.Sources);
        Assert.Equal(TestKnowledge.Disclaimer, reply.Disclaimer);
    }

    [Fact]
    public void Red_flags_need_every_group()
    {
        Assert.Null(Ask("I have numbness in my hip").UrgentNotice);
        Assert.Null(Ask("pain spreading down my leg").UrgentNotice);

        var urgent = Ask("numbness spreading down my leg");
        Assert.Equal(TestKnowledge.Urgent, urgent.UrgentNotice);
        Assert.Equal(TestKnowledge.Disclaimer, urgent.Disclaimer);
        Assert.StartsWith(TestKnowledge.Urgent, ReplyText.ToPlainText(urgent), StringComparison.Ordinal);

        Assert.Equal(TestKnowledge.Urgent, Ask("I lost control of my bladder").UrgentNotice);
        Assert.Equal(TestKnowledge.Urgent, Ask("I cannot control my bowel").UrgentNotice);
    }

    [Fact]
    public void Disclaimer_is_left_out_of_plain_text_when_asked()
    {
        var reply = Ask("my psoas is sore");
        Assert.DoesNotContain(TestKnowledge.Disclaimer, ReplyText.ToPlainText(reply, includeDisclaimer: false), StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.Disclaimer, ReplyText.ToPlainText(reply), StringComparison.Ordinal);
    }
}
