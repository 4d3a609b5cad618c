using System.Runtime.CompilerServices;

namespace AnatomyBot.Testing;

/// <summary>
/// Finds the repository root (the folder holding AnatomyBot.sln): above the test's output folder, or, when the
/// build output lives elsewhere (dotnet test --artifacts-path), from this source file's compile-time location.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("AnatomyBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
