using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: words that say how a question is asked are never the subject the sources "don't cover":
/// an exam command word ("indicate", "classify"), chat shorthand ("tbh", "ngl", "imo"), a past, a participle or a
/// comparative of an everyday word ("indicated", "harder": as everyday as "indicate", "hard"), and the spine called the "column" or "backbone". A treatment,
/// a test or a measure still is ("surgeons", "the length in cm"). Phrasings are in no suite.
/// </summary>
public sealed class ChatterWordKindRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Give the insertion of the iliacus and indicate whether the sources agree.", "trochanter")]
    [InlineData("ngl where does the psoas minor start", "L1")]
    [InlineData("is stretching the psoas even worth it imo", "stretch")]
    [InlineData("what does the psoas do for the vertebral column", "spine")]
    [InlineData("which part of the backbone does the psoas major come from", "vertebra")]
    public void Framing_words_leave_the_question_answered(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how long is the psoas major in cm")]
    [InlineData("do surgeons ever cut the iliopsoas tendon")]
    [InlineData("what is a psoas abscess")]
    [InlineData("is a tight psoas common in dancers")]
    [InlineData("what percentage of the psoas is fast-twitch fibre?")]
    public void Subjects_the_sources_lack_are_still_not_covered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }
}
