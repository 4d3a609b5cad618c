using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope. The asker's story before the question proper, the clause reporting a claim ("our lecturer
/// in Spain told us ...", "we read in our handbook that ...") and what the sources set out ("the guidance given for")
/// are no subject the sources "don't cover": the question is answered. An English word spelt right is not read as
/// another word with another first letter ("vein" is not "rein"), and physical measures ("temperature", "tensile
/// strength") are measures the facts lack: those stay "not covered", as does an unknown word in the question proper
/// or in the reported claim. Phrasings are in no suite.
/// </summary>
public sealed class ChatterAndUnheardWordRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Long week of exams and my flatmate kept me up all night, sorry. Anyway, what nerve supplies the iliacus?", "iliacus")]
    [InlineData("Our lecturer in Spain told us the psoas minor ends on the pectineal line, right?", "psoas-minor")]
    [InlineData("In Poland we were taught the psoas major starts at T12, is that so?", "psoas-major")]
    [InlineData("We read in our handbook that the iliacus arises from the iliac fossa, correct?", "iliacus")]
    [InlineData("Summarise the guidance given for strengthening the iliopsoas.", "strengthening")]
    [InlineData("Describe the procedures recommended for stretching the iliopsoas.", "stretching")]
    [InlineData("what is the origin of the iliacus according to the manual therapy text", "iliacus")]
    public void Chatter_and_the_frame_of_a_claim_are_no_uncovered_subject(string question, string entity)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Equal(entity, reply.Entity);
    }

    [Theory]
    [InlineData("We had a lecture on it today: what is the lymphatic drainage of the psoas major?")]
    [InlineData("my tutor said the psoas has a sesamoid bone, what does it do")]
    [InlineData("Which veins drain the psoas minor?")]
    [InlineData("What temperature does the iliacus reach during a run?")]
    [InlineData("What is the tensile strength of the psoas minor tendon?")]
    public void An_unknown_subject_in_the_question_or_the_claim_stays_not_covered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("What share of people lack a psoas minor altogether?")]
    [InlineData("does the iliopsoas lift the lower limb")]
    public void Words_read_as_a_form_of_a_fact_word_still_answer(string question)
    {
        var intent = fixture.Ask(question).Intent;

        Assert.NotEqual(Intent.NotCovered, intent);
        Assert.NotEqual(Intent.OffTopic, intent);
    }
}
