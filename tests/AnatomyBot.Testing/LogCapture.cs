using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Testing;

/// <summary>One captured log line: the formatted message, the structured properties and the exception.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, string Properties, Exception? Exception)
{
    /// <summary>Everything the line carries, for scans that must see every field (a token must appear in none).</summary>
    public string Text => Message + (Properties.Length > 0 ? " | " + Properties : string.Empty) + (Exception is null ? string.Empty : " | " + Exception);

    public override string ToString() => $"{Level} {Category}: {Text}";
}

/// <summary>
/// Collects every log line of every level, with its structured properties and exception, for assertions. Add it to a
/// logging builder (<c>AddProvider</c>); the one log capture for every test project.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public string AllText => string.Join("\n", Entries.Select(e => e.ToString()));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Waits (bounded) for a log entry, advancing the fake clock while idle so back-off waits elapse.</summary>
    public Task WaitForAsync(Func<LogEntry, bool> predicate, FakeTimeProvider? clock = null) =>
        Wait.UntilAsync(
            () => Entries.Any(predicate),
            onIdle: () => clock?.Advance(TimeSpan.FromSeconds(1)),
            describe: () => "Log entry not seen. Logs:\n" + AllText,
            pollMilliseconds: 20);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), properties, exception));
        }
    }
}
