using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, the right facts for what was asked: a question that names a muscle, an attribute and a structure none of
/// that attribute's facts mention ("kidney relation", "quadratus lumborum relation") is answered by the best fact that
/// names the structure, not by the attribute's first facts. An everyday word ("bone") or a misspelt cue ("orgin")
/// names no structure, and a structure the attribute's facts do name keeps the attribute answer. Phrasings are in no suite.
/// </summary>
public sealed class AttributeSubjectRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("what kidney relation does the psoas have", "kidney")]
    [InlineData("psoas relation to the kidneys?", "kidney")]
    [InlineData("what is the relationship of the quadratus lumborum to the psoas", "quadratus lumborum")]
    public void A_structure_the_attribute_facts_lack_is_answered_by_the_fact_that_names_it(string question, string structure)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains(structure, answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what bone does the iliacus start from", "psoas-major", false)]
    [InlineData("psoas majer orgin", "psoas-major", true)]
    [InlineData("what are the relations of the psoas major", "psoas-major", true)]
    public void Everyday_words_and_misspelt_cues_keep_the_attribute_answer(string question, string muscle, bool sameMuscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(sameMuscle, reply.Entity == muscle);
    }
}
