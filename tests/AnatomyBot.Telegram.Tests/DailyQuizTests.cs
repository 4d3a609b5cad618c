using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Tests.Infrastructure;

namespace AnatomyBot.Telegram.Tests;

public sealed class DailyQuizTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task Admin_subscribes_and_the_quiz_is_posted_at_the_local_time_once_even_after_a_restart()
    {
        // 2026-03-02 08:00 UTC = 09:00 in Berlin (CET).
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        world.Server.SetMemberStatus(Tg.GroupId, Tg.UserId, "administrator");
        world.Server.Enqueue(Tg.Group("/dailyquiz 10:30 Europe/Berlin"));
        await using (var adapter = await world.StartAdapterAsync())
        {
            await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
            Assert.Contains("every day at 10:30 (Europe/Berlin). Next one: 2026-03-02 10:30", world.Server.Calls("sendMessage")[0].Text);

            // 10:29 Berlin: nothing yet.
            await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 3, 2, 9, 29, 0, TimeSpan.Zero));
            Assert.Empty(world.Server.Calls("sendPoll"));

            await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
            await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero), world.Server.Calls("sendPoll")[0].At);
            Assert.Equal(Tg.GroupId, world.Server.Calls("sendPoll")[0].ChatId);
        }

        // Restart later the same day on the same database: no second post.
        world.Clock.Advance(TimeSpan.FromHours(2));
        await using (var restarted = await world.StartAdapterAsync())
        {
            await SettleAsync(world, restarted);
            Assert.Single(world.Server.Calls("sendPoll"));

            // Next day at 10:30 Berlin it posts again.
            await AdvanceToAsync(world, restarted, new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero));
            await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 2);
            var sub = await restarted.Store.GetSubscriptionAsync(Tg.GroupId, default);
            Assert.Equal(new DateOnly(2026, 3, 3), sub!.LastPostedLocalDate);
        }
    }

    [Fact]
    public async Task Missed_quiz_is_posted_late_once_on_the_same_local_day_and_not_on_the_next()
    {
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero));
        await using (var first = await world.StartAdapterAsync())
        {
            await first.Store.SaveSubscriptionAsync(Tg.GroupId, new TimeOnly(9, 0), "UTC", world.Clock.GetUtcNow(), default);
        }

        // The bot was down at 09:00 and comes back at 15:00 the same day.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        await using (var late = await world.StartAdapterAsync())
        {
            await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero), world.Server.Calls("sendPoll")[0].At);
        }

        // Restart again the same day: still one.
        world.Clock.Advance(TimeSpan.FromHours(1));
        await using (var again = await world.StartAdapterAsync())
        {
            await SettleAsync(world, again);
        }

        Assert.Single(world.Server.Calls("sendPoll"));

        // Down for all of the next day; back the day after at 08:00 (before 09:00): nothing for the missed day.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero));
        await using (var after = await world.StartAdapterAsync())
        {
            await SettleAsync(world, after);
            Assert.Single(world.Server.Calls("sendPoll"));
        }
    }

    [Fact]
    public async Task Spring_forward_gap_posts_at_the_next_valid_instant_and_autumn_repeat_posts_once()
    {
        // 2026-03-29: Berlin skips 02:00-03:00 local (01:00 UTC).
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));
        await using var adapter = await world.StartAdapterAsync();
        await adapter.Store.SaveSubscriptionAsync(Tg.GroupId, new TimeOnly(2, 30), "Europe/Berlin", world.Clock.GetUtcNow(), default);
        Notify(adapter);

        await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero));
        Assert.Empty(world.Server.Calls("sendPoll"));
        await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero));
        await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), world.Server.Calls("sendPoll")[0].At);

        // 2026-10-25: Berlin repeats 02:00-03:00; 02:30 happens at 00:30 and 01:30 UTC. One post, at the first.
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero));
        await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 2); // the 24th's, posted late after the jump
        await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero));
        await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 3);
        await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 10, 25, 3, 0, 0, TimeSpan.Zero));
        var polls = world.Server.Calls("sendPoll").Where(c => c.At.Date == new DateTime(2026, 10, 25)).ToList();
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), Assert.Single(polls).At);
    }

    [Fact]
    public void Due_instants_follow_the_zone_rules()
    {
        var time = new TimeOnly(2, 30);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), DailySchedule.DueInstant(new DateOnly(2026, 3, 29), time, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), DailySchedule.DueInstant(new DateOnly(2026, 10, 25), time, Berlin));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 30, 0, TimeSpan.Zero), DailySchedule.DueInstant(new DateOnly(2026, 7, 1), time, Berlin));
    }

    [Fact]
    public void Changing_the_zone_never_makes_a_posted_day_look_unposted()
    {
        // Posted for Auckland's 2026-03-11 at 09:00 NZDT = 2026-03-10 20:00 UTC; at 22:00 UTC the chat switches to UTC 21:00.
        var postedAt = new DateTimeOffset(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
        var changedAt = new DateTimeOffset(2026, 3, 10, 20, 30, 0, TimeSpan.Zero);
        var sub = new DailyQuizSubscription(new Core.Storage.ChatKey("telegram", "1"), new TimeOnly(21, 0), "UTC", changedAt, postedAt, new DateOnly(2026, 3, 11));
        Assert.Null(DailySchedule.DueDate(sub, TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 10, 21, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 3, 11), DailySchedule.DueDate(sub, TimeZoneInfo.Utc, new DateTimeOffset(2026, 3, 11, 21, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task A_date_can_be_claimed_only_once()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync();
        var store = adapter.Store;
        var now = world.Clock.GetUtcNow();
        await store.SaveSubscriptionAsync(5, new TimeOnly(9, 0), "UTC", now, default);

        Assert.True(await store.TryClaimDailyPostAsync(5, null, new DateOnly(2026, 3, 2), now, default));
        Assert.False(await store.TryClaimDailyPostAsync(5, null, new DateOnly(2026, 3, 2), now, default));
        // Changing the time keeps the record of the last post.
        await store.SaveSubscriptionAsync(5, new TimeOnly(18, 0), "Europe/Berlin", now, default);
        Assert.Equal(now, (await store.GetSubscriptionAsync(5, default))!.LastPostedAt);
    }

    [Fact]
    public async Task Dailyquiz_command_permissions_errors_show_and_off()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Group("/dailyquiz 09:00", userId: 5));                  // plain member: refused
        world.Server.Enqueue(Tg.Group("/dailyquiz 25:00", userId: 1001));               // moderator, bad time
        world.Server.Enqueue(Tg.Group("/dailyquiz 09:00 Mars/Olympus", userId: 1001));  // bad zone
        world.Server.Enqueue(Tg.Group("/dailyquiz 07:15", senderChat: new() { ["id"] = Tg.GroupId, ["type"] = "supergroup" })); // anonymous admin
        world.Server.Enqueue(Tg.Group("/dailyquiz", userId: 5));                         // anyone may look
        world.Server.Enqueue(Tg.Group("/dailyquiz off", userId: 1001));
        world.Server.Enqueue(Tg.Group("/dailyquiz", userId: 5));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 7, TimeSpan.FromSeconds(1));

        var texts = world.Server.Calls("sendMessage").Select(c => c.Text).ToList();
        Assert.Contains("only an administrator of this chat or a bot moderator", texts[0]);
        Assert.Contains("couldn't read that time", texts[1]);
        Assert.Contains("/dailyquiz HH:MM [time zone]", texts[1]);
        Assert.Contains("don't know the time zone \"Mars/Olympus\"", texts[2]);
        Assert.Contains("every day at 07:15 (UTC)", texts[3]);
        Assert.Contains("Daily quiz: every day at 07:15 (UTC)", texts[4]);
        Assert.Contains("Daily quiz stopped.", texts[5]);
        Assert.Contains("No daily quiz is set", texts[6]);
        Assert.Single(world.Server.Calls("getChatMember"));
    }

    [Fact]
    public async Task Gone_chats_get_no_daily_quiz()
    {
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await using var adapter = await world.StartAdapterAsync();
        await adapter.Store.SaveSubscriptionAsync(Tg.GroupId, new TimeOnly(9, 0), "UTC", world.Clock.GetUtcNow(), default);
        await adapter.Store.MarkChatGoneAsync(Tg.GroupId, world.Clock.GetUtcNow(), default);
        Notify(adapter);

        await AdvanceToAsync(world, adapter, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await SettleAsync(world, adapter);
        Assert.Empty(world.Server.Calls("sendPoll"));
    }

    private static void Notify(AdapterHarness adapter) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DailyQuizScheduler>(adapter.Services).NotifyChanged();

    /// <summary>
    /// Moves the clock to <paramref name="target"/> at most an hour at a time. Before each step the scheduler finishes a
    /// pass at the current time, and after the last it runs one at the target, so whatever is due is posted then: the
    /// test waits on the scheduler's pass counter, never on real time.
    /// </summary>
    private static async Task AdvanceToAsync(TestWorld world, AdapterHarness adapter, DateTimeOffset target)
    {
        while (world.Clock.GetUtcNow() < target)
        {
            await SettleAsync(world, adapter);
            var step = target - world.Clock.GetUtcNow();
            world.Clock.Advance(step > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : step);
        }

        await SettleAsync(world, adapter);
    }

    /// <summary>Makes the scheduler run a full pass at the current fake time before asserting that nothing happened.</summary>
    private static async Task SettleAsync(TestWorld world, AdapterHarness adapter)
    {
        await world.Server.WaitUntilAsync(s => s.Calls("getUpdates").Count > 0);
        var scheduler = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DailyQuizScheduler>(adapter.Services);
        var before = scheduler.CompletedPasses;
        scheduler.NotifyChanged();
        await world.Server.WaitUntilAsync(_ => scheduler.CompletedPasses > before);
    }
}
