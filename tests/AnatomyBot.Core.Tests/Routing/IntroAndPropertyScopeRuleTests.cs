using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Honest scope both ways (session 38). A question put after a clause that only greets or introduces the student
/// (<see cref="IntroClauses"/>) is answered as the question after it; a property of a named muscle no fact holds
/// (<see cref="MuscleProperties"/>) is "not covered", by name. Phrasings are in no suite.
/// </summary>
public sealed class IntroAndPropertyScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("ahoj, jsem student z Brna. which muscles are in the iliopsoas group?", "iliacus")]
    [InlineData("Hej! Jag heter Erik och studerar fysioterapi. where does the iliacus insert?", "lesser trochanter")]
    [InlineData("kumusta, taga Cebu ako. what nerve supplies the iliacus?", "femoral")]
    public void A_question_after_a_greeting_or_introduction_is_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // The first clause asks or names the subject: nothing is dropped.
    [InlineData("the Ober test, how is it done for the psoas?")]
    public void A_leading_clause_that_asks_or_names_a_test_is_kept(string question)
    {
        Assert.True(SaysNotCovered(fixture.Ask(question)), Answer(fixture.Ask(question)));
    }

    [Fact]
    public void A_greeting_with_pain_keeps_the_disclaimer()
    {
        var reply = fixture.Ask("ahoj, my hip hurts. where does the iliacus insert?");

        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("what is the muscle spindle density of the psoas major?", "spindle density")]
    [InlineData("what is the sarcomere length of the iliacus", "sarcomere")]
    public void A_property_of_a_muscle_no_fact_holds_is_not_covered_by_name(string question, string named)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains(named, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what is the origin of the psoas major?")]
    [InlineData("what is the blood supply of the iliacus")]
    [InlineData("what is the action of the psoas minor")]
    [InlineData("iliacus insertion?")]
    [InlineData("psoas major nerve supply levels")]
    [InlineData("Give a short overview of the psoas minor.")]
    [InlineData("what does the book's model of the psoas say about its fibres?")]
    public void A_property_the_facts_hold_is_answered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.False(SaysNotCovered(reply), Answer(reply));
    }
}

/// <summary>
/// Our words used for other things (session 38): every part of the body a question names is another creature's or
/// thing's (<see cref="ForeignAnchors.OwnsEveryBodyPart"/>), or a muscle's name is the name sought for someone's pet or
/// thing. Both are off-topic; a part of our body standing free, or a person's, keeps the question ours.
/// </summary>
public sealed class OtherThingsScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("chicken thigh bone broth, how long to cook it")]
    [InlineData("what are the trochanters on a beetle's legs for")]
    [InlineData("how long to simmer pork neck bones for soup")]
    [InlineData("a good name for my goldfish? thinking Iliacus")]
    public void Another_creature_or_a_name_is_off_topic(string question)
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("how long should I rest my leg after a long walk")]
    [InlineData("how do I stretch the back of my thigh")]
    [InlineData("does a cyclist's hip flexor get tight")]
    [InlineData("what is another name for the psoas major")]
    public void Our_own_body_stays_ours(string question)
    {
        Assert.NotEqual(Intent.OffTopic, fixture.Ask(question).Intent);
    }
}
