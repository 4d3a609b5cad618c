using AnatomyBot.Core.Knowledge;
using AnatomyBot.Testing;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgeLoaderTests
{
    [Fact]
    public void Valid_folder_loads_into_a_complete_snapshot()
    {
        using var folder = new TestKnowledgeFolder();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

        var result = KnowledgeLoader.Load(folder.Path, clock);

        KnowledgeAssert.Succeeds(result);
        var snapshot = result.Snapshot!;
        Assert.Equal(clock.GetUtcNow(), snapshot.LoadedAt);
        Assert.Equal<string>(["mom", "release", "consumer"], snapshot.Sources.Select(s => s.Id));
        Assert.Equal(string.Empty, snapshot.SourcesById["consumer"].Description);
        Assert.Equal<string>(["iliacus", "iliopsoas", "psoas-major"], snapshot.Muscles.Select(m => m.Id));
        Assert.Equal<string>(["psoas-paradox", "stretches"], snapshot.Topics.Select(t => t.Id));
        Assert.Equal<string>(["q-psoas-major", "q-iliacus", "q-iliopsoas"], snapshot.Quiz.Select(q => q.Id));

        var major = snapshot.Muscles.Single(m => m.Id == "psoas-major");
        Assert.Equal("Psoas major", major.Name);
        Assert.False(major.IsGroup);
        Assert.Equal<string>(["psoas major", "so-as major"], major.Aliases);
        Assert.StartsWith("The psoas major is a long muscle", major.Summary, StringComparison.Ordinal);
        Assert.Equal<string>(["mom", "consumer"], major.SummarySources);
        Assert.Equal(2, major.Get(MuscleAttribute.Innervation).Length);
        Assert.Equal<string>(["release"], major.Get(MuscleAttribute.Innervation)[1].Sources);
        Assert.True(major.Get(MuscleAttribute.Clinical).Single().IsOpinion);
        Assert.False(major.Get(MuscleAttribute.Origin).Single().IsOpinion);
        Assert.Empty(major.Get(MuscleAttribute.BloodSupply));
        var disagreement = Assert.Single(major.Disagreements);
        Assert.Equal(MuscleAttribute.Innervation, disagreement.Attribute);

        var group = snapshot.Muscles.Single(m => m.Id == "iliopsoas");
        Assert.True(group.IsGroup);
        Assert.Equal<string>(["psoas-major", "iliacus"], group.Parts);

        var topic = snapshot.Topics[0];
        Assert.Equal<string>(["paradox", "psoas paradox"], topic.Keywords);
        Assert.Equal<string>(["What is the psoas paradox?"], topic.Questions);
        Assert.Equal<string>(["psoas-major", "stretches"], topic.Related);

        var quiz = snapshot.Quiz[2];
        Assert.Equal(0, quiz.CorrectIndex);
        Assert.Equal("Psoas major and iliacus", quiz.CorrectOption);
        Assert.Equal("The psoas major and the iliacus.\nSome add the psoas minor.", quiz.Explanation);

        Assert.Equal<string>(["pain", "painful", "hurt", "hurts", "sore", "aching"], snapshot.Safety.PainTerms);
        var flag = Assert.Single(snapshot.Safety.RedFlags);
        Assert.Equal<string>(["bladder", "bowel"], flag.AllOf[0]);
        Assert.Equal(2, flag.AllOf.Length);
        Assert.Matches("^[0-9a-f]{12}$", snapshot.Version);
    }

    [Fact]
    public void Version_is_stable_for_identical_content_and_changes_with_it()
    {
        using var first = new TestKnowledgeFolder();
        using var second = new TestKnowledgeFolder();

        var a = first.Load().Snapshot!.Version;
        Assert.Equal(a, first.Load().Snapshot!.Version);
        Assert.Equal(a, second.Load().Snapshot!.Version);

        second.Edit("muscles/iliacus.yaml", "fan-shaped", "fan shaped");
        Assert.NotEqual(a, second.Load().Snapshot!.Version);
    }

    [Fact]
    public void Non_yaml_and_hidden_files_are_ignored()
    {
        using var folder = new TestKnowledgeFolder();
        var before = folder.Load().Snapshot!.Version;
        folder.Write("README.md", "# notes: not: [valid yaml");
        folder.Write("muscles/notes.txt", "::::");
        folder.Write("muscles/.iliacus.yaml", "broken: [");
        folder.Write(".git/config.yaml", "broken: [");
        folder.Write("muscles/iliacus.yaml~", "broken: [");

        var result = folder.Load();

        KnowledgeAssert.Succeeds(result);
        Assert.Equal(before, result.Snapshot!.Version);
    }

    [Fact]
    public void Yml_extension_is_accepted()
    {
        using var folder = new TestKnowledgeFolder();
        File.Move(Path.Combine(folder.Path, "topics/stretches.yaml"), Path.Combine(folder.Path, "topics/stretches.yml"));

        KnowledgeAssert.Succeeds(folder.Load());
    }

    [Fact]
    public void Missing_folder_is_an_error_not_an_exception()
    {
        var result = KnowledgeLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-knowledge-" + Guid.NewGuid()));

        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Errors);
        Assert.Equal("(folder)", error.Field);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var folder = new TestKnowledgeFolder();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => KnowledgeLoader.Load(folder.Path, TimeProvider.System, cts.Token));
    }
}
