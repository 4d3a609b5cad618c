using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Follow-ups that say what they ask in other words: "roots" are a muscle's nerve roots; "the same" asked of all the
/// sources asks whether they disagree on the last answer; a follow-up naming only another muscle after a topic answered
/// a question about one muscle ("what shape is the iliacus", "and the psoas?") asks that question of the other muscle,
/// not for its whole card. Questions with a subject of their own, comparisons of muscles ("same levels?") and cards
/// asked after cards are answered as before. Phrasings are new (in no suite).
/// </summary>
public sealed class FollowUpInOtherWordsRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    [Theory]
    [InlineData("psoas major innervation", "and the small psoas, which roots does it use?", "psoas-minor")]
    [InlineData("what nerve supplies the iliacus", "what about the minor one, which roots?", "psoas-minor")]
    [InlineData("innervation of the psoas minor", "which roots does the major one get?", "psoas-major")]
    public void Roots_asked_of_another_muscle_are_its_nerve_roots(string first, string next, string muscle)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.MuscleAttribute, reply.Intent);
        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("which roots feed into the iliacus", "iliacus")]
    [InlineData("psoas minor roots", "psoas-minor")]
    public void Roots_of_a_named_muscle_are_its_innervation(string question, string muscle)
    {
        var reply = fixture.Ask(question);

        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(MuscleAttribute.Innervation, reply.Attribute);
    }

    [Theory]
    [InlineData("is the root chakra linked to the psoas", "body-mind-claims")]
    public void The_root_chakra_stays_a_body_mind_claim(string question, string topic)
    {
        Assert.Equal(topic, fixture.Ask(question).Entity);
    }

    [Theory]
    [InlineData("where does the psoas minor start", "is that the same in every source?", "T12")]
    [InlineData("what innervates the psoas minor", "do all the books give the same levels?", "L1")]
    [InlineData("iliacus nerve supply", "do the authors all say the same?", "L2")]
    public void The_same_asked_of_the_sources_is_their_disagreement(string first, string next, string shows)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.StartsWith("The sources differ.", reply.Title, StringComparison.Ordinal);
        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("psoas major innervation", "and the iliacus - same levels?", "iliacus")]
    [InlineData("where does the psoas major start", "is it the same on both sides?", null)]
    public void The_same_said_of_the_body_is_no_question_of_the_sources(string first, string next, string? entity)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.False(reply.Title?.StartsWith("The sources differ.", StringComparison.Ordinal) == true);
        if (entity is not null)
        {
            Assert.Equal(entity, reply.Entity);
        }
    }

    [Theory]
    [InlineData("what shape is the iliacus", "and the psoas?", "cable")]
    [InlineData("which muscle is shaped like a fan, the iliacus?", "what about the psoas then", "cable")]
    [InlineData("how does the psoas feel when you palpate it", "and the iliacus?", "spong")]
    [InlineData("where is the psoas major", "and what about the iliacus?", "pelvic bone")]
    public void Another_muscle_after_a_topic_answer_asks_the_same_question(string first, string next, string shows)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Contains(shows, HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
        Assert.True(HeldOutJudge.AnswerText(reply).Length < 1400);
    }

    [Fact]
    public void A_second_muscle_swap_still_asks_the_first_question()
    {
        var reply = fixture.Dialogue("how does the psoas feel when you palpate it", "and the iliacus?", "and the psoas major?");

        Assert.Equal(Intent.Topic, reply.Intent);
        Assert.Equal("palpation", reply.Entity);
    }

    [Theory]
    [InlineData("/muscle psoas minor", "and the iliacus?", "iliacus", Intent.Muscle)]
    [InlineData("tell me about the psoas minor", "what about the iliacus", "iliacus", Intent.Muscle)]
    [InlineData("what is the psoas paradox", "and the iliacus?", "iliacus", Intent.Muscle)]
    [InlineData("where does iliacus take its origin", "and the psoas minor?", "psoas-minor", Intent.MuscleAttribute)]
    [InlineData("what shape is the iliacus", "where does the psoas major insert", "psoas-major", Intent.MuscleAttribute)]
    public void Cards_attributes_and_own_questions_are_answered_as_before(string first, string next, string entity, Intent intent)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(intent, reply.Intent);
        Assert.Equal(entity, reply.Entity);
    }

    [Theory]
    [InlineData("what is the origin of the iliacus", "where does it go?", "iliacus")]
    [InlineData("psoas major origin", "and where does it head from there", "psoas-major")]
    [InlineData("where does the psoas minor come from", "where do they go then?", "psoas-minor")]
    public void Where_it_goes_after_its_start_is_its_lower_end(string first, string next, string muscle)
    {
        var reply = fixture.Dialogue(first, next);

        Assert.Equal(muscle, reply.Entity);
        Assert.Equal(MuscleAttribute.Insertion, reply.Attribute);
    }

    [Theory]
    [InlineData("show me the psoas stretches", "how long should each position be kept?", "stretches", "twenty")]
    [InlineData("which stretches loosen the iliopsoas", "and how long do i stay in that position", "stretches", "twenty")]
    [InlineData("how does the lumbar plexus relate to the psoas", "what symptoms can that cause?", "lumbar-plexus-and-nerve-pain", "numbness")]
    [InlineData("should i use heat or ice on my hip flexor", "any risk to that?", "heat-and-ice", "burn")]
    [InlineData("how many reps for psoas strengthening", "what if they start to hurt halfway?", "strengthening", "stop")]
    public void A_detail_asked_of_the_last_topic_gets_its_fact(string first, string next, string topic, string shows)
    {
        var answer = fixture.Dialogue(first, next);
        var text = HeldOutJudge.AnswerText(answer);

        // The fact holding the detail, within the last topic, and no whole topic around it.
        Assert.True(text.Contains(shows, StringComparison.OrdinalIgnoreCase) && text.Length < 1200, text);
        Assert.Equal(topic, answer.Entity);
    }

    [Theory]
    [InlineData("what is the origin of the iliacus", "where does it go wrong in back pain?", MuscleAttribute.Insertion)]
    public void A_question_of_its_own_is_no_lower_end(string first, string next, MuscleAttribute not)
    {
        Assert.NotEqual(not, fixture.Dialogue(first, next).Attribute);
    }

    [Theory]
    [InlineData("what are trigger points in the psoas", "what symptoms can a tight psoas cause", "pain-symptoms")]
    [InlineData("show me the psoas stretches", "what is the psoas paradox", "psoas-paradox")]
    [InlineData("should i use heat or ice on my hip flexor", "how is the psoas palpated", "palpation")]
    public void A_topic_named_outright_still_answers(string first, string next, string topic)
    {
        Assert.Equal(topic, fixture.Dialogue(first, next).Entity);
    }
}
