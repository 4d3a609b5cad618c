using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Tests;

/// <summary>The retry strategy is a plain sequence of delays (Core's Backoff.Delays), with the jitter injected.</summary>
public sealed class RetryDelayTests
{
    private static RetryPolicy Policy(double jitter, int maxBackoffSeconds = 60) => new(
        new FakeTimeProvider(),
        Options.Create(new TelegramOptions { MaxBackoffSeconds = maxBackoffSeconds }),
        new TelegramRandom(new FixedRandom(jitter)));

    /// <summary>The adapter with jitter 0, so each wait is exactly half its step: a delay the clock can be asked about.</summary>
    private static Task<AdapterHarness> StartWithoutJitterAsync(TestWorld world) => AdapterHarness.StartAsync(
        world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine,
        configure: services => services.AddSingleton(new TelegramRandom(new FixedRandom(0.0))));

    [Fact]
    public void Delays_double_from_one_second_up_to_MaxBackoffSeconds()
    {
        Assert.Equal([1, 2, 4, 8, 10, 10], Policy(1.0, maxBackoffSeconds: 10).Delays().Take(6).Select(d => d.TotalSeconds));
        Assert.Equal([0.5, 1, 2], Policy(0.0).Delays().Take(3).Select(d => d.TotalSeconds));
    }

    [Fact]
    public void A_429_waits_its_retry_after_or_one_second_when_it_names_none()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryPolicy.RetryAfter(new ApiError(ApiErrorKind.RateLimited, 429, "slow down", TimeSpan.FromSeconds(7))));
        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.RetryAfter(new ApiError(ApiErrorKind.RateLimited, 429, "slow down")));
    }

    [Fact]
    public void Every_failure_is_the_next_attempt_and_a_conflict_waits_two_steps_further_on()
    {
        using var retries = new RetryDelays(Policy(1.0));
        Assert.Equal(TimeSpan.FromSeconds(1), retries.Next(ApiErrorKind.Server));
        Assert.Equal(TimeSpan.FromSeconds(2), retries.Next(ApiErrorKind.RateLimited));
        Assert.Equal(TimeSpan.FromSeconds(16), retries.Next(ApiErrorKind.Conflict));
        Assert.Equal(TimeSpan.FromSeconds(8), retries.Next(ApiErrorKind.Network));

        retries.Reset();
        Assert.Equal(TimeSpan.FromSeconds(4), retries.Next(ApiErrorKind.Conflict));
        Assert.Equal(TimeSpan.FromSeconds(2), retries.Next(ApiErrorKind.Server));
    }

    [Fact]
    public async Task A_failed_send_waits_the_next_delay_of_the_sequence_on_the_clock()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.ServerError());
        world.Server.AddFault("sendMessage", Fault.ServerError());
        world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await StartWithoutJitterAsync(world);

        // Jitter 0 halves each delay: 0.5 s after the first failure, 1 s after the second.
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        await Wait.UntilAsync(() => world.Clock.HasTimerDueIn(TimeSpan.FromSeconds(0.5)));
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2, TimeSpan.FromMilliseconds(100));
        await Wait.UntilAsync(() => world.Clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        await world.PumpUntilAsync(s => s.DeliveredCount == 1, TimeSpan.FromMilliseconds(100));

        Assert.Equal(3, world.Server.Calls("sendMessage").Count);
    }

    [Fact]
    public async Task A_conflict_on_getUpdates_waits_the_delay_two_steps_further_on()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("getUpdates", Fault.ServerError());
        world.Server.AddFault("getUpdates", Fault.Conflict());
        world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await StartWithoutJitterAsync(world);

        // The 500 is attempt 0 (1 s, halved); the 409 is attempt 1, two steps further on: 8 s, halved.
        await world.WaitUntilAsync(s => s.Calls("getUpdates").Count == 1);
        await Wait.UntilAsync(() => world.Clock.HasTimerDueIn(TimeSpan.FromSeconds(0.5)));
        await world.PumpUntilAsync(s => s.Calls("getUpdates").Count == 2, TimeSpan.FromMilliseconds(100));
        await Wait.UntilAsync(() => world.Clock.HasTimerDueIn(TimeSpan.FromSeconds(4)));
        await world.PumpUntilAsync(s => s.DeliveredCount == 1);
    }
}
