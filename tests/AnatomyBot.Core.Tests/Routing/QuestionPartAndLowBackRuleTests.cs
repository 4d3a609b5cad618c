using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, asked detail and verdicts (session 32). A message of two questions ("what does it do, and where does it
/// start?") gets each question's attribute, a hinted action included; a second question about something else ("and
/// where does that artery come from") adds none. The lumbar spine, the lower spine and the low back are one region,
/// and a topic fact whose subject is "it" is about the muscle its topic's earlier fact names, so "does the psoas
/// side-bend the lumbar spine?" over "it helps bend the lower spine" opens with yes. Phrasings are in no suite.
/// </summary>
public sealed class QuestionPartAndLowBackRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("What does the iliacus do and where does it start?", "flex", "iliac fossa")]
    [InlineData("What does the iliacus do, and where does it originate?", "flex", "iliac fossa")]
    [InlineData("what does psoas minor do and how many people dont have it", "posterior", "40")]
    public void Each_question_of_two_gets_its_attribute(string question, string first, string second)
    {
        var answer = Answer(fixture.Ask(question));

        Assert.Contains(first, answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(second, answer, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what's the blood supply of the iliacus and where does that artery come from", "Origin")]
    [InlineData("What does the iliacus do?", "Origin")]
    [InlineData("where does the iliacus start", "Action")]
    public void One_question_or_another_subject_adds_no_attribute(string question, string absent)
    {
        Assert.DoesNotContain(absent, Answer(fixture.Ask(question)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Can the iliopsoas bend the lumbar spine to the side?")]
    [InlineData("does the psoas help side bending of the lower back")]
    [InlineData("Does the iliopsoas laterally flex the lumbar spine when one side contracts?")]
    public void Side_bending_the_low_back_by_any_name_is_yes(string question)
    {
        Assert.StartsWith("Yes.", fixture.Ask(question).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Does the psoas extend the hip?")]
    [InlineData("Does the psoas minor flex the hip?")]
    public void Claims_the_facts_deny_are_not_yes(string question)
    {
        Assert.False(fixture.Ask(question).Title.StartsWith("Yes.", StringComparison.Ordinal));
    }
}
