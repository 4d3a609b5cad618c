using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: a question asking what no fact holds says so, however well its other words match a fact.
/// How long healing takes (the sources give no healing times), a condition or medicine only the pain vocabulary names
/// ("abscess", "ibuprofen"), and a weight in kilograms (the facts name cuff weights, never how heavy) are not covered,
/// with the disclaimer where pain or injury is named; rest days and hold times the facts do give are still answered.
/// Phrasings are in no suite.
/// </summary>
public sealed class UncoveredAskRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("How many weeks until a strained psoas recovers?")]
    [InlineData("how long does a torn iliacus take to heal")]
    [InlineData("How long before iliopsoas tendonitis goes away?")]
    [InlineData("how long will my hip flexor strain take to get better")]
    [InlineData("Can a psoas abscess spread to the hip?")]
    [InlineData("What dose of ibuprofen helps a psoas strain?")]
    // Added 2 Dec 2026: which medicine to take is a health question whatever the muscle's state, even with no pain word
    // and when the medicine shares a stem with a fact's word ("relaxants" and "relaxed"); "What drugs relax a tight
    // psoas?" got no disclaimer.
    [InlineData("What drugs relax a tight psoas?")]
    [InlineData("muscle relaxants for the psoas major?")]
    [InlineData("what muscle relaxer works on the iliacus")]
    [InlineData("should i take pills for a tight psoas")]
    [InlineData("any pills that help a tight psoas?")]
    [InlineData("is naproxen or aspirin better for the iliopsoas")]
    [InlineData("which medication loosens the iliacus")]
    public void A_healing_time_a_condition_or_a_medicine_the_facts_lack_is_not_covered_with_the_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.True(SaysNotCovered(reply), Answer(reply));
        Assert.NotNull(reply.Disclaimer);
    }

    /// <summary>The calm side of the medicines above: relaxing and relaxed muscles are anatomy, not medicine.</summary>
    [Theory]
    [InlineData("is the psoas relaxed when I lie on my back with my knees bent")]
    [InlineData("how do I relax my psoas when sitting")]
    [InlineData("does the iliacus relax when I stand up")]
    // The session's review (2 Dec 2026, 16:40 UTC): a medicine named in passing is no question about one.
    [InlineData("What's the origin of the psoas major? sorry I'm on meds today so slow")]
    public void Relaxing_a_muscle_is_no_medicine(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Null(reply.Disclaimer);
        Assert.False(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("what kg cuff weight should i use for the leg raises")]
    [InlineData("how many kg should the ankle weight be for marching")]
    public void A_weight_in_units_for_an_exercise_is_not_covered_rather_than_off_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.True(SaysNotCovered(reply), Answer(reply));
    }

    /// <summary>What the facts do give stays answered: days of rest, how long a stretch is held, whether stretching helps.</summary>
    [Theory]
    [InlineData("how long should I rest my psoas", "few days")]
    [InlineData("how many days of rest after a psoas strain", "few days")]
    [InlineData("how long do i hold the iliopsoas stretch", "twenty")]
    [InlineData("can i add cuff weights to the leg raises", "cuff")]
    public void Rest_days_and_hold_times_the_facts_give_are_still_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how many kg does an elephant weigh")]
    [InlineData("how many kg can a horse carry")]
    public void Amounts_of_other_things_stay_off_topic(string question)
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask(question).Intent);
    }
}
