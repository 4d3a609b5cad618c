using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, short replies: a disagreement is shown once per reply. The same dispute kept under a topic and under a
/// muscle's attribute, a fact that only states it again, and an editors' note already shown above are not written a
/// second time; a note that gives a value the facts shown do not (a spinal level) still is. Phrasings are in no suite.
/// </summary>
public sealed class DisputeOnceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(string question, ShippedKnowledgeFixture fixture) => HeldOutJudge.AnswerText(fixture.Ask(question));

    private static int Count(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    [InlineData("how many muscles really make up the iliopsoas, two or three?")]
    [InlineData("so how many muscles are there in the iliopsoas")]
    public void The_group_count_dispute_is_shown_once(string question)
    {
        var answer = Answer(question, fixture);

        Assert.True(Count(answer, "Sources disagree:") <= 1, answer);
        Assert.True(Count(answer, "manual-therapy book") <= 1, answer);
    }

    [Theory]
    [InlineData("why is the psoas called biarticulate?")]
    [InlineData("explain why the psoas is described as biarticular")]
    public void An_editors_note_already_shown_is_not_repeated_under_the_dispute(string question)
    {
        var answer = Answer(question, fixture);

        Assert.Equal(1, Count(answer, "gluteus maximus"));
    }

    [Theory]
    [InlineData("which spinal nerves supply the psoas minor", "L2")]
    [InlineData("what are the nerve roots of the psoas major", "L2")]
    public void A_note_that_gives_another_value_stays(string question, string value)
    {
        Assert.Contains(value, Answer(question, fixture), StringComparison.Ordinal);
    }
}
