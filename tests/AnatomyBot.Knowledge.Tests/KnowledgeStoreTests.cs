using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Testing;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgeStoreTests : IDisposable
{
    private readonly TestKnowledgeFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    private KnowledgeStore CreateStore() =>
        new(Options.Create(new KnowledgeOptions { Path = _folder.Path }), _clock, NullLogger<KnowledgeStore>.Instance);

    [Fact]
    public void Construction_loads_the_folder()
    {
        using var store = CreateStore();

        Assert.Equal(_folder.Path, store.Folder);
        Assert.Equal(3, store.Current.Muscles.Length);
        Assert.Equal(_clock.GetUtcNow(), store.Current.LoadedAt);
    }

    [Fact]
    public void Failed_initial_load_throws_with_every_error()
    {
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name:");
        _folder.Delete("safety.yaml");

        var exception = Assert.Throws<KnowledgeLoadException>(CreateStore);

        Assert.Equal(2, exception.Errors.Length);
        Assert.Equal(_folder.Path, exception.Folder);
        Assert.Contains("muscles/iliacus.yaml:2: name:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("safety.yaml", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_of_identical_files_reports_nothing_changed_and_keeps_the_snapshot()
    {
        using var store = CreateStore();
        var before = store.Current;

        var result = await store.ReloadAsync(CancellationToken.None);

        Assert.True(result.Succeeded);
        var report = result.Report!;
        Assert.Empty(report.Added);
        Assert.Empty(report.Changed);
        Assert.Empty(report.Removed);
        Assert.Equal((3, 2, 3, 3), (report.Muscles, report.Topics, report.QuizQuestions, report.Sources));
        Assert.Equal(before.Version, report.Version);
        Assert.Same(before, store.Current);
        Assert.Contains("Nothing changed", ReloadText.Format(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Formatting_only_change_reports_nothing_changed_but_takes_the_new_version()
    {
        using var store = CreateStore();
        var before = store.Current;
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "# a comment\nname:   Iliacus  ");

        var result = await store.ReloadAsync(CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Report!.Changed);
        Assert.NotEqual(before.Version, store.Current.Version);
    }

    [Fact]
    public async Task Reload_reports_added_changed_and_removed_entries()
    {
        using var store = CreateStore();
        _folder.CopyFrom("variant-b");

        var result = await store.ReloadAsync(CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        var report = result.Report!;
        Assert.Equal<string>(["muscle:psoas-minor", "topic:walking", "quiz:q-psoas-minor"], report.Added);
        Assert.Equal<string>(["muscle:iliopsoas", "topic:psoas-paradox", "safety"], report.Changed);
        Assert.Equal<string>(["topic:stretches"], report.Removed);
        Assert.Equal((4, 2, 4, 3), (report.Muscles, report.Topics, report.QuizQuestions, report.Sources));
        Assert.Equal(store.Current.Version, report.Version);
        Assert.Contains(store.Current.Muscles, m => m.Id == "psoas-minor");
    }

    [Fact]
    public async Task Source_changes_are_reported_with_their_prefix()
    {
        using var store = CreateStore();
        _folder.Edit("sources.yaml", "title: Iliopsoas anatomy article", "title: Iliopsoas anatomy article (2020)");
        _folder.Edit("sources.yaml", "    description: A manual-therapy book excerpt.\n", "    description: A manual-therapy book excerpt.\n  - id: extra\n    title: Extra\n");

        var report = (await store.ReloadAsync(CancellationToken.None)).Report!;

        Assert.Equal<string>(["source:extra"], report.Added);
        Assert.Equal<string>(["source:consumer"], report.Changed);
    }

    [Fact]
    public async Task Failed_reload_keeps_the_old_snapshot_and_returns_every_error()
    {
        using var store = CreateStore();
        var before = store.Current;
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name:");
        _folder.Edit("quiz/basics.yaml", "correct: Femoral nerve", "correct: Sciatic nerve");
        _folder.Write("topics/broken.yaml", "id: [");

        var result = await store.ReloadAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Report);
        Assert.Equal(3, result.Errors.Length);
        Assert.Same(before, store.Current);
        Assert.Contains("previous knowledge is still being served", ReloadText.Format(result), StringComparison.Ordinal);

        // Fixing the files makes the next reload succeed.
        _folder.CopyFrom("valid");
        Assert.True((await store.ReloadAsync(CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Each_reload_is_counted_on_the_injected_metrics_with_its_result()
    {
        using var meters = new TestMeterFactory();
        using var reloads = new MetricCollector<long>(meters, BotMetrics.MeterName, "anatomybot_reloads_total");
        using var store = new KnowledgeStore(
            Options.Create(new KnowledgeOptions { Path = _folder.Path }), _clock, NullLogger<KnowledgeStore>.Instance, new BotMetrics(meters));

        await store.ReloadAsync(CancellationToken.None);
        _folder.Write("topics/broken.yaml", "id: [");
        await store.ReloadAsync(CancellationToken.None);

        Assert.Equal(["ok", "failed"], reloads.GetMeasurementSnapshot().Select(m => m.Tags["result"] as string));
        Assert.All(reloads.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task Cancelled_reload_throws_and_keeps_the_snapshot()
    {
        using var store = CreateStore();
        var before = store.Current;
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ReloadAsync(cts.Token));

        Assert.Same(before, store.Current);
        Assert.True((await store.ReloadAsync(CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Readers_always_see_a_complete_snapshot_while_reloads_swap_it()
    {
        // Invariant of both fixtures: one quiz question "q-<id>" per muscle, and every cited source exists.
        // A reader seeing muscles from one version and quiz from another would break it.
        using var store = CreateStore();
        var versions = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var snapshot = store.Current;
                reads++;
                var expectedQuiz = snapshot.Muscles.Select(m => "q-" + m.Id).Order(StringComparer.Ordinal);
                if (!expectedQuiz.SequenceEqual(snapshot.Quiz.Select(q => q.Id).Order(StringComparer.Ordinal)))
                {
                    failures.Enqueue($"muscles and quiz disagree in version {snapshot.Version}");
                }

                var hasMinor = snapshot.Muscles.Any(m => m.Id == "psoas-minor");
                var group = snapshot.Muscles.Single(m => m.Id == "iliopsoas");
                if (group.Parts.Contains("psoas-minor") != hasMinor || snapshot.Topics.Any(t => t.Id == "walking") != hasMinor)
                {
                    failures.Enqueue($"mixed content in version {snapshot.Version}");
                }

                if (snapshot.Muscles.SelectMany(m => m.SummarySources).Any(s => !snapshot.SourcesById.ContainsKey(s)))
                {
                    failures.Enqueue("unknown source");
                }

                versions.AddOrUpdate(snapshot.Version, 1, (_, n) => n + 1);
            }

            return reads;
        })).ToList();

        for (var i = 0; i < 20; i++)
        {
            _folder.CopyFrom(i % 2 == 0 ? "variant-b" : "valid");
            var result = await store.ReloadAsync(CancellationToken.None);
            Assert.True(result.Succeeded, string.Join('\n', result.Errors));
        }

        stop.Cancel();
        var reads = await Task.WhenAll(readers).WaitAsync(Wait.Guard);

        Assert.Empty(failures);
        Assert.All(reads, r => Assert.True(r > 0));
        Assert.Equal(2, versions.Count);
    }

    [Fact]
    public async Task Concurrent_reloads_are_serialised_and_all_succeed()
    {
        using var store = CreateStore();
        _folder.CopyFrom("variant-b");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ReloadAsync(CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        // Exactly one reload saw the change; the others, run after it, found nothing new.
        Assert.Single(results, r => r.Report!.Added.Length > 0);
        Assert.Equal(4, store.Current.Muscles.Length);
    }
}
