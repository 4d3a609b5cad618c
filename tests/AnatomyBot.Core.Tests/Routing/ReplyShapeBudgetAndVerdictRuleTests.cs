using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 36, the reply's shape. Length: an attachment, nerve or artery answer over <see cref="ReplyBudget.FactChars"/>
/// shows one version of the list (the one most sources give) with the verdict and the note a shown claim needs; a free-text
/// answer still over it names its disputes without their sides, unless a side holds a word of the question; an author's
/// view that answers no better than a fact of anatomy goes before that fact. Verdicts: offered answers ("y or n", "si o
/// no") are no choice; a topic fact that names no muscle is about the muscles its topic relates to; a negation after the
/// claim, in a clause of its own, does not deny it; two or more times of the day are a count of times. Phrasings are new
/// (in no suite) and each rule has calm counter-examples.
/// </summary>
public sealed class ReplyShapeBudgetAndVerdictRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static void Fits(Reply reply) =>
        Assert.True(ReplyBudget.Length(reply) <= ReplyBudget.FactChars, $"{ReplyBudget.Length(reply)} chars: {HeldOutJudge.AnswerText(reply)}");

    [Theory]
    [InlineData("does psoas major arise from the coccyx", "No.", "lumbar")]
    [InlineData("psoas major origin pls", null, "lumbar")]
    public void A_long_attachment_answer_shows_one_version_of_the_list(string question, string? verdict, string kept)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Fits(reply);
        Assert.Contains(kept, answer, StringComparison.Ordinal);
        // The rib claim is never shown without its correction.
        Assert.True(!answer.Contains("last rib", StringComparison.Ordinal) || answer.Contains("not to the 12th rib", StringComparison.Ordinal), answer);
        if (verdict is not null)
        {
            Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("describe in full where the psoas major arises", "transverse")]
    [InlineData("does the psoas major start at L1?", "L1")]
    public void An_attachment_asked_in_full_or_by_level_keeps_every_version(string question, string kept) =>
        Assert.Contains(kept, HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);

    [Theory]
    [InlineData("whats the deal with this psoas paradox", "paradox")]
    [InlineData("the psoas, is it bi-articular or not", "two joints")]
    public void A_wall_of_dispute_sides_names_the_dispute_and_keeps_the_fact(string question, string kept)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Fits(reply);
        Assert.Contains(kept, answer, StringComparison.Ordinal);
        Assert.Contains(ReplyComposer.DisagreementLabel, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dispute_asked_about_keeps_its_sides() =>
        Assert.Contains("last rib", HeldOutJudge.AnswerText(fixture.Ask("do the sources agree whether the psoas starts at a rib or a vertebra?")),
            StringComparison.Ordinal);

    [Fact]
    public void An_authors_view_goes_before_the_anatomy_fact()
    {
        var reply = fixture.Ask("is the psoas hooked up to the diaphragm somehow");
        var answer = HeldOutJudge.AnswerText(reply);

        Fits(reply);
        Assert.Contains("fascia", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_view_that_answers_best_is_kept()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("do some authors think trauma is stored in the psoas"));
        Assert.Contains("trauma", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the iliacus is fan shaped, y or n?", "Yes.")]
    [InlineData("psoas major ends on the greater trochanter yes/no", "No.")]
    [InlineData("true/false: the iliacus inserts on the lesser trochanter", "Yes.")]
    public void Offered_answers_are_no_choice(string question, string verdict) =>
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);

    [Theory]
    [InlineData("is the iliacus fan-shaped or cable-like?")]
    [InlineData("does the psoas minor reach the femur or the pelvis?")]
    public void A_real_choice_gets_no_yes_or_no(string question)
    {
        var title = fixture.Ask(question).Title;
        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal), title);
    }

    [Fact]
    public void A_topic_fact_naming_no_muscle_is_about_its_topics_muscles() =>
        Assert.StartsWith("Yes.", fixture.Ask("can the iliopsoas flex the trunk, y/n").Title, StringComparison.Ordinal);

    [Theory]
    [InlineData("does the psoas minor flex the trunk?")]
    [InlineData("does the iliacus flex the trunk?")]
    public void A_muscle_the_topic_does_not_relate_to_gets_no_yes_from_it(string question) =>
        Assert.False(fixture.Ask(question).Title.StartsWith("Yes.", StringComparison.Ordinal), fixture.Ask(question).Title);

    [Fact]
    public void A_negation_after_the_claim_in_its_own_clause_does_not_deny_it()
    {
        var reply = fixture.Ask("can a psoas release be painful?");
        Assert.StartsWith("Yes.", reply.Title, StringComparison.Ordinal);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("does the psoas major attach to the 12th rib?")]
    [InlineData("does the sciatic nerve pass through the psoas?")]
    public void A_negation_in_the_claims_own_clause_still_denies_it(string question) =>
        Assert.False(fixture.Ask(question).Title.StartsWith("Yes.", StringComparison.Ordinal), fixture.Ask(question).Title);

    [Fact]
    public void Times_of_the_day_are_a_count() =>
        Assert.StartsWith("No.", fixture.Ask("should I do the hip flexor strengthening sets in the morning and again at night?").Title, StringComparison.Ordinal);

    [Fact]
    public void One_time_of_the_day_is_no_count() =>
        Assert.False(fixture.Ask("can I do the hip flexor strengthening sets in the morning?").Title.StartsWith("No.", StringComparison.Ordinal));
    /// <summary>Times of the day joined by "or" are a choice of when, not a count (review of 3 Dec).</summary>
    [Fact]
    public void Times_of_the_day_offered_as_a_choice_are_no_count() =>
        Assert.False(fixture.Ask("should I do the hip flexor strengthening sets in the morning or at night?").Title.StartsWith("No.", StringComparison.Ordinal));
}
