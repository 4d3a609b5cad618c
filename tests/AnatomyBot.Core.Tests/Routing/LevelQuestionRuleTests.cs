using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, number questions: "which is the lowest vertebra it comes from" asks for a spinal level, so the fact that gives
/// the range of levels (L1-L5, T12-L5) answers first, even when its words match the question less well than a fact that
/// says "all the lumbar vertebrae". Questions that ask no level keep their facts. Phrasings are in no suite.
/// </summary>
public sealed class LevelQuestionRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which is the lowest vertebra the psoas major arises from")]
    [InlineData("what's the lowest lumbar vertebra the psoas major comes from?")]
    [InlineData("psoas major origin: highest vertebra and lowest vertebra?")]
    public void A_level_question_is_answered_by_the_range_of_levels(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(MuscleAttribute.Origin, reply.Attribute);
        Assert.Contains("L5", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which spinal levels supply the psoas major", MuscleAttribute.Innervation, "L2")]
    [InlineData("where does the psoas major originate", MuscleAttribute.Origin, "T12")]
    public void Questions_that_ask_no_level_keep_their_facts(string question, MuscleAttribute attribute, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(attribute, reply.Attribute);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }
}
