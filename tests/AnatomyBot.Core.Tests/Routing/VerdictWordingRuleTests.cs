using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A yes/no opener must never contradict the fact printed under it. Hand trial of 1 December: "does the psoas major
/// come from the lumbar vertebrae?" opened "No." above "... all the lumbar vertebrae ...", because the verb "come" is
/// in no origin fact; "is the psoas major attached to the discs?" got "No." above its insertion. Phrasings
/// are new (in no accuracy suite).
/// </summary>
public sealed class VerdictWordingRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Opening(Reply reply) => reply.Title ?? "";

    [Theory]
    [InlineData("does the psoas major come from the lumbar vertebrae?")]
    [InlineData("does the psoas major arise from the lumbar spine")]
    [InlineData("does psoas major start at the lumbar vertebrae")]
    [InlineData("is the psoas major anchored to the lumbar vertebrae")]
    [InlineData("does the iliacus come off the iliac fossa")]
    [InlineData("does the psoas minor come from L1?")]
    public void A_plain_verb_of_the_question_never_turns_a_true_attachment_into_a_no(string question)
    {
        Assert.False(Opening(fixture.Ask(question)).StartsWith("No.", StringComparison.Ordinal), Opening(fixture.Ask(question)));
    }

    [Theory]
    [InlineData("does the psoas minor attach to the femur?")]
    [InlineData("is the greater trochanter where the iliacus inserts")]
    [InlineData("does the iliacus arise from the lumbar vertebrae")]
    public void A_claim_naming_another_attachment_still_gets_its_no(string question)
    {
        Assert.StartsWith("No.", Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the psoas major attached to the discs?")]
    [InlineData("does the psoas major attach to the intervertebral discs")]
    public void Attached_to_the_discs_is_answered_from_the_end_that_names_them(string question)
    {
        // It once got "No." above the insertion; attaching is both ends, and the discs are the origin's (000, 001, 002).
        var reply = fixture.Ask(question);

        Assert.Equal(Knowledge.MuscleAttribute.Origin, reply.Attribute);
        Assert.StartsWith("Yes.", Opening(reply), StringComparison.Ordinal);
    }

    /// <summary>
    /// A structure no fact names, in a yes/no question about an attribute the facts list in full, is answered "No."
    /// with where the sources put it; a structure the facts do name, or a question that is not yes/no, is not.
    /// </summary>
    [Theory]
    [InlineData("does the psoas major arise from the sacrum", "No.")]
    [InlineData("is the iliacus supplied by the obturator nerve", "No.")]
    [InlineData("does the psoas minor insert on the ischium?", "No.")]
    [InlineData("Does the psoas minor cause anterior pelvic tilt?", "No.")]
    [InlineData("does the psoas minor tilt the pelvis backward", "Yes.")]
    [InlineData("does psoas massage work better than stretching", "No.")]
    [InlineData("should I stretch my hip flexors before strengthening them?", "No.")]
    [InlineData("is the iliopsoas the strongest hip flexor?", "Possibly.")]
    public void The_facts_settle_a_claim_they_contradict_hedge_or_list_otherwise(string question, string opening)
    {
        Assert.StartsWith(opening, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    /// <summary>
    /// A disputed point is never a plain yes; a question that is not yes/no about an unknown structure gets no verdict;
    /// the order the facts do give ("strengthen first") is never a no.
    /// </summary>
    [Theory]
    [InlineData("can the iliopsoas abduct the thigh", "Yes.")]
    [InlineData("does the iliopsoas abduct the hip", "Yes.")]
    [InlineData("what is the role of the sacrum for the psoas major", "No.")]
    [InlineData("should I strengthen my hip flexors before stretching them?", "No.")]
    public void A_disputed_point_or_a_given_order_gets_no_wrong_opener(string question, string wrong)
    {
        var reply = fixture.Ask(question);

        Assert.False(Opening(reply).StartsWith(wrong, StringComparison.Ordinal), Opening(reply));
    }

    [Theory]
    [InlineData("can you live without a psoas minor", "Yes.")]
    [InlineData("can the psoas minor be absent", "Yes.")]
    [InlineData("can someone be born without a psoas minor", "Yes.")]
    [InlineData("does everyone have a psoas minor", "No.")]
    [InlineData("is the psoas minor absent in everyone", "No.")]
    public void Whether_a_part_can_be_absent_is_read_from_how_many_people_lack_it(string question, string opening)
    {
        // "can you live without a psoas minor" opened "No." ("live" is in no variations fact) above "about 40% of people lack it".
        Assert.StartsWith(opening, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }
}
