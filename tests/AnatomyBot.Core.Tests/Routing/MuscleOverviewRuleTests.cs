using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A question that names a muscle but asks nothing its facts hold, in everyday words ("is the psoas minor always
/// present", "how big is the psoas major"), gets the muscle's overview: its summary with sources and what else can be
/// asked, never the whole card presented as the answer. The card stays for the muscle's name alone or "tell me about".
/// </summary>
public sealed class MuscleOverviewRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the psoas minor always present", "psoas-minor")]
    [InlineData("how big is the psoas major", "psoas-major")]
    [InlineData("is the iliacus a big muscle", "iliacus")]
    [InlineData("psoas major, quickly", "psoas-major")]
    public void Everyday_words_around_a_muscle_get_its_overview(string question, string muscle)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Contains(reply.Sections, s => s.Heading == "Ask about" && s.Body.Contains("tell me about the", StringComparison.Ordinal));
        Assert.DoesNotContain(reply.Sections, s => s.Heading == "Origin");
        Assert.True(answer.Length <= 700, $"{answer.Length} chars");
        Assert.NotEmpty(reply.Sources);
    }

    [Theory]
    [InlineData("tell me about the psoas minor")]
    [InlineData("psoas minor")]
    [InlineData("iliacus info")]
    public void The_name_alone_or_tell_me_about_keeps_the_whole_card(string question) =>
        Assert.Contains(fixture.Ask(question).Sections, s => s.Heading == "Origin");

    [Theory]
    [InlineData("how heavy is the iliacus")]
    [InlineData("how thick is the psoas major")]
    public void A_measure_no_fact_holds_stays_not_covered(string question) =>
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
}
