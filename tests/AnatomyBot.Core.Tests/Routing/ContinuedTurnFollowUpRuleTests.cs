using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Turns that continue a chat by their frame, from the follow-up engineer's own trial (session 39, 3 Dec 2026; the
/// phrasings are the engineer's, not a suite's): a change of subject that asks nothing ("moving on to the psoas minor")
/// gets that muscle's overview and becomes the chat's subject; a continued letter ("further to my last email, ...")
/// drops its link to the earlier message; a bare request for the source ("citation please", "source for that, I need it
/// for my assignment") restates the last facts with their sources rather than listing the documents; "how sure are the
/// sources about that?" asks whether they agree. Each with counter-examples that must not change.
/// </summary>
public sealed class ContinuedTurnFollowUpRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("ok moving on to the iliacus", "iliacus")]
    [InlineData("new topic: psoas minor", "psoas-minor")]
    [InlineData("can we talk about the psoas major now?", "psoas-major")]
    [InlineData("alright, switching over to the minor", "psoas-minor")]
    public void A_change_of_subject_that_asks_nothing_gets_the_muscles_overview(string text, string muscle)
    {
        var reply = fixture.Ask(text, $"switch-{text}");

        Assert.Equal((Intent.Muscle, muscle), (reply.Intent, reply.Entity));
        Assert.Contains(reply.Sections, s => s.Heading == "Ask about");
        Assert.Null(reply.Disclaimer);
    }

    [Fact]
    public void The_muscle_switched_to_is_the_subject_of_the_next_pointer()
    {
        const string chat = "switch-then-pointer";
        fixture.Ask("where does the iliacus insert", chat);
        fixture.Ask("next topic, the psoas minor", chat);
        var reply = fixture.Ask("and what nerve does it get?", chat);

        Assert.Equal(("psoas-minor", (MuscleAttribute?)MuscleAttribute.Innervation), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("let's talk about the iliacus's nerve supply", "iliacus", MuscleAttribute.Innervation)]
    [InlineData("moving on to the psoas major, where does it insert?", "psoas-major", MuscleAttribute.Insertion)]
    public void A_switch_lead_before_a_question_still_answers_the_question(string text, string muscle, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(text, $"switch-question-{text}");

        Assert.Equal((muscle, (MuscleAttribute?)attribute), (reply.Entity, reply.Attribute));
    }

    [Theory]
    [InlineData("Further to my last email, please also give its blood supply. Regards, Ana", "blood supply")]
    [InlineData("following up on my earlier question: what nerve supplies it?", "innervation")]
    [InlineData("In addition to my previous query, kindly state its action. Best wishes", "action")]
    public void A_continued_letter_drops_its_link_to_the_earlier_message(string follow, string heading)
    {
        var chat = $"letter-{follow}";
        fixture.Ask("Dear bot, I would like to know where the psoas minor begins. Many thanks, Ana", chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal("psoas-minor", reply.Entity);
        Assert.Contains(heading, reply.Title ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void In_addition_to_a_muscle_is_no_continued_letter()
    {
        const string chat = "letter-not";
        fixture.Ask("where does the iliacus begin", chat);
        var reply = fixture.Ask("in addition to the psoas major, which muscle joins the common tendon?", chat);

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.DoesNotContain("iliac fossa", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("what does the psoas minor do", "citation please", "psoas-minor")]
    [InlineData("where does the iliacus originate", "source for this? i need it for my assignment", "iliacus")]
    [InlineData("what nerve supplies the psoas major", "sources pls, want to quote it", "psoas-major")]
    public void A_bare_request_for_the_source_restates_the_last_facts_with_their_sources(string first, string follow, string muscle)
    {
        var chat = $"source-bare-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(muscle, reply.Entity);
        Assert.NotEmpty(reply.Sources);
        Assert.True(HeldOutJudge.AnswerText(reply).Length <= 700);
    }

    [Fact]
    public void What_are_your_sources_still_lists_the_documents()
    {
        const string chat = "source-documents";
        fixture.Ask("where does the iliacus originate", chat);
        var reply = fixture.Ask("what are your sources?", chat);

        Assert.Equal(Intent.Sources, reply.Intent);
    }

    [Theory]
    [InlineData("where does the psoas minor insert", "how certain are the books about this?")]
    [InlineData("what nerve supplies the psoas major", "how reliable are the sources on that")]
    public void How_sure_the_sources_are_is_whether_they_agree(string first, string follow)
    {
        var chat = $"certainty-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void How_sure_the_sources_are_without_a_recorded_disagreement_shows_who_says_it()
    {
        const string chat = "certainty-agreed";
        fixture.Ask("where does the iliacus insert", chat);
        var reply = fixture.Ask("how confident are the sources about that?", chat);

        Assert.Equal(("iliacus", (MuscleAttribute?)MuscleAttribute.Insertion), (reply.Entity, reply.Attribute));
        Assert.Contains("no disagreement", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Dear bot, I would like to know where the psoas minor begins. Many thanks, Ana", "psoas-minor", MuscleAttribute.Origin)]
    [InlineData("what nerve supplies the iliacus? kind regards, Tomasz Wr", "iliacus", MuscleAttribute.Innervation)]
    public void A_sign_off_and_the_name_under_it_ask_nothing(string text, string muscle, MuscleAttribute attribute)
    {
        var reply = fixture.Ask(text, $"sign-off-{text}");

        Assert.Equal((muscle, (MuscleAttribute?)attribute), (reply.Entity, reply.Attribute));
    }

    [Fact]
    public void A_last_word_that_is_no_name_after_best_stays()
    {
        var reply = fixture.Ask("which iliopsoas stretch is best", "sign-off-best");

        Assert.NotEqual(Intent.OffTopic, reply.Intent);
        Assert.Contains("stretch", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("how do i strengthen my iliopsoas", "what if it hurts while im doing them", "stop")]
    [InlineData("how many sets for psoas strengthening", "what if my hip gets sore during them?", "stop")]
    [InlineData("what stretches help the iliopsoas", "and if they hurt?", "professional")]
    public void Pain_during_the_exercises_just_described_gets_what_the_topic_says_of_pain(string first, string follow, string term)
    {
        var chat = $"pain-during-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Contains(term, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(reply.Disclaimer);
        Assert.Null(reply.UrgentNotice);
    }

    [Fact]
    public void Pain_of_its_own_after_exercises_is_no_question_about_them()
    {
        const string chat = "pain-own";
        fixture.Ask("how do i strengthen my iliopsoas", chat);
        var reply = fixture.Ask("my front hip hurts when i sit", chat);

        Assert.NotEqual("strengthening", reply.Entity);
        Assert.NotNull(reply.Disclaimer);
    }

    [Theory]
    [InlineData("tell me everything about the psoas major", "shorter please, only the insertion", "psoas-major", "lesser trochanter")]
    [InlineData("the whole iliacus card please", "way too long. just its nerve", "iliacus", "femoral")]
    public void A_length_complaint_before_what_is_wanted_asks_it_of_the_last_muscle(string first, string follow, string muscle, string term)
    {
        var chat = $"length-complaint-{first}-{follow}";
        fixture.Ask(first, chat);
        var reply = fixture.Ask(follow, chat);

        Assert.Equal(muscle, reply.Entity);
        Assert.Contains(term, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.True(HeldOutJudge.AnswerText(reply).Length <= 700);
    }

    [Theory]
    [InlineData("where does it attach at the bottom?")]
    [InlineData("what nerve is it supplied by")]
    [InlineData("so what does that muscle do?")]
    public void A_pointer_with_no_subject_said_before_asks_which_muscle(string text)
    {
        var reply = fixture.Ask(text, $"no-subject-{text}");

        Assert.Equal(Intent.DidYouMean, reply.Intent);
        Assert.Equal("Which muscle do you mean?", reply.Title);
        Assert.NotEmpty(reply.Suggestions);
    }

    [Theory]
    [InlineData("where does the psoas minor insert, and what is it made of?")]
    [InlineData("what nerve supplies the iliacus")]
    [InlineData("the iliopsoas bursa - what is it there for?")]
    public void A_question_naming_its_muscle_is_no_pointer_without_a_subject(string text)
    {
        var reply = fixture.Ask(text, $"own-subject-{text}");

        Assert.NotEqual("Which muscle do you mean?", reply.Title);
    }

    [Fact]
    public void A_pointer_in_a_chat_with_a_subject_takes_it()
    {
        const string chat = "pointer-with-subject";
        fixture.Ask("tell me about the psoas minor", chat);
        var reply = fixture.Ask("what nerve is it supplied by", chat);

        Assert.Equal(("psoas-minor", (MuscleAttribute?)MuscleAttribute.Innervation), (reply.Entity, reply.Attribute));
    }
}

