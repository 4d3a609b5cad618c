using AnatomyBot.Testing;

namespace AnatomyBot.Tests;

internal static class BuiltApp
{
    /// <summary>
    /// The AnatomyBot project's own output: next to this test's output (artifacts layout: bin/AnatomyBot/debug;
    /// classic layout: src/AnatomyBot/bin/Debug/net10.0).
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var testOutput = System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        var candidates = new List<string>();
        var binRoot = System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(testOutput));
        if (binRoot is not null)
        {
            candidates.Add(System.IO.Path.Combine(binRoot, "AnatomyBot", System.IO.Path.GetFileName(testOutput), "AnatomyBot.dll"));
        }

        var testProject = System.IO.Path.Combine(RepositoryPaths.Root, "tests", "AnatomyBot.Tests");
        var relative = System.IO.Path.GetRelativePath(testProject, testOutput);
        if (!relative.StartsWith("..", StringComparison.Ordinal) && !System.IO.Path.IsPathRooted(relative))
        {
            candidates.Add(System.IO.Path.Combine(RepositoryPaths.Root, "src", "AnatomyBot", relative, "AnatomyBot.dll"));
        }

        candidates.Add(System.IO.Path.Combine(testOutput, "AnatomyBot.dll"));

        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(System.IO.Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException("Built AnatomyBot.dll not found; looked in:\n" + string.Join('\n', candidates));
    }
}
