using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 39, verdicts. Someone else's claim handed in to be judged ("my flatmate insists ... - is she right?"): the
/// teller and the reporting verb are no part of the claim, and "is she right" is a tag like "is that right". A share of
/// people given as a count ("four in ten", "two out of five") is a share the variation facts settle, and a number in
/// words ("four", "twenty") is an amount, never a subject the sources lack. A verdict's reply still over the budget leaves
/// out a dispute about another point even when the reply shows it as one of its facts. Phrasings are new (in no suite);
/// each rule has counter-examples that must not change.
/// </summary>
public sealed class ReportedClaimAndCountRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static TokenizedText Tokens(string text) => new(AnatomyBot.Core.Text.TextNormalizer.Normalize(text)) { EndsWithQuestionMark = text.EndsWith('?') };

    [Theory]
    [InlineData("My gym buddy swears the psoas major ends on the greater trochanter, is he right?", "No.", "lesser")]
    [InlineData("A classmate told me that the iliacus inserts on the lesser trochanter - is she correct?", "Yes.", "lesser")]
    [InlineData("my study partner reckons the psoas minor attaches to the femur, are they right?", "No.", "pubi")]
    public void A_claim_someone_else_made_gets_its_verdict(string question, string verdict, string kept)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
        Assert.Contains(kept, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("my friend says the iliacus is fan shaped, is she right?", "the iliacus is fan shaped")]
    [InlineData("someone in my class told me that the psoas minor is missing in some people, is he wrong?", "the psoas minor is missing in some people")]
    public void The_teller_and_the_reporting_verb_are_no_part_of_the_claim(string question, string claim)
    {
        var read = QuestionForms.WithoutTag(Tokens(question));

        Assert.Equal(claim, read.Text);
        Assert.True(read.Tagged);
    }

    [Theory]
    // No tag: a report, not a claim handed in to be judged.
    [InlineData("my teacher says the iliacus is fan shaped")]
    // A yes/no verb before the reporting verb asks about the report itself.
    [InlineData("does my teacher say the psoas flexes the hip")]
    public void A_report_without_a_tag_or_asked_about_keeps_its_words(string question)
    {
        var tokens = Tokens(question);

        Assert.Equal(tokens.Text, QuestionForms.WithoutTag(tokens).Text);
    }

    [Fact]
    public void A_muscle_that_keeps_or_maintains_something_is_no_teller() =>
        Assert.Equal("the psoas keeps the lumbar spine stable", QuestionForms.WithoutTag(Tokens("the psoas keeps the lumbar spine stable, right?")).Text);

    [Theory]
    [InlineData("do two in five people lack a psoas minor", 40)]
    [InlineData("are about one out of two people missing the psoas minor", 50)]
    public void A_count_of_people_is_a_share(string question, double percent) =>
        Assert.Equal((percent, percent), VerdictChecks.ShareOfPeople(Tokens(question)));

    [Theory]
    [InlineData("does the psoas minor run from L1 in 2 ways")]
    [InlineData("do 3 in 3 sets help")]
    public void Numbers_that_count_no_share_of_people_are_none(string question) =>
        Assert.Null(VerdictChecks.ShareOfPeople(Tokens(question)));

    [Theory]
    [InlineData("Do nearly two out of five people lack a psoas minor?", "Yes.")]
    [InlineData("Do approximately one in ten people lack a psoas minor?", "No.")]
    public void A_share_said_as_a_count_gets_its_verdict(string question, string verdict)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
        Assert.Contains("40", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("four", true)]
    [InlineData("twenty", true)]
    [InlineData("12", true)]
    // "the lengthening one": a pronoun as often as a number.
    [InlineData("one", false)]
    [InlineData("often", false)]
    public void A_number_in_words_is_a_bare_number(string word, bool bare) =>
        Assert.Equal(bare, EverydayWords.IsBareNumber(word));

    [Theory]
    [InlineData("can the iliacus rotate the hip outward?")]
    [InlineData("Does the iliopsoas help rotate the hip outwards?")]
    public void A_verdict_over_one_fact_leaves_a_dispute_about_another_point_out(string question)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.StartsWith("Yes.", reply.Title, StringComparison.Ordinal);
        Assert.True(ReplyBudget.Length(reply) <= ReplyBudget.FactChars, $"{ReplyBudget.Length(reply)} chars: {answer}");
        Assert.Contains("rotat", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("abduction", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_about_the_other_point_keeps_its_dispute() =>
        Assert.Contains("abduction", HeldOutJudge.AnswerText(fixture.Ask("Does the iliopsoas abduct the hip?")), StringComparison.Ordinal);

    [Theory]
    [InlineData("Could the psoas major rotate the hip laterally?")]
    public void Lateral_external_and_outward_rotation_are_one_direction(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Matches("^(Yes|The sources differ)\\.", reply.Title);
        Assert.Contains("rotat", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    // Side-bending is "lateral flexion": no rotation, so no rotation fact settles it.
    [InlineData("Does the psoas major medially rotate the hip?")]
    public void The_other_direction_of_rotation_gets_no_yes(string question) =>
        Assert.False(fixture.Ask(question).Title.StartsWith("Yes.", StringComparison.Ordinal));

    [Fact]
    public void The_sources_differ_with_both_sides_shown_leaves_the_fact_for_tell_me_more()
    {
        var reply = fixture.Ask("Is the psoas the only muscle that joins the trunk to the legs?");
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.True(ReplyBudget.Length(reply) <= ReplyBudget.FactChars, $"{ReplyBudget.Length(reply)} chars: {answer}");
        Assert.Contains("[mom]", answer, StringComparison.Ordinal);
        Assert.Contains("[ptclinic]", answer, StringComparison.Ordinal);
    }
}
