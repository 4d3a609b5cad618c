using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;

namespace AnatomyBot.Telegram.Tests;

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
