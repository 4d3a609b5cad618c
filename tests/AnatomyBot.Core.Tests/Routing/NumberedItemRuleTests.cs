using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A topic's numbered list ("Stretch 1: ...", "Stretch 2: ...", "Stretch 3: ..."): after one item, "and the third?",
/// "the last one", "what about number 2" and "next one" give the item asked, alone; asked outright, "stretch two" and
/// "the last stretch" too. A follow-up asking anything else, or after a topic with no numbered list, is answered as
/// before. Phrasings are new (in no suite).
/// </summary>
public sealed class NumberedItemRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("how is the first iliopsoas stretch done", "and the third?", "stretches.3")]
    [InlineData("how is the first iliopsoas stretch done", "the last one?", "stretches.3")]
    [InlineData("how is the first iliopsoas stretch done", "ok what about number 2", "stretches.2")]
    [InlineData("how is the first iliopsoas stretch done", "next one", "stretches.2")]
    [InlineData("explain the second psoas stretch", "and the final one", "stretches.3")]
    [InlineData("explain the second psoas stretch", "what's the next one?", "stretches.3")]
    [InlineData("explain the second psoas stretch", "and the 1st?", "stretches.1")]
    public void An_ordinal_after_a_numbered_item_gives_that_item_alone(string first, string then, string fact)
    {
        var chat = $"numbered-{first}-{then}";
        fixture.Ask(first, chat);
        var next = fixture.Ask(then, chat);

        Assert.Equal("stretches", next.Entity);
        Assert.Equal(fact, Assert.Single(next.Facts));
    }

    [Theory]
    [InlineData("how do you do stretch two for the psoas", "stretches.2")]
    [InlineData("describe the last iliopsoas stretch", "stretches.3")]
    [InlineData("the third hip flexor stretch, how is it done?", "stretches.3")]
    public void An_item_asked_by_its_number_leads_and_its_siblings_stay_out(string question, string fact)
    {
        var answer = fixture.Ask(question);

        Assert.Equal(fact, answer.Facts[0]);
        Assert.DoesNotContain(answer.Facts.Skip(1), f => f is "stretches.1" or "stretches.2" or "stretches.3");
    }

    [Theory]
    [InlineData("how many reps for hip flexor strengthening", "and what if it hurts?")]
    [InlineData("how is the first iliopsoas stretch done", "how long do i hold it?")]
    [InlineData("how is the first iliopsoas stretch done", "what does the psoas minor do?")]
    public void Other_follow_ups_are_not_read_as_an_item_number(string first, string then)
    {
        var chat = $"numbered-other-{first}-{then}";
        fixture.Ask(first, chat);
        var next = fixture.Ask(then, chat);

        Assert.DoesNotContain("stretches.3", next.Facts);
    }
}
