using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The body-mind beliefs are found in everyday words ("labour", "childbirth", "sexuality" for the fact's "birth" and
/// "sexual"; knowledge/synonyms.yaml), and come labelled as one author's view, never as fact or as "not covered".
/// </summary>
public sealed class BeliefSynonymRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("can a supple psoas help in labour", "birth")]
    [InlineData("is it true that a supple psoas helps during childbirth", "birth")]
    [InlineData("what does the psoas have to do with sexuality", "sexual")]
    [InlineData("can an imbalanced psoas affect your sex drive", "sexual")]
    public void A_belief_asked_in_everyday_words_is_found_and_labelled_as_a_view(string question, string factWord)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("body-mind-claims", reply.Entity);
        Assert.Contains(factWord, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("One author's view, not established anatomy", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }
}
