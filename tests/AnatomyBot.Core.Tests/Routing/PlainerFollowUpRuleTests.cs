using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// "explain more simply", "say that in plain english", "like i'm five" after an answer ask for the same answer in other
/// words: the same attribute of the same muscle, or the same topic, shown again (never a fact elsewhere that uses the
/// word "simply", never the next facts). After a red flag the urgent line comes again. A message with a subject of its
/// own, and "explain more", are answered as before. Phrasings are new (in no suite).
/// </summary>
public sealed class PlainerFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("which nerve supplies the iliacus", "explain that more simply", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("where does the psoas minor end", "can you say that in plain english please", "psoas-minor", MuscleAttribute.Insertion)]
    [InlineData("origin of the psoas major?", "in simple words?", "psoas-major", MuscleAttribute.Origin)]
    [InlineData("what does the psoas minor do", "sorry i don't understand, explain it again in simpler terms", "psoas-minor", MuscleAttribute.Action)]
    [InlineData("how do you say iliopsoas", "explain it like i'm five", "iliopsoas", MuscleAttribute.Pronunciation)]
    public void A_plainer_answer_keeps_the_muscle_and_the_attribute(string first, string plainer, string muscle, MuscleAttribute attribute)
    {
        var chat = $"plain-{first}-{plainer}";
        var answer = fixture.Ask(first, chat);
        var again = fixture.Ask(plainer, chat);

        Assert.Equal((muscle, attribute), (answer.Entity, answer.Attribute));
        Assert.Equal((muscle, attribute), (again.Entity, again.Attribute));
        Assert.NotEmpty(again.Facts.Intersect(answer.Facts));
    }

    [Theory]
    [InlineData("what is the psoas paradox about", "explain more simply", "psoas-paradox")]
    [InlineData("what is the iliopsoas bursa", "put it in layman's terms", "iliopsoas-bursa")]
    [InlineData("how is the psoas linked to the diaphragm", "too complicated, simpler please", "diaphragm-connection")]
    public void A_plainer_answer_keeps_the_topic(string first, string plainer, string topic)
    {
        var chat = $"plain-topic-{first}-{plainer}";
        var answer = fixture.Ask(first, chat);
        var again = fixture.Ask(plainer, chat);

        Assert.Equal(topic, answer.Entity);
        Assert.Equal(topic, again.Entity);
        // A topic shown whole lists no fact ids: its first facts are said again.
        Assert.NotEmpty(again.Facts);
        Assert.All(again.Facts, f => Assert.True(answer.Facts.IsEmpty || answer.Facts.Contains(f), f));
    }

    [Fact]
    public void After_a_card_the_summary_is_said_again()
    {
        const string chat = "plain-card";
        fixture.Ask("/muscle psoas minor", chat);
        var again = fixture.Ask("explain in simple terms", chat);

        Assert.Equal("psoas-minor", again.Entity);
        Assert.Contains("pelvis", HeldOutJudge.AnswerText(again), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("explain more simply")]
    [InlineData("say it in plain english")]
    public void After_a_red_flag_the_urgent_line_comes_again(string plainer)
    {
        var chat = $"plain-urgent-{plainer}";
        var first = fixture.Ask("my grandad fell down the stairs and now he can't stand on his leg at all", chat);
        var again = fixture.Ask(plainer, chat);

        Assert.Equal(Intent.Urgent, first.Intent);
        Assert.Equal(Intent.Urgent, again.Intent);
        Assert.NotNull(again.UrgentNotice);
    }

    [Fact]
    public void After_pain_the_disclaimer_stays()
    {
        const string chat = "plain-pain";
        var first = fixture.Ask("my psoas hurts when i lift my knee, what are the stretches", chat);
        var again = fixture.Ask("explain that more simply", chat);

        Assert.NotNull(first.Disclaimer);
        Assert.NotNull(again.Disclaimer);
    }

    [Theory]
    [InlineData("explain the psoas paradox simply", "psoas-paradox")]
    [InlineData("in simple words, where does the iliacus start", "iliacus")]
    public void A_message_with_a_subject_of_its_own_is_answered_as_before(string question, string entity)
    {
        const string chat = "plain-own";
        fixture.Ask("what is the insertion of the psoas major", chat);

        Assert.Equal(entity, fixture.Ask(question, chat).Entity);
    }

    [Theory]
    [InlineData("explain more")]
    [InlineData("tell me more")]
    [InlineData("5?")]
    public void Asking_for_more_or_a_number_is_no_request_to_restate(string message)
    {
        const string chat = "plain-more";
        var first = fixture.Ask("what does the psoas minor do", chat);
        var next = fixture.Ask(message, chat);

        Assert.DoesNotContain(", in short", next.Title, StringComparison.Ordinal);
        Assert.NotEqual(first.Facts, next.Facts);
    }

    [Fact]
    public void Without_a_subject_it_asks_what_about()
    {
        Assert.Equal("More about what?", fixture.Ask("explain more simply", "plain-none").Title);
    }
}
