using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope (session 33): a word of ours used in another field (tied to a noun no fact knows: "the
/// diaphragm of a camera", "a fascia board", "an insect's leg") is off-topic; what care costs, the supply of a structure
/// that is no muscle, and when one may go back to a sport after an injury are uncovered; a definition question gets the
/// muscle's overview, not the whole card. The same words in our sense keep their answers. Phrasings are in no suite.
/// </summary>
public sealed class ScopeFieldAndAmountRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("What is the diaphragm of a camera?")]
    [InlineData("how does the diaphragm of a microphone work")]
    [InlineData("What does the fascia board on a house do?")]
    [InlineData("what are the spines of a hedgehog made of")]
    [InlineData("how does a camera diaphragm work")]
    [InlineData("explain the solar plexus punch in boxing")]
    [InlineData("what is the femur of a grasshopper")]
    public void A_word_of_ours_tied_to_another_fields_noun_is_off_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("how does the diaphragm link to breathing")]
    [InlineData("good stretches for desk workers")]
    [InlineData("does sitting in an office chair all day shorten the hip flexors")]
    [InlineData("is the car seat bad for my hips")]
    [InlineData("Does the psoas connect to the diaphragm?")]
    [InlineData("what does the fascia around the psoas do")]
    public void Our_words_in_our_sense_stay_in_the_domain(string question)
    {
        Assert.NotEqual(Intent.OffTopic, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("How much does a physical therapy session for the iliopsoas cost?")]
    [InlineData("does insurance cover psoas massage")]
    [InlineData("is psoas massage expensive")]
    [InlineData("what's the price of a psoas release")]
    [InlineData("how much do physios charge in fees to treat a tight iliopsoas")]
    public void What_care_costs_is_not_covered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains("what it costs", Answer(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cost_outside_the_domain_is_off_topic()
    {
        Assert.Equal(Intent.OffTopic, fixture.Ask("how much does a camera cost").Intent);
    }

    [Theory]
    [InlineData("What nerve supplies the iliopsoas bursa itself?")]
    [InlineData("Which nerve supplies the hip joint capsule?")]
    [InlineData("what artery feeds the psoas tendon")]
    [InlineData("blood supply of the lesser trochanter")]
    [InlineData("which nerve innervates the hip joint itself")]
    public void The_supply_of_a_structure_that_is_no_muscle_is_not_covered(string question)
    {
        Assert.Equal(Intent.NotCovered, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("what nerve supplies the iliacus")]
    [InlineData("which nerve supplies the muscle that crosses the hip joint")]
    [InlineData("blood supply of the psoas major")]
    public void The_supply_of_a_muscle_is_answered(string question)
    {
        Assert.Equal(Intent.MuscleAttribute, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("How many weeks after a psoas strain before I can run again?")]
    [InlineData("how soon can I go back to running after a hip flexor strain")]
    [InlineData("how long before I can return to football after an iliopsoas injury")]
    [InlineData("when can I get back to the gym after tearing my iliacus")]
    [InlineData("how many days until I can train again with a strained psoas")]
    public void When_one_may_go_back_after_an_injury_is_not_covered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void Doing_a_stretch_again_is_no_recovery_time()
    {
        Assert.NotEqual(Intent.NotCovered, fixture.Ask("how long should I hold the stretch before I do it again").Intent);
    }

    [Theory]
    [InlineData("what's the iliopsoas")]
    [InlineData("what muscles r in the iliopsoas group")]
    [InlineData("whats the psoas minor")]
    [InlineData("what is the iliacus")]
    [InlineData("which muscles are in the iliopsoas")]
    public void A_definition_question_gets_the_overview_not_the_card(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.True(Answer(reply).Length < 1200, Answer(reply));
    }

    [Theory]
    [InlineData("Define the term 'biarticulate' as applied to the psoas")]
    [InlineData("Account for the term biarticulate as it is applied to the psoas.")]
    [InlineData("what does the term biarticular mean for the psoas")]
    [InlineData("explain the term 'biarticulate'")]
    [InlineData("define biarticulate")]
    public void A_term_asked_about_is_defined_not_turned_away(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.Contains("two joints", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("can low energy in the iliopsoas make someone lose interest in sex")]
    [InlineData("does too little energy in the psoas leave people uninterested in sex")]
    public void Losing_interest_in_sex_is_the_authors_energy_view(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("uninterested in sex", answer, StringComparison.Ordinal);
        Assert.Contains("believes", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tell me about the psoas major")]
    [InlineData("give me everything on the iliacus")]
    public void Asking_for_all_of_it_still_gets_the_card(string question)
    {
        Assert.True(Answer(fixture.Ask(question)).Length > 1200);
    }
}
