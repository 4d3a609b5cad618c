using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, non-native students: a question written partly or wholly in French, Italian, Spanish, Portuguese, German or
/// Dutch is answered (in English) from its muscle and attribute words ("origine", "nervo", "inserisce", "psoas majeur",
/// "muscolo iliaco"), its function words and greetings ("ciao", "ik heb een vraag") are never the subject the sources
/// "don't cover", and pain in Dutch gets the disclaimer. Laughter and texting spellings ("haha", "every1") are no subject
/// either. An English word one letter from a foreign function word ("vein" and "eine", "diet" and "niet") is still a
/// subject. The lead's own phrasings, in no suite.
/// </summary>
public sealed class OtherLanguageRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("quelle est l'origine du psoas mineur?", "L1")]
    [InlineData("ou s'insere le grand psoas", "lesser trochanter")]
    [InlineData("qual e la funzione del muscolo iliaco?", "flex")]
    [InlineData("ciao, dove si inserisce lo psoas maggiore?", "lesser trochanter")]
    [InlineData("cual es el nervio del psoas menor", "L1")]
    [InlineData("onde fica a origem do iliaco?", "fossa")]
    [InlineData("wo ist der Ursprung des psoas major?", "T12")]
    [InlineData("welcher Nerv geht zum iliacus", "femoral")]
    [InlineData("hoi, wat is de oorsprong van de psoas minor?", "L1")]
    [InlineData("welke zenuw gaat naar de iliacus", "femoral")]
    [InlineData("haha ok but does every1 have a psoas minor", "40")]
    public void A_question_in_another_language_is_answered_from_its_anatomy_words(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains(expected, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("mijn lies doet pijn na het hardlopen")]
    [InlineData("ik heb pijn in mijn psoas")]
    [InlineData("my psoas doet zeer")]
    public void Pain_in_Dutch_gets_the_disclaimer(string question) =>
        Assert.NotNull(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("which vein drains the psoas major")]
    [InlineData("does diet change the psoas")]
    public void An_English_word_near_a_foreign_function_word_is_still_a_subject(string question) =>
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
}
