using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 40 (lookup): single questions whose reply must hold the fact that answers. A course asked by both its ends
/// ("from where it starts to where it ends") shows both ends; "in the body" and "actually" name no topic, so what a muscle
/// does in the body is its action; the meaning of a muscle's name is not covered by the sources.
/// </summary>
public sealed class LookupFactRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("the iliacus from where it begins to where it finishes", "iliacus")]
    [InlineData("Describe the psoas minor from where it starts to where it ends", "psoas-minor")]
    [InlineData("where it starts and where it ends, the psoas major", "psoas-major")]
    [InlineData("walk me through the iliacus from start to finish", "iliacus")]
    [InlineData("psoas minor, start to end please", "psoas-minor")]
    public void A_course_by_both_its_ends_shows_both(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.StartsWith(muscle + ".origin.", StringComparison.Ordinal));
        Assert.Contains(reply.Facts, id => id.StartsWith(muscle + ".insertion.", StringComparison.Ordinal));
    }

    [Theory]
    // One end only: the other end's word is not there, so nothing changes.
    [InlineData("where does the iliacus start", "iliacus.origin.", "iliacus.insertion.")]
    [InlineData("where does the psoas minor end up", "psoas-minor.insertion.", "psoas-minor.origin.")]
    public void One_end_asked_stays_one_end(string question, string shown, string notShown)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.StartsWith(shown, StringComparison.Ordinal));
        Assert.DoesNotContain(reply.Facts, id => id.StartsWith(notShown, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what does the psoas major really do in the body")]
    [InlineData("what does the iliacus actually do in your body")]
    [InlineData("so what does the iliacus actually do")]
    public void What_a_muscle_does_in_the_body_is_its_action(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.Contains(".action.", StringComparison.Ordinal));
        Assert.Contains("flex", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Is the psoas the only muscle connecting the upper and lower body?")]
    public void The_upper_and_lower_body_link_keeps_its_topic(string question)
    {
        Assert.Contains(fixture.Ask(question).Facts, id => id.StartsWith("upper-lower-body-link.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what does the name iliacus mean")]
    [InlineData("the word psoas - what did it originally mean and in which language?")]
    public void The_meaning_of_a_muscles_name_is_not_covered(string question)
    {
        Assert.Contains("don't cover", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    // A word of the facts asked for its meaning is answered from the facts.
    [InlineData("what does the term lordotic mean")]
    public void The_meaning_of_a_word_the_facts_use_is_answered(string question)
    {
        Assert.DoesNotContain("don't cover", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }
}
