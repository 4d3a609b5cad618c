using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Everyday wordings of red flags get the urgent line (legs that cannot be felt, soiling oneself, lost feeling after a
/// fall, chest pain or breathlessness, blood in the urine with back pain, a swollen leg that is warm or red), a red-flag word is never "corrected" into a
/// pain word ("pooed" is not "popped"), and pain slang ("went pop", "on fire") gets the disclaimer. General questions
/// on the same subjects stay calm. Phrasings are new (in neither suite nor the tester's probes).
/// </summary>
public sealed class RedFlagVocabularyRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("since this morning i cannot feel my legs and my lower back aches")]
    [InlineData("pooed myself last night and my lower back aches")]
    [InlineData("slipped on ice and lost all feeling in my groin")]
    [InlineData("i got chest pains while doing a hip flexor stretch")]
    [InlineData("there is blood in my urine and my flank hurts")]
    [InlineData("my left leg is suddenly swollen and hot")]
    [InlineData("my calf swelled up and it's red and warm to touch, hip flexor stretch yesterday")]
    [InlineData("i've got a swollen thigh that feels hot")]
    public void A_red_flag_in_everyday_words_gets_the_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("felt a pop in the front of my hip while kicking a ball")]
    [InlineData("the front of my hip is on fire after squats")]
    [InlineData("my hip stings when i walk")]
    [InlineData("pilates made my hip flexors soooo sor")]
    [InlineData("stinging at the front of my groin after sprints")]
    public void Pain_slang_gets_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    [Theory]
    [InlineData("does the psoas move when we breathe")]
    [InlineData("how does the diaphragm share fascia with the psoas")]
    [InlineData("do my legs both have an iliopsoas")]
    [InlineData("can a psoas abscess make the leg swollen and warm")]
    [InlineData("should i use heat or ice on a swollen hip flexor")]
    public void A_general_question_on_the_same_subjects_stays_calm(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Null(reply.UrgentNotice);
        Assert.NotEqual(Intent.Urgent, reply.Intent);
    }
}
