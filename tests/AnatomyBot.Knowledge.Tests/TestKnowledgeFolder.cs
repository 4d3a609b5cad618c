using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge;

namespace AnatomyBot.Knowledge.Tests;

/// <summary>A throw-away copy of a fixture knowledge folder that a test may edit.</summary>
internal sealed class TestKnowledgeFolder : IDisposable
{
    public TestKnowledgeFolder(string fixture = "valid")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anatomybot-knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        CopyFrom(fixture);
    }

    public string Path { get; }

    public static string FixturePath(string fixture) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);

    /// <summary>Replaces the whole content with the fixture's.</summary>
    public void CopyFrom(string fixture)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(Path))
        {
            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }

        var source = FixturePath(fixture);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Write(string relativePath, string content)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllText(target, content);
    }

    public void WriteBytes(string relativePath, byte[] content)
    {
        var target = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, content);
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Replaces the first occurrence of <paramref name="oldText"/> in a file; fails when it is not there.</summary>
    public void Edit(string relativePath, string oldText, string newText)
    {
        var content = Read(relativePath);
        var index = content.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in {relativePath}");
        Write(relativePath, content[..index] + newText + content[(index + oldText.Length)..]);
    }

    public void Delete(string relativePath) => File.Delete(System.IO.Path.Combine(Path, relativePath));

    public KnowledgeLoadResult Load() => KnowledgeLoader.Load(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class KnowledgeAssert
{
    /// <summary>Asserts an error at exactly this file, line and field whose message contains <paramref name="messagePart"/>.</summary>
    public static KnowledgeError HasError(KnowledgeLoadResult result, string file, int line, string field, string messagePart)
    {
        Assert.Null(result.Snapshot);
        var match = result.Errors.FirstOrDefault(e =>
            e.File == file && e.Line == line && e.Field == field && e.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
        Assert.True(match is not null,
            $"expected {file}:{line}: {field}: ...{messagePart}...\nactual errors:\n{string.Join('\n', result.Errors)}");
        return match!;
    }

    public static void Succeeds(KnowledgeLoadResult result)
    {
        Assert.True(result.Errors.IsEmpty, "unexpected errors:\n" + string.Join('\n', result.Errors));
        Assert.NotNull(result.Snapshot);
    }
}
