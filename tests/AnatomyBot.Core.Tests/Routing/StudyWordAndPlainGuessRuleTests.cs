using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// What a student is studying for ("viva prep:", "revision flashcards:", "an essay paragraph on", "hint:") is never the
/// subject the sources "don't cover"; and a muscle guessed from plain English words ("pass under" near "psoas miner")
/// gives way to a muscle named outright. Phrasings are the lead's own.
/// </summary>
public sealed class StudyWordAndPlainGuessRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
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

    [Fact]
    public void A_guess_from_plain_words_gives_way_to_a_named_muscle()
    {
        var reply = fixture.Ask("which ligament does the iliopsoas pass under");

        Assert.NotEqual(Intent.DidYouMean, reply.Intent);
        Assert.Equal("iliopsoas", reply.Entity);
    }
}
