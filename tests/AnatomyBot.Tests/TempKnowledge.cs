using AnatomyBot.Testing;

namespace AnatomyBot.Tests;

/// <summary>A throw-away copy of the shipped knowledge folder that a test may break.</summary>
internal sealed class TempKnowledge : IDisposable
{
    public TempKnowledge()
    {
        Folder = Path.Combine(Path.GetTempPath(), "anatomybot-host-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(RepositoryPaths.Knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS eventually.
        }
    }
}
