using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The lead's pass of the nineteenth session (3 Dec 2026): the student's own hedged claim ("I think ..., not sure",
/// "..., but I'm not sure, am I right?") and a statement handed in to be judged ("what's wrong with this statement: ...")
/// are yes/no claims the facts settle; a purpose clause at the end ("for my physio exam", "for our anatomy practical")
/// says why the student asks, never what; "structure" and "practical" name no uncovered subject.
/// </summary>
public sealed class HedgeAndPurposeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private KnowledgeIndex Index => field ??= KnowledgeIndex.Build(fixture.Snapshot);

    [Theory]
    [InlineData("i think the psoas minor inserts on the lesser trochanter, not sure", "No.")]
    [InlineData("I believe the iliacus arises from the iliac fossa but I'm not sure, am I right?", "Yes.")]
    [InlineData("What's wrong with this statement: 'the psoas major inserts on the greater trochanter'", "No.")]
    [InlineData("is this statement true: the iliacus inserts on the lesser trochanter", "Yes.")]
    [InlineData("I think the iliacus comes from the ischium, not sure though", "No.")]
    [InlineData("the psoas minor comes from the sacrum, right?", "No.")]
    public void A_hedged_or_handed_in_claim_gets_its_verdict(string question, string verdict)
    {
        Assert.StartsWith(verdict, HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where does the iliacus insert for my physio exam", "iliacus.insertion.")]
    [InlineData("psoas minor nerve supply for our anatomy practical", "psoas-minor.innervation.")]
    [InlineData("origin of the iliacus for my sports massage course", "iliacus.origin.")]
    public void A_purpose_clause_changes_nothing_asked(string question, string factPrefix)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.StartsWith(factPrefix, StringComparison.Ordinal));
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    // The clause names the muscle, or pain: it stays part of the question.
    [InlineData("tell me the best test for my psoas")]
    [InlineData("which stretch is good for my sore hip after class")]
    public void A_clause_that_names_the_muscle_or_pain_is_kept(string question)
    {
        Assert.Null(IntroClauses.WithoutPurpose(TokenizedText.From(question), Index));
    }

    [Theory]
    [InlineData("the psoas comes from greek, right?")]
    // Where a muscle comes from in the embryo is no attachment the facts could deny.
    [InlineData("the iliacus comes from somites, right?")]
    public void A_claim_the_attachment_facts_cannot_settle_is_not_covered(string question)
    {
        Assert.Contains("don't cover", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.Ordinal);
    }
}
