using AnatomyBot.Telegram.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Tests;

/// <summary>
/// The daily quiz writes its poll record before the send and completes it after, so a poll that went out can be
/// scored even when the process died between the send and the completion; the day is still posted at most once.
/// </summary>
public sealed class QuizRecordTests
{
    [Fact]
    public async Task A_daily_poll_sent_just_before_the_process_died_is_still_scored_and_not_posted_again()
    {
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["Storage:BusyTimeoutSeconds"] = "1" };
        WriteLock? held = null;
        await using (var first = await world.StartAdapterAsync(settings: settings))
        {
            await first.Store.SaveSubscriptionAsync(Tg.GroupId, new TimeOnly(9, 0), "UTC", world.Clock.GetUtcNow(), default);
            // The send succeeds, then the store refuses the completion; the process then dies before it lands.
            world.Server.FaultScript = (method, _) =>
            {
                if (method == "sendPoll")
                {
                    held ??= WriteLock.Take(world.DatabasePath);
                }

                return null;
            };
            world.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Quiz.DailyQuizScheduler>(first.Services).NotifyChanged();
            await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);
            await first.Logs.WaitForAsync(e => e.Level == LogLevel.Warning && e.Message.Contains("record the posted poll", StringComparison.Ordinal));
        }

        held!.Dispose();
        world.Server.FaultScript = null;
        var sent = world.Server.Calls("sendPoll")[0];
        var correct = sent.Body["correct_option_ids"]![0]!.GetValue<int>();
        Assert.Null(await GetPollAsync(world, "poll-2"));

        await using var restarted = await world.StartAdapterAsync(settings: settings);
        world.Server.Enqueue(Tg.PollAnswer("poll-2", 42, correct, "Dana"));
        var last = world.Server.Enqueue(Tg.PollAnswer("poll-2", 43, correct == 0 ? 1 : 0, "Eli"));
        await world.PumpUntilAsync(s => s.ConfirmedOffset > last);

        var board = await restarted.Store.GetLeaderboardAsync(Tg.GroupId, 10, default);
        Assert.Equal([("Dana", 1), ("Eli", 0)], board.Select(e => (e.DisplayName, e.Correct)));
        Assert.Equal(Tg.GroupId, Storage.TelegramKeys.ChatId((await restarted.Store.GetPollAsync("poll-2", default))!.Chat));
        // At most once: the claimed day is not posted again after the restart.
        Assert.Single(world.Server.Calls("sendPoll"));
    }

    private static async Task<Core.Quiz.QuizPost?> GetPollAsync(TestWorld world, string pollId)
    {
        using var store = TelegramStoreView.Open(world.DatabasePath);
        return await store.GetPollAsync(pollId, default);
    }
}

/// <summary>The database of the previous release is upgraded at the adapter's first start and its data keeps working.</summary>
public sealed class UpgradeTests
{
    [Fact]
    public async Task Scores_and_settings_of_the_previous_release_are_there_after_the_upgrade()
    {
        await using var world = await TestWorld.CreateAsync(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        await AnatomyBot.Testing.Storage.ReleasedSqliteDatabase.WriteAsync(world.DatabasePath, Tg.GroupId, updateOffset: 1, world.Clock.GetUtcNow());

        world.Server.Enqueue(Tg.Group("/leaderboard"));
        var last = world.Server.Enqueue(Tg.Group("/dailyquiz"));
        await using var adapter = await world.StartAdapterAsync();
        await world.PumpUntilAsync(s => s.ConfirmedOffset > last);

        var replies = world.Server.Calls("sendMessage").Select(c => c.Text).ToList();
        Assert.Contains(replies, t => t.Contains("1. Ana \u2014 5", StringComparison.Ordinal) && t.Contains("2. Ben \u2014 0", StringComparison.Ordinal));
        Assert.Contains(replies, t => t.Contains("every day at 09:00 (Europe/Berlin)", StringComparison.Ordinal));
        Assert.Equal(["q1", "q2"], (await adapter.Store.GetAskedQuestionsAsync(Tg.GroupId, default)).Order());
        Assert.True(await adapter.Store.IsChatGoneAsync(-1005, default));
    }
}
