using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 37's verdict and length work: an offered pair of answers after a few filler words ("quick yes or no: ...")
/// opens the claim as it does at the start; a topic fact that names no muscle is about its topic's one related muscle
/// only; an attribute answer still over the budget leaves out its disagreement notes, naming each dispute in a short line
/// when it fits (each shown fact keeps its own editors' note); the no-diagnosis section pushes out the "Related" pointer, never a fact. The phrasings are the
/// engineer's own, not any suite's.
/// </summary>
public sealed class VerdictOfferAndBudgetRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("quick yes or no: does the iliacus insert on the lesser trochanter", "does the iliacus insert on the lesser trochanter")]
    [InlineData("ok so true or false: the psoas minor reaches the femur", "the psoas minor reaches the femur")]
    [InlineData("just y/n is the psoas a hip flexor", "is the psoas a hip flexor")]
    public void An_offered_pair_after_filler_words_opens_the_claim(string message, string claim)
    {
        var read = QuestionForms.WithoutTag(TokenizedText.From(message));

        Assert.True(read.Tagged);
        Assert.Equal(claim, read.Text);
    }

    [Theory]
    // A content word before the pair: the pair may belong to a longer sentence.
    [InlineData("psoas quiz yes or no does the iliacus insert on the lesser trochanter")]
    // A question word after the pair asks for more than yes or no.
    [InlineData("i know yes or no questions are easy but where does the iliacus insert")]
    // No pair at all.
    [InlineData("quick question does the iliacus insert on the lesser trochanter")]
    public void Calm_counter_examples_keep_their_words(string message)
    {
        var text = TokenizedText.From(message);

        Assert.Same(text, QuestionForms.WithoutTag(text));
    }

    [Theory]
    [InlineData("quick yes or no: does the iliacus insert on the lesser trochanter", "Yes.")]
    [InlineData("ok so true or false: the psoas minor reaches the femur", "No.")]
    public void The_claim_after_the_offer_gets_its_verdict(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topic_fact_naming_no_muscle_is_about_its_topics_one_related_muscle_only()
    {
        var index = fixture.Engine.CurrentIndex();
        int Topic(string id) => Array.FindIndex(index.Topics, t => t.Id == id);
        int Muscle(string id) => Array.FindIndex(index.Muscles, m => m.Id == id);

        Assert.Equal([Muscle("psoas-major")], index.TopicMuscle(Topic("psoas-paradox")));
        // The iliopsoas beside its own part, the psoas major: the part.
        Assert.Equal([Muscle("psoas-major")], index.TopicMuscle(Topic("trunk-flexion")));
        // Related to the psoas major and the iliacus: which one a fact is about stays open.
        Assert.Empty(index.TopicMuscle(Topic("palpation")));
        // Related to no muscle at all.
        Assert.Empty(index.TopicMuscle(Topic("rest")));
    }

    [Fact]
    public void A_fact_tied_to_the_muscle_by_its_heading_alone_does_not_settle_a_claim_about_the_muscle()
    {
        // The strengthening card's "once the easier version feels too easy" holds "easy" and "feel", about an exercise.
        var reply = fixture.Ask("is the psoas easy to feel with your fingers");

        Assert.DoesNotMatch("^(Yes|No)\\.", reply.Title);
    }

    [Theory]
    // The claim shares the heading's own word ("strengthen"): the card's facts settle it.
    [InlineData("do you strengthen the iliopsoas once a day", "Yes.")]
    [InlineData("is the strengthening of the iliopsoas done with 15 to 20 reps", "Yes.")]
    public void A_claim_about_what_the_heading_names_keeps_its_verdict(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where does psoas major attach", "T12", "lesser trochanter")]
    [InlineData("what does the iliopsoas do", "flex", "flex")]
    public void An_attribute_answer_over_the_budget_leaves_out_its_disagreement_notes(string question, string first, string second)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.True(answer.Length <= ReplyBudget.FactChars, $"{answer.Length} chars: {answer}");
        Assert.Contains(first, answer, StringComparison.Ordinal);
        Assert.Contains(second, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyComposer.DisagreementLabel, answer, StringComparison.Ordinal);
        // The dispute is still named, in one short line.
        Assert.Contains("Sources disagree on the ", answer, StringComparison.Ordinal);
    }

    [Theory]
    // Two ends asked, the level named still in the fact shown.
    [InlineData("origin and insertion of psoas major, does it start at T12", "T12", "lesser trochanter", false)]
    // Several muscles found from a landmark: which muscle is asked, not every version of its origin.
    // The psoas minor's L1 fact keeps the correction of its transverse processes.
    [InlineData("which muscles take origin from the first lumbar vertebra", "Psoas minor", "L1", true)]
    public void Several_parts_over_the_budget_go_without_their_notes(string question, string first, string second, bool corrected)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains(first, answer, StringComparison.Ordinal);
        Assert.Contains(second, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyComposer.DisagreementLabel, answer, StringComparison.Ordinal);
        Assert.Equal(corrected, answer.Contains(ReplyComposer.EditorsNoteLabel, StringComparison.Ordinal));
    }

    [Fact]
    public void A_shown_fact_keeps_its_correction_when_the_notes_go()
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask("where does the psoas minor attach"));

        Assert.Contains(ReplyComposer.EditorsNoteLabel, answer, StringComparison.Ordinal);
    }

    [Theory]
    // A question about the dispute itself keeps every side.
    [InlineData("who is right about where the psoas minor attaches")]
    // A level asked of one part: both versions are the answer.
    [InlineData("does the psoas minor start at L1 and end on the pubis")]
    [InlineData("does the psoas minor arise from L1")]
    // The sources' versions asked for.
    [InlineData("which numbered roots supply the iliacus with nerves and blood according to each source")]
    // Short enough already: the note stays.
    [InlineData("innervation of psoas major")]
    public void Disagreement_notes_stay_when_they_are_asked_or_fit(string question)
    {
        Assert.Contains(ReplyComposer.DisagreementLabel, HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_no_diagnosis_section_pushes_out_the_related_line_never_a_fact_or_the_disclaimer()
    {
        var reply = fixture.Ask("my iliopsoas is irritated from overuse, how long do I rest it");

        Assert.DoesNotContain(reply.Sections, s => s.Heading == ReplyComposer.RelatedHeading);
        Assert.Contains(reply.Sections, s => s.Body.Contains("few days", StringComparison.Ordinal));
        Assert.Contains(reply.Sections, s => s.Heading == "Please see a professional");
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void A_calm_question_keeps_its_related_line()
    {
        // "Where does the psoas lie" was this test's question until its answer began with the course of the muscle (session
        // 38: a topic matched on its heading alone answers with its overview), which with the rib dispute fills the budget.
        var reply = fixture.Ask("what links the psoas to the diaphragm");

        Assert.Contains(reply.Sections, s => s.Heading == ReplyComposer.RelatedHeading);
        Assert.Null(reply.Disclaimer);
    }
}
