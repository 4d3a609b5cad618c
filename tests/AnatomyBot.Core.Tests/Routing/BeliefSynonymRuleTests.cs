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

    /// <summary>
    /// Issue 8, item 4: a belief named in the student's own words (trauma held in the muscle, fear stuck in it, gut
    /// instinct for the fact's gut feelings, energy healing, sex drive, "the muscle of the soul") reaches the body-mind
    /// facts, framed as an author's view.
    /// </summary>
    [Theory]
    [InlineData("my osteopath thinks my psoas is holding on to old trauma, could that be right?", "trauma")]
    [InlineData("can past trauma really live in the psoas?", "trauma")]
    [InlineData("does fear get locked into the psoas?", "fear")]
    [InlineData("is the psoas tied to your gut instincts?", "gut")]
    [InlineData("what about energy healing and the psoas?", "energy")]
    [InlineData("why do people call the psoas the muscle of the soul?", "view")]
    public void A_belief_named_in_the_students_words_reaches_the_body_mind_facts(string question, string factWord)
    {
        var reply = fixture.Ask(question);
        var text = HeldOutJudge.AnswerText(reply);

        Assert.Equal("body-mind-claims", reply.Entity);
        Assert.Contains(factWord, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("One author's view, not established anatomy", text, StringComparison.Ordinal);
    }

    /// <summary>The neighbours keep their topics: the massage debate, the hip flexors, the Opinionated Psoas theory, a marathon as running.</summary>
    [Theory]
    [InlineData("is a psoas release worth it?", "psoas-massage-debate")]
    [InlineData("which muscles are the secondary hip flexors?", "secondary-hip-flexors")]
    [InlineData("how many parts does the Opinionated Psoas theory give the psoas?", "psoas-paradox")]
    [InlineData("how is the psoas tied to the diaphragm?", "diaphragm-connection")]
    public void Neighbours_of_the_beliefs_keep_their_topics(string question, string entity)
    {
        Assert.Equal(entity, fixture.Ask(question).Entity);
    }
}
