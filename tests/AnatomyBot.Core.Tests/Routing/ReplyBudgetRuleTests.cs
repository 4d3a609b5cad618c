using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// An answer to one question is held to <see cref="ReplyBudget"/>: over it, the "Related" line goes first, then the sides of
/// disputes the question did not ask about, and above <see cref="ReplyBudget.FactChars"/> the facts that answer it least,
/// never what was asked (the number, each value of a dispute it asks about, the fact a verdict rests on). What was left
/// out is what "tell me more" shows next. A whole card or topic is not held to it. Phrasings are new (in no suite).
/// </summary>
public sealed class ReplyBudgetRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("into how many sections does myers split the psoas", "six")]
    [InlineData("is it true fears can get trapped in the psoas", "fears", "view")]
    [InlineData("does the psoas minor belong to the iliopsoas", "Two", "Three")]
    [InlineData("where do iliopsoas trigger points send pain", "thigh")]
    public void A_long_answer_is_shortened_but_keeps_what_was_asked(string question, params string[] asked)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.True(ReplyBudget.Length(reply) <= ReplyBudget.FactChars, $"{ReplyBudget.Length(reply)} chars: {answer}");
        Assert.All(asked, a => Assert.True(answer.Contains(a, StringComparison.Ordinal), answer));
    }

    [Fact]
    public void A_fact_left_out_for_length_is_what_tell_me_more_shows_first()
    {
        const string chat = "budget-more";
        var answer = fixture.Ask("describe the referral pattern of the trigger points in the iliopsoas", chat);
        Assert.True(HeldOutJudge.AnswerText(answer).Contains(ReplyBudget.MoreHint, StringComparison.Ordinal), HeldOutJudge.AnswerText(answer));
        Assert.NotEmpty(answer.LeftOut);

        var more = fixture.Ask("tell me more", chat);

        Assert.Equal(answer.LeftOut[0], more.Facts.First(f => !f.Contains("disagreement", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_whole_topic_asked_for_keeps_every_fact_side_and_related_topic()
    {
        var reply = fixture.Ask("tell me about the psoas paradox");
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.True(answer.Length > ReplyBudget.FactChars);
        Assert.Contains("Related", answer, StringComparison.Ordinal);
        Assert.Contains("Tom Myers", answer, StringComparison.Ordinal);
        Assert.Contains("authorities disagree", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(ReplyBudget.MoreHint, answer, StringComparison.Ordinal);
    }

    [Fact]
    public void The_muscle_card_is_not_held_to_the_budget()
    {
        var reply = fixture.Ask("/muscle iliopsoas");

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.True(HeldOutJudge.AnswerText(reply).Length > 2000);
    }

    [Theory]
    [InlineData("where does the psoas minor insert", "superior ramus", "pectineal line")]
    [InlineData("how many reps for strengthening the hip flexors", "15", "20")]
    [InlineData("what nerve supplies the iliacus", "femoral")]
    public void A_short_answer_is_left_as_it_is(string question, params string[] asked)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.DoesNotContain(ReplyBudget.MoreHint, answer, StringComparison.Ordinal);
        Assert.Empty(reply.LeftOut);
        Assert.All(asked, a => Assert.Contains(a, answer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("how many reps for hip flexor strengthening", "15 to 20")]
    [InlineData("how many sets to strengthen my iliopsoas", "two or three sets")]
    public void The_fact_holding_an_asked_number_comes_before_the_topics_overview(string question, string number)
    {
        var reply = fixture.Ask(question);
        var firstFact = reply.Sections.SelectMany(s => s.Body.Split('\n')).First(l => l.StartsWith("- ", StringComparison.Ordinal));

        Assert.Contains(number, firstFact, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_number_asked_the_overview_is_not_pushed_down_by_one()
    {
        var reply = fixture.Ask("what exercises strengthen the iliopsoas");
        var facts = reply.Sections.SelectMany(s => s.Body.Split('\n')).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain("15 to 20", facts[0], StringComparison.Ordinal);
    }
}
