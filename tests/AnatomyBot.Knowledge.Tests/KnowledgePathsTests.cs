using AnatomyBot.Testing;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgePathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "anatomybot-paths-" + Guid.NewGuid().ToString("N"));

    public KnowledgePathsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "repo", "knowledge"));
        Directory.CreateDirectory(Path.Combine(_root, "repo", "src", "AnatomyBot", "bin"));
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere", "knowledge-not-here"));
        File.WriteAllText(Path.Combine(_root, "repo", "AnatomyBot.sln"), string.Empty);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string P(params string[] parts) => Path.Combine([_root, .. parts]);

    [Fact]
    public void Absolute_path_is_used_as_is()
    {
        var absolute = P("elsewhere", "anything");

        Assert.Equal(absolute, KnowledgePaths.Resolve(absolute, P("repo"), P("repo")));
    }

    [Fact]
    public void Relative_path_found_in_the_current_directory_wins()
    {
        Assert.Equal(P("repo", "knowledge"), KnowledgePaths.Resolve("knowledge", P("repo"), P("elsewhere")));
    }

    [Fact]
    public void Relative_path_is_found_in_the_repository_above_the_current_directory()
    {
        Assert.Equal(P("repo", "knowledge"), KnowledgePaths.Resolve("knowledge", P("repo", "src", "AnatomyBot"), P("elsewhere")));
    }

    [Fact]
    public void Relative_path_is_found_in_the_repository_above_the_base_directory()
    {
        Assert.Equal(P("repo", "knowledge"), KnowledgePaths.Resolve("knowledge", P("elsewhere"), P("repo", "src", "AnatomyBot", "bin")));
    }

    [Fact]
    public void Not_found_resolves_against_the_current_directory_so_the_error_names_it()
    {
        Assert.Equal(P("elsewhere", "nope"), KnowledgePaths.Resolve("nope", P("elsewhere"), P("repo", "src")));
    }

    [Fact]
    public void Run_from_the_project_folder_finds_the_repository_knowledge_folder()
    {
        var root = RepositoryPaths.Root;

        Assert.Equal(RepositoryPaths.Knowledge, KnowledgePaths.Resolve("knowledge", Path.Combine(root, "src", "AnatomyBot"), AppContext.BaseDirectory));
    }
}
