using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups that ask the last question again: a side of the body after a muscle's attribute ("and for the left
/// side?": the same attribute, not that everyone has two muscles), "same q for", "ditto for", "now the", "repeat for",
/// "do the same for" another muscle (its same attribute), the sources asked whether they argue or all say it, and
/// "which of them" after one part of the group (the group's attribute). Calm counter-examples keep their own answers.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class SideAndSameFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which nerve supplies the iliacus", "and for the left side?", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("psoas major innervation", "and on the right?", "psoas-major", MuscleAttribute.Innervation)]
    [InlineData("where does the psoas minor insert", "what about the other side?", "psoas-minor", MuscleAttribute.Insertion)]
    [InlineData("what does the iliacus do", "same on the opposite side?", "iliacus", MuscleAttribute.Action)]
    [InlineData("origin of the psoas major", "ok and the left one?", "psoas-major", MuscleAttribute.Origin)]
    [InlineData("what nerve supplies the psoas minor", "and for the right hip then?", "psoas-minor", MuscleAttribute.Innervation)]
    public void A_side_after_an_attribute_asks_it_again(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var chat = $"side-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, attribute), (reply.Entity, reply.Attribute));
    }

    [Theory]
    // "is that right?" asks about the last answer itself and now restates it (LastAnswerAndPainThreadFollowUpRuleTests).
    [InlineData("which nerve supplies the iliacus", "what's left to learn about it?")]
    [InlineData("which nerve supplies the iliacus", "and the right psoas major?")]
    public void A_word_that_is_no_side_or_a_named_muscle_is_no_side_follow_up(string first, string follow)
    {
        var chat = $"side-none-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.False(reply.Entity == "iliacus" && reply.Attribute == MuscleAttribute.Innervation, reply.Title);
    }

    [Theory]
    [InlineData("psoas minor nerve roots pls", "same q for iliacus", "iliacus")]
    [InlineData("psoas minor nerve roots pls", "ditto for psoas major", "psoas-major")]
    [InlineData("which nerve supplies the psoas major", "now the iliacus", "iliacus")]
    [InlineData("which nerve supplies the psoas major", "repeat for the psoas minor", "psoas-minor")]
    [InlineData("which nerve supplies the psoas minor", "do the same for the iliacus", "iliacus")]
    [InlineData("which nerve supplies the psoas minor", "same goes for the iliacus?", "iliacus")]
    public void Asking_the_same_of_another_muscle_keeps_the_attribute(string first, string follow, string muscle)
    {
        var chat = $"same-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, MuscleAttribute.Innervation), (reply.Entity, reply.Attribute));
    }

    [Fact]
    public void A_new_question_naming_its_attribute_is_not_the_same_again()
    {
        const string chat = "same-own";
        fixture.Ask("which nerve supplies the psoas minor", chat);
        var reply = fixture.Ask("now where does the iliacus insert", chat);

        Assert.Equal(("iliacus", MuscleAttribute.Insertion), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("do the sources argue about that?")]
    [InlineData("is there a conflict there?")]
    [InlineData("do the books argue on that?")]
    [InlineData("any controversy about that?")]
    [InlineData("do the authors argue over this?")]
    public void Asking_whether_the_sources_argue_opens_with_the_disagreement(string follow)
    {
        var chat = $"argue-{follow}";
        fixture.Ask("psoas major innervation", chat);
        var reply = fixture.Ask(follow, chat);

        Assert.StartsWith("The sources differ.", reply.Title);
        Assert.Equal("psoas-major", reply.Entity);
    }

    [Theory]
    [InlineData("do all sources say that?")]
    [InlineData("does every book say so?")]
    [InlineData("do all the authors say this?")]
    public void Asking_whether_all_sources_say_it_restates_with_sources(string follow)
    {
        var chat = $"allsay-{follow}";
        fixture.Ask("tell me about the iliopsoas and breathing", chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal("diaphragm-connection", reply.Entity);
        Assert.Contains(reply.Sections, s => s.Body.Contains("no disagreement", StringComparison.Ordinal));
    }

    [Fact]
    public void Listing_all_sources_still_lists_them()
    {
        const string chat = "allsay-list";
        fixture.Ask("tell me about the iliopsoas and breathing", chat);
        var reply = fixture.Ask("list all sources", chat);

        Assert.Equal(Intent.Sources, reply.Intent);
    }

    [Theory]
    [InlineData("what does the psoas major do", "which of them is sometimes missing?")]
    [InlineData("where does the iliacus insert", "which one is missing in some people?")]
    [InlineData("psoas major innervation", "which one of them is absent in many people?")]
    [InlineData("what does the psoas major do", "which of those is missing in a lot of people")]
    public void Which_of_them_after_a_part_asks_the_group(string first, string follow)
    {
        var chat = $"which-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(("iliopsoas", MuscleAttribute.Variations), (reply.Entity, reply.Attribute));
    }

    [Fact]
    public void Is_it_missing_after_a_part_stays_with_that_part()
    {
        const string chat = "which-own";
        fixture.Ask("what does the psoas minor do", chat);
        var reply = fixture.Ask("is it missing in some people?", chat);

        Assert.Equal("psoas-minor", reply.Entity);
    }
}
