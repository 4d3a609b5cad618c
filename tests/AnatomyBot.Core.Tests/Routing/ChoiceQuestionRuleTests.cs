using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A multiple-choice question pasted with its options is answered from its stem: the wrong options are never taken for
/// what the sources lack ("Which nerve innervates the iliacus? A) obturator B) femoral ..." was "My sources don't cover
/// obturator pudendal"). Parts of an exam question, one lone option and options that ask something stay as typed. From
/// the tenth blind trial's summary (2 Dec 2026; its items were not read); the phrasings are the lead's own.
/// </summary>
public sealed class ChoiceQuestionRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Which nerve supplies the psoas minor? A) pudendal B) lumbar plexus C) sciatic D) obturator", "Which nerve supplies the psoas minor?")]
    [InlineData("Where does the iliacus insert? (a) lesser trochanter (b) greater trochanter (c) ischial tuberosity", "Where does the iliacus insert?")]
    [InlineData("what does the psoas major do? a. flexes the hip b. extends the knee", "what does the psoas major do?")]
    [InlineData("Which muscle is fan shaped? A: iliacus B: gluteus maximus C: sartorius", "Which muscle is fan shaped?")]
    public void The_options_of_a_choice_question_are_cut(string typed, string stem)
    {
        Assert.Equal(stem, QuestionForms.WithoutChoices(typed));
    }

    [Theory]
    [InlineData("Q4 (a) Name the origin of the iliacus. (b) State its nerve supply. [2 marks]")]
    [InlineData("psoas major vs minor: a) origin b) insertion")]
    [InlineData("True or false? a) the iliacus is fan shaped")]
    [InlineData("What does the psoas do? A) flex the hip B) what about the knee?")]
    [InlineData("Where does it insert? b) lesser trochanter c) femur")]
    [InlineData("where does the iliacus insert?")]
    public void Parts_lone_options_and_plain_questions_stay(string typed)
    {
        Assert.Equal(typed, QuestionForms.WithoutChoices(typed));
    }

    [Fact]
    public void Options_that_speak_of_pain_are_kept_for_the_safety_reading()
    {
        var reply = fixture.Ask("Which nerve supplies the iliacus? A) femoral B) sciatic C) my hip is killing me");

        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void The_stem_is_answered_and_no_wrong_option_is_an_uncovered_subject()
    {
        var reply = fixture.Ask("Which nerve supplies the iliacus? A) obturator B) femoral C) sciatic D) pudendal");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(reply.Facts, f => f.StartsWith("iliacus.innervation", StringComparison.Ordinal));
        Assert.DoesNotContain("don't cover", string.Join("\n", reply.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }
}
