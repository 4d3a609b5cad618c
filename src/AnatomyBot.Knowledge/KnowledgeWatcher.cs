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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch)
        {
            return;
        }

        using var debouncer = new Debouncer(options.Value.Debounce, timeProvider, () => ReloadAsync(stoppingToken));
        _debouncer = debouncer;
        if (options.Value.PollIntervalSeconds > 0)
        {
            await PollAsync(debouncer, stoppingToken);
            return;
        }

        FileSystemWatcher watcher;
        try
        {
            watcher = new FileSystemWatcher(store.Folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Filters.Add("*.yaml");
            watcher.Filters.Add("*.yml");
            watcher.Changed += (_, e) => OnChange(e.Name);
            watcher.Created += (_, e) => OnChange(e.Name);
            watcher.Deleted += (_, e) => OnChange(e.Name);
            watcher.Renamed += (_, e) => OnChange(e.Name);
            watcher.Error += (_, e) =>
            {
                // Usually an overflowed event buffer: some changes were missed, so reload to resynchronise.
                logger.LogWarning(e.GetException(), "Watching the knowledge folder reported an error; reloading to catch up");
                debouncer.Signal();
            };
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Not fatal: the bot still serves and /reload still works, only automatic reloads are off.
            logger.LogError(e, "Cannot watch the knowledge folder {Folder}; automatic reload is off (use /reload)", store.Folder);
            _watching.TrySetException(e);
            return;
        }

        using (watcher)
        {
            logger.LogInformation("Watching {Folder} for knowledge changes (debounce {Debounce} ms)", store.Folder, options.Value.DebounceMilliseconds);
            _watching.TrySetResult();
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }

        void OnChange(string? name)
        {
            if (name is not null && name.Replace('\\', '/').Split('/').Any(segment => segment.StartsWith('.')))
            {
                return;
            }

            debouncer.Signal();
        }
    }

    private async Task PollAsync(Debouncer debouncer, CancellationToken stoppingToken)
    {
        var interval = options.Value.PollInterval;
        var last = Fingerprint();
        logger.LogInformation("Polling {Folder} every {Interval} s for knowledge changes (debounce {Debounce} ms)",
            store.Folder, options.Value.PollIntervalSeconds, options.Value.DebounceMilliseconds);
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

            var current = Fingerprint();
            if (current != last)
            {
                last = current;
                debouncer.Signal();
            }
        }
    }

    /// <summary>
    /// Names, sizes and write times of the knowledge files (dot folders and files skipped, as for events); a folder
    /// that cannot be read gives its error, so it reloads (and reports) once the folder changes or comes back.
    /// </summary>
    private string Fingerprint()
    {
        try
        {
            var folder = new DirectoryInfo(store.Folder);
            var lines = folder.EnumerateFiles("*", SearchOption.AllDirectories)
                .Where(f => f.Extension is ".yaml" or ".yml")
                .Select(f => (Name: System.IO.Path.GetRelativePath(folder.FullName, f.FullName).Replace('\\', '/'), File: f))
                .Where(f => !f.Name.Split('/').Any(segment => segment.StartsWith('.')))
                .Select(f => $"{f.Name}|{f.File.Length}|{f.File.LastWriteTimeUtc.Ticks}")
                .Order(StringComparer.Ordinal);
            return string.Join('\n', lines);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable: " + e.Message;
        }
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await store.ReloadAsync(stoppingToken);
            if (result.Succeeded)
            {
                logger.LogInformation("Knowledge files changed. {Report}", ReloadText.Format(result));
            }
            else
            {
                logger.LogError("Knowledge files changed but do not load; still serving version {Version}. Problems:\n{Errors}",
                    store.Current.Version, string.Join('\n', result.Errors));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Knowledge reload after a file change failed unexpectedly");
        }
    }
}
