using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using static AnatomyBot.Core.Tests.Routing.VerdictOpenings;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Yes/no claims read against the fact (fresh9, 2 Dec, class 5): a learner's tag ("it is right?", "this is true?") or a
/// reported claim ("my teacher say ...") got no verdict; a verb of judging ("considered part of the core") kept the
/// verdict from a fact that says "regarded as a core muscle"; a claim stronger than any source ("proven to beat
/// stretching") got "Yes." above the sceptics' "no better than"; a claim about one muscle compared with another ("like the
/// major", "the same way" after the psoas minor) was judged on the other muscle's clause; "only from the lumbar ones?"
/// was no yes/no question; and a note on how firmly the sources state outward rotation read as a dispute of it. Each
/// rule reads the claim against the facts' words; the neighbours that already worked keep their verdicts. Phrasings are
/// new (none is a suite item).
/// </summary>
public sealed class VerdictClaimStrengthRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    // A learner's tag without the inversion, a reported claim, and "right or not".
    [InlineData("My book say iliacus is fan shape, it is right?", "Yes.")]
    [InlineData("I read iliacus comes from the iliac fossa, this is true?", "Yes.")]
    [InlineData("the psoas major and iliacus join into one tendon, right or not?", "Yes.")]
    [InlineData("our tutor says the psoas major ends on the greater trochanter, is that correct?", "No.")]
    [InlineData("I was told the psoas minor is missing in some people, true?", "Yes.")]
    // A verb of judging and membership said of a thing that is no muscle.
    [InlineData("Is the psoas considered part of the core?", "Yes.")]
    [InlineData("would the psoas be regarded as a core muscle?", "Yes.")]
    // A claim stronger than the facts: "no better than" denies "proven to beat".
    [InlineData("Is psoas massage proven to beat stretching?", "No.")]
    [InlineData("Has science shown that psoas massage is better than stretching?", "No.")]
    // The muscle after "like" is the standard, not the subject.
    [InlineData("Does the psoas minor tilt the pelvis forward like the major?", "No.")]
    // Unchanged neighbours.
    [InlineData("Does the psoas major tilt the pelvis forward?", "Yes.")]
    [InlineData("Does the psoas minor tilt the pelvis backward?", "Yes.")]
    [InlineData("Is the psoas minor part of the iliopsoas?", "The sources differ.")]
    [InlineData("Does psoas major originate from the sacrum?", "No.")]
    public void The_claim_is_read_against_the_fact(string question, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    // "Proven" is a claim no fact makes: never a plain yes.
    [InlineData("Is stretching proven to beat strengthening for a tight psoas?")]
    [InlineData("is a psoas release guaranteed to fix a stiff hip?")]
    // "Who is right?" asks its own question; "is right" there is no tag.
    [InlineData("at uni some say the iliopsoas has 3 muscles, others say 2, who is right?")]
    public void A_claim_stronger_than_every_fact_is_no_yes(string question)
    {
        Assert.DoesNotMatch("^Yes", Opening(fixture.Ask(question)));
    }

    [Fact]
    public void How_a_name_is_said_is_still_its_pronunciation()
    {
        Assert.Equal(MuscleAttribute.Pronunciation, fixture.Ask("how do you say iliacus").Attribute);
        Assert.Contains("silent", fixture.Ask("In my land we are saying the P of psoas out loud, it is correct?").Sections[0].Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // "The same way" after another muscle is the same way as that muscle.
    [InlineData("what does the psoas minor do?", "does the psoas major tilt the pelvis the same way?", "No.")]
    [InlineData("tell me the action of the psoas minor", "and the major, does it tip the pelvis the same way?", "No.")]
    // Outward rotation: the part's own facts hold what the group's fact says.
    [InlineData("what does the psoas major do at the hip?", "can it rotate the hip too?", "Yes.")]
    // "Only the lumbar ones?" after the origin: the sources that add T12 differ from the one that gives it only in some people.
    [InlineData("where does the psoas major arise?", "only from the lumbar vertebrae?", "The sources differ.")]
    public void A_follow_up_claim_is_weighed_against_the_last_subject(string first, string second, string verdict)
    {
        Assert.StartsWith(verdict, Opening(fixture.Dialogue(first, second)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is the origin of the iliacus?")]
    [InlineData("only the iliacus or the psoas too, which is fan-shaped?")]
    // About the asker, not a claim heard: no yes or no (it would be a diagnosis).
    [InlineData("I was diagnosed with psoas tendinitis, is it serious?")]
    [InlineData("is my anatomy abnormal, is it?")]
    public void A_question_that_is_no_claim_gets_no_verdict(string question)
    {
        Assert.False(HasVerdict(Opening(fixture.Ask(question))), Opening(fixture.Ask(question)));
    }
}
