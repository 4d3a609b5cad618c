using AnatomyBot.Core.Conversation;
using AnatomyBot.Testing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Honest scope by the shape of the question (session 37, 3 Dec 2026). A word no fact uses outside the places a
/// question asks about (a greeting or frame in another language, "per my TA", "exam in 5 mins") is noise around a
/// muscle the facts know; in an asked place ("which somites", "does the aorta ...", "type I or type III collagen") it
/// stays the uncovered subject. A named finding the facts never name ("the Ober sign") and the origin of a word are
/// uncovered; a quiz on another subject is off-topic. Phrasings are the engineer's own and in no suite.
/// </summary>
public sealed class SubjectPositionScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Dobry den, jaky nerv inervuje iliacus?", "femoral")]
    [InlineData("Practical exam in 5 mins!! where does iliacus originate", "iliac fossa")]
    [InlineData("Annyeonghaseyo, psoas major eodiseo sijakhaeyo? origin please", "T12")]
    [InlineData("my tutor keeps mumbling about it: where does the psoas minor insert", "pubi")]
    public void Noise_around_a_known_muscle_is_not_the_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("which somites form the psoas major")]
    [InlineData("Is the iliacus tendon mostly type I or type III collagen?")]
    [InlineData("At which level does the aorta split in front of the psoas major?")]
    [InlineData("what is the pennation angle of the iliacus")]
    [InlineData("what percentage of iliacus fibres are fast-twitch?")]
    public void A_word_in_an_asked_place_stays_uncovered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.True(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("what is the Ober sign for the iliopsoas", "ober sign")]
    [InlineData("how is the psoas test done for a hernia", "psoas test")]
    [InlineData("what iliopsoas syndromes exist", null)]
    public void A_named_finding_no_fact_holds_is_uncovered(string question, string? named)
    {
        var reply = fixture.Ask(question);

        if (named is null)
        {
            // "psoas syndrome" is a phrase the facts hold, so a question about iliopsoas syndromes is not refused by this rule.
            Assert.NotEqual(Intent.OffTopic, reply.Intent);
            return;
        }

        Assert.True(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(named, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a simple test to feel if my psoas is tight?")]
    [InlineData("what are the signs of a tight psoas")]
    public void An_everyday_description_of_a_test_or_sign_is_no_named_finding(string question)
    {
        var reply = fixture.Ask(question);

        Assert.DoesNotContain("don't cover the simple", Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("don't cover the tight", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// "bare" is no subject of its own (session 37): the heat-or-ice facts answer, and they say to put a cover between
    /// the skin and the ice, so the reply never says "Yes." (moved here from VerdictChoiceRuleTests, where a "not
    /// covered" reply had kept it from any verdict).
    /// </summary>
    [Fact]
    public void Ice_on_bare_skin_is_answered_from_the_heat_and_ice_facts_and_never_with_yes()
    {
        var reply = fixture.Ask("is it fine to use ice on bare skin for a sore psoas?");

        Assert.False((reply.Title ?? "").StartsWith("Yes.", StringComparison.Ordinal), reply.Title);
        Assert.Contains("cover between the skin", Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("where does the word iliacus come from")]
    [InlineData("why is it called the psoas minor")]
    [InlineData("ok when was the psoas major named")]
    public void The_origin_of_a_name_and_its_history_are_uncovered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.True(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("where does the iliacus come from", "iliac fossa")]
    [InlineData("what is the psoas major called in the consumer article", "psoas")]
    public void A_muscles_origin_is_not_the_origin_of_its_name(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("quiz me on the roman empire", Intent.OffTopic)]
    [InlineData("test me about world war 2", Intent.OffTopic)]
    [InlineData("quiz me on the psoas major", Intent.Quiz)]
    [InlineData("quiz me on ilacus pls", Intent.Quiz)]
    [InlineData("quiz me on nerve supply", Intent.Quiz)]
    [InlineData("quiz me", Intent.Quiz)]
    public void A_quiz_on_another_subject_is_off_topic(string question, Intent intent) =>
        Assert.Equal(intent, fixture.Ask(question).Intent);
}
