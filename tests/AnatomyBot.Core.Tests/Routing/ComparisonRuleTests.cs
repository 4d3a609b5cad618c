using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, comparisons: two of our muscles compared as a whole ("compare", "vs", "the same muscle", "how do they
/// differ") get each one's summary, unless a topic is about exactly that pair (the psoas major vs minor topic answers
/// for those two only). A part compared ("compare the origins") stays an attribute answer, and an aspect the facts
/// hold ("palpation", "shape") is answered from those facts. Phrasings are in no suite.
/// </summary>
public sealed class ComparisonRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("iliacus versus psoas major")]
    [InlineData("is the psoas major the same muscle as the iliacus?")]
    [InlineData("how do psoas major and iliacus differ")]
    [InlineData("what's the difference between iliacus and the psoas major")]
    [InlineData("how can you tell the iliacus and the psoas major apart")]
    public void Two_muscles_compared_get_both_summaries_not_another_pairs_topic(string question)
    {
        var reply = fixture.Ask(question);
        var answer = Answer(reply);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Contains("fan-shaped", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("cable-shaped", answer, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("psoas minor joins the spine to the pelvis", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("compare psoas minor with the iliopsoas", "psoas-minor")]
    [InlineData("iliopsoas vs iliacus", "iliopsoas")]
    public void Any_pair_of_our_muscles_is_compared_by_summaries(string question, string first)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(first, reply.Entity);
    }

    [Theory]
    [InlineData("how does the psoas major differ from the psoas minor", "psoas-major-vs-minor")]
    [InlineData("psoas major versus psoas minor", "psoas-major-vs-minor")]
    public void A_topic_about_exactly_that_pair_still_answers(string question, string topic)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal(topic, reply.Entity);
    }

    [Theory]
    [InlineData("palpation of the iliacus versus the psoas")]
    [InlineData("how does the shape of the iliacus differ from the psoas major")]
    public void One_aspect_compared_is_answered_from_its_facts(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("palpation", reply.Entity);
    }

    [Theory]
    [InlineData("compare the origin of the iliacus and the psoas major")]
    [InlineData("difference between the nerve supply of psoas major and iliacus")]
    public void A_part_compared_stays_an_attribute_answer(string question)
    {
        Assert.Equal(Intent.MuscleAttribute, fixture.Ask(question).Intent);
    }
}
