using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Honest scope by the shape of the question (session 35): the thing a question asks about ("does X work", "what does X
/// do", "how many X", "how is X diagnosed") holding a term no fact knows is not covered, however well the rest matches;
/// a muscle asked for by a landmark is no thing of another field; a muscle's name given to a pet or a shop is
/// off-topic. Phrasings are in no suite.
/// </summary>
public sealed class AskedThingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("does cupping therapy loosen a tight psoas", "cupping")]
    [InlineData("can acupuncture release the iliacus", "acupuncture")]
    [InlineData("does foam rolling help the psoas", "foam")]
    [InlineData("what does an x-ray show in the psoas major", "x-ray")]
    [InlineData("how many motor units does the psoas minor have", "motor units")]
    [InlineData("how is a snapping iliopsoas tendon treated", "snapping")]
    public void A_thing_asked_about_that_no_fact_knows_is_not_covered(string question, string subject)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains($"don't cover {subject}", Answer(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void An_uncovered_treatment_for_pain_keeps_the_disclaimer()
    {
        var reply = fixture.Ask("can shockwave therapy cure iliopsoas tendinopathy");

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.NotNull(reply.Disclaimer);
    }

    /// <summary>The muscle in a state, a thing the facts know, an attribute asked after "is": the facts answer.</summary>
    [Theory]
    [InlineData("can a cranky psoas be behind my groin ache", "groin")]
    [InlineData("does sitting all day tighten the psoas", "sit")]
    [InlineData("does massage help the psoas", "massag")]
    [InlineData("how many reps for iliopsoas strengthening", "15")]
    [InlineData("what does the psoas minor do", "tilt")]
    [InlineData("is the femoral nerve what supplies the iliacus", "femoral")]
    [InlineData("how many people are missing the psoas minor", "40")]
    [InlineData("do cyclists overwork the iliopsoas", "iliopsoas")]
    public void Known_things_in_the_same_shapes_are_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("which muscle sticks onto the iliopubic eminence", "psoas minor")]
    [InlineData("what muscle clings to the pectineal line", "psoas minor")]
    public void A_muscle_asked_for_by_a_landmark_is_a_reverse_lookup(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_muscle_asked_for_by_a_part_elsewhere_stays_off_topic()
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask("which muscle sticks to the scapula").Intent);
    }

    [Theory]
    [InlineData("my dog's name is Iliacus, what treats can he have")]
    [InlineData("I named my parrot Psoas Minor, which seeds does she like")]
    [InlineData("our cafe is called Psoas, how do we get more customers")]
    public void A_muscle_name_given_to_a_pet_or_a_shop_is_off_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("a muscle called the psoas minor is missing in many people, how many?", "40")]
    [InlineData("why is it called the iliopsoas", "psoas")]
    [InlineData("the muscle is called psoas major, where does it insert?", "lesser trochanter")]
    // The session's review: a name given to the muscle itself, not to someone's pet or band.
    [InlineData("the textbook name is psoas major, where does it insert?", "lesser trochanter")]
    public void A_muscle_called_by_its_name_is_still_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }
}
