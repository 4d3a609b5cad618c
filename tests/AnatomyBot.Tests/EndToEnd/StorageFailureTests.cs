using System.Net;
using System.Text.Json;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Testing;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// Storage faults seen from the host: an unusable database stops it with a non-zero exit code and a message naming
/// Storage:Path; a database locked by another connection past the busy timeout leaves the bot answering, reported
/// "degraded" in /healthz and /metrics, and healthy again once the lock is gone.
/// </summary>
[Collection(MetricsTestGroup.Name)]
public sealed class StorageFailureTests
{
    private const string Token = "654321:Storage-failure-token";
    private static readonly TimeSpan Timeout = Wait.Guard;

    [Theory]
    [InlineData("not-a-database")]
    [InlineData("a-directory")]
    public async Task An_unusable_database_exits_2_with_Storage_Path_and_what_to_do_on_stderr(string kind)
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync(Token, TimeProvider.System);
        var path = Path.Combine(data.Path, "bot.db");
        if (kind == "a-directory")
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            DatabaseFiles.WriteGarbage(path);
        }

        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Storage:Path"] = path,
            ["Http:Urls"] = "http://127.0.0.1:0",
        }).WaitAsync(Timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("telegram adapter stopped", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Storage:Path ({path})", run.Error, StringComparison.Ordinal);
        Assert.Contains("Storage__Path", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Storage-failure-token", run.Error, StringComparison.Ordinal);
        Assert.Empty(telegram.Calls("getUpdates"));
    }

    [Fact]
    public async Task A_database_locked_past_the_busy_timeout_is_degraded_in_healthz_and_metrics_while_questions_are_answered()
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync(Token, TimeProvider.System);
        var path = Path.Combine(data.Path, "bot.db");
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:PerChatIntervalMilliseconds"] = "0",
            ["Storage:Path"] = path,
            ["Storage:BusyTimeoutSeconds"] = "1",
        });
        await telegram.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1, Timeout);

        var first = telegram.Enqueue(Tg.Private("what nerve supplies the iliacus", userId: 901));
        await telegram.WaitUntilAsync(s => s.ConfirmedOffset > first, Timeout);
        using (WriteLock.Take(path))
        {
            var second = telegram.Enqueue(Tg.Private("what nerve supplies the iliacus", userId: 902));
            await telegram.WaitUntilAsync(s => s.Calls("sendMessage").Count == 2 && s.ConfirmedOffset > second, Timeout);
            HealthResult degraded = null!;
            await Wait.UntilAsync(async () => (degraded = await HealthAsync(host)).Status == "degraded", Timeout);
            Assert.Equal(HttpStatusCode.OK, degraded.Code);
            Assert.Contains("store the update offset", degraded.Body, StringComparison.Ordinal);
            var metrics = await (await host.GetAsync("/metrics")).Content.ReadAsStringAsync();
            Assert.Contains("anatomybot_storage_degraded{platform=\"telegram\"} 1", metrics, StringComparison.Ordinal);
            Assert.Contains("anatomybot_storage_errors_total{", metrics, StringComparison.Ordinal);
        }

        // The write is retried with back-off after the next long poll; then the bot is healthy again.
        HealthResult healthy = null!;
        await Wait.UntilAsync(async () => (healthy = await HealthAsync(host)).Status == "healthy", Timeout);
        Assert.Equal(HttpStatusCode.OK, healthy.Code);
        Assert.Equal(2, telegram.Calls("sendMessage").Count);
    }

    [Fact]
    public async Task A_background_loop_that_dies_on_an_exception_never_exits_0()
    {
        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?> { ["Http:Urls"] = "http://127.0.0.1:0" },
            configureServices: services => Microsoft.Extensions.DependencyInjection.ServiceCollectionHostedServiceExtensions.AddHostedService<CrashingLoop>(services))
            .WaitAsync(Timeout);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("CrashingLoop stopped on an unexpected error: InvalidOperationException: scripted crash", run.Error, StringComparison.Ordinal);
    }

    private sealed class CrashingLoop : Microsoft.Extensions.Hosting.BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("scripted crash");
        }
    }

    private static async Task<HealthResult> HealthAsync(ServeHost host)
    {
        using var response = await host.GetAsync("/healthz");
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return new HealthResult(response.StatusCode, document.RootElement.GetProperty("status").GetString()!, body);
    }

    private sealed record HealthResult(HttpStatusCode Code, string Status, string Body);
}
