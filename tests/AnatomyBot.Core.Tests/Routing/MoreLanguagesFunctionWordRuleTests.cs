using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The function words of more languages students mix into English (Polish, Hindi and Urdu, Turkish, Tagalog, Swahili,
/// Indonesian, Swedish, Russian) are never the subject the sources "don't cover": "gdzie jest the insertion of the psoas
/// major?" is the psoas major's insertion. Phrasings are the lead's own (3 Dec 2026); six of the eight got "My sources
/// don't cover gdzie / nerede / saan ..." before.
/// </summary>
public sealed class MoreLanguagesFunctionWordRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("gdzie jest the insertion of the psoas major?", "psoas-major", MuscleAttribute.Insertion)]
    [InlineData("psoas minor ka origin kya hai?", "psoas-minor", MuscleAttribute.Origin)]
    [InlineData("iliacus origin nerede?", "iliacus", MuscleAttribute.Origin)]
    [InlineData("saan ang insertion ng psoas major?", "psoas-major", MuscleAttribute.Insertion)]
    [InlineData("origin ya iliacus ni wapi?", "iliacus", MuscleAttribute.Origin)]
    [InlineData("di mana insertion otot iliacus?", "iliacus", MuscleAttribute.Insertion)]
    [InlineData("vilken nerve supplies the iliacus?", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("gde insertion of psoas major?", "psoas-major", MuscleAttribute.Insertion)]
    public void Function_words_of_other_languages_are_no_uncovered_subject(string question, string muscle, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(question);
        Assert.Equal((Intent.MuscleAttribute, muscle, attribute), (reply.Intent, reply.Entity, reply.Attribute));
        Assert.DoesNotContain("don't cover", ReplyText.ToPlainText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is the log roll test for the hip?")]
    [InlineData("does the psoas have mu opioid receptors?")]
    public void An_english_subject_that_looks_like_one_of_them_is_still_not_covered(string question) =>
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
}
