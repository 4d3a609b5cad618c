using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: another muscle's name that shares a word with ours ("teres minor", "pectoralis minor",
/// "the rhomboid major and minor", "zygomaticus major") or a group named by one of our topic phrases ("what muscles
/// make up the hamstring group") is about another region: the off-topic reply, not our muscle's attribute, a
/// did-you-mean or the iliopsoas group. A misspelt name of ours with "major"/"minor" is still ours. Phrasings are in no suite.
/// </summary>
public sealed class OtherMuscleNameRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("what nerve supplies the pectoralis minor")]
    [InlineData("where does the teres major insert")]
    [InlineData("which nerve supplies the rhomboid major and minor")]
    [InlineData("what is the origin of the zygomaticus major")]
    [InlineData("which spinal segment innervates the deltoid and the teres minor")]
    [InlineData("which muscles make up the quadriceps group")]
    [InlineData("what muscles make up the hamstrings group")]
    public void Another_muscle_sharing_a_word_with_ours_is_off_topic(string question)
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("what nerve supplies the psoas minor", "psoas-minor")]
    [InlineData("where does the psoaz major insert", "psoas-major")]
    [InlineData("what is the origin of the psoas major and minor", null)]
    [InlineData("where does the minor attach", "psoas-minor")]
    public void Our_muscles_with_major_or_minor_are_still_ours(string question, string? muscle)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        if (muscle is not null)
        {
            Assert.Equal(muscle, reply.Entity);
        }
    }

    [Theory]
    [InlineData("which muscles make up the iliopsoas group")]
    [InlineData("what muscles make up the iliopsoas")]
    public void Our_group_named_by_the_same_phrase_is_answered(string question)
    {
        var intent = fixture.Ask(question).Intent;

        Assert.NotEqual(Intent.OffTopic, intent);
        Assert.NotEqual(Intent.NotCovered, intent);
    }
}
