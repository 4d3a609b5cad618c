using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A topic's name typed as it sounds ("paradocks", "burza") shares too few letter triples with the knowledge word for
/// the trigram search, so the question fell back to an attribute of the muscle it names. A word with the same sound-alike
/// key as one knowledge word is that word; a real English word spelt right is itself ("looser" is not "lesser"), and a key
/// two knowledge words share is no guess. Phrasings are new (in no suite).
/// </summary>
public sealed class SoundAlikeTypoRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("what does the psoas paradocks say")]
    [InlineData("explain the paradocks of the psoas")]
    [InlineData("iliopsoas paradocks")]
    [InlineData("what is the psoas paradox")]
    public void A_topic_name_spelt_as_it_sounds_is_that_topic(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("psoas-paradox", reply.Entity);
    }

    [Theory]
    [InlineData("paradocks", "paradox")]
    [InlineData("burza", "bursa")]
    [InlineData("palpasion", "palpation")]
    public void A_word_spelt_as_a_knowledge_word_sounds_is_looked_up_as_it(string typed, string meant)
    {
        var facts = fixture.Engine.CurrentIndex().Facts;

        var term = Assert.Single(facts.QueryTerms([typed]));

        Assert.True(term.Corrected);
        Assert.Equal(facts.Term(meant), term.Term);
    }

    [Theory]
    [InlineData("how do i get my hip flexors looser", "stretches")]
    [InlineData("where does the psoas major insert", null)]
    [InlineData("which nerve supplies the iliacus", null)]
    public void Real_words_and_plain_questions_do_not_change(string question, string? topic)
    {
        var reply = fixture.Ask(question);

        if (topic is null)
        {
            Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        }
        else
        {
            Assert.Equal(topic, reply.Entity);
        }
    }

    [Fact]
    public void A_key_that_two_words_share_guesses_neither_but_a_word_and_its_longer_form_are_one()
    {
        var words = new SoundAlikeWords(["zarbex", "sarbeks", "bursa", "bursae", "lesser"]);

        Assert.Null(words.Of("sarbecks"));
        Assert.Null(words.Of("lessar"));
        Assert.Equal("bursa", words.Of("burza"));
        Assert.Null(words.Of("rest"));
    }
}
