using System.Text.Json;
using AnatomyBot.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Tests;

/// <summary>The real sentence model end to end: <c>ask --json</c> waits for it, vectors are cached on disk, follow-ups.</summary>
public sealed class SemanticAnsweringTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "anatomybot-test-" + Guid.NewGuid().ToString("N"), "embeddings.bin");

    public void Dispose()
    {
        var folder = Path.GetDirectoryName(_cache)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ask_json_with_the_model_answers_with_fact_ids_and_a_restart_reuses_the_cached_vectors()
    {
        var settings = new Dictionary<string, string?> { ["Answering:Semantic"] = "true", ["Answering:EmbeddingCache"] = _cache };
        var first = await AppRunner.RunAsync(["ask", "--json", "how many sets of the leg raise exercise"], settings: settings);
        Assert.Equal(0, first.ExitCode);
        using var json = JsonDocument.Parse(first.OutputLines.Single());
        Assert.Equal("topic", json.RootElement.GetProperty("intent").GetString());
        Assert.Contains(json.RootElement.GetProperty("facts").EnumerateArray(), f => f.GetString() == "strengthening.3");
        var size = new FileInfo(_cache).Length;
        Assert.True(size > 0);

        var second = await AppRunner.RunAsync(["ask", "--json", "how many sets of the leg raise exercise"], settings: settings);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(size, new FileInfo(_cache).Length);
    }

    [Fact]
    public async Task Ask_json_treats_each_line_as_new_unless_conversation_is_given()
    {
        const string input = "where does the iliacus insert\nwhat about its nerve supply?\n";
        var separate = await AppRunner.RunAsync(["ask", "--json"], input);
        var together = await AppRunner.RunAsync(["ask", "--json", "--conversation"], input);
        string Entity(AppRun run, int line) => JsonDocument.Parse(run.OutputLines[line]).RootElement.GetProperty("entity").GetString() ?? "";
        Assert.NotEqual("iliacus", Entity(separate, 1));
        Assert.Equal("iliacus", Entity(together, 1));
    }

    [Fact]
    public async Task A_model_that_fails_to_load_is_logged_once_and_reports_not_ready()
    {
        var logs = new ListLogger();
        using var embedder = new MiniLmEmbedder(null, logs, () => throw new InvalidOperationException("no ONNX runtime here"));
        Assert.False(await embedder.Ready);
        var warning = Assert.Single(logs.Lines);
        Assert.Contains("no ONNX runtime here", warning, StringComparison.Ordinal);
        Assert.Contains("lexical", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disposing_while_the_model_loads_waits_for_the_load_and_keeps_no_model()
    {
        // A SIGTERM right after start disposes the embedder while ONNX Runtime is still loading; exiting then
        // crashed the process in native code (exit 139). Dispose must wait for the load to finish.
        using var release = new ManualResetEventSlim();
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var embedder = new MiniLmEmbedder(null, new ListLogger(), () =>
        {
            loading.SetResult();
            release.Wait(TimeSpan.FromSeconds(60));
            return new MiniLmSession(1);
        });
        await loading.Task.WaitAsync(TimeSpan.FromSeconds(60));

        var dispose = Task.Run(embedder.Dispose);
        Assert.False(embedder.Ready.IsCompleted);
        release.Set();
        await dispose.WaitAsync(TimeSpan.FromSeconds(60));

        // The load finished before Dispose returned, and its model was released rather than kept (whether the load
        // saw the disposal first, and reports false, or finished first and was then disposed, is a race either way).
        Assert.True(embedder.Ready.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => embedder.EmbedQuery("psoas"));
    }
}
