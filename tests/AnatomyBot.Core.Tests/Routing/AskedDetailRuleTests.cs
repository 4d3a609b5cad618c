using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, item 3: "the fact that holds the asked number comes first", and the fact of a topic that holds the asked
/// detail leads the reply. A number question is answered by the fact holding the kind of number asked (a length of
/// time for "how long" or "how many secs", the counted thing for "how many reps"), without the topic's overview or a
/// sibling that holds no such number. A detail question puts the fact whose own words answer it before the topic's
/// overview. The overview still leads when the topic as a whole is asked, before one author's view, and at the first of
/// numbered steps. Phrasings are new (in no suite).
/// </summary>
public sealed class AskedDetailRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("psoas stretch for how many seconds", "stretches.2", "stretches.1")]
    [InlineData("how long do I stay down in the palms on the floor stretch", "stretches.2", "stretches.1")]
    [InlineData("band hip flexor raise standing, how many secs is the hold", "strengthening.2", "strengthening.1")]
    [InlineData("how many reps should I do to build up my hip flexors", "strengthening.3", "strengthening.1")]
    [InlineData("for hip flexor strength work how many sets a day", "strengthening.3", "strengthening.1")]
    public void The_fact_holding_the_asked_number_answers_alone(string question, string answer, string sibling)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(answer, reply.Facts[0]);
        Assert.DoesNotContain(sibling, reply.Facts);
    }

    [Theory]
    // The detail asked sits in a later fact of the topic: it leads the overview.
    [InlineData("which mobility drill suits someone whose pelvis tips forward?", "mobility-training.2")]
    [InlineData("I cannot get deep into a squat, which of the psoas drills is for that", "mobility-training.3")]
    [InlineData("pelvic tilt from the psoas minor, forward or back?", "lumbar-lordosis-and-pelvic-tilt.2")]
    // Must not change: a whole topic, numbered steps and an established fact before one author's view keep their lead.
    [InlineData("front knee angle for the scissor stretch?", "stretches.1")]
    [InlineData("what is lengthening mobility for the psoas?", "mobility-training.1")]
    [InlineData("how should I stretch my hip flexors properly", "stretches.1")]
    [InlineData("the second psoas stretch, how is it done", "stretches.2")]
    [InlineData("psoas and diaphragm, how are they connected", "diaphragm-connection.1")]
    public void The_fact_holding_the_asked_detail_leads(string question, string lead)
    {
        Assert.Equal(lead, fixture.Ask(question).Facts[0]);
    }

    [Fact]
    public void A_number_asked_in_a_yes_no_question_keeps_the_facts_its_verdict_rests_on()
    {
        var text = HeldOutJudge.AnswerText(fixture.Ask("is the standing band hold three seconds long?"));

        Assert.Contains("three seconds", text, StringComparison.Ordinal);
    }
}
