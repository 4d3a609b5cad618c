using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>A one-attribute answer does not repeat its attribute under the title ("Psoas major: insertion" then "Insertion:").</summary>
public sealed class ReplyHeadingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("where does the psoas major insert", "Psoas major: insertion")]
    [InlineData("what nerve supplies the iliacus", "Iliacus: innervation")]
    public void A_single_attribute_answer_has_no_heading_that_repeats_the_title(string question, string title)
    {
        var reply = fixture.Ask(question);
        Assert.Equal(title, reply.Title);
        Assert.Null(reply.Sections[0].Heading);
    }

    [Fact]
    public void An_answer_about_two_muscles_keeps_a_heading_for_each()
    {
        var reply = fixture.Ask("where do the psoas major and the iliacus insert");
        Assert.True(reply.Sections.Count(s => s.Heading is not null) >= 2, string.Join(" | ", reply.Sections.Select(s => s.Heading)));
    }
}
