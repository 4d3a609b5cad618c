namespace AnatomyBot.Testing;

/// <summary>Finds the repository root (the folder holding AnatomyBot.sln) from a test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnatomyBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AnatomyBot.sln not found above " + AppContext.BaseDirectory);
    }
}
