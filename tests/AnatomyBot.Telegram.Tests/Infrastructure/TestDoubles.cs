using System.Collections.Concurrent;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Tests.Infrastructure;

/// <summary>An engine that answers with a crafted reply and remembers what it was asked.</summary>
public sealed class FakeEngine : IAnswerEngine
{
    public ConcurrentQueue<IncomingMessage> Asked { get; } = new();

    public Func<IncomingMessage, Reply> Respond { get; set; } = m => TextReply("You asked: " + m.Text);

    public Reply Answer(IncomingMessage message)
    {
        Asked.Enqueue(message);
        return Respond(message);
    }

    public static Reply TextReply(string body, string title = "Answer", string? disclaimer = null, string? urgent = null, Intent intent = Intent.Topic) =>
        new Reply
        {
            Intent = intent,
            Confidence = 1.0,
            Title = title,
            Sections = [new ReplySection(null, body)],
            Sources = [new Source("mom", "Muscle of the Month: Iliopsoas", "blog")],
            Disclaimer = disclaimer,
            UrgentNotice = urgent,
        };
}

public sealed class FixedKnowledge(KnowledgeSnapshot snapshot) : IKnowledgeProvider
{
    public KnowledgeSnapshot Current { get; set; } = snapshot;
}

public static class TestKnowledge
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

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
}

/// <summary>Collects every log line (all levels), including exception text, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public string AllText => string.Join("\n", Entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}

public static class LogWaiting
{
    /// <summary>Waits (bounded) for a log entry, advancing the fake clock so back-off waits elapse.</summary>
    public static Task WaitForAsync(this CapturingLoggerProvider logs, Func<LogEntry, bool> predicate, AnatomyBot.Testing.FakeTimeProvider? clock = null) =>
        AnatomyBot.Testing.Wait.UntilAsync(
            () => logs.Entries.Any(predicate),
            onIdle: () => clock?.Advance(TimeSpan.FromSeconds(1)),
            describe: () => "Log entry not seen. Logs:\n" + logs.AllText,
            pollMilliseconds: 20);
}
