using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge;

/// <summary>
/// Watches the knowledge folder and reloads once changes have settled for the debounce interval
/// (editors write a file in several steps; a reload per event would parse half-written files).
/// Changes are noticed by file-system events, or with <c>Knowledge:PollIntervalSeconds</c> by comparing the files'
/// names, sizes and write times at that interval (mounts whose changes raise no events in this process).
/// </summary>
internal sealed class KnowledgeWatcher(
    KnowledgeStore store,
    IOptions<KnowledgeOptions> options,
    TimeProvider timeProvider,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    private readonly TaskCompletionSource _watching = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the file system watcher is running (tests wait on it before touching files).</summary>
    internal Task Watching => _watching.Task;

    /// <summary>The most recent debounced reload (tests await it).</summary>
    internal Task LastReload => _debouncer?.LastRun ?? Task.CompletedTask;

    private Debouncer? _debouncer;

    /// <summary>The folder's signature at the last look; a reload waits until it stops changing.</summary>
    private string _lastSeen = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        using var debouncer = new Debouncer(options.Value.Debounce, timeProvider, () => ReloadWhenStableAsync(stoppingToken));
        _debouncer = debouncer;
        _lastSeen = FolderSignature.Read(store.Folder);
        if (options.Value.PollIntervalSeconds > 0)
        {
            await PollAsync(debouncer, stoppingToken);
            return;
        }

        using var folder = new FolderWatch(store.Folder, debouncer, logger);
        try
        {
            folder.Arm();
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Not fatal: the bot still serves and /reload still works, only automatic reloads are off.
            logger.CannotWatch(e, store.Folder);
            _watching.TrySetException(e);
            return;
        }

        logger.Watching(store.Folder, options.Value.DebounceMilliseconds);
        _watching.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Reloads only once the files have looked the same for a whole debounce window, judged by the files themselves
    /// (names, sizes, write times) rather than by events, which can be missed or coalesced: a change re-arms the timer.
    /// </summary>
    private Task ReloadWhenStableAsync(CancellationToken stoppingToken)
    {
        var now = FolderSignature.Read(store.Folder);
        if (now != _lastSeen)
        {
            _lastSeen = now;
            _debouncer?.Signal();
            return Task.CompletedTask;
        }

        return ReloadAsync(stoppingToken);
    }

    private async Task PollAsync(Debouncer debouncer, CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        var last = FolderSignature.Read(store.Folder);
        logger.Polling(store.Folder, options.Value.PollIntervalSeconds, options.Value.DebounceMilliseconds);
        _watching.TrySetResult();
        while (true)
        {
            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var current = FolderSignature.Read(store.Folder);
            if (current != last)
            {
                last = current;
                debouncer.Signal();
            }
        }
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await store.ReloadAsync(stoppingToken);
            if (result.Succeeded)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.FilesChanged(ReloadText.Format(result));
                }
            }
            else
            {
                const int listed = 20;
                var more = result.Errors.Length > listed ? $"\n...and {result.Errors.Length - listed} more (run `knowledge check`)" : string.Empty;
                logger.FilesChangedButBroken(store.Current.Version, string.Join('\n', result.Errors.Take(listed)), more);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.ReloadAfterChangeFailed(e);
        }
    }
}
