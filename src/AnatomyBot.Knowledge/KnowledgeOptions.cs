namespace AnatomyBot.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>: where the YAML knowledge files live and how changes are picked up.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>
    /// <c>Knowledge:Path</c>: the knowledge folder. Absolute, or relative: then tried against the current directory and,
    /// failing that, looked up in the repository (a parent folder holding AnatomyBot.sln). Default <c>knowledge</c>.
    /// See <see cref="KnowledgePaths.Resolve(string)"/>.
    /// </summary>
    public string Path { get; set; } = "knowledge";

    /// <summary><c>Knowledge:Watch</c>: reload automatically when files in the folder change. Default true.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>
    /// <c>Knowledge:DebounceMilliseconds</c>: how long changes must have settled before a watched reload runs
    /// (editors save in several steps). 10 to 60000, default 500.
    /// </summary>
    public int DebounceMilliseconds { get; set; } = 500;

    public TimeSpan Debounce => TimeSpan.FromMilliseconds(DebounceMilliseconds);

    /// <summary>
    /// <c>Knowledge:ReloadTimeoutSeconds</c>: the longest a reload may take before it is given up and the current
    /// knowledge kept (a stuck network mount must not hang a moderator's /reload). 1 to 600, default 30.
    /// </summary>
    public int ReloadTimeoutSeconds { get; set; } = 30;

    public TimeSpan ReloadTimeout => TimeSpan.FromSeconds(ReloadTimeoutSeconds);

    /// <summary>
    /// <c>Knowledge:PollIntervalSeconds</c>: 0 (default) reloads on file-system events; 1 to 3600 instead looks at the
    /// files' names, sizes and write times every so many seconds. Use it where events do not arrive: a folder mounted
    /// into a container from another machine's file system (Docker Desktop, network shares). The image sets 2.
    /// </summary>
    public int PollIntervalSeconds { get; set; }

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollIntervalSeconds);
}
