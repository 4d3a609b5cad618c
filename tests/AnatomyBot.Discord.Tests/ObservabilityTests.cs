using AnatomyBot.Testing;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Discord.Tests;

/// <summary>Health states, metrics and the shutdown close, over the loopback fake Discord.</summary>
public sealed class ObservabilityTests
{
    private static IAdapterHealth Health(BotHarness bot) =>
        Assert.Single(bot.Services.GetServices<IAdapterHealth>(), h => h.Name == "discord");

    [Fact]
    public async Task Health_goes_starting_connected_reconnecting_connected_and_reconnects_are_counted_by_kind()
    {
        using var metrics = new MetricRecorder();
        await using var bot = await BotHarness.StartAsync(jitter: 0.5);
        var health = Health(bot);
        Assert.Equal(AdapterState.Starting, health.State);

        var gw = await bot.ConnectAndReadyAsync();
        Assert.Equal(AdapterState.Connected, health.State);

        await gw.CloseAsync(4000);
        var resumed = await bot.Discord.NextConnectionAsync();
        Assert.Equal(AdapterState.Reconnecting, health.State);
        Assert.Contains("4000", health.Detail, StringComparison.Ordinal);
        await resumed.SendHelloAsync(45_000);
        await resumed.ExpectAsync(6);
        await resumed.SendDispatchAsync("RESUMED", 2, new { });
        await Wait.UntilAsync(() => health.State == AdapterState.Connected);
        Assert.True(metrics.Sum("anatomybot_gateway_reconnects_total", ("kind", "resume")) >= 1);

        // Invalid session (not resumable): a fresh IDENTIFY after 1-5 s (jitter 0.5: 3 s), counted as identify.
        await resumed.SendOpAsync(9, false);
        await Wait.UntilAsync(() => health.State == AdapterState.Reconnecting && resumed.Closed.IsCompleted);

        // The re-identify delay's timer is armed just after the state changes; move the clock until the bot connects
        // again rather than racing that timer (the delay's length is asserted in GatewayClientTests).
        var next = bot.Discord.NextConnectionAsync();
        for (var step = 0; step < 40 && !next.IsCompleted; step++)
        {
            bot.Clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(next, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        var fresh = await next;
        await fresh.SendHelloAsync(45_000);
        await fresh.ExpectAsync(2);
        await fresh.SendDispatchAsync("READY", 1, new { session_id = "session-2", resume_gateway_url = bot.Discord.ResumeUrl, user = new { id = "bot1" }, application = new { id = "app1" } });
        await Wait.UntilAsync(() => health.State == AdapterState.Connected);
        Assert.True(metrics.Sum("anatomybot_gateway_reconnects_total", ("kind", "identify")) >= 1);
    }

    [Fact]
    public async Task Fatal_close_code_marks_the_adapter_failed_with_what_to_fix_and_shutdown_keeps_it_failed()
    {
        var bot = await BotHarness.StartAsync();
        var health = Health(bot);
        try
        {
            var gw = await bot.Discord.NextConnectionAsync();
            await gw.SendHelloAsync(45_000);
            await gw.ExpectAsync(2);
            await gw.CloseAsync(4014);
            await Wait.UntilAsync(() => health.State == AdapterState.Failed);
            Assert.Contains("Discord:AnswerMentions", health.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain(BotHarness.Token, health.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("SECRET", health.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await bot.DisposeAsync();
        }

        Assert.Equal(AdapterState.Failed, health.State);
    }

    [Fact]
    public async Task Rejected_token_on_gateway_bot_marks_the_adapter_failed()
    {
        await using var bot = await BotHarness.StartAsync(
            useGatewayBot: true,
            responder: c => c.Path == "/gateway/bot" ? new FakeResponse(401, """{"message":"401: Unauthorized","code":0}""") : null);
        var health = Health(bot);

        await Wait.UntilAsync(() => health.State == AdapterState.Failed);
        Assert.Contains("Discord:Token", health.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(BotHarness.Token, health.Detail, StringComparison.Ordinal);
        Assert.Equal(0, bot.Discord.ConnectionCount);
    }

    [Fact]
    public async Task Shutdown_sends_a_resumable_close_frame_and_reports_stopped()
    {
        await using var bot = await BotHarness.StartAsync();
        var health = Health(bot);
        var gw = await bot.ConnectAndReadyAsync();

        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var code = await gw.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(code); // a real close frame, not a dropped socket
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);
        Assert.Equal(AdapterState.Stopped, health.State);
        Assert.Equal(1, bot.Discord.ConnectionCount);
    }

    [Fact]
    public async Task Rate_limits_and_quiz_posts_are_counted_for_discord()
    {
        using var metrics = new MetricRecorder();
        await using var bot = await BotHarness.StartAsync();
        var limited = 0;
        bot.Discord.Responder = c =>
            c.Path == "/interactions/m1/itok-m1/callback" && Interlocked.Increment(ref limited) == 1
                ? new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":0,"global":false}""")
                : null;
        var gw = await bot.ConnectAndReadyAsync();

        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, BotHarness.Command("m1", "muscle", [new { name = "name", type = 3, value = "iliacus" }]));
        await bot.Discord.WaitForCallsAsync(c => c.Path == "/interactions/m1/itok-m1/callback", 2);
        await Wait.UntilAsync(() => metrics.Sum("anatomybot_rate_limited_total", ("platform", "discord")) >= 1);

        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, BotHarness.Command("q1", "quiz"));
        await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/q1/itok-q1/callback");
        await Wait.UntilAsync(() => metrics.Sum("anatomybot_quiz_posts_total", ("platform", "discord"), ("kind", "on-demand")) >= 1);
    }
}
