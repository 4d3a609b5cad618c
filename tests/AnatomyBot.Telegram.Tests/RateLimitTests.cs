using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Tests;

public sealed class RateLimitTests
{
    [Fact]
    public void Per_chat_slots_are_one_second_apart_and_chats_are_independent()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ChatRateLimiter(clock, Options.Create(new TelegramOptions()));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve(1));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.Reserve(1));
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.Reserve(1));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(2));
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(1));
    }

    [Fact]
    public void Groups_get_at_most_twenty_messages_a_minute_queued_not_dropped()
    {
        var clock = new FakeTimeProvider();
        var limiter = new ChatRateLimiter(clock, Options.Create(new TelegramOptions()));

        var delays = Enumerable.Range(0, 25).Select(_ => limiter.Reserve(-100)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(19), delays[19]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[20]);
        Assert.Equal(TimeSpan.FromSeconds(61), delays[21]);
        // Any 60-second window holds at most 20 slots.
        for (var i = 20; i < delays.Count; i++)
        {
            Assert.True(delays[i] - delays[i - 20] >= TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task Messages_to_one_chat_wait_their_turn_on_the_clock()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("one"));
        world.Server.Enqueue(Tg.Private("two"));
        world.Server.Enqueue(Tg.Private("three"));
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        // The second answer is queued until the clock moves a second on.
        // Wait for that queued send's own 1 s delay, not just any timer (the daily quiz scheduler arms one too).
        await world.Server.WaitUntilAsync(_ => world.Clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        // The second send waits on that timer, and the clock has not moved: it cannot have been sent.
        Assert.Single(world.Server.Calls("sendMessage"));

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 3, TimeSpan.FromMilliseconds(100));
        var calls = world.Server.Calls("sendMessage");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(1));
        Assert.Equal(["one", "two", "three"], calls.Select(c => c.Text.Split("You asked: ")[1].Split('\n')[0]).ToArray());
    }
}
