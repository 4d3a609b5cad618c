using AnatomyBot.Testing;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
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

        await gw.CloseAsync(GatewayCloseCode.UnknownError);
        var resumed = await bot.Discord.NextConnectionAsync();
        Assert.Equal(AdapterState.Reconnecting, health.State);
        Assert.Contains(((int)GatewayCloseCode.UnknownError).ToString(System.Globalization.CultureInfo.InvariantCulture), health.Detail, StringComparison.Ordinal);
        await resumed.SendHelloAsync(45_000);
        await resumed.ExpectResumeAsync();
        await resumed.SendResumedAsync(2);
        await Wait.UntilAsync(() => health.State == AdapterState.Connected);
        Assert.True(metrics.Sum("anatomybot_gateway_reconnects_total", ("kind", "resume")) >= 1);

        // Invalid session (not resumable): a fresh IDENTIFY after 1-5 s (jitter 0.5: 3 s), counted as identify.
        await resumed.SendInvalidSessionAsync(resumable: false);
        await Wait.UntilAsync(() => health.State == AdapterState.Reconnecting && resumed.Closed.IsCompleted);

        // The re-identify delay's timer is armed just after the state changes: wait for that timer, then move past it.
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(TimeSpan.FromSeconds(3)));
        bot.Clock.Advance(TimeSpan.FromSeconds(3));
        var fresh = await bot.Discord.NextConnectionAsync();
        await fresh.SendHelloAsync(45_000);

        // One session start per turn (5 s and a 0.5 s margin): the first IDENTIFY was at 0 s, so this one waits until 5.5 s.
        var turnLeft = IdentifyLimiter.Turn - TimeSpan.FromSeconds(3);
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(turnLeft));
        bot.Clock.Advance(turnLeft);
        await fresh.ExpectIdentifyAsync();
        await fresh.SendReadyAsync(1, bot.Discord.ResumeUrl, sessionId: "session-2");
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
            await gw.ExpectIdentifyAsync();
            await gw.CloseAsync(GatewayCloseCode.DisallowedIntents);
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

        await bot.Service.StopAsync(CancellationToken.None).WaitAsync(Wait.Guard);

        var code = await gw.Closed.WaitAsync(Wait.Guard);
        Assert.NotNull(code); // a real close frame, not a dropped socket
        Assert.NotEqual(GatewayCloseCode.NormalClosure, code);
        Assert.NotEqual(GatewayCloseCode.GoingAway, code);
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
            c.Path == FakeInteractions.CallbackPath("m1") && Interlocked.Increment(ref limited) == 1
                ? new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":0,"global":false}""")
                : null;
        var gw = await bot.ConnectAndReadyAsync();

        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("m1", "muscle", [FakeInteractions.StringOption("name", "iliacus")]));
        await bot.Discord.WaitForCallsAsync(c => c.Path == FakeInteractions.CallbackPath("m1"), 2);
        await Wait.UntilAsync(() => metrics.Sum("anatomybot_rate_limited_total", ("platform", "discord")) >= 1);

        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.Command("q1", "quiz"));
        await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("q1"));
        await Wait.UntilAsync(() => metrics.Sum("anatomybot_quiz_posts_total", ("platform", "discord"), ("kind", "on-demand")) >= 1);

        // Exactly one 429 and one quiz: each counted once, on Discord's label only.
        Assert.Equal(1, metrics.Sum("anatomybot_rate_limited_total", ("platform", "discord")));
        Assert.Equal(1, metrics.Sum("anatomybot_quiz_posts_total", ("platform", "discord"), ("kind", "on-demand")));
        Assert.Equal(0, metrics.Sum("anatomybot_rate_limited_total", ("platform", "telegram")));
    }
}
