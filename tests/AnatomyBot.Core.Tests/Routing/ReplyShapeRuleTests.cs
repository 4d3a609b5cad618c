using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The shape of a reply: an exam question that lists three or four attributes gets each of them (not the first two);
/// two attributes stay as they were. A yes/no question the ranking answers with several disputes keeps one dispute's
/// sides at most, and names the others. A bare muscle with conversational chatter ("ok now iliacus?") after an
/// attribute answer carries the attribute over; a question naming its own attribute ignores it. Phrasings are new (in
/// no suite).
/// </summary>
public sealed class ReplyShapeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("Set out the origin, insertion and nerve supply of the psoas major.", "psoas-major", "origin,insertion,innervation")]
    [InlineData("origin insertion and innervation of iliacus pls", "iliacus", "origin,insertion,innervation")]
    [InlineData("give the insertion, action and nerve supply of the psoas minor", "psoas-minor", "insertion,action,innervation")]
    [InlineData("origin, insertion, nerve supply and blood supply of the iliacus", "iliacus", "origin,insertion,innervation,blood_supply")]
    public void Each_attribute_a_question_names_is_answered(string question, string muscle, string attributes)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        foreach (var attribute in attributes.Split(','))
        {
            Assert.Contains(reply.Facts, f => f.StartsWith($"{muscle}.{attribute}.", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("what is the origin and insertion of the iliacus", "iliacus", "origin,insertion")]
    [InlineData("nerve supply and action of psoas major", "psoas-major", "innervation,action")]
    public void Two_named_attributes_are_answered_as_before(string question, string muscle, string attributes)
    {
        var reply = fixture.Ask(question);

        var shown = reply.Facts.Where(f => f.StartsWith(muscle + ".", StringComparison.Ordinal)).Select(f => f.Split('.')[1]).Distinct().ToList();
        Assert.Equal(attributes.Split(',').Order(), shown.Order());
    }

    [Theory]
    [InlineData("Does the iliopsoas help turn the hip outwards?")]
    [InlineData("can the iliopsoas rotate the thigh outward")]
    [InlineData("is outward rotation one of the iliopsoas' actions?")]
    public void A_yes_no_answer_shows_the_sides_of_one_dispute_at_most(string question)
    {
        var reply = fixture.Ask(question);
        var text = HeldOutJudge.AnswerText(reply);

        Assert.True(text.Length <= 1000, $"{text.Length} chars: {text}");
        Assert.Contains("outward", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how do you pronounce psoas properly", "ok now iliacus?", "iliacus", MuscleAttribute.Pronunciation)]
    [InlineData("how do you say iliopsoas", "ok psoas minor then", "psoas-minor", MuscleAttribute.Pronunciation)]
    [InlineData("what nerve supplies the iliacus", "ok psoas major now", "psoas-major", MuscleAttribute.Innervation)]
    [InlineData("how do you pronounce psoas properly", "ok now the origin of iliacus?", "iliacus", MuscleAttribute.Origin)]
    [InlineData("what nerve supplies the iliacus", "ok where does psoas major insert", "psoas-major", MuscleAttribute.Insertion)]
    public void A_bare_muscle_with_chatter_carries_the_last_attribute_and_a_named_one_wins(string first, string next, string muscle, MuscleAttribute attribute)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
    }
}
