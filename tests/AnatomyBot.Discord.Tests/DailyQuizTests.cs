using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Commands;
using AnatomyBot.Discord.Quiz;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Discord.Tests;

/// <summary>
/// /dailyquiz on Discord: Manage Server checked by the bot; the quiz is posted to the channel at the local time, once per
/// local date (claimed in the store), on the fake clock.
/// </summary>
public sealed class DailyQuizTests
{
    private const string ManageGuild = "32";

    private static object DailyQuiz(string id, string setting, string permissions) =>
        FakeInteractions.Command(id, "dailyquiz", [FakeInteractions.StringOption("setting", setting)], permissions: permissions, applicationId: "app1");

    private static bool IsDailyPost(RecordedCall call) => call.Method == "POST" && call.Path == "/channels/c1/messages";

    [Fact]
    public async Task Only_server_managers_set_it_and_the_quiz_is_posted_once_per_local_day()
    {
        await using var bot = await BotHarness.StartAsync();
        // The clock runs on for days: a heartbeat interval longer than that keeps the session (the fake answers no heartbeats here).
        var gateway = await bot.ConnectAndReadyAsync(heartbeatMs: 1_000_000_000);
        var zone = DailySchedule.TryFindZone("Europe/Berlin", out var berlin) ? berlin : throw new InvalidOperationException("no Europe/Berlin");

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DailyQuiz("d1", "09:00 Europe/Berlin", permissions: "0"));
        var refused = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("d1"));
        Assert.Equal(DailyQuizCommand.Refusal, refused.Json.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal(64, refused.Json.GetProperty("data").GetProperty("flags").GetInt32());

        await gateway.SendDispatchAsync("INTERACTION_CREATE", 3, DailyQuiz("d2", "09:00 Europe/Berlin", permissions: ManageGuild));
        var set = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("d2"));
        Assert.StartsWith("Daily quiz set: every day at 09:00 (Europe/Berlin).", set.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.False(set.Json.GetProperty("data").TryGetProperty("flags", out _));

        // The clock runs on to the first 09:00 in Berlin: one post, with quiz buttons.
        await Wait.UntilAsync(() => bot.Discord.Calls.Any(IsDailyPost), onIdle: () => bot.Clock.Advance(TimeSpan.FromMinutes(5)), pollMilliseconds: 20);
        var post = Assert.Single(bot.Discord.Calls, IsDailyPost);
        Assert.StartsWith("**Daily quiz**", post.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.True(post.Json.GetProperty("components").GetArrayLength() > 0);
        var local = TimeZoneInfo.ConvertTime(bot.Clock.GetUtcNow(), zone);
        Assert.Equal(9, local.Hour);

        // More passes on the same day post nothing more: the day is claimed in the store.
        var scheduler = bot.Services.GetRequiredService<DailyQuizScheduler>();
        await scheduler.RunOnceAsync(CancellationToken.None);
        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Single(bot.Discord.Calls, IsDailyPost);

        // The next local day gets the next one.
        await Wait.UntilAsync(() => bot.Discord.Calls.Count(IsDailyPost) == 2, onIdle: () => bot.Clock.Advance(TimeSpan.FromMinutes(5)), pollMilliseconds: 20);
        Assert.Equal(local.Date.AddDays(1), TimeZoneInfo.ConvertTime(bot.Clock.GetUtcNow(), zone).Date);

        // Anyone sees the setting; a moderator-free member cannot turn it off.
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 4, DailyQuiz("d3", "", permissions: "0"));
        var shown = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("d3"));
        Assert.StartsWith("Daily quiz: every day at 09:00 (Europe/Berlin).", shown.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 5, DailyQuiz("d4", "off", permissions: ManageGuild));
        var off = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("d4"));
        Assert.Equal("Daily quiz stopped.", off.Json.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_setting_with_markup_is_refused_without_echoing_it()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ConnectAndReadyAsync();
        await gateway.SendDispatchAsync("INTERACTION_CREATE", 2, DailyQuiz("m1", "09:00 @everyone **x**", permissions: ManageGuild));
        var reply = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("m1"));
        var content = reply.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.StartsWith("Sorry, I couldn't read that.", content, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", content, StringComparison.Ordinal);
    }
}
