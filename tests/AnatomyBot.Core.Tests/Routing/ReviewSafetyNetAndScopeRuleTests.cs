using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// The session's review (3 Dec 2026) of the new follow-up, description and scope rules: a rewrite for routing never
/// costs a red flag its urgent reply; "my bad leg" is no retraction; numbness with weakness in plain words is a red flag
/// and study questions about lost feeling are not; a whole-card request worded as "the full picture" gets the card; a
/// presence question with "every human" asks the variations; a name's origin needs the naming word next to the verb; a
/// muscle's name before a topic's own noun ("psoas signs") asks that topic; the class's material is no quiz subject of
/// another field; a described member is never the thing a "what's the one ..." question asks for; another word of the
/// question keeps a choice off the last attribute; "which test" asks for a test; "the rundown" asks for the card and
/// "diff" is the difference; a claim handed in to be checked ("you check: ...") gets its verdict, not a quiz (the
/// sixteenth blind trial's summary).
/// </summary>
public sealed class ReviewSafetyNetAndScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Fact]
    public void A_red_flag_after_an_opener_that_reads_like_a_retraction_keeps_the_urgent_line()
    {
        var reply = fixture.Dialogue("where does the psoas major insert?", "my bad leg is cold and pale now, does the iliacus matter?");

        Assert.Equal(Intent.Urgent, reply.Intent);
        Assert.NotNull(reply.UrgentNotice);
    }

    [Theory]
    [InlineData("my leg is numb and weak")]
    [InlineData("my leg went numb and weak since this morning")]
    public void Numbness_with_weakness_in_plain_words_gets_the_urgent_line(string question) =>
        Assert.Equal(Intent.Urgent, fixture.Ask(question).Intent);

    [Theory]
    [InlineData("I can't feel it in my leg at all when I do the lunge stretch, am I doing it wrong?")]
    [InlineData("Which nerve is hit if the patient can't feel the leg at all after a femoral block?")]
    [InlineData("her thigh is numb and her leg gives way on stairs, which nerve?")]
    public void A_stretch_not_felt_or_an_exam_vignette_raises_no_urgent_line(string question)
    {
        var reply = fixture.Ask(question);

        Assert.NotEqual(Intent.Urgent, reply.Intent);
        Assert.Null(reply.UrgentNotice);
    }

    [Theory]
    [InlineData("give me the full picture of the iliacus muscle", "iliacus")]
    [InlineData("full rundown on the psoas major pls", "psoas-major")]
    [InlineData("give me the rundown on psoas minor", "psoas-minor")]
    [InlineData("breakdown of the iliacus pls", "iliacus")]
    public void A_whole_card_asked_with_an_account_noun_gets_the_card(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Muscle, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
    }

    [Fact]
    public void Show_me_a_picture_alone_is_no_card_request() =>
        Assert.NotEqual(Intent.Muscle, fixture.Ask("show me a picture of the iliacus").Intent);

    [Theory]
    [InlineData("lowkey confused, psoas major vs minor whats the diff fr")]
    [InlineData("whats the diff between psoas major and minor")]
    public void Diff_is_chat_shorthand_for_the_difference(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("psoas-major-vs-minor", reply.Entity);
    }

    [Theory]
    [InlineData("ok quiz time, I answer and you check: psoas major inserts on the greater trochanter, right?")]
    [InlineData("test time, you check: psoas major inserts on the greater trochanter?")]
    public void A_claim_handed_in_to_be_checked_gets_its_verdict_not_a_quiz(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.StartsWith("No", ReplyText.ToPlainText(reply).TrimStart());
    }

    [Theory]
    [InlineData("quiz me on the psoas minor")]
    [InlineData("quiz me")]
    public void A_quiz_request_without_a_claim_still_starts_the_quiz(string question) =>
        Assert.Equal(Intent.Quiz, fixture.Ask(question).Intent);

    [Fact]
    public void How_to_check_a_muscle_is_no_claim_to_check() =>
        Assert.NotEqual(Intent.Quiz, fixture.Ask("how do I check psoas tightness").Intent);

    [Fact]
    public void A_presence_question_with_every_human_asks_the_variations()
    {
        var reply = fixture.Ask("Is a psoas minor found in every human body?");

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains("40", ReplyText.ToPlainText(reply));
    }

    [Fact]
    public void A_name_that_comes_from_a_level_asks_the_nerve_not_the_word_origin()
    {
        var reply = fixture.Ask("What is the name of the nerve that comes from L2-L4 and supplies the iliacus?");

        Assert.NotEqual(Intent.NotCovered, reply.Intent);
        Assert.Contains("femoral", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Intent.NotCovered, fixture.Ask("where does the word iliacus come from").Intent);
    }

    [Theory]
    [InlineData("tight psoas signs?")]
    [InlineData("iliopsoas diseases?")]
    public void A_muscle_before_a_topics_own_noun_asks_that_topic(string question) =>
        Assert.Equal(Intent.Topic, fixture.Ask(question).Intent);

    [Fact]
    public void A_named_clinical_sign_stays_uncovered() =>
        Assert.Equal(Intent.NotCovered, fixture.Ask("what is the psoas sign").Intent);

    [Fact]
    public void The_class_material_is_no_quiz_subject_of_another_field()
    {
        Assert.Equal(Intent.Quiz, fixture.Ask("quiz me on lecture 4 stuff").Intent);
        Assert.Equal(Intent.OffTopic, fixture.Ask("quiz me on the french revolution").Intent);
    }

    [Fact]
    public void What_is_the_one_thing_asks_for_a_thing_not_a_member() =>
        Assert.NotEqual(Intent.Muscle, fixture.Ask("what's the one exercise that helps most with sitting all day?").Intent);

    [Fact]
    public void A_choice_about_another_structure_is_not_read_from_the_last_attribute()
    {
        var reply = fixture.Dialogue("where does the psoas major insert?", "is the bursa in front or back?");

        Assert.DoesNotContain("psoas-major.insertion.1", reply.Facts);
        Assert.Contains("bursa", ReplyText.ToPlainText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_choice_of_the_last_attributes_own_words_is_still_answered_from_it() =>
        Assert.Contains("back of the inner upper femur", ReplyText.ToPlainText(fixture.Dialogue("where does the psoas major insert?", "front or back of the femur?")));
}
