using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, honest scope: a sentence whose only link to the domain is a homograph or a near-spelling is about another
/// subject and gets the off-topic reply, with no disclaimer: "major" or "minor" qualifying a thing no fact names (a
/// scale, a league), "hand" without the therapist's or a stretch's hand, a word only near a muscle's name beside another
/// subject's word ("Homer"). The same words in their sense of ours keep their answers. Phrasings are in no suite.
/// </summary>
public sealed class ForeignSubjectRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("What are the major scales on a piano?")]
    [InlineData("Is a minor chord sadder than a major chord?")]
    [InlineData("what separates major league from minor league hockey")]
    [InlineData("How many bones are in the human hand?")]
    [InlineData("which hand should I write with")]
    [InlineData("Is the Iliad longer than the Odyssey?")]
    [InlineData("summarise the plot of the Iliad")]
    public void A_homograph_or_near_spelling_beside_another_subject_is_off_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("major vs minor?", "psoas-major-vs-minor")]
    [InlineData("what is the difference between major and minor", "psoas-major-vs-minor")]
    [InlineData("major and minor origins", "psoas-major-vs-minor")]
    [InlineData("where do my hands go in the second stretch", "stretches")]
    [InlineData("can a therapist really feel the psoas with their hands", "palpation")]
    public void The_same_words_in_our_sense_keep_their_topic(string question, string topic)
    {
        Assert.Equal(topic, fixture.Ask(question).Entity);
    }

    [Theory]
    [InlineData("what grips the inner lip of the iliac crest?")]
    [InlineData("illiacus")]
    [InlineData("and the minor?")]
    public void A_guess_from_a_word_of_ours_is_never_off_topic(string question)
    {
        Assert.NotEqual(Intent.OffTopic, fixture.Ask(question).Intent);
    }
}
