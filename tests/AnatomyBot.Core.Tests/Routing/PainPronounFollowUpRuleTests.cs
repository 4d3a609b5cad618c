using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A follow-up whose pronoun points back at a pain the last answer was disclaimed for ("what exercises help with
/// it?" after "my hip hurts at the front when I stand up") keeps the disclaimer, whatever topic its words find. A
/// question naming a muscle of its own, or a pronoun after a calm answer, gets none. Phrasings are new (in no suite).
/// </summary>
public sealed class PainPronounFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("my hip hurts at the front when I stand up after sitting", "what exercises help with it?")]
    [InlineData("my groin has been aching since my run yesterday", "what can I do for it?")]
    public void A_pronoun_back_at_the_pain_keeps_the_disclaimer(string first, string follow)
    {
        var chat = $"painpronoun-{first}";
        Assert.NotNull(fixture.Ask(first, chat).Disclaimer);

        Assert.NotNull(fixture.Ask(follow, chat).Disclaimer);
    }

    [Theory]
    [InlineData("my hip hurts at the front when I stand up after sitting", "where does the iliacus start")]
    [InlineData("what is the iliopsoas bursa", "what does it do exactly?")]
    public void A_calm_question_gets_no_disclaimer(string first, string follow)
    {
        var chat = $"painpronoun-calm-{first}";
        fixture.Ask(first, chat);

        Assert.Null(fixture.Ask(follow, chat).Disclaimer);
    }
}
