using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The safety layer (never diagnose, disclaimer) is added once per reply, whichever path composed it: a personal pain
/// question the engine is unsure about ("did you mean") once printed the never-diagnose section twice. Phrasings are
/// new (in neither suite).
/// </summary>
public sealed class SafetyLayerRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string NoDiagnosisHeading = "Please see a professional";

    private Reply Ask(string text) => fixture.Ask(text);

    [Theory]
    [InlineData("sharp stab in my hip when I get out of the car")]
    [InlineData("my groin hurts when i climb stairs")]
    [InlineData("my hip gets sore after i drive for hours")]
    [InlineData("my psoas hurts, what is its nerve supply")]
    [InlineData("i tweaked something deep in my hip lifting boxes")]
    public void A_personal_pain_question_gets_the_never_diagnose_section_once_and_the_disclaimer(string question)
    {
        var reply = Ask(question);

        Assert.Equal(1, reply.Sections.Count(s => s.Heading == NoDiagnosisHeading));
        Assert.NotNull(reply.Disclaimer);
        Assert.Equal(1, CountOf(HeldOutJudge.AnswerText(reply), "I can't tell what is causing your symptoms"));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
