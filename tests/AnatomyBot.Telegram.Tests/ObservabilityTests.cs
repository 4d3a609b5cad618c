using AnatomyBot.Testing;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Telegram.Tests;

public sealed class HealthTests
{
    private static IAdapterHealth Health(AdapterHarness adapter) =>
        Assert.Single(adapter.Services.GetServices<IAdapterHealth>(), h => h.Name == "telegram");

    internal static Task WaitForStateAsync(IAdapterHealth health, AdapterState state, TestWorld? pump = null) =>
        Wait.UntilAsync(
            () => health.State == state,
            onIdle: () => pump?.Clock.Advance(TimeSpan.FromMilliseconds(250)),
            describe: () => $"Telegram health stayed {health.State} ({health.Detail}), expected {state}",
            pollMilliseconds: 10);

    [Fact]
    public async Task Health_goes_starting_connected_reconnecting_connected_then_failed_on_401_without_the_token()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("getMe", Fault.ServerError());
        await using var adapter = await world.StartAdapterAsync();
        var health = Health(adapter);

        // getMe failed and waits on the fake clock: still starting.
        await world.WaitUntilAsync(s => s.Calls("getMe").Count == 1);
        await Wait.UntilAsync(() => health.Detail is not null);

        Assert.Equal(AdapterState.Starting, health.State);
        Assert.Contains("getMe failed", health.Detail);

        await world.PumpUntilAsync(s => s.Calls("getUpdates").Count >= 1);
        await WaitForStateAsync(health, AdapterState.Connected);

        // A 500 from getUpdates: reconnecting, timed on the injected clock.
        world.Server.AddFault("getUpdates", Fault.ServerError());
        world.Server.Enqueue(Tg.Private("end the long poll"));
        await WaitForStateAsync(health, AdapterState.Reconnecting);
        Assert.Equal(world.Clock.GetUtcNow(), health.StateSince);
        Assert.Contains("getUpdates failed", health.Detail);

        await WaitForStateAsync(health, AdapterState.Connected, pump: world);

        // A revoked token: failed, with a detail that says so and never shows the token.
        world.Server.AddFault("getUpdates", Fault.Unauthorized());
        world.Server.Enqueue(Tg.Private("end the long poll again"));
        await WaitForStateAsync(health, AdapterState.Failed);
        Assert.Contains("401", health.Detail);
        Assert.DoesNotContain(AdapterHarness.Token, health.Detail);
        Assert.DoesNotContain(AdapterHarness.Token.Split(':')[1], health.Detail);
    }

    [Fact]
    public async Task Health_is_stopped_after_shutdown()
    {
        await using var world = await TestWorld.CreateAsync();
        var adapter = await world.StartAdapterAsync();
        var health = Health(adapter);
        await WaitForStateAsync(health, AdapterState.Connected);

        await adapter.DisposeAsync();

        Assert.Equal(AdapterState.Stopped, health.State);
    }

    [Fact]
    public async Task Health_is_starting_before_the_adapter_runs()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine, start: false);

        var health = Health(adapter);
        Assert.Equal(AdapterState.Starting, health.State);
        Assert.Equal(world.Clock.GetUtcNow(), health.StateSince);
    }
}

[CollectionDefinition(nameof(MetricsTestGroup), DisableParallelization = true)]
public sealed class MetricsTestGroup;

/// <summary>Runs alone as well as flow-scoped (see MetricRecorder): the instruments are process-wide.</summary>
[Collection(nameof(MetricsTestGroup))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Poll_errors_429s_and_quiz_posts_are_counted()
    {
        using var recorder = new MetricRecorder();
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        world.Server.AddFault("getUpdates", Fault.ServerError());
        world.Server.AddFault("getUpdates", Fault.RateLimited(1));
        world.Server.AddFault("getUpdates", Fault.MalformedJson());
        world.Server.AddFault("sendPoll", Fault.RateLimited(1));
        world.Server.Enqueue(Tg.Private("/quiz"));
        world.Server.Enqueue(Tg.Private("/dailyquiz 08:30"));
        await using var adapter = await world.StartAdapterAsync(settings: new Dictionary<string, string?> { ["Telegram:PerChatIntervalMilliseconds"] = "0" });

        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count == 2 && s.Calls("sendMessage").Count == 1);
        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count == 3, step: TimeSpan.FromMinutes(1));

        // The fake records sendPoll before it answers; the bot counts the post once the answer is back.
        await Wait.UntilAsync(
            () => recorder.Sum("anatomybot_quiz_posts_total", ("platform", "telegram"), ("kind", "daily")) > 0
                && recorder.Sum("anatomybot_quiz_posts_total", ("platform", "telegram"), ("kind", "on-demand")) > 0,
            describe: () => "both quiz posts were not counted");

        Assert.Equal(1, recorder.Sum("anatomybot_telegram_poll_errors_total", ("kind", "server")));
        Assert.Equal(1, recorder.Sum("anatomybot_telegram_poll_errors_total", ("kind", "rate_limited")));
        Assert.Equal(1, recorder.Sum("anatomybot_telegram_poll_errors_total", ("kind", "malformed")));
        Assert.Equal(3, recorder.Sum("anatomybot_telegram_poll_errors_total"));
        Assert.Equal(2, recorder.Sum("anatomybot_rate_limited_total", ("platform", "telegram")));
        Assert.Equal(1, recorder.Sum("anatomybot_quiz_posts_total", ("platform", "telegram"), ("kind", "on-demand")));
        Assert.Equal(1, recorder.Sum("anatomybot_quiz_posts_total", ("platform", "telegram"), ("kind", "daily")));
    }
}
