using Microsoft.Extensions.Logging;

namespace AnatomyBot.Knowledge;

/// <summary>
/// File-system events for the knowledge folder, followed across a replacement of the folder itself
/// (<c>mv knowledge knowledge.old &amp;&amp; mv knowledge.new knowledge</c>, or a deploy that swaps a symlink): a watcher
/// on the folder keeps following the old directory, so a second watcher on the parent re-arms it when the name
/// reappears. Every event, including the re-arm, signals the debouncer.
/// </summary>
internal sealed class FolderWatch(string folder, Debouncer debouncer, ILogger logger) : IDisposable
{
    private readonly object _gate = new();
    private FileSystemWatcher? _inner;
    private FileSystemWatcher? _parent;
    private bool _disposed;

    /// <summary>Starts both watchers; throws when the folder cannot be watched at all.</summary>
    public void Arm()
    {
        lock (_gate)
        {
            _inner = WatchFolder();
            _parent = WatchParent();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _inner?.Dispose();
            _parent?.Dispose();
        }
    }

    private FileSystemWatcher WatchFolder()
    {
        var watcher = new FileSystemWatcher(folder)
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
            logger.WatchError(e.GetException());
            debouncer.Signal();
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private FileSystemWatcher? WatchParent()
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        var parent = Path.GetDirectoryName(trimmed);
        var name = Path.GetFileName(trimmed);
        if (string.IsNullOrEmpty(parent) || string.IsNullOrEmpty(name))
        {
            return null;
        }

        var watcher = new FileSystemWatcher(parent, name)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.DirectoryName | NotifyFilters.FileName,
        };
        watcher.Created += (_, _) => Rearm();
        watcher.Deleted += (_, _) => Rearm();
        watcher.Renamed += (_, _) => Rearm();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Rearm()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _inner?.Dispose();
            _inner = null;
            try
            {
                if (Directory.Exists(folder))
                {
                    _inner = WatchFolder();
                    logger.FolderReplaced(folder);
                }
                else
                {
                    logger.FolderGone(folder);
                }
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                logger.CannotWatchReplaced(e, folder);
            }
        }

        debouncer.Signal();
    }

    private void OnChange(string? name)
    {
        if (name is not null && name.Replace('\\', '/').Split('/').Any(segment => segment.StartsWith('.')))
        {
            return;
        }

        debouncer.Signal();
    }
}
