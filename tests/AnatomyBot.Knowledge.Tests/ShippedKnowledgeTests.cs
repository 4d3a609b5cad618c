
using AnatomyBot.Testing;

namespace AnatomyBot.Knowledge.Tests;

/// <summary>The knowledge folder in the repository must always load cleanly (CI also runs `knowledge check`).</summary>
public sealed class ShippedKnowledgeTests
{
    [Fact]
    public void Shipped_knowledge_folder_loads_without_errors()
    {
        var result = KnowledgeLoader.Load(RepositoryPaths.Knowledge);

        Assert.True(result.Errors.IsEmpty, $"{result.Errors.Length} problem(s) in knowledge/:\n" + string.Join('\n', result.Errors));
        var snapshot = result.Snapshot!;
        Assert.Equal(["iliacus", "iliopsoas", "psoas-major", "psoas-minor"], snapshot.Muscles.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["consumer", "healthsite", "mom", "ptclinic", "release"], snapshot.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.True(snapshot.Topics.Length >= 25, $"{snapshot.Topics.Length} topics; at least 25 are required");
        Assert.True(snapshot.Quiz.Length >= 40, $"{snapshot.Quiz.Length} quiz questions; at least 40 are required");
    }
}
