using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "Begins from" and "starts from" ask for the origin outright, so a topic sharing a word ("bone", "tendon") does not
/// take the question; a typo is corrected to the knowledge word the fewest edits away ("streth" is "stretch", not
/// "strength", which shares more letter triples). Phrasings are new (in neither suite).
/// </summary>
public sealed class OriginAndTypoRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("what bone does the psoas minor start from", "psoas-minor")]
    [InlineData("the iliacus begins from where", "iliacus")]
    public void Begin_from_and_start_from_ask_for_the_origin(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(MuscleAttribute.Origin, reply.Attribute);
    }

    [Fact]
    public void A_typo_is_corrected_to_the_closest_knowledge_word()
    {
        var facts = fixture.Engine.CurrentIndex().Facts;

        var term = Assert.Single(facts.QueryTerms(["streth"]));

        Assert.True(term.Corrected);
        Assert.Equal(facts.Term("stretch"), term.Term);
    }
}
