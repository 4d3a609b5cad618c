using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups about the last answer by shape, from the follow-up engineer's own trial (session 35, 3 Dec 2026; the
/// phrasings are the engineer's, not a suite's): a bare request for a reason ("how come?", "whats the reasoning behind
/// that") gets the fact whose own reason clause explains the last answer, wherever it is filed; a bare question about the
/// source ("source for that?", "says who?", "where is that from?") gets the last facts again with their sources; a
/// question about the number just given ("that is a lot?") shows that number again; "how common" / "how rare" ask how
/// often, not about the common tendon. Each with calm counter-examples.
/// </summary>
public sealed class ReasonAndSourceFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("should i stretch or strengthen my iliopsoas first", "how come?", "poor control")]
    [InlineData("which comes first for a tight psoas, strengthening or stretching?", "whats the reasoning behind that", "poor control")]
    [InlineData("is strengthening or stretching better for a tight psoas", "ok but why?", "poor control")]
    public void A_bare_request_for_a_reason_gets_the_fact_that_gives_it(string first, string why, string reason)
    {
        var chat = $"reason-{first}-{why}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(why, chat);

        Assert.Contains(reason, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_reason_is_never_taken_from_another_muscle_or_brings_pain_into_a_neutral_chat()
    {
        // The psoas major's clinical note ("because it is anchored to the lumbar spine...") shares the tilt words, but it
        // is another muscle's fact and speaks of back pain.
        const string chat = "reason-other-muscle";
        fixture.Ask("does psoas minor make the pelvis tilt back", chat);
        var reply = fixture.Ask("why does it do that?", chat);

        Assert.DoesNotContain(reply.Facts, f => f.StartsWith("psoas-major.", StringComparison.Ordinal));
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("where does the psoas major insert", "why?", "psoas-major")]
    [InlineData("what is the psoas paradox", "why?", "psoas-paradox")]
    public void Without_a_reason_in_the_sources_why_continues_the_last_subject(string first, string why, string entity)
    {
        var chat = $"no-reason-{first}-{why}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(why, chat);

        Assert.Equal(entity, reply.Entity);
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void A_why_question_with_a_subject_of_its_own_is_no_request_for_a_reason()
    {
        const string chat = "why-own-subject";
        fixture.Ask("should i stretch or strengthen my iliopsoas first", chat);
        var reply = fixture.Ask("why does the psoas minor tilt the pelvis backward?", chat);

        Assert.DoesNotContain("poor control", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("where does the iliacus originate", "source for that?", "iliacus", MuscleAttribute.Origin, "iliac fossa")]
    [InlineData("what nerve supplies the psoas minor", "says who?", "psoas-minor", MuscleAttribute.Innervation, "L1")]
    [InlineData("where does the psoas major end", "where is that from?", "psoas-major", MuscleAttribute.Insertion, "lesser trochanter")]
    [InlineData("where does the iliacus originate", "according to whom?", "iliacus", MuscleAttribute.Origin, "iliac fossa")]
    public void A_bare_question_about_the_source_shows_the_last_facts_with_their_sources(string first, string follow, string muscle,
        MuscleAttribute attribute, string fact)
    {
        var chat = $"source-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal((muscle, (MuscleAttribute?)attribute), (reply.Entity, reply.Attribute));
        Assert.Contains(fact, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(reply.Sources);
    }

    [Theory]
    [InlineData("what are your sources?")]
    [InlineData("what sources do you use")]
    public void Asking_for_the_sources_without_pointing_back_lists_the_documents(string follow)
    {
        var chat = $"documents-{follow}";
        fixture.Ask("where does the iliacus originate", chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(Intent.Sources, reply.Intent);
    }

    [Theory]
    [InlineData("what share of people have no psoas minor", "thats many?", "40")]
    [InlineData("what share of people have no psoas minor", "that is a lot?", "40")]
    public void A_question_about_the_number_just_given_shows_it_again(string first, string follow, string number)
    {
        var chat = $"number-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Contains(number, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tell me about the psoas minor", "how rare is it to lack one?")]
    [InlineData("what does the psoas minor do", "how common is it to be born without it")]
    public void How_common_after_a_muscle_asks_how_often_it_is_found_not_about_the_common_tendon(string first, string follow)
    {
        var chat = $"frequency-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(("psoas-minor", (MuscleAttribute?)MuscleAttribute.Variations), (reply.Entity, reply.Attribute));
        Assert.Contains("40", HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_that_names_the_common_tendon_keeps_it()
    {
        const string chat = "frequency-tendon";
        fixture.Ask("what is the common tendon of the iliopsoas", chat);
        var reply = fixture.Ask("how common are injuries to the common tendon?", chat);

        Assert.Equal("common-tendon", reply.Entity);
    }

    [Fact]
    public void A_remark_about_the_last_answer_is_no_question_about_it()
    {
        const string chat = "number-remark";
        fixture.Ask("where does the psoas major insert", chat);
        var reply = fixture.Ask("thats interesting", chat);

        Assert.NotEqual(Intent.MuscleAttribute, reply.Intent);
    }

    [Fact]
    public void A_red_flag_inside_a_dialogue_gets_the_urgent_line_and_no_exercise_advice()
    {
        const string chat = "red-flag-in-dialogue";
        fixture.Ask("where does the psoas major attach", chat);
        var reply = fixture.Ask("also i suddenly cant feel my legs and i peed myself", chat);

        Assert.NotNull(reply.UrgentNotice);
        Assert.NotNull(reply.Disclaimer);
        Assert.DoesNotContain("stretch", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }
}
