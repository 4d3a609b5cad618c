using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, 1 December round: rules about the shape of a question rather than its subject. The auxiliary that opens a
/// yes/no question asks nothing about the action; a yes/no question answered by a topic's dispute is answered "The
/// sources differ"; a reverse lookup that names both ends finds the muscle that fits both. Phrasings are new (in
/// neither suite).
/// </summary>
public sealed class QuestionShapeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void The_auxiliary_opening_a_yes_no_question_is_not_a_question_about_the_action()
    {
        var reply = fixture.Ask("Does the psoas major get branches from L3?");

        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
        Assert.Contains("L2, L3 and L4", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Do_at_the_end_of_a_question_still_asks_what_the_muscle_does()
    {
        Assert.Equal(MuscleAttribute.Action, fixture.Ask("what does the iliacus do").Attribute);
    }

    [Fact]
    public void A_yes_no_question_answered_by_a_muscle_disagreement_says_the_sources_differ()
    {
        var reply = fixture.Ask("Does the psoas minor take fibres from L2?");

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("Can a physio really feel the psoas with their hands?", "Palpation")]
    [InlineData("Does the psoas minor belong in the iliopsoas?", "How many muscles")]
    public void A_yes_no_question_answered_by_a_topic_dispute_says_the_sources_differ(string question, string topic)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(topic, reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_no_question_a_fact_settles_keeps_its_yes_next_to_a_dispute()
    {
        Assert.StartsWith("Yes.", fixture.Ask("Does a tight psoas arch the lower back?").Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reverse_lookup_naming_both_ends_shows_the_muscle_that_fits_both()
    {
        var reply = fixture.Ask("Which muscle begins at the lumbar vertebrae and finishes on the pubis?");
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Contains("ramus of the pubis", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("psoas major", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_reverse_lookup_naming_one_landmark_still_shows_every_muscle_that_uses_it()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("which muscles attach to the intervertebral discs"));

        Assert.Contains("psoas major", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("psoas minor", answer, StringComparison.OrdinalIgnoreCase);
    }
}
