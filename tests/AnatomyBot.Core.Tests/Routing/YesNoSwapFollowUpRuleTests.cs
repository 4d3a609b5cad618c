using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// After a yes/no question about one muscle ("does the psoas major reach up to T12?"), "and the iliacus, does it?"
/// keeps the claim and swaps the muscle: the verdict is about the iliacus and T12, not the iliacus's last-asked
/// attribute without one. "what about the psoas minor, same thing?" asks the last question again of it. After a
/// question with a question word ("which nerve supplies the iliacus"), "and the psoas?" keeps carrying the attribute as
/// before. Phrasings are new (in no suite).
/// </summary>
public sealed class YesNoSwapFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("does the psoas major go up as far as T12?", "and the iliacus, does it?", "iliacus", "No.")]
    [InlineData("is the iliacus attached to the lesser trochanter?", "and the psoas minor, is it?", "psoas-minor", "No.")]
    [InlineData("does the psoas minor attach to the lesser trochanter?", "what about the iliacus, does it?", "iliacus", "Yes.")]
    [InlineData("is the psoas minor supplied by L1?", "and the psoas major?", "psoas-major", "The sources differ.")]
    public void A_yes_no_follow_up_keeps_the_claim_and_swaps_the_muscle(string first, string follow, string muscle, string verdict)
    {
        var chat = $"swap-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(muscle, reply.Entity);
        Assert.StartsWith(verdict, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Reaching_up_to_a_vertebra_asks_the_upper_end()
    {
        var reply = fixture.Ask("does the psoas major reach up to T12?", "swap-reach-up");

        Assert.Equal(MuscleAttribute.Origin, reply.Attribute);
        Assert.Contains("T12", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Reaching_the_femur_still_asks_the_lower_end()
    {
        Assert.Equal(MuscleAttribute.Insertion, fixture.Ask("does the psoas minor reach the femur?", "swap-reach-down").Attribute);
    }

    [Fact]
    public void Same_thing_asks_the_last_question_of_the_other_muscle()
    {
        const string chat = "swap-same";
        fixture.Ask("which nerve supplies the iliacus", chat);
        var reply = fixture.Ask("what about the psoas minor, same thing?", chat);

        Assert.Equal(("psoas-minor", MuscleAttribute.Innervation), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("where does the iliacus start", "and the psoas major?", MuscleAttribute.Origin)]
    [InlineData("which nerve supplies the psoas minor", "and for the iliacus?", MuscleAttribute.Innervation)]
    public void After_a_question_word_the_attribute_is_carried_without_a_verdict(string first, string follow, MuscleAttribute attribute)
    {
        var chat = $"swap-wh-{first}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(attribute, reply.Attribute);
        var text = HeldOutJudge.AnswerText(reply);
        Assert.False(text.StartsWith("Yes.", StringComparison.Ordinal) || text.StartsWith("No.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_follow_up_with_its_own_question_is_answered_as_asked()
    {
        const string chat = "swap-own";
        fixture.Ask("does the psoas major reach up to T12?", chat);
        var reply = fixture.Ask("and the iliacus, which nerve supplies it?", chat);

        Assert.Equal(("iliacus", MuscleAttribute.Innervation), (reply.Entity, reply.Attribute));
    }
}
