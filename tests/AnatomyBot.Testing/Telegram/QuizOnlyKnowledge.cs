using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Testing.Telegram;

/// <summary>A small snapshot for adapter tests: two sources, no muscles or topics, <c>quizQuestions</c> quiz questions.</summary>
public static class QuizOnlyKnowledge
{
    public static KnowledgeSnapshot Snapshot(int quizQuestions = 3)
    {
        var quiz = Enumerable.Range(1, quizQuestions).Select(i => new QuizQuestion(
            $"q{i}",
            $"Question {i}: which nerve supplies the iliacus?",
            ["Femoral nerve", "Obturator nerve", "Sciatic nerve"],
            0,
            "The femoral nerve (L2-L3) supplies the iliacus.",
            ["mom"])).ToImmutableArray();
        return new KnowledgeSnapshot(
            [new Source("mom", "Muscle of the Month: Iliopsoas", "blog"), new Source("ptclinic", "Psoas Muscle - Anatomy Highlight", "clinic")],
            [],
            [],
            quiz,
            new SafetyRules("Not medical advice.", "Seek care now.", "I can't diagnose.", [], []),
            "test-1",
            DateTimeOffset.UnixEpoch);
    }
}
