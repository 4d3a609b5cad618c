using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Issue 8, landmarks as entry points and honest scope, by the shape of the question: a course given by its two ends,
/// one of the muscles asked for without "which muscle", muscles left out by "besides"; a muscle's name given to a thing
/// of another field, a key in music, and a two-letter imaging word. Phrasings are in no suite, and calm counter-examples
/// keep their answers.
/// </summary>
public sealed class LandmarkAndNameSenseRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    [Theory]
    [InlineData("what goes from T12 all the way down to the lesser trochanter?", "psoas major")]
    [InlineData("which muscle travels from the lumbar vertebrae to the femur", "psoas major")]
    [InlineData("which muscle passes from the first lumbar vertebra to the pubis", "psoas minor")]
    [InlineData("muscle from T12 to the pubis, which is it?", "psoas minor")]
    public void A_course_by_its_two_ends_is_answered_with_the_muscle_whose_ends_the_facts_name(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Contains(muscle, Answer(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Iliacus", reply.Title!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("which of the three lines the inside of the pelvis")]
    [InlineData("the rim of the iliac crest - whose origin is that?")]
    [InlineData("which one holds on to the lip of the iliac crest")]
    public void One_of_them_asked_for_by_a_landmark_is_the_muscle_its_attachment_facts_name(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal("iliacus", reply.Entity);
        Assert.Contains("iliac", Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("which muscle inserts on the lesser trochanter apart from the psoas major", "iliacus", "psoas-major")]
    [InlineData("other than the iliacus, what attaches to the lesser trochanter", "psoas-major", "iliacus")]
    public void A_muscle_left_out_is_no_answer_to_the_landmark(string question, string entity, string leftOut)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(entity, reply.Entity);
        Assert.DoesNotContain(reply.Facts, f => f.StartsWith(leftOut, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("where does the psoas major run from and to")]
    [InlineData("what nerve runs from L1 to the thigh")]
    [InlineData("what is the distance from T12 to the pubis")]
    [InlineData("does the iliacus attach to the femur besides the hip capsule")]
    public void A_course_or_a_besides_that_asks_no_muscle_by_landmark_is_answered_as_before(string question)
    {
        var reply = fixture.Ask(question);

        Assert.False(reply.Title!.Contains("origin and insertion", StringComparison.Ordinal) && reply.Title.Contains("Psoas minor", StringComparison.Ordinal), reply.Title);
        Assert.NotEqual(Intent.OffTopic, reply.Intent);
    }

    [Theory]
    [InlineData("in that game, where do I find the iliacus sword")]
    [InlineData("is there parking at Psoas Pilates Studio")]
    [InlineData("where can I stream the new Iliacus album")]
    [InlineData("what key is the sonata in, E minor or G major")]
    public void A_name_given_to_a_thing_of_another_field_gets_the_off_topic_reply_without_a_disclaimer(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.OffTopic, reply.Intent);
        Assert.Null(reply.Disclaimer);
    }

    [Theory]
    [InlineData("does the psoas look different in women")]
    [InlineData("show me a psoas major diagram please")]
    [InlineData("iliacus summary for my exam")]
    [InlineData("psoas syndrome symptoms")]
    [InlineData("psoas workout for beginners at home")]
    [InlineData("what is the psoas major role in walking")]
    [InlineData("psoas abscess treatment")]
    [InlineData("is the psoas minor absent in a lot of people")]
    [InlineData("what is the difference between major and minor")]
    public void A_study_question_with_a_name_beside_an_everyday_word_stays_ours(string question)
    {
        Assert.NotEqual(Intent.OffTopic, fixture.Ask(question).Intent);
    }

    [Theory]
    [InlineData("how thick is the psoas major on CT")]
    [InlineData("what does a CT show of the iliacus")]
    public void A_two_letter_imaging_word_is_what_the_sources_do_not_cover(string question)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(Intent.NotCovered, reply.Intent);
    }
}
