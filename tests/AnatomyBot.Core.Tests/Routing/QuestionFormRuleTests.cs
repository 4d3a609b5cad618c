using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A statement asked with a tag ("..., right?", "... or not?", "true or false: ...") is a yes/no question about the
/// statement, and "it" in a follow-up stands for the muscle the chat was about. fresh4 (1 Dec) found no verdict on
/// "iliacus originates on the lumbar spine, right?" and, after "where does the psoas major originate", "is it supplied
/// by the femoral nerve" answered for the iliacus (whose facts hold "femoral"). Phrasings are new (in no suite).
/// </summary>
public sealed class QuestionFormRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Opening(Reply reply) => reply.Title ?? "";

    [Theory]
    [InlineData("the psoas major inserts on the lesser trochanter, right?", "Yes.")]
    [InlineData("psoas minor attaches to the femur, correct?", "No.")]
    [InlineData("psoas major is innervated by the sciatic nerve, yes?", "No.")]
    [InlineData("The psoas minor, it is missing in some people or not?", "Yes.")]
    [InlineData("the iliopsoas flexes the hip or not?", "Yes.")]
    [InlineData("so the iliacus gets its nerve from the obturator nerve, right?", "No.")]
    [InlineData("the psoas major arises from the lumbar vertebrae, no?", "Yes.")]
    [InlineData("psoas minor ends on the pubis, am I right?", "Yes.")]
    [InlineData("the common tendon of iliopsoas goes to the greater trochanter, yes?", "No.")]
    [InlineData("true or false: the psoas minor inserts on the greater trochanter", "No.")]
    [InlineData("the psoas major is supplied by the lumbar plexus, isn't that so?", "Yes.")]
    public void A_statement_with_a_tag_gets_its_verdict(string question, string verdict)
    {
        var reply = fixture.Ask(question);

        Assert.StartsWith(verdict, Opening(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how do I stretch the right hip flexor?")]
    [InlineData("which nerve supplies the iliacus, the femoral or the obturator?")]
    [InlineData("where does the iliacus insert, right?")]
    [InlineData("is it right or left?")]
    public void A_question_that_is_no_tagged_statement_gets_no_verdict(string question)
    {
        var opening = Opening(fixture.Ask(question));

        Assert.False(opening.StartsWith("Yes.", StringComparison.Ordinal) || opening.StartsWith("No.", StringComparison.Ordinal), opening);
    }

    [Theory]
    [InlineData("where does the psoas major originate", "does it get blood from the lumbar arteries", "psoas-major", MuscleAttribute.BloodSupply, null)]
    [InlineData("where does the psoas major originate", "is it supplied by the femoral nerve", "psoas-major", MuscleAttribute.Innervation, "No.")]
    [InlineData("what does the psoas major do", "is it innervated by the femoral nerve?", "psoas-major", MuscleAttribute.Innervation, "No.")]
    [InlineData("tell me about the iliacus", "is it supplied by the femoral nerve", "iliacus", MuscleAttribute.Innervation, "Yes.")]
    [InlineData("what does the iliacus do", "does it tilt the pelvis backward?", null, null, "No.")]
    [InlineData("where does the psoas minor insert", "does it reach the femur?", "psoas-minor", MuscleAttribute.Insertion, "No.")]
    public void It_in_a_follow_up_is_the_muscle_the_chat_was_about(string first, string next, string? entity, MuscleAttribute? attribute, string? verdict)
    {
        var reply = fixture.Dialogue(first, next);

        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
            Assert.Equal(attribute, reply.Attribute);
        }

        if (verdict is not null)
        {
            Assert.StartsWith(verdict, Opening(reply), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("where does the psoas major originate", "where does the iliacus insert", "iliacus")]
    [InlineData("what does the psoas major do", "how do I stretch my hip flexors", "stretches")]
    [InlineData("what does the iliacus do", "is it true that the psoas minor is missing in some people", "psoas-minor")]
    public void A_question_with_its_own_subject_ignores_the_last_muscle(string first, string next, string entity)
    {
        var chat = $"form-own-{first}-{next}";
        fixture.Ask(first, chat);

        Assert.Equal(entity, fixture.Ask(next, chat).Entity);
    }
}
