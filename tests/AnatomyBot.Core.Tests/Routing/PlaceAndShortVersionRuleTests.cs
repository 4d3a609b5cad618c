using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 38 (shape): yes/no claims about where a thing lies ("in front of the kidneys" over "behind the kidneys"),
/// whether two things part ("separate tendons" over "one tendon"), whether the subject is the only one of its kind ("the
/// only hip flexor" over "the chief flexor", "the sole muscle" under the dispute that asks "the only link"), and a
/// shorter version of the last answer asked as a follow-up ("in one word?", "tl;dr", "shorter pls"). The phrasings are
/// the engineer's own, not any suite's; the calm counter-examples must keep their verdicts or get none.
/// </summary>
public sealed class PlaceAndShortVersionRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Is the psoas major in front of the kidneys?")]
    [InlineData("psoas major sits in front of the intestines right?")]
    [InlineData("do iliacus and psoas major have separate tendons?")]
    [InlineData("is the iliopsoas the only hip flexor")]
    public void A_claim_the_facts_deny_by_its_opposite_gets_no(string question)
    {
        Assert.StartsWith("No. ", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the psoas run behind the kidneys")]
    [InlineData("Do the psoas major and the iliacus share a tendon?")]
    [InlineData("Is the psoas deep to the abdominal muscles?")]
    [InlineData("Is the iliopsoas the main hip flexor?")]
    public void The_same_claim_the_right_way_round_keeps_its_yes(string question)
    {
        Assert.StartsWith("Yes. ", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the iliopsoas pass above the inguinal ligament?")]
    [InlineData("does the psoas only flex the hip")]
    [InlineData("Is the psoas major in front of the psoas minor?")]
    public void A_place_or_a_kind_no_shown_fact_states_gets_no_yes(string question)
    {
        Assert.False(fixture.Ask(question).Title.StartsWith("Yes.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Does the psoas minor have its own separate insertion from the psoas major?")]
    [InlineData("does the psoas major have a separate tendon")]
    public void Parting_is_denied_only_by_a_fact_that_joins_the_muscles_named(string question)
    {
        Assert.False(fixture.Ask(question).Title.StartsWith("No.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_sole_muscle_is_the_only_one_the_sources_dispute()
    {
        var reply = fixture.Ask("Would you say the psoas is the sole muscle joining upper body to lower body?");

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("in one word?")]
    [InlineData("tl;dr")]
    [InlineData("can you make that shorter")]
    public void A_shorter_version_of_the_last_answer_is_its_first_fact(string message)
    {
        var chat = "short-" + message;
        var first = fixture.Ask("what does the psoas major do", chat);
        var next = fixture.Ask(message, chat);

        Assert.EndsWith(", in short", next.Title, StringComparison.Ordinal);
        Assert.Single(next.Facts);
        Assert.Equal(first.Facts[0], next.Facts[0]);
        Assert.Contains("flex", string.Join("\n", next.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_asked_about_is_no_request_for_a_shorter_version()
    {
        const string chat = "short-word";
        fixture.Ask("what does the psoas major do", chat);
        var next = fixture.Ask("what does the word psoas mean", chat);

        Assert.DoesNotContain(", in short", next.Title, StringComparison.Ordinal);
    }
}
