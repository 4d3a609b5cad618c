using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, the right facts for what was asked: "manage", "management" ask for the options the sources list for a
/// problem (rest, stretching, strengthening, heat or ice, low back exercises), even next to the word that names the
/// problem ("overworked", "strained"); what the problem is or who gets it stays with its own topic. Phrasings are in no suite.
/// </summary>
public sealed class ManagementWordRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("how is an overworked psoas managed")]
    [InlineData("how to manage a strained iliopsoas")]
    [InlineData("list the ways of managing an overworked hip flexor muscle")]
    public void Managing_a_problem_gets_the_listed_options(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("rehabilitation", reply.Entity);
    }

    [Theory]
    [InlineData("who gets iliopsoas overuse problems")]
    [InlineData("can starting a new sport strain the iliopsoas")]
    public void What_the_problem_is_stays_with_its_topic(string question)
    {
        Assert.Equal("overuse-and-contracture", fixture.Ask(question).Entity);
    }
}
