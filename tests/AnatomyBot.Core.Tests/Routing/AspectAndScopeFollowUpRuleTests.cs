using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups on the current subject in words its topic's facts do not hold (AspectFollowUps): trouble asked of the
/// bursa finds the conditions fact that names bursitis, a treatment asked after overuse finds a related topic's fact,
/// and the disclaimer of a pain answer carries on. Questions about the scope of the last answer in its own words
/// (ShownFactFollowUps) show its facts again. Calm counter-examples keep their answers. Phrasings are new (in no suite).
/// </summary>
public sealed class AspectAndScopeFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where is the iliopsoas bursa", "could it become inflamed?")]
    [InlineData("what does the bursa by the iliopsoas do", "any problems with it?")]
    [InlineData("what is the iliopsoas bursa", "what issues can it have?")]
    [InlineData("tell me about the iliopsoas bursa", "so can that get irritated?")]
    public void Trouble_asked_of_the_bursa_finds_bursitis(string first, string follow)
    {
        var chat = $"aspect-trouble-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Contains("associated-conditions.2", reply.Facts);
        Assert.Contains("bursitis", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what is an iliopsoas contracture", "what's the treatment for it?")]
    [InlineData("can overuse from cycling hurt the iliopsoas", "and how is that treated?")]
    public void A_treatment_asked_after_overuse_leaves_the_overuse_facts_and_keeps_the_disclaimer(string first, string follow)
    {
        var chat = $"aspect-treat-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("overuse-and-contracture.", StringComparison.Ordinal));
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    // The last topic's facts hold a word of the question, an everyday one or the measure asked: they answer.
    [InlineData("how many sets for psoas strengthening", "and how often then?", "strengthening.")]
    [InlineData("where is the iliopsoas bursa", "where is it exactly?", "iliopsoas-bursa.")]
    // A word of substance another topic holds ("rest") is answered by that topic, not by a related fact naming the subject.
    [InlineData("what are the three iliopsoas stretches", "how long should i rest it first", "rest.")]
    public void A_follow_up_the_last_topic_holds_stays_there(string first, string follow, string prefix)
    {
        var chat = $"aspect-stay-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Contains(reply.Facts, f => f.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void A_neutral_aspect_gets_no_disclaimer()
    {
        const string chat = "aspect-neutral";
        fixture.Ask("where is the iliopsoas bursa", chat);
        var reply = fixture.Ask("where is it exactly?", chat);

        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("how many people lack a psoas minor", "is it missing on one side or on both?")]
    [InlineData("how many people lack a psoas minor", "so is that both sides?")]
    public void The_scope_of_the_last_answer_in_its_own_words_shows_it_again(string first, string follow)
    {
        var chat = $"scope-{first}-{follow}";
        var before = fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.NotEmpty(before.Facts);
        Assert.Contains(reply.Facts, before.Facts.Contains);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    // A muscle named is a question of its own.
    [InlineData("how many people lack a psoas minor", "is that the same for the iliacus?")]
    // A word the last answer does not hold ("nerve").
    [InlineData("how many people lack a psoas minor", "is that because of the nerve?")]
    public void A_scope_question_with_words_of_its_own_is_not_the_last_answer_again(string first, string follow)
    {
        var chat = $"scope-none-{first}-{follow}";
        var before = fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.False(reply.Facts.SequenceEqual(before.Facts), reply.Title);
    }
}
