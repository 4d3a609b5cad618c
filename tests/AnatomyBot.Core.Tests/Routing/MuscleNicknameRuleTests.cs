using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Nicknames by size are aliases in the muscle file: "the little psoas" and "the tiny psoas" are the psoas minor, also as
/// a follow-up. "big psoas" is no alias of the psoas major: an alias's words become muscle words, and "how big is the
/// psoas major" must keep its overview. Phrasings are the lead's own (3 Dec 2026).
/// </summary>
public sealed class MuscleNicknameRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the little psoas insert", "psoas-minor")]
    [InlineData("tiny psoas origin?", "psoas-minor")]
    public void A_size_nickname_names_the_muscle(string question, string muscle) =>
        Assert.Equal((Intent.MuscleAttribute, muscle), (fixture.Ask(question).Intent, fixture.Ask(question).Entity));

    [Fact]
    public void A_size_nickname_works_as_a_follow_up()
    {
        var reply = fixture.Dialogue("what nerve supplies the iliacus", "and the little psoas?");
        Assert.Equal((Intent.MuscleAttribute, "psoas-minor"), (reply.Intent, reply.Entity));
    }
}
