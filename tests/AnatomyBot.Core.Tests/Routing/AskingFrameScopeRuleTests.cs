using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Text;
using AnatomyBot.Testing;
using AnatomyBot.Core.Tests.Accuracy;

namespace AnatomyBot.Core.Tests.Routing;

/// <summary>
/// Honest scope, session 39: words about the asking are never the subject the sources "don't cover". Who asks ("nurse on
/// nights here - ..."), how to answer ("Reference it."), where the asker met the subject ("in this module", "my tutors"),
/// numbers said in words ("forty", "three in ten"), a hedge on an amount ("approximately"), a clipped muscle name
/// ("pso maj", "ilio") and texting shorthand ("wht", "ppl") each leave a question the facts answer answered; a subject
/// the facts lack next to them is still named. Phrasings are the engineer's own and in no suite.
/// </summary>
public sealed class AskingFrameScopeRuleTests(ShippedKnowledgeFixture fixture) : IClassFixture<ShippedKnowledgeFixture>
{
    private static string Answer(Reply reply) => HeldOutJudge.AnswerText(reply);

    private KnowledgeIndex Index => field ??= KnowledgeIndex.Build(fixture.Snapshot);

    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => Answer(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Nurse on night shift here - which nerve supplies the psoas minor?", "L1")]
    [InlineData("ortho registrar here, where does the psoas major insert", "lesser trochanter")]
    [InlineData("Physiotherapy student on placement here: what does the iliacus do?", "flex")]
    [InlineData("Rheumatology nurse here, quick check: where does the iliacus arise?", "iliac fossa")]
    // A role before a colon says who asks too.
    [InlineData("Radiography student: which nerve supplies the iliacus?", "femoral")]
    [InlineData("Pub quiz host: where does the psoas minor insert?", "pubi")]
    [InlineData("Ballet teacher in training: what does the iliacus do?", "flex")]
    public void A_self_introduction_is_who_asks_not_what(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Where does the psoas minor insert? Reference it please.", "pubi")]
    [InlineData("which nerve innervates iliacus, with a citation", "femoral")]
    [InlineData("what does the iliacus do - we did it in this module", "flex")]
    [InlineData("my tutors keep talking about the psoas paradox, what is it?", "paradox")]
    public void How_to_answer_and_where_it_was_heard_are_no_subject(string question, string expected)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(expected, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Is the psoas minor missing in forty or fifty out of a hundred people?")]
    [InlineData("Do approximately three in ten people lack a psoas minor?")]
    [InlineData("pso min missing in wht share of ppl")]
    public void Numbers_in_words_hedges_and_shorthand_are_no_subject(string question)
    {
        var reply = fixture.Ask(question);

        Assert.False(SaysNotCovered(reply), Answer(reply));
        Assert.Contains("40", Answer(reply), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nurse here - which enzyme breaks down the psoas major's glycogen?", "enzyme")]
    [InlineData("Cite it: what is the sarcomere length of the iliacus?", "sarcomere")]
    [InlineData("Physio student: what is the pennation angle of the iliacus?", "pennation")]
    public void A_subject_the_facts_lack_is_still_named_beside_the_frame(string question, string named)
    {
        var reply = fixture.Ask(question);

        Assert.True(SaysNotCovered(reply), Answer(reply));
        Assert.Contains(named, Answer(reply), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Here_pointing_at_the_body_is_no_self_introduction()
    {
        var reply = fixture.Ask("pain here in my hip - is it the psoas?");

        Assert.NotNull(reply.Disclaimer);
        Assert.Equal("pain here in my hip - is it the psoas?", IntroClauses.WithoutSelfIntroduction("pain here in my hip - is it the psoas?", Index));
    }

    [Fact]
    public void The_self_introduction_is_cut_only_when_it_is_the_whole_first_clause()
    {
        var index = Index;

        Assert.Equal("which nerve supplies the iliacus?", IntroClauses.WithoutSelfIntroduction("Surgeon here - which nerve supplies the iliacus?", index));
        Assert.Equal("Hi here is my question: which nerve?", IntroClauses.WithoutSelfIntroduction("Hi here is my question: which nerve?", index));
        Assert.Equal("the psoas here, what is it?", IntroClauses.WithoutSelfIntroduction("the psoas here, what is it?", index));
        Assert.Equal("what does the psoas minor do?", IntroClauses.WithoutSelfIntroduction("Physio here, quick check - what does the psoas minor do?", index));
    }

    [Theory]
    [InlineData("mny", true)]
    [InlineData("wht", true)]
    [InlineData("ppl", true)]
    [InlineData("css", false)]
    [InlineData("dvt", false)]
    public void Vowelless_shorthand_of_a_common_word_is_that_word(string word, bool misspells)
    {
        Assert.Equal(misspells, EverydayEnglish.MisspellsAFrequentWord(word));
    }

    [Theory]
    [InlineData("forty", true)]
    [InlineData("ten", true)]
    [InlineData("one", false)]
    [InlineData("40", true)]
    [InlineData("fortnight", false)]
    public void Number_words_are_bare_numbers(string word, bool number)
    {
        Assert.Equal(number, EverydayWords.IsBareNumber(word));
    }

    [Fact]
    public void A_clipped_muscle_word_is_known_as_one()
    {
        var index = Index;

        Assert.True(index.IsClippedMuscleWord("pso"));
        Assert.True(index.IsClippedMuscleWord("min"));
        Assert.False(index.IsClippedMuscleWord("ps"));
        Assert.False(index.IsClippedMuscleWord("psoas"));
        Assert.False(index.IsClippedMuscleWord("minute"));
    }
}
