using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The reply is the fact asked, not a neighbour of it (session 39): where a muscle goes said with no place after the
/// verb, a landmark asked for with a gripping or lining verb or a word of extent, a card word after the student's own
/// question, a name misspelt close to one muscle with its attribute asked, and a member named beside its group in a
/// reverse lookup. Phrasings are in no suite; each rule has counter-examples that must not change.
/// </summary>
public sealed class AskedFactAndLandmarkRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("iliacus where does it go", "iliacus")]
    [InlineData("the psoas minor - where does that one go", "psoas-minor")]
    public void Where_a_muscle_goes_is_its_lower_end(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(MuscleAttribute.Insertion, reply.Attribute);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void Where_the_pain_goes_is_not_an_insertion()
    {
        var reply = fixture.Ask("my groin hurts when I run, where does it go from there?");

        Assert.NotEqual(MuscleAttribute.Insertion, reply.Attribute);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("which muscle grips the rim of the iliac crest", "iliacus")]
    [InlineData("what grips onto the iliac fossa", "iliacus")]
    [InlineData("the entire inner surface of the ilium is lined by what muscle", "iliacus")]
    public void Gripping_lining_and_extent_words_still_find_the_landmark(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(muscle, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_card_word_after_the_students_own_question_is_no_quiz_request()
    {
        var reply = fixture.Ask("which muscles insert on the lesser trochanter? flashcard");

        Assert.NotEqual(Intent.Quiz, reply.Intent);
        Assert.Contains("lesser trochanter", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("flashcard please")]
    [InlineData("give me a flashcard on the iliacus")]
    public void A_card_word_that_asks_for_a_card_stays_a_quiz(string question) =>
        Assert.Equal(Intent.Quiz, fixture.Ask(question).Intent);

    [Fact]
    public void Trauma_held_in_the_psoas_stays_a_belief_not_an_attachment() =>
        Assert.NotEqual(Intent.MuscleAttribute, fixture.Ask("my masseuse says my psoas grips old trauma, true?").Intent);

    [Theory]
    [InlineData("ilocus blood supply", MuscleAttribute.BloodSupply)]
    [InlineData("ilocus innervation", MuscleAttribute.Innervation)]
    public void A_name_close_to_one_muscle_with_its_attribute_asked_is_answered(string question, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal("iliacus", reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
    }

    [Theory]
    [InlineData("psoas m")]
    [InlineData("ilia")]
    public void A_guess_between_two_muscles_or_a_clipped_name_still_gets_suggestions(string question) =>
        Assert.Equal(Intent.DidYouMean, fixture.Ask(question).Intent);

    [Fact]
    public void A_guessed_name_beside_a_named_topic_does_not_turn_into_an_attribute()
    {
        var reply = fixture.Ask("talk about the so-called psoas paradox and how the lumbar spine moves");

        Assert.Equal("psoas-paradox", reply.Entity);
    }

    [Fact]
    public void A_member_whose_facts_name_both_ends_answers_without_the_group()
    {
        var reply = fixture.Ask("which muscle begins at T12 and finishes on the thigh bone?");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("psoas major", Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Iliopsoas", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void How_deep_finds_the_fact_that_says_so() =>
        Assert.Contains("deep", Answer(fixture.Ask("how deep down is the psoas")), StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData("how many muscle make the iliopsoas")]
    [InlineData("what muscles in the iliopsoas are there")]
    public void How_many_muscles_are_in_the_group_is_the_members_topic(string question) =>
        Assert.Equal("group-members", fixture.Ask(question).Entity);

    [Fact]
    public void The_top_of_the_psoas_is_given_by_its_number()
    {
        var reply = fixture.Ask("what number is the top thoracic vertebra of the psoas origin");

        Assert.Contains("T12", Answer(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void What_a_muscle_makes_when_it_contract_is_its_action() =>
        Assert.Equal(MuscleAttribute.Action, fixture.Ask("what make the psoas minor when it contract").Attribute);

    [Fact]
    public void The_role_of_a_structure_beside_the_muscle_is_not_the_muscles_action() =>
        Assert.Equal("iliopsoas-bursa", fixture.Ask("explain the role of the bursa next to the iliopsoas").Entity);
}
