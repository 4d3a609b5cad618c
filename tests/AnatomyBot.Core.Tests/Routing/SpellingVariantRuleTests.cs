using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// American and British spellings of the knowledge's words are one word: "fibers" and "fibres", "stabilize" and
/// "stabilise" ("can some iliacus fibers attach to the capsule of the hip joint?" got "No."
/// from a fact about fibres that do). Phrasings are the lead's own.
/// </summary>
public sealed class SpellingVariantRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("can a few iliacus fibers attach to the hip joint capsule?", "can a few iliacus fibres attach to the hip joint capsule?")]
    [InlineData("which muscle stabilizes the lumbar spine", "which muscle stabilises the lumbar spine")]
    public void Both_spellings_get_the_same_answer(string american, string british)
    {
        var a = fixture.Ask(american);
        var b = fixture.Ask(british);

        Assert.Equal(b.Intent, a.Intent);
        Assert.Equal(string.Join(' ', b.Facts), string.Join(' ', a.Facts));
        Assert.Equal(HeldOutJudge.AnswerText(b), HeldOutJudge.AnswerText(a));
    }

    [Fact]
    public void Fibres_that_the_facts_name_get_a_yes_in_either_spelling()
    {
        Assert.StartsWith("Yes", HeldOutJudge.AnswerText(fixture.Ask("do some iliacus fibers anchor to the capsule of the hip joint?")), StringComparison.Ordinal);
    }
}
