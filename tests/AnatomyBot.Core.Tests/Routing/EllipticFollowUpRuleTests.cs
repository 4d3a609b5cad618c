using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Short turns that lean on the last answer without naming anything the router knows (EllipticFollowUps): an elliptic
/// follow-up read against the last subject instead of refused; an acknowledgement that neither refuses nor repeats; a
/// quiz on the chat's subject and a quiz question that leaves its muscle for the answer turn; a closing repetition
/// marker; another script's thanks before an English follow-up; an amount asked with "like ... or ...". Calm
/// counter-examples: a real change of subject stays off-topic, red flags stay urgent, pain keeps its disclaimer.
/// Phrasings are new (in no suite).
/// </summary>
public sealed class EllipticFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private Reply Dialogue(string name, params string[] turns)
    {
        var chat = $"elliptic-{name}-{string.Join('|', turns)}";
        Reply? reply = null;
        foreach (var turn in turns)
        {
            reply = fixture.Ask(turn, chat);
        }

        return reply!;
    }

    [Theory]
    [InlineData("where does the iliacus insert", "which bone is that bump on?", "femur")]
    [InlineData("psoas major origin", "and the discs - which exactly?", "disc")]
    [InlineData("what does the iliacus do", "ok and in simple terms?", "flex")]
    public void An_elliptic_turn_is_read_against_the_last_subject(string first, string follow, string term)
    {
        var before = Dialogue("lean-first", first);
        var reply = Dialogue("lean", first, follow);

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Equal(before.Entity, reply.Entity);
        Assert.Contains(term, ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("where does the iliacus insert", "ok whats the capital of spain")]
    [InlineData("what does the psoas minor do", "lol who painted the mona lisa")]
    [InlineData("psoas major origin", "whatever, best pizza topping?")]
    [InlineData("where does the iliacus insert", "and the shoulder?")]
    public void A_real_change_of_subject_stays_off_topic(string first, string follow)
    {
        var reply = Dialogue("away", first, follow);

        Assert.Equal(Intent.OffTopic, reply.Intent);
    }

    [Theory]
    [InlineData("haha ok")]
    [InlineData("cool cool")]
    [InlineData("ah i see, makes sense")]
    public void An_acknowledgement_neither_refuses_nor_repeats_and_keeps_the_subject(string ack)
    {
        var reply = Dialogue("ack", "nerve of the iliacus", ack);

        Assert.Equal(Intent.Thanks, reply.Intent);
        Assert.DoesNotContain("femoral", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);

        var next = Dialogue("ack-next", "nerve of the iliacus", ack, "and its blood supply?");
        Assert.Equal("iliacus", next.Entity);
        Assert.Equal(MuscleAttribute.BloodSupply, next.Attribute);
    }

    [Fact]
    public void An_acknowledgement_before_a_question_leaves_the_question()
    {
        var reply = Dialogue("ack-question", "nerve of the iliacus", "cool, where does the psoas minor insert");

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Insertion, reply.Attribute);
    }

    [Theory]
    [InlineData("ok test me on that")]
    [InlineData("quiz me on what we just covered")]
    public void A_quiz_on_the_chat_asks_about_its_subject(string ask)
    {
        var reply = Dialogue("quiz-chat", "where does the psoas minor insert", ask);

        Assert.Equal(Intent.Quiz, reply.Intent);
        Assert.Contains("psoas minor", reply.Quiz!.Question + " " + reply.Quiz.CorrectOption, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_quiz_question_leaves_its_muscle_for_the_answer_turn()
    {
        var reply = Dialogue("quiz-answer", "quiz me on the iliacus", "thx, and what nerve supplies it?");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("iliacus", reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("quiz me on the psoas minor", "my answer: it inserts on the lesser trochanter")]
    [InlineData("psoas minor insertion", "so it inserts on the lesser trochanter?")]
    public void A_claim_about_it_is_about_the_last_muscle(string first, string claim)
    {
        var reply = Dialogue("claim", first, claim);

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Contains("pubi", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_landmark_asked_for_its_muscles_is_still_a_reverse_lookup()
    {
        var reply = Dialogue("claim-counter", "psoas minor insertion", "what inserts on the lesser trochanter?");

        Assert.NotEqual("psoas-minor", reply.Entity);
        Assert.Contains("iliacus", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what does the psoas major do", "and the other two?")]
    [InlineData("what does the psoas major do", "what about the others")]
    public void The_other_members_of_the_group_take_the_last_attribute(string first, string follow)
    {
        var reply = Dialogue("others", first, follow);
        var text = ReplyText.ToPlainText(reply);

        Assert.Contains("iliacus", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("psoas minor", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(MuscleAttribute.Action, reply.Attribute);
    }

    [Fact]
    public void The_other_side_is_no_other_member()
    {
        var reply = Dialogue("other-side", "what does the psoas major do", "and on the other side?");

        Assert.DoesNotContain("psoas minor", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_closing_repetition_marker_is_no_subject_word()
    {
        var reply = Dialogue("again", "tell me about the psoas minor", "its nerve once more");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void A_one_word_request_restates_the_first_fact()
    {
        var reply = Dialogue("one-word", "what is the main action of the iliacus", "one word?");

        Assert.Equal("iliacus", reply.Entity);
        Assert.Contains("flex", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Another_scripts_thanks_before_a_follow_up_is_no_word_of_it()
    {
        var reply = Dialogue("script", "iliopsoas role in walking?", "спасибо, and in sitting?");

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains("sit", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_amount_asked_with_options_is_the_last_answers()
    {
        var reply = Dialogue("amount", "how many sets for iliopsoas strengthening", "and how often, like per day or per week");

        Assert.Contains("once a day", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_red_flag_inside_the_chat_stays_urgent()
    {
        var reply = Dialogue("red", "what does the psoas minor do", "ok and my legs are numb and i cant control my bladder");

        Assert.Equal(Intent.Urgent, reply.Intent);
    }

    [Fact]
    public void A_plainer_pain_answer_keeps_its_disclaimer()
    {
        var reply = Dialogue("pain", "my groin hurts when I run, is it the psoas?", "ok and in plain words?");

        Assert.NotNull(reply.Disclaimer);
    }
}
