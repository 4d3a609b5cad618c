using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Tests.Accuracy;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Session 38's lookup rules: the subject is found, and these decide which of its facts answer. A list request gets every
/// fact of the one attribute asked; a topic matched on its heading's words alone answers with its facts in the file's
/// order (the overview first), not the shortest; words naming a source document are no topic keyword when another topic
/// phrase says what is asked; a long keyword matches without its articles. Phrasings are the engineer's own, not a suite's.
/// </summary>
public sealed class FactWithinSubjectRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private AnswerEngine Engine() => new(new TestProvider(fixture.Snapshot), new Random(1), new ConversationMemory(_clock), null);

    private static Reply Ask(AnswerEngine engine, string text, string chat = "c") =>
        engine.Answer(new IncomingMessage(TypedLine.Parse(text), "console", "u", chat));

    private static int Count(Reply reply, string prefix) => reply.Facts.Count(id => id.StartsWith(prefix, StringComparison.Ordinal)
        && !id.Contains(".disagreement", StringComparison.Ordinal));

    [Theory]
    [InlineData("itemise the psoas major's actions")]
    [InlineData("psoas major: list its functions")]
    [InlineData("give me every action of the psoas major")]
    public void A_list_request_gets_every_fact_of_the_attribute(string question)
    {
        var expected = fixture.Snapshot.Muscles.Single(m => m.Id == "psoas-major").Get(MuscleAttribute.Action).Length;
        var reply = Ask(Engine(), question);

        Assert.Equal(expected, Count(reply, "psoas-major.action."));
        Assert.Contains("tilt", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_plain_question_about_the_attribute_keeps_the_short_answer()
    {
        var reply = Ask(Engine(), "what does the psoas major do");

        Assert.InRange(Count(reply, "psoas-major.action."), 1, 2);
    }

    [Theory]
    [InlineData("do all the sources agree on the nerve supply of the psoas major", false)]
    [InlineData("does it reach all the lumbar vertebrae", false)]
    [InlineData("enumerate the attachments", true)]
    [InlineData("all its actions please", true)]
    [InlineData("the iliacus origin covers what fraction of the iliac fossa - a half, two-thirds, all of it?", false)]
    [InlineData("is that all of it or is there more", false)]
    [InlineData("name all the works the psoas is doing", true)]
    public void All_asks_for_a_list_only_before_an_attribute_word(string question, bool list) =>
        Assert.Equal(list, ListRequests.AsksForList(TokenizedText.From(question)));

    [Fact]
    public void A_topic_matched_on_its_heading_alone_answers_with_its_overview_first()
    {
        var reply = Ask(Engine(), "where is the psoas located");

        Assert.Equal("location-and-course.1", reply.Facts[0]);
    }

    [Fact]
    public void A_fact_whose_own_words_answer_still_leads_its_topic()
    {
        var reply = Ask(Engine(), "is there a psoas on each side");

        Assert.Contains(reply.Facts, id => id is "group-members.3" or "location-and-course.5");
        Assert.DoesNotContain("location-and-course.1", reply.Facts);
    }

    [Fact]
    public void A_source_named_in_the_question_is_not_the_topic_when_another_topic_is_named()
    {
        var reply = Ask(Engine(), "which secondary thigh flexors does the manual therapy excerpt name");

        Assert.Equal("secondary-hip-flexors", reply.Entity);
        Assert.Contains("sartorius", HeldOutJudge.AnswerText(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Manual_therapy_asked_about_is_still_the_massage_debate()
    {
        var reply = Ask(Engine(), "is manual therapy good for the psoas");

        Assert.Equal("psoas-massage-debate", reply.Entity);
    }

    [Fact]
    public void A_long_keyword_matches_without_its_articles()
    {
        var reply = Ask(Engine(), "what are the hip flexors besides iliopsoas");

        Assert.Equal("secondary-hip-flexors", reply.Entity);
    }

    [Fact]
    public void A_short_keyword_does_not_match_without_its_article()
    {
        // "front of the hip" (where the iliopsoas runs) is not read into "a tight front of hip after a new sport".
        var reply = Ask(Engine(), "took up cycling and now a tight front of hip that eases when I sit, what process is that");

        Assert.NotEqual("location-and-course", reply.Entity);
    }

    [Fact]
    public void The_eccentric_role_names_hyperextension()
    {
        var answer = HeldOutJudge.AnswerText(Ask(Engine(), "what is the iliopsoas's eccentric job"));

        Assert.Contains("hyperextension", answer, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Why_the_plexus_in_the_psoas_matters_clinically_names_the_nerve_symptoms()
    {
        var answer = HeldOutJudge.AnswerText(Ask(Engine(), "why does the lumbar plexus running through the psoas matter clinically"));

        Assert.Contains("numbness", answer, StringComparison.OrdinalIgnoreCase);
    }
}
