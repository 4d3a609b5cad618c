using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// What a student is studying for ("viva prep:", "revision flashcards:", "an essay paragraph on", "hint:") is never the
/// subject the sources "don't cover". Phrasings are the lead's own.
/// </summary>
public sealed class StudyWordRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("viva prep: which nerve supplies the iliacus", "femoral")]
    [InlineData("revision flashcards: origin of psoas minor", "L1")]
    [InlineData("essay paragraph on the action of the psoas major please", "flex")]
    [InlineData("homework hint: the iliopsoas inserts where?", "lesser trochanter")]
    public void A_study_word_is_no_uncovered_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }
}
