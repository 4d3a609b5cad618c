using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Accuracy;

namespace AnatomyBot.Tests.Semantic;

/// <summary>
/// The cascade's rules with the real model, in phrasings of their own (none from the accuracy suites): the model is
/// consulted only where the lexical ranking would not answer, never re-ranks an answer the words settle, and an answer
/// only the model found needs the question's own words in the fact.
/// </summary>
[Collection(ModelLoadedGroup.Name)]
public sealed class SemanticCascadeRuleTests(SemanticEngineFixture fixture)
{
    private static bool SaysNotCovered(Reply reply) =>
        HeldOutJudge.NotCoveredPhrases.Any(p => HeldOutJudge.AnswerText(reply).Contains(p, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("psoas paradox in a nutshell please")]
    [InlineData("which vessel does the iliolumbar artery come off")]
    [InlineData("which artery feeds the iliakus")]
    public void A_question_the_words_answer_never_consults_the_model_and_gets_the_lexical_reply(string question)
    {
        var lexical = fixture.Lexical.Ask(question);
        Assert.True(lexical.Intent is Intent.Topic or Intent.MuscleAttribute, $"the lexical path answers: {lexical.Intent}");

        var consulted = fixture.Semantic.ModelConsultations;
        var semantic = fixture.Semantic.Ask(question);
        Assert.Equal(consulted, fixture.Semantic.ModelConsultations);
        Assert.Equal(HeldOutJudge.AnswerText(lexical), HeldOutJudge.AnswerText(semantic));
        Assert.Equal(lexical.Facts.ToArray(), semantic.Facts.ToArray());
    }

    [Fact]
    public void A_named_muscle_alone_is_no_evidence_for_one_of_its_facts()
    {
        // Every word is one the facts use, none in a fact of the iliacus; MiniLM still puts "first described" next to
        // its origin (fused above the model-only bar), so the model alone must not make the origin the answer.
        var reply = fixture.Semantic.Ask("who first described the iliacus in history");
        Assert.True(SaysNotCovered(reply), HeldOutJudge.AnswerText(reply));
        Assert.NotEqual(Intent.MuscleAttribute, reply.Intent);
    }

    [Fact]
    public void A_follow_up_the_last_subject_answers_is_not_re_ranked_by_the_model()
    {
        const string chat = "cascade-follow-up";
        fixture.Semantic.Ask("what is the iliopsoas bursa for", chat);
        var lexicalChat = chat + "-lexical";
        fixture.Lexical.Ask("what is the iliopsoas bursa for", lexicalChat);

        var semantic = fixture.Semantic.Ask("and what does it do", chat);
        var lexical = fixture.Lexical.Ask("and what does it do", lexicalChat);
        Assert.Equal(Intent.Topic, lexical.Intent);
        Assert.Equal(lexical.Intent, semantic.Intent);
        Assert.Equal(HeldOutJudge.AnswerText(lexical), HeldOutJudge.AnswerText(semantic));
    }

    [Fact]
    public void The_model_never_changes_the_disclaimer_or_the_urgent_line_of_the_old_suite()
    {
        using var phrasings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Core.Tests", "Accuracy", "phrasings.json")));
        var questions = phrasings.RootElement.EnumerateArray().Select(p => p.GetProperty("text").GetString()!).ToArray();
        Assert.True(questions.Length >= 160);
        var differ = questions.Where(q =>
        {
            var (semantic, lexical) = (fixture.Semantic.Ask(q), fixture.Lexical.Ask(q));
            return semantic.Disclaimer != lexical.Disclaimer || semantic.UrgentNotice != lexical.UrgentNotice;
        }).ToArray();
        Assert.True(differ.Length == 0, "safety differs from lexical on: " + string.Join(" | ", differ));
    }
}
