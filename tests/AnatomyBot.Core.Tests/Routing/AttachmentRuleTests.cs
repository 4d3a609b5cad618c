using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, the attribute asked: a muscle attaches at both ends, so "what does it attach to" asks for its origin and
/// its insertion. A direction ("below", "at the top") or a landmark that only one end's facts name (the femur, T12,
/// the discs) asks for that end; "insert" and "origin" still ask for theirs. Phrasings are in no suite.
/// </summary>
public sealed class AttachmentRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("where does the iliacus attach")]
    [InlineData("what are the attachments of the iliacus")]
    [InlineData("what's the iliacus attached to?")]
    [InlineData("iliacus attaches to what")]
    public void Attaching_without_a_direction_is_both_ends(string question)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains("iliac fossa", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lesser trochanter", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("where is the psoas minor attached below", MuscleAttribute.Insertion)]
    [InlineData("what does the iliacus attach to at the top", MuscleAttribute.Origin)]
    [InlineData("what is the iliacus attached at proximally", MuscleAttribute.Origin)]
    public void A_direction_asks_for_that_end(string question, MuscleAttribute end)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(end, reply.Attribute);
    }

    /// <summary>
    /// Where a muscle "goes to" is its lower end; what "goes to" a muscle (a nerve, an artery) is another attribute, and
    /// going somewhere yourself is no attachment.
    /// </summary>
    [Theory]
    [InlineData("psoas minor, where does it go to?", MuscleAttribute.Insertion)]
    [InlineData("where does the psoas major go to at the bottom", MuscleAttribute.Insertion)]
    [InlineData("does the iliacus go down to the femur", MuscleAttribute.Insertion)]
    [InlineData("which nerve goes to the iliacus", MuscleAttribute.Innervation)]
    [InlineData("what artery goes to the psoas major", MuscleAttribute.BloodSupply)]
    public void Where_a_muscle_goes_to_is_its_insertion(string question, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(attribute, reply.Attribute);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("when can i go back to running after resting my hip flexors")]
    [InlineData("how often should i go to physio for my tight psoas")]
    public void Going_somewhere_yourself_is_no_attachment(string question)
    {
        Assert.NotEqual(Intent.MuscleAttribute, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("is the psoas major attached to the discs?", MuscleAttribute.Origin, "Yes.")]
    [InlineData("does the psoas minor attach to the femur", MuscleAttribute.Insertion, "No.")]
    [InlineData("does the psoas minor attach to the lesser trochanter", MuscleAttribute.Insertion, "No.")]
    [InlineData("does the iliacus attach to the lesser trochanter", MuscleAttribute.Insertion, "Yes.")]
    public void A_landmark_only_one_end_names_asks_for_that_end(string question, MuscleAttribute end, string verdict)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(end, reply.Attribute);
        Assert.StartsWith(verdict, reply.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("does the psoas major attach to T12", "T12")]
    [InlineData("is the psoas major attached to the twelfth thoracic vertebra", "T12")]
    public void A_level_at_the_upper_end_is_answered_from_the_origin(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(MuscleAttribute.Origin, reply.Attribute);
        Assert.Contains(expected, Answer(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("No.", reply.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where does the psoas minor insert", MuscleAttribute.Insertion)]
    [InlineData("what is the origin of the iliacus", MuscleAttribute.Origin)]
    [InlineData("where does the psoas major end up", MuscleAttribute.Insertion)]
    public void A_named_end_is_unchanged(string question, MuscleAttribute end)
    {
        Assert.Equal(end, fixture.Ask(question).Attribute);
    }

    [Fact]
    public void Which_muscle_attaches_to_a_landmark_still_names_the_muscles()
    {
        var answer = Answer(fixture.Ask("which muscle attaches to the lesser trochanter"));

        Assert.Contains("Iliacus", answer, StringComparison.Ordinal);
        Assert.Contains("Psoas major", answer, StringComparison.Ordinal);
    }

    /// <summary>
    /// "Which muscle ..." with a landmark and no attachment cue ("anchored to", "lines", "sits in") is looked up in both
    /// ends' facts; a which-muscle question about no landmark is not turned into an attachment.
    /// </summary>
    [Theory]
    [InlineData("which muscle is anchored to the iliac crest", "Iliacus")]
    [InlineData("what muscle lines the iliac fossa", "Iliacus")]
    [InlineData("which muscle is fixed to the pectineal line", "Psoas minor")]
    public void A_landmark_names_the_muscle_without_an_attachment_cue(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(muscle, reply.Title ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which muscle is the strongest hip flexor")]
    [InlineData("what muscles make up the iliopsoas")]
    public void A_which_muscle_question_without_a_landmark_is_no_attachment(string question)
    {
        Assert.NotEqual(Intent.MuscleAttribute, fixture.Ask(question).Intent);
    }

    /// <summary>
    /// A topic keyword that is one everyday word ("called", the nicknames topic's) does not outweigh a named muscle and
    /// its attribute; without an attribute it still finds its topic.
    /// </summary>
    [Theory]
    [InlineData("How is called the bone where psoas major is finishing?", "lesser trochanter")]
    [InlineData("how is called the place where the iliacus is starting", "iliac")]
    [InlineData("why is the psoas called the hidden prankster", "prankster")]
    [InlineData("what else is the psoas called", "nickname")]
    public void An_everyday_topic_keyword_yields_to_the_muscle_and_attribute(string question, string expected)
    {
        Assert.Contains(expected, Answer(fixture.Ask(question)), StringComparison.OrdinalIgnoreCase);
    }
}
