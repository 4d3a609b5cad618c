using Microsoft.Extensions.Logging;

namespace AnatomyBot.Knowledge;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (1000-1099): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Cannot watch the knowledge folder {Folder}; automatic reload is off (use /reload)")]
    public static partial void CannotWatch(this ILogger logger, Exception exception, string folder);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Watching {Folder} for knowledge changes (debounce {Debounce} ms)")]
    public static partial void Watching(this ILogger logger, string folder, int debounce);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Polling {Folder} every {Interval} s for knowledge changes (debounce {Debounce} ms)")]
    public static partial void Polling(this ILogger logger, string folder, int interval, int debounce);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Knowledge files changed. {Report}")]
    public static partial void FilesChanged(this ILogger logger, string report);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Knowledge files changed but do not load; still serving version {Version}. Problems:\n{Errors}{More}")]
    public static partial void FilesChangedButBroken(this ILogger logger, string version, string errors, string more);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "Knowledge reload after a file change failed unexpectedly")]
    public static partial void ReloadAfterChangeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Knowledge loaded from {Folder} (version {Version}): {Muscles} muscles, {Topics} topics, {Quiz} quiz questions")]
    public static partial void Loaded(this ILogger logger, string folder, string version, int muscles, int topics, int quiz);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Knowledge reload from {Folder} failed with {Count} problem(s); keeping version {Version}")]
    public static partial void ReloadRefused(this ILogger logger, string folder, int count, string version);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "Knowledge reloaded (version {Version}): {Added} added, {Changed} changed, {Removed} removed")]
    public static partial void Reloaded(this ILogger logger, string version, int added, int changed, int removed);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Knowledge reload from {Folder} did not finish within {Timeout} s and was given up")]
    public static partial void ReloadTimedOut(this ILogger logger, string folder, double timeout);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Watching the knowledge folder reported an error; reloading to catch up")]
    public static partial void WatchError(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "The knowledge folder {Folder} was replaced; watching the new one")]
    public static partial void FolderReplaced(this ILogger logger, string folder);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "The knowledge folder {Folder} is gone; serving the last good knowledge until it is back")]
    public static partial void FolderGone(this ILogger logger, string folder);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Cannot watch the replaced knowledge folder {Folder}; use /reload after edits")]
    public static partial void CannotWatchReplaced(this ILogger logger, Exception exception, string folder);
}
