using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// From the nineteenth session's review (3 Dec 2026): pain during the exercises just described is only plain pain (a new
/// symptom is not, and gets no dosing back) and gets no "Yes."; "what holds / lines / covers" looks a muscle up only by
/// a bony place of an attachment; an attribute or a level before "here" is asked ("Origin here - psoas minor?"); a
/// tight or overworked "it" is no pointer to a muscle to be named; "shorter than" compares; "what's the point of" asks
/// what a muscle does.
/// </summary>
public sealed class SessionReviewRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("they hurt and i cant lift my leg anymore")]
    [InlineData("what if it burns and tingles while doing them")]
    public void A_new_symptom_after_the_exercises_gets_no_dosing_back(string follow)
    {
        var reply = fixture.Dialogue("strengthening exercises for the iliopsoas", follow);

        Assert.DoesNotContain("repetitions", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void Plain_pain_during_the_exercises_gets_no_verdict()
    {
        var reply = fixture.Dialogue("strengthening exercises for the iliopsoas", "and if they hurt?");

        Assert.False(reply.Title.StartsWith("Yes.", StringComparison.Ordinal), reply.Title);
        Assert.Contains("stop", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what holds the hip in place?")]
    [InlineData("what lines the stomach")]
    [InlineData("what covers the knee")]
    public void A_holding_verb_without_a_bony_place_looks_no_muscle_up(string question)
    {
        Assert.False(LandmarkQuestions.AsksWhatHoldsAPlace(TokenizedText.From(question)));
        Assert.NotEqual(Intent.MuscleAttribute, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("whats lining the iliac fossa")]
    [InlineData("what grips the inner lip of the iliac crest")]
    public void A_holding_verb_with_a_bony_place_looks_the_muscle_up(string question)
    {
        Assert.True(LandmarkQuestions.AsksWhatHoldsAPlace(TokenizedText.From(question)));
        Assert.Contains("iliacus", HeldOutJudge.AnswerText(fixture.Ask(question)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Origin here - psoas minor?", "psoas-minor.origin.")]
    [InlineData("Blood supply here, psoas major?", "psoas-major.blood_supply.")]
    [InlineData("physio student here - where does the iliacus insert?", "iliacus.insertion.")]
    public void An_attribute_before_here_is_asked_and_a_person_introduces(string question, string factPrefix)
    {
        Assert.Contains(fixture.Ask(question).Facts, id => id.StartsWith(factPrefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("feels tight, what does it do")]
    [InlineData("it's so stiff, what does it do")]
    public void A_tight_it_is_no_muscle_to_be_named(string question)
    {
        Assert.NotEqual("Which muscle do you mean?", fixture.Ask(question).Title);
    }

    [Fact]
    public void Shorter_than_compares_and_complains_of_nothing()
    {
        var reply = fixture.Dialogue("/muscle psoas minor", "shorter than the psoas major?");

        Assert.NotEqual("Psoas major", reply.Title);
    }

    [Theory]
    [InlineData("whats the point of the psoas minor", "psoas-minor.action.")]
    [InlineData("what is the purpose of the iliacus?", "iliacus.action.")]
    public void The_point_of_a_muscle_is_its_action(string question, string factPrefix)
    {
        var reply = fixture.Ask(question);

        Assert.Contains(reply.Facts, id => id.StartsWith(factPrefix, StringComparison.Ordinal));
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("which muscle runs from the T12 and L1 bodies down to the pubis?")]
    public void A_landmark_lookup_of_one_muscle_fits_the_budget(string question)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains("psoas minor", answer, StringComparison.OrdinalIgnoreCase);
        Assert.True(answer.Length <= ReplyBudget.FactChars, $"{answer.Length} chars: {answer}");
    }

    [Theory]
    [InlineData("now the same three for the iliacus")]
    [InlineData("all three again for the iliacus please")]
    public void The_same_parts_counted_are_asked_again_of_another_muscle(string follow)
    {
        var facts = fixture.Dialogue("psoas minor: origin, insertion and nerve supply?", follow).Facts;

        Assert.Contains(facts, id => id.StartsWith("iliacus.origin.", StringComparison.Ordinal));
        Assert.Contains(facts, id => id.StartsWith("iliacus.insertion.", StringComparison.Ordinal));
        Assert.Contains(facts, id => id.StartsWith("iliacus.innervation.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Front: lesser trochanter / Back: which muscles? (flashcard)")]
    [InlineData("front: the lesser trochanter | back: which muscles insert here?")]
    public void Flashcard_labels_name_no_place(string question)
    {
        var answer = HeldOutJudge.AnswerText(fixture.Ask(question));

        Assert.Contains("psoas major", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("iliacus", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Only_a_label_with_its_colon_goes()
    {
        Assert.Equal("the front of the hip", IntroClauses.WithoutCardLabels("the front of the hip"));
        Assert.Equal(" lesser trochanter /  which muscles?", IntroClauses.WithoutCardLabels("Front: lesser trochanter / Back: which muscles?"));
    }
}
