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
    private readonly TimeSpan _reloadTimeout;
    private readonly Func<CancellationToken, KnowledgeLoadResult> _load;
    private readonly BotMetrics? _metrics;
    private volatile KnowledgeSnapshot _current;

    /// <param name="options">Where the knowledge folder is and how long a reload may take.</param>
    /// <param name="timeProvider">The clock for load times and the reload timeout.</param>
    /// <param name="logger">Where loads, reloads and refusals are logged.</param>
    /// <param name="metrics">Counts reloads (the host registers it); without it reloads are logged but not counted.</param>
    /// <exception cref="KnowledgeLoadException">The initial load found errors; they are all in the exception.</exception>
    public KnowledgeStore(IOptions<KnowledgeOptions> options, TimeProvider timeProvider, ILogger<KnowledgeStore> logger, BotMetrics? metrics = null)
        : this(options, timeProvider, logger, load: null, metrics)
    {
    }

    /// <param name="load">Replaces the folder load after the first one (tests script a stuck reload with it).</param>
    internal KnowledgeStore(IOptions<KnowledgeOptions> options, TimeProvider timeProvider, ILogger<KnowledgeStore> logger,
        Func<CancellationToken, KnowledgeLoadResult>? load, BotMetrics? metrics = null)
    {
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        _reloadTimeout = options.Value.ReloadTimeout;
        Folder = KnowledgePaths.Resolve(options.Value.Path);
        _load = load ?? (cancellationToken => KnowledgeLoader.Load(Folder, timeProvider, cancellationToken));
        var result = KnowledgeLoader.Load(Folder, timeProvider);
        _current = result.Snapshot ?? throw new KnowledgeLoadException(Folder, result.Errors);
        _logger.Loaded(Folder, _current.Version, _current.Muscles.Length, _current.Topics.Length, _current.Quiz.Length);
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
            var result = await LoadWithinTimeoutAsync(cancellationToken);
            if (result.Snapshot is not { } next)
            {
                _logger.ReloadRefused(Folder, result.Errors.Length, _current.Version);
                _metrics?.Reloaded(succeeded: false);
                return ReloadResult.Failure(result.Errors);
            }

            var previous = _current;
            var report = KnowledgeDiff.Compare(previous, next);
            if (next.Version != previous.Version)
            {
                _current = next;
            }

            _logger.Reloaded(report.Version, report.Added.Length, report.Changed.Length, report.Removed.Length);
            _metrics?.Reloaded(succeeded: true);
            return ReloadResult.Success(report);
        }
        finally
        {
            _reloadGate.Release();
        }
    }

    public void Dispose() => _reloadGate.Dispose();

    /// <summary>
    /// Reading and parsing is blocking file work: it runs off the caller's (possibly a chat loop's) thread, and is
    /// given up after <see cref="KnowledgeOptions.ReloadTimeout"/>. A load that hangs in the kernel (a stuck mount)
    /// cannot be aborted; it is cancelled cooperatively and its result, whenever it comes, is dropped.
    /// </summary>
    private async Task<KnowledgeLoadResult> LoadWithinTimeoutAsync(CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var load = Task.Run(() => _load(abandon.Token), CancellationToken.None);
        try
        {
            return await load.WaitAsync(_reloadTimeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            await abandon.CancelAsync();
            _ = load.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _logger.ReloadTimedOut(Folder, _reloadTimeout.TotalSeconds);
            return new KnowledgeLoadResult(null, [new KnowledgeError(string.Empty, 0, "(folder)",
                $"reading the knowledge folder took longer than {_reloadTimeout.TotalSeconds:0} s (Knowledge:ReloadTimeoutSeconds); is it on a slow or stuck disk?")]);
        }
    }
}
