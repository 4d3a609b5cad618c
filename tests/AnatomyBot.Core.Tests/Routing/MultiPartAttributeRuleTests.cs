using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The lead's pass of the nineteenth session (3 Dec 2026): a question that asks three things of one muscle ("where does it
/// attach and what nerve supplies it", "origin, insertion and nerve") answers all three, and where the answer is too long
/// for every disagreement note, the long notes go first, so a short one that gives both spinal levels stays: a dispute
/// is shown with both values where the length allows, and named ("Sources disagree on the origin.") where it does not.
/// </summary>
public sealed class MultiPartAttributeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the iliacus attach and what nerve supplies it")]
    [InlineData("where does the iliacus attach and what is its nerve")]
    [InlineData("what is the origin, insertion and nerve of the iliacus")]
    [InlineData("iliacus: origin, insertion and nerve please")]
    public void Both_ends_and_the_nerve_are_all_answered(string question)
    {
        var facts = fixture.Ask(question).Facts;

        Assert.Contains(facts, id => id.StartsWith("iliacus.origin.", StringComparison.Ordinal));
        Assert.Contains(facts, id => id.StartsWith("iliacus.insertion.", StringComparison.Ordinal));
        Assert.Contains(facts, id => id.StartsWith("iliacus.innervation.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("psoas major: 1) origin 2) insertion 3) nerve supply")]
    [InlineData("what are the psoas major's origin, insertion and nerve?")]
    public void A_short_note_with_both_levels_stays_when_a_long_one_goes(string question)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        // Both versions of the nerve's levels (the post's L1-L4 and the book's L2, L3 and L4), not only a line that names the dispute.
        Assert.Contains("L1", answer, StringComparison.Ordinal);
        Assert.Contains("L2, L3 and L4", answer, StringComparison.Ordinal);
        Assert.Contains("Sources disagree on the origin.", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources disagree on the innervation.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_the_psoas_minor_attaches_shows_both_versions_of_its_origin_and_names_the_insertions_dispute()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("where does the psoas minor attach"));

        Assert.True(answer.Length <= ReplyBudget.FactChars, $"{answer.Length} chars: {answer}");
        Assert.Contains("L1", answer, StringComparison.Ordinal);
        Assert.Contains("T12 to L2", answer, StringComparison.Ordinal);
        Assert.Contains("pubis", answer, StringComparison.Ordinal);
        Assert.Contains("Sources disagree on the insertion.", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can a pinched nerve weaken the psoas")]
    [InlineData("which nerve gets pinched when the psoas major is tight")]
    public void A_nerve_that_is_the_subject_is_no_attribute_asked(string question)
    {
        Assert.DoesNotContain(fixture.Ask(question).Facts, id => id == "psoas-major.innervation.1");
    }
}
