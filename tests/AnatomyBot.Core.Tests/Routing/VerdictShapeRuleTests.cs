using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, yes/no (session 35): verdicts read from the shape of the question. An order said with "then", "later",
/// "afterwards" or "after" (which turns the order round) is weighed against the fact that names the first step, and that
/// fact is brought in from the topic when the ranking left it out; a claim announced by "correct me if I'm wrong" or "am
/// I right in saying" is judged like a tag question; "as well" is "too" in a hip-action claim; a source named before the
/// question's verb ("according to the clinic, should ...") still asks yes or no; "without" denies only what follows it;
/// doing what a fact warns against doing without training is "No."; "me" after "help" or "keep" is whom a muscle helps,
/// not the asker's body; a verdict's reply names the disputes about another point, and those its fact already states, without their sides. The phrasings are the engineer's own,
/// in no suite, with calm counter-examples that must keep no verdict or the same one.
/// </summary>
public sealed class VerdictShapeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Body(Reply reply) => string.Join("\n", reply.Sections.Select(s => s.Body));

    [Theory]
    [InlineData("should I stretch the iliopsoas first and strengthen it afterwards?")]
    [InlineData("is the plan stretching, then strength work, for a weak psoas?")]
    [InlineData("Should I start by stretching and do the strength exercises later?")]
    [InlineData("should i strengthen my psoas after stretching it")]
    public void An_order_that_puts_stretching_first_is_no(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("strengthening", Body(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("should I stretch after strengthening?")]
    [InlineData("strengthening first and stretching later, is that right?")]
    public void An_order_that_puts_strengthening_first_is_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fact_naming_the_first_step_is_brought_in_for_an_order_claim()
    {
        // The ranking finds the lengthening-drill fact; the clinic's "recommends starting with strengthening" settles it.
        var reply = fixture.Ask("do the hip extension lengthening drills come before the strength training?");

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("starting with strengthening", Body(reply), StringComparison.Ordinal);
    }

    [Theory]
    // A choice has no yes or no (a recorded dispute may still say the sources differ).
    [InlineData("should I strengthen or stretch first?")]
    [InlineData("stretch or strengthen first for a tight psoas?")]
    public void Choices_get_no_order_verdict(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal), title);
    }

    [Fact]
    public void After_a_time_is_no_step()
    {
        // "After exercise" names no step: the order rule stays out, and the 2019 article's "especially after exercise" answers.
        Assert.False(fixture.Ask("should I stretch after exercise?").Title?.StartsWith("No.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("correct me if I'm wrong but the psoas minor inserts on the femur", "No.")]
    [InlineData("am I right in saying that the iliacus is fan-shaped?", "Yes.")]
    [InlineData("correct me if i am wrong, the psoas minor gets its nerve from L1 only", "The sources differ.")]
    public void A_claim_announced_for_correction_is_judged(string question, string verdict)
    {
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_me_before_a_question_about_the_asker_gives_no_verdict()
    {
        var reply = fixture.Ask("correct me if I'm wrong but my hip pain is from a tight psoas");

        Assert.False(VerdictOpenings.HasVerdict(VerdictOpenings.Opening(reply)), reply.Title);
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void As_well_is_too_in_a_hip_action_claim()
    {
        var reply = fixture.Ask("does the psoas minor flex the thigh as well?");

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("posterior", Body(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_named_before_the_verb_still_asks_yes_or_no()
    {
        Assert.StartsWith("Yes.", fixture.Ask("according to the physical therapy clinic, does strengthening come first?").Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_denies_only_what_follows_it()
    {
        // "... advises against trying to touch or palpate it without proper education": "hard" and "palpate" come before it.
        Assert.StartsWith("Yes.", fixture.Ask("is the psoas difficult to reach by palpation? hard to palpate?").Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is it a good idea to massage my own psoas without any training?")]
    [InlineData("should I massage my psoas myself with no training?")]
    public void Doing_what_a_fact_warns_against_without_training_is_no(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("training", Body(reply), StringComparison.Ordinal);
    }

    [Theory]
    // Advice asked of anatomy facts: an action fact never says whether something is advisable.
    [InlineData("is it fine for a beginner to poke their own iliacus without training?")]
    // A lack said otherwise ("untrained") is not read; no verdict from this rule.
    [InlineData("is it ok for an untrained person to massage the psoas?")]
    public void Advice_the_facts_do_not_settle_gets_no_yes(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal), title);
    }

    [Fact]
    public void Me_after_help_is_whom_the_muscle_helps()
    {
        Assert.StartsWith("Yes.", fixture.Ask("does the iliopsoas help keep me upright?").Title, StringComparison.Ordinal);
    }

    [Theory]
    // The asker's own body, or pain: never a verdict.
    [InlineData("does my iliopsoas keep me upright?")]
    [InlineData("does the psoas help me when my back hurts?")]
    public void The_asker_s_own_body_or_pain_keeps_no_verdict(string question)
    {
        var title = fixture.Ask(question).Title ?? "";

        Assert.False(title.StartsWith("Yes.", StringComparison.Ordinal) || title.StartsWith("No.", StringComparison.Ordinal), title);
    }

    [Fact]
    public void A_verdict_on_rotation_names_the_other_disputes_only()
    {
        var reply = fixture.Ask("does the iliopsoas rotate the hip externally?");
        var body = Body(reply);

        Assert.StartsWith("Yes.", reply.Title, StringComparison.Ordinal);
        // The abduction dispute (another point) waits for "tell me more", and so do the sides of the firmness dispute,
        // which the fact states (session 39: the reply is held to 700 characters).
        Assert.DoesNotContain("(abduction)?", body, StringComparison.Ordinal);
        Assert.DoesNotContain("also helps with hip abduction", body, StringComparison.Ordinal);
        Assert.DoesNotContain("state it as one of the group's actions", body, StringComparison.Ordinal);
        Assert.True(body.Length <= ReplyBudget.FactChars, body);
    }

    [Fact]
    public void A_question_about_the_disputed_point_keeps_its_dispute()
    {
        var reply = fixture.Ask("does the iliopsoas abduct the thigh?");

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("abduction", Body(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dispute_on_the_asked_point_shows_its_sides_under_a_verdict()
    {
        // The rotation facts answer "does it abduct?" with a verdict; the abduction dispute is the point asked, so its
        // sides and its editors' note are shown, not only its name (CI's Discord end-to-end test, 3 Dec 2026).
        var text = ReplyText.ToPlainText(fixture.Ask("Does the iliopsoas abduct the hip?"));
        Assert.Contains("[healthsite]", text, StringComparison.Ordinal);
        Assert.Contains("Editors' note: Standard anatomy texts do not list abduction", text, StringComparison.Ordinal);
    }
}
