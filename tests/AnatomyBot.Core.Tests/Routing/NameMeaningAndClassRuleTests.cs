using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Two classes of phrasing from session 40 (honest scope and beliefs; phrasings the engineer's own): the meaning or the
/// language of a muscle's name is where the name comes from, which no source explains ("is the name iliacus latin or
/// greek", before the checks that read the languages as another field); and a claim that puts a muscle in a class a
/// fact denies outright ("the iliopsoas is not a pelvic floor muscle") is answered "No." from that fact, not with the
/// body-mind card that merely mentions the pelvic floor.
/// </summary>
public sealed class NameMeaningAndClassRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("is the name iliacus latin or greek")]
    [InlineData("psoas - greek word or latin word?")]
    [InlineData("what does the term iliopsoas mean, is it latin")]
    [InlineData("whats the original meaning of the word psoas")]
    [InlineData("etymology of psoas, greek or latin?")]
    [InlineData("what does iliacus literally mean")]
    public void The_meaning_or_language_of_a_muscles_name_is_not_covered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains("where the name", string.Join(' ', reply.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Theory]
    // A meaning asked of a word that is no muscle's name is a definition the facts may give.
    [InlineData("what does the word lordosis mean", Intent.Topic)]
    // A name asked in a language is a name, not where one comes from.
    [InlineData("what does psoas mean", Intent.Muscle)]
    public void A_definition_or_a_plain_meaning_is_left_alone(string question, Intent intent) =>
        Assert.Equal(intent, fixture.Ask(question).Intent);

    [Theory]
    [InlineData("Is the iliopsoas one of the pelvic floor muscles?")]
    [InlineData("is iliopsoas technically a pelvic floor muscle")]
    [InlineData("does the iliopsoas count as a pelvic floor muscle")]
    [InlineData("is the iliopsoas part of the pelvic floor")]
    [InlineData("is iliopsoas a member of the pelvic floor muscles?")]
    public void A_class_a_fact_denies_gets_no_from_that_fact(string question)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith("No.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(reply.Facts, f => f.StartsWith("iliopsoas.relations", StringComparison.Ordinal));
        Assert.NotEqual("body-mind-claims", reply.Entity);
    }

    [Theory]
    // What a muscle does is no class: "does not reach the femur" is left to the other verdict checks.
    [InlineData("is the iliopsoas a hip flexor", "Yes.")]
    public void A_class_no_fact_denies_keeps_its_verdict(string question, string verdict) =>
        Assert.StartsWith(verdict, fixture.Ask(question).Title, StringComparison.Ordinal);

    [Theory]
    // A belief about the pelvic floor still gets the authors' views.
    [InlineData("does the psoas hold fear in the pelvic floor like my yoga book says")]
    [InlineData("is the psoas connected to the pelvic floor emotionally")]
    public void A_belief_about_the_pelvic_floor_keeps_the_belief_card(string question) =>
        Assert.Equal("body-mind-claims", fixture.Ask(question).Entity);
}

/// <summary>
/// Beliefs the sources hold, asked in words the body-mind topic now lists (session 40, the engineer's phrasings): the
/// cultural habit of sucking in the belly for a six pack, the quoted book's meditation-universe line, a supple psoas in
/// childbirth; each is answered with the authors' views. And the week a muscle forms in the embryo is not covered (the belief says only "first").
/// </summary>
public sealed class BeliefAndEmbryoRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("my pilates instructor says holding your stomach in for a six pack is bad for the psoas")]
    [InlineData("is it true meditation and the psoas connect you to the universe")]
    [InlineData("can a relaxed psoas help during childbirth")]
    public void A_belief_gets_the_authors_view(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("body-mind-claims", reply.Entity);
        Assert.Contains("One author's view", string.Join(' ', reply.Sections.Select(s => s.Body)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("at what stage of the embryo does the iliacus form, which week")]
    [InlineData("how many weeks into embryonic life does the psoas show up")]
    public void The_week_a_muscle_forms_is_not_covered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void The_first_muscle_to_form_keeps_the_belief() =>
        Assert.Equal("body-mind-claims", fixture.Ask("is the psoas the first muscle to form in the fetus").Entity);
}
