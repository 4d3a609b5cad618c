using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: "my sources don't cover that" only when the subject really is missing. Everyday words that
/// say how or where a question is asked ("normal", "at the gym", "my friend says", "legit") never turn a covered
/// subject away; a treatment, a measure or a rare term the facts lack still does. Phrasings are in no suite.
/// </summary>
public sealed class HonestScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("is it weird that my psoas stretch feels painful")]
    [InlineData("is it ok that stretching my hip flexors hurts a bit")]
    [InlineData("pulled my hip flexor at football, what now")]
    [InlineData("my friend says feelings are locked in the iliopsoas, is that a thing")]
    [InlineData("is it true the psoas forms first in an unborn baby")]
    [InlineData("does every person have a psoas minor")]
    public void Everyday_context_words_never_turn_a_covered_subject_away(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.False(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("is it weird that my psoas stretch feels painful")]
    [InlineData("pulled my hip flexor at football, what now")]
    public void A_pain_question_with_everyday_words_is_answered_with_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [InlineData("my friend says feelings are locked in the iliopsoas, is that a thing")]
    [InlineData("is it true the psoas forms first in an unborn baby")]
    [InlineData("is the psoas really the first muscle to develop in the womb")]
    [InlineData("someone told me the psoas is the first muscle a fetus makes, true?")]
    public void A_claim_the_sources_hold_as_a_belief_is_answered_as_a_view(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("author", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("believe", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("does every person have a psoas minor")]
    [InlineData("do all people have psoas minor muscles")]
    [InlineData("Does every single person have a psoas minor?")]
    public void Whether_everyone_has_the_psoas_minor_is_answered_no_from_its_variations(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can the psoas be repaired with surgery")]
    [InlineData("what age does the psoas stop growing")]
    [InlineData("how many calories does the psoas burn")]
    [InlineData("what colour is the psoas major on a scan")]
    [InlineData("is the psoas major mostly red or white muscle fibres")]
    public void A_treatment_a_measure_or_a_subject_no_fact_holds_is_still_not_covered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }
}
