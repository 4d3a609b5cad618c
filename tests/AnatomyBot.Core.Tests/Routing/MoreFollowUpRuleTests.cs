using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "why?", "tell me more", "more about that", "explain" after an answer continue the chat's last subject with the facts
/// not shown yet (never the off-topic reply); without a subject they ask what to say more about. A message with a
/// subject of its own is answered as before. Phrasings are new (in no suite).
/// </summary>
public sealed class MoreFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the psoas minor come from", "why?", "psoas-minor")]
    [InlineData("where does the psoas minor come from", "tell me more", "psoas-minor")]
    [InlineData("what does the iliopsoas do", "more about that", "iliopsoas")]
    [InlineData("what does the iliopsoas do", "explain", "iliopsoas")]
    [InlineData("how many reps for hip flexor strengthening", "go on", "strengthening")]
    [InlineData("how many reps for hip flexor strengthening", "ok can you explain that please", "strengthening")]
    [InlineData("should i rest an irritated iliopsoas", "Tell me more!", "rest")]
    [InlineData("what is the iliopsoas bursa", "elaborate", "iliopsoas-bursa")]
    public void A_request_for_more_continues_the_last_subject_with_facts_not_shown_yet(string first, string more, string entity)
    {
        var chat = $"more-{first}-{more}";
        var answer = fixture.Ask(first, chat);
        var next = fixture.Ask(more, chat);

        Assert.Equal(entity, answer.Entity);
        Assert.Equal(entity, next.Entity);
        Assert.NotEqual(Intent.OffTopic, next.Intent);
        Assert.Empty(next.Facts.Where(f => !f.Contains("disagreement", StringComparison.Ordinal)).Intersect(answer.Facts));
        Assert.True(next.Facts.Length > 0 || HeldOutJudge.AnswerText(next).Contains("everything my sources say", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_for_more_again_moves_on_and_ends_with_everything_said()
    {
        const string chat = "more-again";
        var seen = fixture.Ask("what are the stretches for the psoas", chat).Facts.ToHashSet();
        for (var i = 0; i < 8; i++)
        {
            var next = fixture.Ask("tell me more", chat);
            if (HeldOutJudge.AnswerText(next).Contains("everything my sources say", StringComparison.Ordinal))
            {
                return;
            }

            Assert.Empty(next.Facts.Where(f => !f.Contains("disagreement", StringComparison.Ordinal)).Intersect(seen));
            seen.UnionWith(next.Facts);
        }

        Assert.Fail("\"tell me more\" never reached the end of the topic");
    }

    [Theory]
    [InlineData("why?")]
    [InlineData("tell me more")]
    [InlineData("more about that")]
    [InlineData("explain")]
    public void Without_a_subject_it_asks_what_to_say_more_about(string more)
    {
        var reply = fixture.Ask(more, $"more-none-{more}");

        Assert.Equal("More about what?", reply.Title);
        Assert.NotEmpty(reply.Suggestions);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("explain the psoas paradox", "psoas-paradox")]
    [InlineData("tell me more about the iliacus", "iliacus")]
    [InlineData("why does a tight psoas tilt the pelvis", null)]
    public void A_message_with_a_subject_of_its_own_is_answered_as_before(string question, string? entity)
    {
        const string chat = "more-own";
        fixture.Ask("what is the insertion of the psoas major", chat);
        var reply = fixture.Ask(question, chat);

        Assert.NotEqual("More about what?", reply.Title);
        Assert.NotEqual("psoas-major", reply.Entity);
        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
        }
    }

    [Theory]
    [InlineData("why?")]
    [InlineData("tell me more")]
    public void After_a_red_flag_a_request_for_more_gets_the_urgent_line_again(string more)
    {
        var chat = $"more-flag-{more}";
        Assert.Equal(Intent.Urgent, fixture.Ask("i fell off a ladder and now my hip hurts so bad i can't stand", chat).Intent);

        var reply = fixture.Ask(more, chat);

        Assert.NotNull(reply.UrgentNotice);
        Assert.Empty(reply.Facts);
    }

    [Theory]
    [InlineData("what's the psoas paradox")]
    [InlineData("psoas paradox")]
    [InlineData("trigger points and referral")]
    public void A_topic_named_alone_shows_its_first_facts_and_the_rest_follow_on_request(string question)
    {
        var chat = $"more-topic-{question}";
        var first = fixture.Ask(question, chat);
        var text = HeldOutJudge.AnswerText(first);

        Assert.Equal(Intent.Topic, first.Intent);
        Assert.InRange(first.Facts.Count(f => !f.Contains("disagreement", StringComparison.Ordinal)), 1, 2);
        Assert.Contains("tell me more", text, StringComparison.Ordinal);
        Assert.True(text.Length <= 900, $"{text.Length} chars");

        var more = fixture.Ask("tell me more", chat);
        Assert.Equal(first.Entity, more.Entity);
        Assert.NotEmpty(more.Facts.Where(f => !f.Contains("disagreement", StringComparison.Ordinal)).Except(first.Facts));
    }

    [Theory]
    [InlineData("tell me about the psoas paradox")]
    [InlineData("describe the psoas paradox")]
    [InlineData("everything about the psoas paradox")]
    public void Asking_for_all_of_a_topic_gets_the_whole_topic(string question)
    {
        var text = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains("Tom Myers", text, StringComparison.Ordinal);
        Assert.Contains("profound", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("i strained my hip flexor, how long should i rest it", true)]
    [InlineData("my psoas is sore after running, should i stretch it", true)]
    [InlineData("what is the psoas paradox", false)]
    [InlineData("/muscle iliacus", false)]
    [InlineData("where does the psoas minor come from", false)]
    public void More_about_an_injury_keeps_the_disclaimer_and_more_about_a_study_subject_brings_none(string first, bool disclaimed)
    {
        var chat = $"more-disclaimer-{first}";
        Assert.Equal(disclaimed, fixture.Ask(first, chat).Disclaimer is not null);

        Assert.Equal(disclaimed, fixture.Ask("tell me more", chat).Disclaimer is not null);
        Assert.Equal(disclaimed, fixture.Ask("go on", chat).Disclaimer is not null);
    }
}
