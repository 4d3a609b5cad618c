namespace AnatomyBot.Tests.Semantic;

/// <summary>The tests that share one loaded model (<see cref="SemanticEngineFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ModelLoadedGroup : ICollectionFixture<SemanticEngineFixture>
{
    public const string Name = "MiniLM loaded";
}
