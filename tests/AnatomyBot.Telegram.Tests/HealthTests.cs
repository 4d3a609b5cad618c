using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;
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
