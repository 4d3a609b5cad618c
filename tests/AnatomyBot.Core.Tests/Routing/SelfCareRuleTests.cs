using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Pain slang the vocabulary missed ("killin me", "screaming", "playing up") raises the disclaimer and is looked up as
/// pain ("killing" is not "skill"); a personal minor injury with "what do i do" gets the sources' advice on looking after
/// it and seeing a professional, short, with the no-diagnosis line and the disclaimer, never the definition of the body
/// part. A report with no question in it ("i think i tore my psoas") is read as asking what to do. Questions that name
/// the care they want, ask something of their own, or speak of no pain, are routed as before. Phrasings are new.
/// </summary>
public sealed class SelfCareRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string NoDiagnosisHeading = "Please see a professional";

    [Theory]
    [InlineData("my psoas is killin me")]
    [InlineData("my hip flexors are screaming after the half marathon")]
    [InlineData("my lower back is playing up again")]
    [InlineData("my groin has been acting up since football")]
    [InlineData("this hip flexor keeps bugging me")]
    [InlineData("my psoas is flaring up again")]
    [InlineData("hip flexors been wreckin me all week")]
    [InlineData("squats are destroying me, my groin especially")]
    [InlineData("this psoas thing is ruining me since the marathon")]
    public void Pain_slang_gets_the_disclaimer(string question) =>
        Assert.NotNull(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("which muscles are playing a role in hip flexion")]
    [InlineData("what is the acting muscle when you raise the knee")]
    [InlineData("does the psoas get bugged by sitting")]
    [InlineData("which muscle wrecks the balance between the hip flexors, remind me")]
    public void Look_alike_everyday_words_raise_no_disclaimer(string question) =>
        Assert.Null(fixture.Ask(question).Disclaimer);

    [Theory]
    [InlineData("my back is killing me")]
    [InlineData("my psoas is killing me")]
    public void A_back_or_psoas_killing_me_is_read_as_pain_not_as_palpation_skill(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual("palpation", reply.Entity);
        Assert.NotNull(reply.Disclaimer);
        Assert.Contains(reply.Sections, s => s.Heading == NoDiagnosisHeading);
    }

    [Theory]
    [InlineData("i tweaked my hip flexor at the gym, what do i do?")]
    [InlineData("i pulled my psoas, what should i do")]
    [InlineData("strained my hip flexor playing football, how do i fix it?")]
    [InlineData("hurt my groin sprinting yesterday, any advice?")]
    [InlineData("my iliopsoas is sore after squats, what can i do")]
    // A report with no question in it asks, in effect, what to do.
    [InlineData("i tweaked my hip flexor at the gym")]
    [InlineData("i think i tore my psoas")]
    [InlineData("pulled my hip flexor doing sprints yesterday")]
    [InlineData("my hip feels sore and stiff every morning")]
    public void A_personal_minor_injury_asking_what_to_do_gets_care_and_see_a_professional_facts(string question)
    {
        var reply = fixture.Ask(question);
        var answer = HeldOutJudge.AnswerText(reply);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.NotEqual("hip-flexion", reply.Entity);
        Assert.Matches("physical therapist|physician|doctor", answer);
        Assert.NotNull(reply.Disclaimer);
        Assert.Contains(reply.Sections, s => s.Heading == NoDiagnosisHeading);
        Assert.InRange(reply.Facts.Length, 1, 3);
        Assert.True(answer.Length <= 900, $"{answer.Length} chars");
    }

    [Theory]
    [InlineData("my knee hurts, could it be coming from my psoas", "knee")]
    [InlineData("front of my thigh is achey, could the iliopsoas refer there", "thigh")]
    [InlineData("my groin hurts when i lift my leg, is it the psoas", "groin")]
    [InlineData("why does my lower back hurt when i sit all day", "sit")]
    public void A_report_that_also_asks_something_is_answered_on_what_it_asks(string question, string asked)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual("rehabilitation", reply.Entity);
        Assert.Contains(asked, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("what should i do to strengthen my psoas", "strengthening")]
    [InlineData("what do i do if my psoas is tight", null)]
    [InlineData("how do i stretch my hip flexors", "stretches")]
    public void Questions_without_pain_or_naming_their_care_are_routed_as_before(string question, string? entity)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual("rehabilitation", reply.Entity);
        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
        }
    }

    [Theory]
    [InlineData("is it safe to massage my own psoas?")]
    [InlineData("can i massage my own psoas")]
    [InlineData("should i try to massage my psoas myself")]
    [InlineData("is self massage of the psoas a good idea")]
    public void Massaging_ones_own_psoas_gets_the_sources_warning_not_the_pronunciation(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("psoas-massage-debate", reply.Entity);
        Assert.Contains("proper training", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how do you pronounce psoas", "iliopsoas")]
    [InlineData("does psoas massage work", "psoas-massage-debate")]
    public void Pronunciation_and_massage_questions_keep_their_answers(string question, string entity) =>
        Assert.Equal(entity, fixture.Ask(question).Entity);
}
