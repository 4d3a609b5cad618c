using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: a word no fact uses is the uncovered subject only where it stands as one. Who made a claim
/// ("my tutor said", "a website says", "according to my textbook"), a verb of the asker's frame ("do the sources
/// assign", "in determining the", "determine which"), an amount ("fewer", "than half") and a word of dispute
/// ("conflicting") say how a question is asked; a noun the sources lack still makes it not covered. Phrasings are in no suite.
/// </summary>
public sealed class FramingWordRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    // Who made the claim.
    [InlineData("Which spinal levels supply the iliacus? My tutor said two but a website said four", "L2")]
    [InlineData("my anatomy lecturer says the psoas minor ends on the pubis, where does it insert?", "pubi")]
    [InlineData("according to my textbook where does the iliacus arise", "fossa")]
    // A verb whose subject made the claim, or with its object.
    [InlineData("Which attachments do the sources ascribe to the iliacus?", "fossa")]
    [InlineData("what nerve roots do the authors assign to the psoas major", "L2")]
    [InlineData("Determine which vertebrae the psoas major attaches to.", "T12")]
    [InlineData("Explain the role of the iliopsoas in determining the lumbar curve.", "lordosis")]
    // An amount or a comparison of one, and a word of dispute.
    [InlineData("Is it fewer than half of people who lack the psoas minor?", "40")]
    [InlineData("is it a minority of people who lack the psoas minor or is it more", "40")]
    [InlineData("Give the origin of the psoas minor, noting the conflicting accounts.", "L1")]
    public void A_framing_word_is_not_the_uncovered_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The same shapes with a noun the sources lack in a noun's place stay "not covered".</summary>
    [Theory]
    [InlineData("my lecturer said to ask: what is the lymphatic drainage of the psoas major")]
    [InlineData("according to my textbook, what is the pennation angle of the iliacus")]
    [InlineData("what do the sources say about a psoas abscess")]
    [InlineData("does the psoas help when you sneeze")]
    [InlineData("how long is the iliacus in cm")]
    [InlineData("what dose of ibuprofen do the authors give for a psoas strain")]
    public void A_noun_the_sources_lack_is_still_not_covered(string question)
    {
        var reply = fixture.Ask(question);

        Assert.True(SaysNotCovered(reply), Answer(reply));
    }

    [Theory]
    [InlineData("what do the sources say about a psoas abscess")]
    [InlineData("my physio said my psoas is strained, what do i do")]
    public void A_condition_or_pain_beside_a_framing_word_keeps_the_disclaimer(string question)
    {
        Assert.NotNull(fixture.Ask(question).Disclaimer);
    }

    /// <summary>"said" opening a reported claim is who said it, not how a name is said; the asker's own saying still is.</summary>
    [Theory]
    [InlineData("my physio said my psoas is strained, what do i do", false)]
    [InlineData("the book says the psoas stores fear, is that right", false)]
    [InlineData("in class we are saying the p in psoas, is that right?", true)]
    [InlineData("how do you say iliacus", true)]
    public void Said_before_a_claim_is_no_pronunciation_question(string question, bool pronunciation)
    {
        Assert.Equal(pronunciation, fixture.Ask(question).Attribute == MuscleAttribute.Pronunciation);
    }

    /// <summary>
    /// Who the asker means ("beginners", "abuse survivors", "an amateur") is people, not a subject; what the sources say
    /// about them (the manual-therapy book's caution with a history of sexual abuse, the massage blog's risk of injury
    /// without training) answers. A subject the sources lack beside them is still not covered.
    /// </summary>
    [Theory]
    [InlineData("should a therapist be careful with psoas work on clients who suffered sexual abuse", "abuse")]
    [InlineData("is it risky to palpate your own psoas", "risk")]
    [InlineData("is psoas massage dangerous", "risk")]
    public void People_and_risk_words_get_what_the_sources_say(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("is the psoas smaller in beginners or in elite sprinters")]
    [InlineData("do amateurs get psoas abscesses more often")]
    public void A_subject_the_sources_lack_beside_people_words_is_still_not_covered(string question)
    {
        Assert.True(SaysNotCovered(fixture.Ask(question)), Answer(fixture.Ask(question)));
    }
}
