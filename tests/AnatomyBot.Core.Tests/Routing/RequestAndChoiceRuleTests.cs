using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The lead's pass after the eighteenth session's landings (3 Dec 2026): a request to the bot ("can you tell me ...") is
/// no yes/no question and gets no verdict, while "can you tell me if ..." and "can you palpate ..." keep theirs; "all of
/// it" among the options of a choice asks for no list, so the one fact that answers stays short.
/// </summary>
public sealed class RequestAndChoiceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Can you tell me all the works the psoas is doing?")]
    [InlineData("could you please explain the psoas paradox?")]
    [InlineData("can u give me the origin of the iliacus?")]
    [InlineData("would you list the actions of the psoas major?")]
    public void A_request_to_the_bot_gets_no_verdict(string question)
    {
        Assert.True(FactAnswerer.AsksTheBotToTell(TokenizedText.From(question)));
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.False(answer.StartsWith("Yes.", StringComparison.Ordinal), answer);
        Assert.False(answer.StartsWith("No.", StringComparison.Ordinal), answer);
    }

    [Theory]
    [InlineData("can you tell me if the psoas major inserts on the lesser trochanter?")]
    [InlineData("could you tell us whether the iliacus inserts on the lesser trochanter?")]
    [InlineData("can you palpate the iliacus?")]
    public void A_yes_no_question_through_a_request_keeps_its_verdict(string question)
    {
        Assert.False(FactAnswerer.AsksTheBotToTell(TokenizedText.From(question)));
        Assert.StartsWith("Yes.", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Fact]
    public void All_of_it_among_a_choices_options_keeps_the_one_fact_that_answers()
    {
        var reply = fixture.Ask("Iliacus origin covers what fraction of the iliac fossa - a half, two-thirds, all of it?");

        Assert.Contains("two-thirds", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
        Assert.InRange(reply.Facts.Length, 1, 2);
    }

    // The session's review (3 Dec 2026): a topic's own word before "of <muscle>" is no property the sources lack; "the
    // rest" after a question of how long asks the rest topic, not the group's other members; "ok" right after an urgent
    // reply gets no cheerful "Okay!"; "lateral to the psoas" in a fact places the iliacus against the psoas major.
    [Theory]
    [InlineData("the referral areas of the iliacus")]
    [InlineData("what are the referral areas of psoas trigger points?")]
    public void A_topic_word_before_a_muscle_asks_that_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.StartsWith("trigger-points-and-referral.", StringComparison.Ordinal));
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void How_long_is_the_rest_asks_the_rest_topic_after_a_muscle_question()
    {
        var reply = fixture.Dialogue("what does the iliacus do?", "how long is the rest?");

        Assert.Contains(reply.Facts, id => id.StartsWith("rest.", StringComparison.Ordinal));
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void And_the_rest_after_a_member_still_asks_the_other_members()
    {
        var reply = fixture.Dialogue("what does the iliacus insert on?", "and the rest?");

        Assert.Contains(reply.Facts, id => id.StartsWith("psoas-major.insertion.", StringComparison.Ordinal));
    }

    [Fact]
    public void An_acknowledgement_after_an_urgent_reply_is_not_cheerful()
    {
        var reply = fixture.Dialogue("my dad fell and now he cannot feel either leg", "ok");

        Assert.DoesNotContain("Okay!", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Lateral_to_the_psoas_in_a_fact_settles_a_claim_about_the_psoas_major()
    {
        Assert.StartsWith("Yes.", HeldOutJudge.AnswerText(fixture.Ask("is the iliacus lateral to the psoas major?")), StringComparison.Ordinal);
    }

    // The seventeenth blind trial's worst answer: a claim whose rare word no fact uses gets no "Yes." from facts about
    // the rest of it; common words, the other spelling of a fact's word and a frame before the muscle keep the verdict.
    [Theory]
    [InlineData("Is absence of psoas minor inherited from your parents?")]
    [InlineData("is the psoas minor hereditary, yes or no?")]
    public void A_claim_whose_rare_word_no_fact_uses_gets_no_yes(string question) =>
        Assert.False(HeldOutJudge.AnswerText(fixture.Ask(question)).StartsWith("Yes.", StringComparison.Ordinal));

    [Theory]
    [InlineData("is it normal to lack the psoas minor")]
    [InlineData("We learn in Brazil that iliacus have some fibers going to hip capsule, it is true?")]
    [InlineData("Is the psoas considered a core muscle?")]
    public void A_claim_in_common_words_keeps_its_yes(string question) =>
        Assert.StartsWith("Yes.", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
}
