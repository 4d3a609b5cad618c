using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "what happens if you release it?" after the psoas and the diaphragm, "what gear do I need for that?" after
/// strengthening: a pronoun ending the question after a preposition or in a when/if clause is the last topic's subject,
/// so that topic answers, not another one holding the verb ("release": the secondary hip flexors). "why does it
/// matter?" is asked of the last answer, not of the posture fact that "matters". "what causes them?" after trigger
/// points still asks the causes, and a question naming its own subject ignores the context. Phrasings are new (in no suite).
/// </summary>
public sealed class ObjectPronounFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("how is the psoas linked to the diaphragm", "and what happens if you release it?", "diaphragm-connection", "breath")]
    [InlineData("strengthening exercises for the psoas", "what gear do I need for that?", "strengthening", "band")]
    [InlineData("what is the psoas paradox", "why does it matter?", "psoas-paradox", "paradox")]
    public void The_pronoun_keeps_the_last_topic(string first, string follow, string topic, string expected)
    {
        var chat = $"object-{first}-{follow}";
        Assert.Equal(topic, fixture.Ask(first, chat).Entity);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(topic, reply.Entity);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what are iliopsoas trigger points", "what causes them?", "causes-of-dysfunction")]
    [InlineData("what are the three stretches", "which nerve supplies the iliacus", "iliacus")]
    public void A_question_asking_another_subject_leaves_the_last_topic(string first, string follow, string entity)
    {
        var chat = $"object-other-{first}-{follow}";
        fixture.Ask(first, chat);

        Assert.Equal(entity, fixture.Ask(follow, chat).Entity);
    }

    [Fact]
    public void Why_it_matters_without_a_subject_asks_what_about()
    {
        Assert.Equal("More about what?", fixture.Ask("why does it matter?", "object-none").Title);
    }
}
