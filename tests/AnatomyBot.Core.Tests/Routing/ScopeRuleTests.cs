using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, the scope of a question: what it is about, and whether the sources cover it. Phrasings are new (neither
/// in the held-out suite nor in the old one): each test names the general rule, not a suite item.
/// </summary>
public sealed class ScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(new FakeTimeProvider()), null);

    private Reply Ask(string text) => Engine().Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", "c"));

    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("where precisely is the iliacus")]
    [InlineData("is psoas release scientifically validated")]
    [InlineData("where is the iliopsoas exactly")]
    public void Everyday_words_no_fact_uses_never_make_a_question_uncovered(string question)
    {
        var reply = Ask(question);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.False(SaysNotCovered(reply), Answer(reply));
    }

    [Fact]
    public void Where_a_muscle_is_answers_from_its_location_facts()
    {
        var answer = Answer(Ask("where is the iliopsoas exactly"));

        Assert.Contains("kidney", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_subject_no_fact_names_is_still_not_covered()
    {
        var reply = Ask("what is the embryology of the iliacus");

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains("embryology", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is the path of the genitofemoral nerve on the psoas", "genitofemoral nerve")]
    [InlineData("how do doctors inject cortisone into the iliopsoas bursa", "cortisone")]
    public void A_named_structure_or_procedure_the_sources_never_mention_is_not_covered_and_named(string question, string subject)
    {
        var reply = Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains(subject, reply.Sections[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_a_nerve_runs_is_not_answered_with_what_supplies_the_muscle()
    {
        var reply = Ask("which nerve pierces the front of the psoas major");

        Assert.Equal(Intent.NotCovered, reply.Intent);
        Assert.Contains("front of the psoas major", reply.Sections[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nerve_path_the_facts_do_give_and_a_plain_nerve_question_are_still_answered()
    {
        var through = Ask("which nerves run through the psoas");
        Assert.NotEqual(Intent.NotCovered, through.Intent);
        Assert.Contains("lumbar plexus", Answer(through), StringComparison.Ordinal);

        var supply = Ask("what nerve supplies the iliacus");
        Assert.Equal(MuscleAttribute.Innervation, supply.Attribute);
        Assert.Equal("iliacus", supply.Entity);
    }

    [Theory]
    [InlineData("iliacus orijin point", "iliacus", MuscleAttribute.Origin)]
    [InlineData("psoas minor insershun point", "psoas-minor", MuscleAttribute.Insertion)]
    public void A_misspelt_attribute_with_point_is_that_attribute_not_trigger_points(string question, string muscle, MuscleAttribute attribute)
    {
        var reply = Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(attribute, reply.Attribute);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void Which_muscles_make_up_the_group_gives_both_counts_and_the_psoas_minor()
    {
        var answer = Answer(Ask("what muscles is the iliopsoas made up of"));

        Assert.Contains("Two", answer, StringComparison.Ordinal);
        Assert.Contains("Three", answer, StringComparison.Ordinal);
        Assert.Contains("psoas minor", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("is the iliopsoas paired, left and right?")]
    [InlineData("do I have one iliopsoas or two")]
    public void How_many_a_person_has_is_one_on_each_side(string question)
    {
        var answer = Answer(Ask(question));

        Assert.Contains("left", answer, StringComparison.Ordinal);
        Assert.Contains("right", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Whether_the_psoas_minor_belongs_to_the_group_is_never_a_bare_yes()
    {
        var reply = Ask("is the psoas minor really a member of the iliopsoas group");

        Assert.False(HeldOutJudge.StartsWithVerdict(reply, "yes|no"), Answer(reply));
        Assert.Contains("Sources disagree", Answer(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Not_having_a_muscle_asks_how_often_it_is_missing()
    {
        var answer = Answer(Ask("what share of persons are not having the psoas minor"));

        Assert.Contains("40", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void One_sided_contraction_is_side_bending()
    {
        var answer = Answer(Ask("what happens to the spine when only one iliopsoas contracts"));

        Assert.Contains("to that side", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_a_muscle_lies_is_its_location_not_a_fact_that_happens_to_say_lies()
    {
        var reply = Ask("where does the iliopsoas lie");

        Assert.Equal("location-and-course", reply.Entity);
    }

    [Fact]
    public void One_on_each_side_after_where_it_lies_gives_the_pair()
    {
        var engine = Engine();
        engine.Answer(new IncomingMessage(TypedLine.Parse("where does the iliopsoas lie"), "console", "u", "pair"));
        var answer = Answer(engine.Answer(new IncomingMessage(TypedLine.Parse("does everyone have one on each side"), "console", "u", "pair")));

        Assert.Contains("left", answer, StringComparison.Ordinal);
        Assert.Contains("right", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("could a poorly working psoas affect my neck")]
    [InlineData("do parts of the psoas work against each other")]
    public void A_belief_reached_by_its_own_words_is_shown_as_one_authors_view(string question)
    {
        var answer = Answer(Ask(question));

        Assert.Contains("One author's view", answer, StringComparison.Ordinal);
    }
}
