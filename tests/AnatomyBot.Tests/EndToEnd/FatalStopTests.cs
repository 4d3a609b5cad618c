using AnatomyBot.Testing;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// A server that refuses the configuration stops the host by itself, and the exit code says so: a service manager or
/// orchestrator must not see a rejected token as a clean stop.
/// </summary>
public sealed class FatalStopTests
{
    private static readonly TimeSpan Timeout = Wait.Guard;

    [Fact]
    public async Task A_bot_api_server_rejecting_the_token_stops_the_host_with_exit_2_and_the_reason_on_stderr()
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync("123456:the-right-token", TimeProvider.System);

        var run = await AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?>
        {
            ["Telegram:Token"] = "123456:a-wrong-token",
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
            ["Http:Urls"] = "http://127.0.0.1:0",
        }).WaitAsync(Timeout);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("telegram adapter stopped", run.Error, StringComparison.Ordinal);
        Assert.Contains("Telegram__Token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-token", run.Error, StringComparison.Ordinal);
        Assert.Single(telegram.Calls("getMe"));
        Assert.Empty(telegram.Calls("getUpdates"));
    }

    [Fact]
    public async Task A_discord_compatible_server_closing_with_4004_stops_the_host_with_exit_2_and_the_reason_on_stderr()
    {
        const string token = "MTIz.e2e-fatal-discord-token.xyz";
        using var data = new TempFolder();
        await using var discord = await FakeDiscord.StartAsync();

        var running = AppRunner.RunAsync(["serve"], settings: new Dictionary<string, string?>
        {
            ["Discord:Token"] = token,
            ["Discord:ApiBaseUrl"] = discord.ApiBase,
            ["Discord:GatewayUrl"] = discord.GatewayUrl,
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
            ["Http:Urls"] = "http://127.0.0.1:0",
        });
        var connection = await discord.NextConnectionAsync(Timeout);
        await connection.SendHelloAsync(45_000);
        await connection.ExpectIdentifyAsync(Timeout);
        await connection.CloseAsync(GatewayCloseCode.AuthenticationFailed);

        var run = await running.WaitAsync(Timeout);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("discord adapter stopped", run.Error, StringComparison.Ordinal);
        Assert.Contains("Discord:Token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("e2e-fatal-discord-token", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, discord.ConnectionCount);
    }
}
