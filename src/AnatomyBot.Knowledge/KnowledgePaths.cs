namespace AnatomyBot.Knowledge;

/// <summary>
/// The one rule for finding the knowledge folder, shared by the store and the <c>knowledge check</c> command.
/// </summary>
public static class KnowledgePaths
{
    public const string SolutionFileName = "AnatomyBot.sln";

    /// <summary>
    /// An absolute path is used as is. A relative path is tried against the current directory; when no such folder
    /// exists there, each folder above the current directory and above <see cref="AppContext.BaseDirectory"/> that holds
    /// AnatomyBot.sln is tried, so <c>dotnet run --project src/AnatomyBot</c> finds <c>knowledge/</c> from anywhere in
    /// the repository. When nothing is found the path relative to the current directory is returned, so the error
    /// names the place a user would expect.
    /// </summary>
    public static string Resolve(string path) => Resolve(path, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    public static string Resolve(string path, string currentDirectory, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Path.IsPathFullyQualified(path))
        {
            return Path.GetFullPath(path);
        }

        var fromCurrent = Path.GetFullPath(path, currentDirectory);
        if (Directory.Exists(fromCurrent))
        {
            return fromCurrent;
        }

        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
                {
                    var candidate = Path.GetFullPath(path, dir.FullName);
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        return fromCurrent;
    }
}
