using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, two-part questions (fresh6 findings, class 6): a question that asks two things gets both. Each end of a
/// muscle asked by a cue of its own ("where does it begin and where does it attach below", "the upper and lower
/// attachments", "where does it start and where does it finish") is both ends, whatever the facts' words touch; a
/// subject noun asked for by "which"/"what" ("and which nerve supplies it") names its attribute. A rare word of the
/// question no chosen fact holds ("... and what that does to breathing", "is a psoas release sore") brings in the fact
/// of the same heading that holds it, and a comparison answered by one fact gets a second. One end asked alone, a nerve
/// that is the subject ("a pinched nerve"), a one-part question and a fact that would bring the medical disclaimer to a
/// question without pain are unchanged. Phrasings are in no suite.
/// </summary>
public sealed class TwoPartRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("Where does the iliacus begin and where does it attach below?", "iliac fossa", "lesser trochanter")]
    [InlineData("Both the upper and lower attachments of the iliacus, please.", "iliac fossa", "lesser trochanter")]
    [InlineData("give the proximal and distal attachments of the iliacus", "iliac fossa", "lesser trochanter")]
    [InlineData("what are the upper and lower ends of psoas major", "L1", "lesser trochanter")]
    [InlineData("Where does psoas minor start and where does it finish?", "L1", "pubi")]
    [InlineData("where does psoas minor come from and where does it end", "L1", "pubi")]
    public void Each_end_asked_by_its_own_cue_gets_both_ends(string question, string origin, string insertion)
    {
        var reply = fixture.Ask(question);
        var answer = Answer(reply);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(origin, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(insertion, answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("where is the psoas minor attached below", MuscleAttribute.Insertion)]
    [InlineData("what does the iliacus attach to at the top", MuscleAttribute.Origin)]
    [InlineData("where does the iliacus finish", MuscleAttribute.Insertion)]
    [InlineData("what's the blood supply of the iliacus and where does that artery come from", MuscleAttribute.BloodSupply)]
    [InlineData("what is the lower attachment of the iliacus", MuscleAttribute.Insertion)]
    public void One_end_asked_alone_is_still_that_end(string question, MuscleAttribute end)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(end, reply.Attribute);
        Assert.DoesNotContain(end == MuscleAttribute.Origin ? "Insertion" : "Origin", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the psoas minor insert on the pubis, and which nerve supplies it?")]
    [InlineData("does psoas minor insert into the pubis and what nerve supplies it")]
    public void Which_nerve_as_the_second_part_gets_the_innervation(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("pubi", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("L1", answer, StringComparison.Ordinal);
        Assert.Contains("Innervation", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does a pinched nerve weaken the psoas")]
    [InlineData("what nerve problems can a tight psoas cause")]
    public void A_nerve_that_is_the_subject_is_not_the_innervation(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("explain how the psoas connects to the diaphragm and what that does to breathing", "breath")]
    [InlineData("how is the psoas tied to the diaphragm, and does it change how we breathe", "breath")]
    [InlineData("is a psoas release sore", "pain")]
    public void A_part_no_chosen_fact_answers_brings_the_fact_that_does(string question, string expected)
    {
        Assert.Contains(expected, Answer(fixture.Ask(question)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Contrast how the psoas and the iliacus feel when palpated.")]
    [InlineData("how do psoas and iliacus differ under the fingers when palpating")]
    public void A_comparison_answered_by_one_fact_gets_the_other_side(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("cable", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("spong", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("does the psoas connect to the diaphragm", 1)]
    [InlineData("is the psoas linked to the diaphragm by fascia", 1)]
    public void A_one_part_question_keeps_its_facts(string question, int facts)
    {
        Assert.Equal(facts, fixture.Ask(question).Facts.Length);
    }

    [Theory]
    [InlineData("how long is the hold in the standing band exercise and how many reps")]
    [InlineData("how many seconds do i hold the band leg lift, and how many sets")]
    public void A_part_is_not_answered_with_a_fact_that_brings_a_disclaimer_the_question_did_not_ask_for(string question)
    {
        Assert.Null(fixture.Ask(question).Disclaimer);
    }
}
