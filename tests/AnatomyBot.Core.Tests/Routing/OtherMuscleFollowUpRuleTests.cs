using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "and the other one?" after an answer about the psoas minor asks the same of the psoas major (and back): the one
/// other muscle sharing a word of its name. "the other side" stays a side of the body, and after the iliacus (no such
/// muscle) nothing is swapped. Phrasings are new (in no suite).
/// </summary>
public sealed class OtherMuscleFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("psoas minor insertion?", "and the other one?", "psoas-major", MuscleAttribute.Insertion)]
    [InlineData("which nerve supplies the psoas major", "what about the other muscle", "psoas-minor", MuscleAttribute.Innervation)]
    [InlineData("what does the psoas minor do", "and the other?", "psoas-major", MuscleAttribute.Action)]
    public void The_other_one_is_the_muscle_sharing_the_name(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var chat = $"other-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, attribute), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("psoas minor insertion?", "and on the other side?")]
    [InlineData("where does the iliacus start", "and the other one?")]
    public void Another_side_or_a_muscle_without_a_namesake_swaps_nothing(string first, string follow)
    {
        var chat = $"other-none-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.DoesNotContain(reply.Entity, new[] { "psoas-major" });
    }
}
