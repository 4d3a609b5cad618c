using System.Net;
using System.Text.Json;
using AnatomyBot.Core.Observability;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnatomyBot.Tests.Ops;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_is_200_with_the_knowledge_version_and_counts_when_no_adapter_runs()
    {
        await using var host = await ServeHost.StartAsync();
        using var response = await host.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        var knowledge = root.GetProperty("knowledge");
        Assert.True(knowledge.GetProperty("loaded").GetBoolean());
        Assert.False(string.IsNullOrEmpty(knowledge.GetProperty("version").GetString()));
        Assert.Equal(4, knowledge.GetProperty("muscles").GetInt32());
        Assert.True(knowledge.GetProperty("topics").GetInt32() >= 25);
        Assert.True(knowledge.GetProperty("quiz").GetInt32() > 0);
        Assert.Equal(5, knowledge.GetProperty("sources").GetInt32());
        Assert.Equal(0, root.GetProperty("adapters").GetArrayLength());
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
    }

    [Fact]
    public async Task A_failed_adapter_makes_healthz_503_and_names_it()
    {
        var failed = new FakeAdapter("telegram", AdapterState.Failed, "401 from getMe: the token is wrong");
        var connected = new FakeAdapter("discord", AdapterState.Connected, null);
        await using var host = await ServeHost.StartAsync(configure: services =>
        {
            services.AddSingleton<IAdapterHealth>(failed);
            services.AddSingleton<IAdapterHealth>(connected);
        });

        using var response = await host.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = doc.RootElement;
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray()).GetString();
        Assert.Contains("telegram", problem);
        Assert.Contains("failed", problem);
        Assert.Contains("token is wrong", problem);

        var adapters = root.GetProperty("adapters").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Equal("failed", adapters["telegram"].GetProperty("state").GetString());
        Assert.False(adapters["telegram"].GetProperty("healthy").GetBoolean());
        Assert.Equal("connected", adapters["discord"].GetProperty("state").GetString());
        Assert.True(adapters["discord"].GetProperty("healthy").GetBoolean());

        // Once the adapter recovers, so does the endpoint.
        failed.State = AdapterState.Connected;
        using var recovered = await host.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
    }

    [Fact]
    public async Task Reconnecting_is_healthy_within_the_grace_period_and_unhealthy_after_it()
    {
        var clock = new FakeTimeProvider();
        var adapter = new FakeAdapter("discord", AdapterState.Connected, null);
        var tracked = new AdapterHealthTracker("telegram", clock);
        tracked.Set(AdapterState.Connected);
        await using var host = await ServeHost.StartAsync(
            new Dictionary<string, string?> { ["Health:ReconnectGraceSeconds"] = "60" },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddSingleton<IAdapterHealth>(adapter);
                services.AddSingleton<IAdapterHealth>(tracked);
            });

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host));

        // The fake adapter keeps no StateSince: the evaluator times the state from when it first saw it.
        adapter.State = AdapterState.Reconnecting;
        adapter.Detail = "gateway closed 1006";
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host));
        clock.Advance(TimeSpan.FromSeconds(2));
        using (var response = await host.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("discord: reconnecting for 61 s (limit 60 s): gateway closed 1006", body);
        }

        adapter.State = AdapterState.Connected;
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host));

        // The tracker reports its own StateSince: time already spent before the first scrape counts.
        tracked.Set(AdapterState.Reconnecting, "getUpdates: connection refused");
        clock.Advance(TimeSpan.FromSeconds(61));
        using (var response = await host.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("telegram: reconnecting for 61 s", await response.Content.ReadAsStringAsync());
        }

        tracked.Set(AdapterState.Starting);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(host));
    }

    [Fact]
    public async Task Healthz_turns_503_while_the_host_stops()
    {
        // The stop is held open until the check has run: otherwise a quick stop may dispose the services first.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await ServeHost.StartAsync(configure: services => services.AddHostedService(_ => new HoldsTheStop(release.Task)));
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await checks.CheckHealthAsync()).Status);
        host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();
        var report = await checks.CheckHealthAsync();
        release.SetResult();
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("host: stopping", Observability.HealthzBody.From(report).Problems);
        Assert.Equal(0, await host.StopAsync());
    }

    [Fact]
    public async Task A_degraded_adapter_keeps_healthz_200_and_says_degraded()
    {
        var degraded = new FakeAdapter("telegram", AdapterState.Degraded, "store refuses writes; retrying");
        await using var host = await ServeHost.StartAsync(configure: services => services.AddSingleton<IAdapterHealth>(degraded));

        using var response = await host.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("degraded", doc.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("problems").GetArrayLength());
        var adapter = Assert.Single(doc.RootElement.GetProperty("adapters").EnumerateArray());
        Assert.Equal("degraded", adapter.GetProperty("state").GetString());
        Assert.Equal("store refuses writes; retrying", adapter.GetProperty("detail").GetString());
        Assert.True(adapter.GetProperty("healthy").GetBoolean());
    }

    [Fact]
    public async Task Each_adapter_is_its_own_health_check_and_the_knowledge_check_carries_the_version()
    {
        await using var host = await ServeHost.StartAsync(configure: services =>
        {
            services.AddSingleton<IAdapterHealth>(new FakeAdapter("telegram", AdapterState.Connected, null));
            services.AddSingleton<IAdapterHealth>(new FakeAdapter("discord", AdapterState.Stopped, "stopped by the host"));
        });

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(["knowledge", "host", "telegram", "discord"], report.Entries.Keys);
        Assert.Equal(HealthStatus.Healthy, report.Entries["telegram"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["discord"].Status);
        Assert.Equal("stopped: stopped by the host", report.Entries["discord"].Description);
        var version = host.Services.GetRequiredService<Core.Knowledge.IKnowledgeProvider>().Current.Version;
        Assert.Equal(version, report.Entries["knowledge"].Data["version"]);
    }

    [Fact]
    public async Task Http_enabled_false_binds_nothing()
    {
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?> { ["Http:Enabled"] = "false" });
        Assert.Empty(host.Services.GetRequiredService<Hosting.OpsHttpServer>().Addresses);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("HTTP listener off", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains("ready in", StringComparison.Ordinal) && e.Message.Contains("HTTP off", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> StatusAsync(ServeHost host)
    {
        using var response = await host.GetAsync("/healthz");
        return response.StatusCode;
    }
}

internal sealed class FakeAdapter(string name, AdapterState state, string? detail) : IAdapterHealth
{
    public string Name { get; } = name;

    public AdapterState State { get; set; } = state;

    public string? Detail { get; set; } = detail;
}

/// <summary>A hosted service whose stop waits for the test, so the host's services stay alive while it stops.</summary>
internal sealed class HoldsTheStop(Task release) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => release.WaitAsync(Wait.Guard, CancellationToken.None);
}
