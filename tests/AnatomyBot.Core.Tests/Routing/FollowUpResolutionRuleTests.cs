using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Later turns of a dialogue that keep the chat's subject and must reach the right fact of it: an acknowledgement
/// ("right", "great") before a follow-up's lead word is no side of the body; a denial before "to have" asks whether the
/// muscle is there; "who gets it" asks which people; the muscles helping "it" are the group's helpers. Counter-examples: "right and left" stays the two sides, "who says so" still asks for the source, a
/// question naming its own subject ignores the chat, and a pointer with no chat still asks which muscle.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class FollowUpResolutionRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private Reply Dialogue(string name, params string[] turns)
    {
        var chat = $"resolution-{name}-{string.Join('|', turns)}";
        Reply? reply = null;
        foreach (var turn in turns)
        {
            reply = fixture.Ask(turn, chat);
        }

        return reply!;
    }

    [Theory]
    [InlineData("what does the iliacus do", "right, and where does it attach at the bottom?", "iliacus", MuscleAttribute.Insertion)]
    [InlineData("origin of the psoas minor", "yeah and its nerve supply", "psoas-minor", MuscleAttribute.Innervation)]
    [InlineData("psoas major insertion", "great, what about the blood supply for that one", "psoas-major", MuscleAttribute.BloodSupply)]
    [InlineData("how is the iliacus innervated", "right what about the origin?", "iliacus", MuscleAttribute.Origin)]
    public void An_acknowledgement_before_a_follow_up_is_no_word_of_it(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var reply = Dialogue("ack", first, follow);

        Assert.Equal((Intent.MuscleAttribute, muscle, attribute), (reply.Intent, reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("where does the iliacus start", "right and left - both the same?")]
    [InlineData("psoas major insertion", "right and left side?")]
    public void Right_and_left_stay_the_two_sides(string first, string follow)
    {
        var reply = Dialogue("sides", first, follow);

        Assert.NotEqual(MuscleAttribute.Innervation, reply.Attribute);
        Assert.Contains("left", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tell me about the psoas minor", "how usual is it not to have one at all?")]
    [InlineData("psoas minor origin", "what share of people are born not to have it")]
    public void A_denial_before_to_have_asks_whether_the_muscle_is_there(string first, string follow)
    {
        var reply = Dialogue("absence", first, follow);

        Assert.Equal((Intent.MuscleAttribute, "psoas-minor", MuscleAttribute.Variations), (reply.Intent, reply.Entity, reply.Attribute));
        Assert.Contains("40", ReplyText.ToPlainText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what does overuse of the iliopsoas do", "who typically gets that?")]
    [InlineData("what is an iliopsoas contracture", "so who tends to develop it")]
    public void Who_gets_it_asks_which_people(string first, string follow)
    {
        var reply = Dialogue("who", first, follow);

        Assert.Equal((Intent.Topic, "overuse-and-contracture"), (reply.Intent, reply.Entity));
        Assert.Matches("(?i)people|athlete", ReplyText.ToPlainText(reply));
    }

    [Fact]
    public void Who_says_so_still_asks_for_the_source()
    {
        var before = Dialogue("says-first", "how many people lack a psoas minor");
        var reply = Dialogue("says", "how many people lack a psoas minor", "who says so?");

        Assert.Equal(before.Entity, reply.Entity);
        Assert.Equal(MuscleAttribute.Variations, reply.Attribute);
    }

    [Theory]
    [InlineData("what does the psoas major do", "which other muscles help it flex the thigh?")]
    [InlineData("does the iliacus flex the hip", "and what other muscles help it?")]
    [InlineData("is the iliopsoas the strongest hip flexor", "which other muscles help it?")]
    public void The_muscles_helping_it_are_the_groups_helpers(string first, string follow)
    {
        var reply = Dialogue("helpers", first, follow);

        Assert.Equal("secondary-hip-flexors", reply.Entity);
        Assert.Contains("sartorius", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Other_muscles_asked_of_it_without_helping_keep_it_as_the_subject()
    {
        var reply = Dialogue("near", "tell me about the psoas major", "what other muscles does it attach near?");

        Assert.NotEqual(Intent.Muscle, reply.Intent);
        Assert.True(ReplyText.ToPlainText(reply).Length <= 700);
    }

    [Theory]
    [InlineData("what nerve supplies the iliacus", "oops i meant the psoas minor, not the iliacus", "psoas-minor", MuscleAttribute.Innervation)]
    [InlineData("where does the psoas major start", "sorry, I meant the minor not the major", "psoas-minor", MuscleAttribute.Origin)]
    public void A_correction_carries_the_question_to_the_muscle_meant(string first, string follow, string muscle, MuscleAttribute attribute)
    {
        var reply = Dialogue("meant", first, follow);

        Assert.Equal((muscle, attribute), (reply.Entity, reply.Attribute));
    }

    [Fact]
    public void A_yes_no_claim_about_it_still_names_the_muscle_itself()
    {
        var reply = Dialogue("claim", "what does the iliacus do", "does it insert on the lesser trochanter?");

        Assert.Equal(("iliacus", MuscleAttribute.Insertion), (reply.Entity, reply.Attribute));
        Assert.StartsWith("Yes", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_naming_its_own_subject_ignores_the_chat()
    {
        var reply = Dialogue("own", "what does contracture of the iliopsoas mean", "right and where does the psoas minor insert?");

        Assert.Equal(("psoas-minor", MuscleAttribute.Insertion), (reply.Entity, reply.Attribute));
    }

    [Fact]
    public void A_pointer_with_no_chat_still_asks_which_muscle()
    {
        var reply = Dialogue("none", "right and what is its nerve supply?");

        Assert.Equal(("Which muscle do you mean?", Intent.DidYouMean), (reply.Title, reply.Intent));
    }
}
