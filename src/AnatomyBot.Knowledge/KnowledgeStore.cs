using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Holds the current knowledge snapshot and replaces it atomically on reload. Readers get whatever snapshot the
/// single volatile reference points to, so they always see a complete base; a failed reload leaves it untouched.
/// The constructor loads the folder and throws <see cref="KnowledgeLoadException"/> (with every error) when that
/// initial load fails, so a host fails fast instead of serving nothing.
/// </summary>
public sealed class KnowledgeStore : IKnowledgeProvider, IKnowledgeReloader, IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<KnowledgeStore> _logger;
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private volatile KnowledgeSnapshot _current;

    /// <exception cref="KnowledgeLoadException">The initial load found errors; they are all in the exception.</exception>
    public KnowledgeStore(IOptions<KnowledgeOptions> options, TimeProvider timeProvider, ILogger<KnowledgeStore> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        Folder = KnowledgePaths.Resolve(options.Value.Path);
        var result = KnowledgeLoader.Load(Folder, timeProvider);
        _current = result.Snapshot ?? throw new KnowledgeLoadException(Folder, result.Errors);
        _logger.LogInformation(
            "Knowledge loaded from {Folder} (version {Version}): {Muscles} muscles, {Topics} topics, {Quiz} quiz questions",
            Folder, _current.Version, _current.Muscles.Length, _current.Topics.Length, _current.Quiz.Length);
    }

    /// <summary>The resolved knowledge folder.</summary>
    public string Folder { get; }

    public KnowledgeSnapshot Current => _current;

    /// <summary>
    /// Loads the folder again. Calls are serialised, so two reloads never race to publish. When the files are
    /// byte-identical to the current snapshot the current instance is kept (caches keyed on it stay warm).
    /// </summary>
    public async Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadGate.WaitAsync(cancellationToken);
        try
        {
            // Reading and parsing is blocking file work; keep it off the caller's (possibly a chat loop's) thread.
            var result = await Task.Run(() => KnowledgeLoader.Load(Folder, _timeProvider, cancellationToken), cancellationToken);
            if (result.Snapshot is not { } next)
            {
                _logger.LogWarning("Knowledge reload from {Folder} failed with {Count} problem(s); keeping version {Version}",
                    Folder, result.Errors.Length, _current.Version);
                BotMetrics.Reloads.Add(1, new KeyValuePair<string, object?>("result", "failed"));
                return ReloadResult.Failure(result.Errors);
            }

            var previous = _current;
            var report = KnowledgeDiff.Compare(previous, next);
            if (next.Version != previous.Version)
            {
                _current = next;
            }

            _logger.LogInformation("Knowledge reloaded (version {Version}): {Added} added, {Changed} changed, {Removed} removed",
                report.Version, report.Added.Length, report.Changed.Length, report.Removed.Length);
            BotMetrics.Reloads.Add(1, new KeyValuePair<string, object?>("result", "ok"));
            return ReloadResult.Success(report);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    public void Dispose() => _reloadGate.Dispose();
}
