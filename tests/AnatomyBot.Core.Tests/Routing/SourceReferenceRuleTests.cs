using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// A source referred to by its kind or author ("the blog", "the book", "the PT clinic blog"), read from the knowledge's
/// own source records: after an answer, a message that asks nothing else gets the last subject as those sources give
/// it; a question the reference's words would otherwise derail is asked without them. Phrasings are the engineer's own
/// (s36 references trial), not a suite's.
/// </summary>
public sealed class SourceReferenceRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static string[] Cited(Reply reply) => [.. reply.Sources.Select(s => s.Id)];

    [Theory]
    [InlineData("iliacus innervation", "ok and per the blog?", "femoral", new[] { "mom", "ptclinic" })]
    [InlineData("which nerve supplies the iliacus", "just the blog's version please", "femoral", new[] { "mom", "ptclinic" })]
    [InlineData("psoas minor origin", "and according to the book?", "T12", new[] { "release" })]
    [InlineData("psoas major innervation", "only the massage therapist's post pls", "L1", new[] { "mom" })]
    public void A_reference_alone_gives_the_last_subject_as_that_source_gives_it(string first, string next, string term, string[] sources)
    {
        var reply = fixture.Dialogue(first, next);
        Assert.Equal(fixture.Ask(first).Entity, reply.Entity);
        Assert.Contains(term, Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.All(Cited(reply), id => Assert.Contains(id, sources));
    }

    [Fact]
    public void Two_sources_named_against_each_other_give_both_their_facts_not_a_choice()
    {
        var reply = fixture.Dialogue("psoas major nerve", "what does the book say vs the blog");
        Assert.Equal((Intent.MuscleAttribute, "psoas-major", MuscleAttribute.Innervation), (reply.Intent, reply.Entity, reply.Attribute));
        Assert.Contains("L1", Answer(reply), StringComparison.Ordinal);
        Assert.Contains("L2", Answer(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_the_reference_derails_is_asked_without_it()
    {
        var reply = fixture.Ask("which training does the PT blog say to start with?");
        Assert.NotEqual(Intent.DidYouMean, reply.Intent);
        Assert.Contains("strength", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Calm counter-examples: a source asked for, a new subject after a reference, a reference with no answer before it.</summary>
    [Theory]
    [InlineData("iliacus innervation", "and its blood supply per the book?", "iliacus", MuscleAttribute.BloodSupply)]
    [InlineData("iliacus innervation", "what does the book say about the psoas minor origin", "psoas-minor", MuscleAttribute.Origin)]
    public void A_reference_with_a_subject_of_its_own_answers_that_subject(string first, string next, string entity, MuscleAttribute attribute)
    {
        var reply = fixture.Dialogue(first, next);
        Assert.Equal((entity, (MuscleAttribute?)attribute), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("which book covers the psoas?")]
    [InlineData("is a psoas massage painful")]
    public void Asking_for_a_source_or_naming_a_treatment_is_no_reference(string next)
    {
        var reply = fixture.Dialogue("iliacus innervation", next);
        Assert.False(reply.Entity == "iliacus" && reply.Attribute == MuscleAttribute.Innervation, Answer(reply));
    }

    [Fact]
    public void A_reference_alone_with_no_answer_before_it_restates_nothing()
    {
        var reply = fixture.Ask("just the blog's version please");
        Assert.NotEqual(Intent.MuscleAttribute, reply.Intent);
        Assert.Null(reply.UrgentNotice);
    }
    /// <summary>
    /// Safety before the shortcut (review of 3 Dec): a crisis, a red flag or pain in a message that also names a source is
    /// decided as for any question, never answered with the last subject's facts alone.
    /// </summary>
    [Theory]
    [InlineData("ok and per the book? i want to die")]
    [InlineData("just the blog's version please, and i lost control of my bladder and both legs are numb")]
    public void A_reference_with_a_crisis_or_a_red_flag_gets_the_urgent_reply(string next)
    {
        var reply = fixture.Dialogue("iliacus innervation", next);
        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    [Fact]
    public void A_reference_with_pain_keeps_the_disclaimer()
    {
        var reply = fixture.Dialogue("iliacus innervation", "ok and per the book? it hurts a lot");
        Assert.NotNull(reply.Disclaimer);
    }

    [Fact]
    public void A_reference_with_a_medicine_no_fact_names_is_not_the_last_subject_again()
    {
        var reply = fixture.Dialogue("iliacus innervation", "per the blog, is ibuprofen ok?");
        Assert.False(reply.Entity == "iliacus" && reply.Attribute == MuscleAttribute.Innervation, Answer(reply));
    }
}
