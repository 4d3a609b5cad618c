using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

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
    // Added 2 Dec 2026 (twelfth blind trial's summary): a stem that ends in a colon instead of a question mark.
    [InlineData("The psoas minor inserts on: (a) lesser trochanter (b) pubic ramus (c) iliac crest", "The psoas minor inserts on:")]
    [InlineData("Nerve to the iliacus: A. femoral B. obturator C. sciatic", "Nerve to the iliacus:")]
    // Three options or more straight after a stem of three words or more, with no mark between.
    [InlineData("the iliacus is supplied by a) the femoral nerve b) the sciatic nerve c) the pudendal nerve", "the iliacus is supplied by")]
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
    [InlineData("Compare: (a) the origin of the psoas major (b) the origin of the iliacus, and say which is higher")]
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

    /// <summary>
    /// Exam labels and forms (added 2 Dec 2026, the twelfth blind trial's summary; the lead's phrasings): "Q3.", "MCQ:",
    /// "Viva question:" and "(fill in the blank)" name no subject, and "T/F:" or "True/false:" ask for a verdict like
    /// "true or false:".
    /// </summary>
    [Theory]
    [InlineData("Q3. The iliacus is supplied by which nerve", "iliacus.innervation", null)]
    [InlineData("MCQ: the psoas minor inserts on: A. lesser trochanter B. pubic ramus C. sacrum", "psoas-minor.insertion", null)]
    [InlineData("Multiple choice - the iliacus arises from: a) iliac fossa b) ischium c) sacrum", "iliacus.origin", null)]
    [InlineData("viva question: what does the psoas minor do", "psoas-minor.action", null)]
    [InlineData("fill in the blank: the iliacus arises from the ____ fossa", "iliacus.origin", null)]
    [InlineData("The psoas major is innervated by the ______ plexus (fill in the blank)", "psoas-major.innervation", null)]
    [InlineData("T/F: the iliacus inserts on the greater trochanter", "iliacus.insertion", "No")]
    [InlineData("True/false: the psoas major attaches to the lesser trochanter", "psoas-major.insertion", "Yes")]
    [InlineData("the psoas minor inserts on the femur (T/F)", "psoas-minor.insertion", "No")]
    [InlineData("Choose the correct answer: the psoas minor arises from A) T12 and L1 B) the sacrum C) the ischium", "psoas-minor.origin", null)]
    [InlineData("so az major insertion comma which bone", "psoas-major.insertion", null)]
    public void An_exam_label_or_form_is_read_past(string typed, string factPrefix, string? opener)
    {
        var reply = fixture.Ask(typed);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.Contains(reply.Facts, f => f.StartsWith(factPrefix, StringComparison.Ordinal));
        Assert.DoesNotContain("don't cover", answer, StringComparison.Ordinal);
        if (opener is not null)
        {
            Assert.StartsWith(opener, answer, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Q7. what does the psoas do", "what does the psoas do")]
    [InlineData("T or F the iliacus is fan shaped", "true or false: the iliacus is fan shaped")]
    [InlineData("tf: the psoas is deep", "true or false: the psoas is deep")]
    [InlineData("the quiz question about the psoas", "the quiz question about the psoas")]
    [InlineData("true or false: the psoas is deep", "true or false: the psoas is deep")]
    public void Labels_go_and_true_false_forms_become_one(string typed, string read)
    {
        Assert.Equal(read, QuestionForms.WithoutExamLabel(typed));
    }
}
