using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, landmarks as entry points: a muscle asked for by what it is attached to, supplied or fed by. The question
/// may ask in any order ("femoral nerve, which muscle"), as an instruction ("name the muscle ..."), with a misspelt
/// question word or knowledge word, and in everyday verbs ("anchored to", "hooks onto", "fed by"). A spinal level in a
/// fact is its region too: "L1-L5" are lumbar. Phrasings are in no suite.
/// </summary>
public sealed class ReverseLookupRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("Name the muscle that is anchored to the iliopubic eminence", "psoas minor")]
    [InlineData("identify the muscle anchored on the pectineal line", "psoas minor")]
    [InlineData("what muscle hooks onto the lesser trochanter", "iliacus")]
    [InlineData("which muscle is anchored to the rim of the iliac crest", "iliacus")]
    public void Everyday_attachment_verbs_and_instructions_are_reverse_lookups(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(muscle, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("femorel nerve which muscle")]
    [InlineData("which muscle does the femorel nerve supply")]
    [InlineData("the femoral nerve supplies whihc muscle")]
    public void A_misspelt_nerve_or_question_word_still_finds_the_muscle(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("iliacus", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("whats fed by the iliolumbar artery")]
    [InlineData("which muscle is fed by the iliolumbar artery?")]
    [InlineData("what does the iliolumbar artery feed")]
    [InlineData("what is nourished by the iliolumbar artery")]
    public void Fed_by_an_artery_is_a_blood_supply_lookup(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(Knowledge.MuscleAttribute.BloodSupply, reply.Attribute);
    }

    [Theory]
    [InlineData("what muscle comes off the lumbar transverse processes")]
    [InlineData("what attaches to the lumbar transverse processes")]
    public void A_spinal_level_answers_to_its_region(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("psoas major", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is the psoas major anchored to the lumbar spine", "psoas-major")]
    [InlineData("what does the iliacus do", "iliacus")]
    [InlineData("which muscle is the strongest hip flexor", null)]
    public void A_named_muscle_or_a_question_about_another_thing_is_not_a_reverse_lookup(string question, string? entity)
    {
        var reply = fixture.Ask(question);

        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
        }

        Assert.NotEqual(Intent.DidYouMean, reply.Intent);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
    }
}
