using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Honest scope in both directions (3 Dec 2026). A word that is no English word and not built like a medical term (a
/// word of another language, a greeting, an app's name) is no subject the sources lack when the facts answer the rest;
/// in a message framed by another language's function words it is a word of that language. "or" in another language
/// offers a choice like the English one. "worth the money" judges worth, not a price; "in what year was it first ..."
/// asks a date no fact gives; an organ elsewhere in the body is off-topic; a medical word beside a muscle's name keeps
/// the question one of anatomy. Phrasings are the engineer's own and in no suite.
/// </summary>
public sealed class StrayWordScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("iliacus hangi sinir tarafindan? which nerve", "femoral")]
    [InlineData("wo setzt der psoas major an? insertion bitte", "lesser trochanter")]
    [InlineData("salam aleykum, what does the iliacus do", "flex")]
    [InlineData("iliacus nerve: femoral ou obturateur?", "femoral")]
    public void A_word_of_another_language_is_not_the_subject_when_the_facts_answer_the_rest(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("does reiki help a tight psoas")]
    [InlineData("what is a psoas tenotomy")]
    [InlineData("was ist die lymphdrainage des psoas major")]
    [InlineData("where does lymph from the psoas major drain")]
    public void An_unknown_subject_stays_uncovered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
    }

    [Theory]
    [InlineData("sinir", true)]
    [InlineData("zaczyna", true)]
    [InlineData("scusi", true)]
    [InlineData("aleykum", true)]
    [InlineData("anki", false)]
    [InlineData("lymphatic", false)]
    [InlineData("tenotomy", false)]
    [InlineData("somites", false)]
    [InlineData("cupping", false)]
    [InlineData("surgery", false)]
    public void A_stray_word_is_neither_english_nor_built_like_a_medical_term_nor_an_abbreviation(string word, bool stray) =>
        Assert.Equal(stray, StrayWords.IsStray(word));

    [Fact]
    public void A_share_of_a_thing_no_fact_knows_is_not_covered_and_a_share_of_people_is_answered()
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask("what proportion of trunk flexion torque does the psoas major produce").Intent);

        var people = fixture.Ask("what percentage of people have no psoas minor");
        Assert.False(SaysNotCovered(people), Answer(people));
        Assert.Contains("40", Answer(people), StringComparison.Ordinal);
    }

    [Fact]
    public void Worth_the_money_is_answered_from_the_debate_and_a_price_is_not_covered()
    {
        var worth = fixture.Ask("is psoas release worth the cost?");
        Assert.False(SaysNotCovered(worth), Answer(worth));
        Assert.Contains("debate", Answer(worth), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(Intent.NotCovered, fixture.Ask("what is the price of a psoas release session").Intent);
    }

    [Fact]
    public void The_year_of_a_first_is_not_covered_and_a_naming_question_keeps_its_wording()
    {
        var year = fixture.Ask("which year was the psoas minor first operated on");
        Assert.Equal(Intent.NotCovered, year.Intent);
        Assert.DoesNotContain("named", Answer(year), StringComparison.OrdinalIgnoreCase);

        Assert.Contains("named or described", Answer(fixture.Ask("when was the iliacus first described")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_organ_elsewhere_is_off_topic_and_the_kidneys_are_ours()
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask("which book explains the lungs best").Intent);
        Assert.NotEqual(Intent.OffTopic, fixture.Ask("does the psoas major lie behind the kidneys").Intent);
    }
}
