using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A heading that ends in a question number ("Anatomy test 2 - Q7:", "week 3 revision, q5)") is cut like "Q7." alone:
/// the number is never the subject the sources "don't cover", and the colon after it does not make the heading the
/// stem of a multiple-choice question. Phrasings are the lead's own.
/// </summary>
public sealed class NumberedLabelRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Anatomy test 2 - Q7: what nerve supplies the psoas minor?", "what nerve supplies the psoas minor?")]
    [InlineData("week 3 revision, q5) where does the iliacus insert", "where does the iliacus insert")]
    [InlineData("Practice paper question 4: name the origin of the iliacus", "name the origin of the iliacus")]
    public void A_heading_ending_in_a_question_number_is_cut(string typed, string left)
    {
        Assert.Equal(left, QuestionForms.WithoutExamLabel(typed));
    }

    [Theory]
    [InlineData("what does the iliacus do? q: is it a hip flexor")]
    [InlineData("is the psoas major active in q2 of the gait cycle")]
    public void A_q_later_in_the_question_or_without_its_mark_stays(string typed)
    {
        Assert.Equal(typed, QuestionForms.WithoutExamLabel(typed));
    }

    [Fact]
    public void The_question_after_the_heading_is_answered()
    {
        var reply = fixture.Ask("Anatomy test 2 - Q7: what nerve supplies the psoas minor?");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("L1", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }
}
