using AnatomyBot.Testing;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// The built executable, configured by environment variables exactly as the README shows, talking to the loopback
/// fakes over real sockets from a separate process, then stopped with SIGTERM.
/// </summary>
public sealed class ProcessEndToEndTests
{
    private const string TelegramToken = "654321:E2E-process-telegram-token";
    private const string DiscordToken = "MTIz.E2E-process-discord-token.xyz";
    private static readonly TimeSpan Timeout = Wait.Guard;

    // The first start of a process pays for JIT and knowledge loading on a shared 2-core machine.
    private static readonly TimeSpan StartTimeout = Wait.Guard;

    [Fact]
    public async Task The_process_talks_to_a_bot_api_compatible_server_from_environment_variables()
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync(TelegramToken, TimeProvider.System);
        using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["Telegram__Token"] = TelegramToken,
            ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
            ["Storage__Path"] = Path.Combine(data.Path, "bot.db"),
        });

        await telegram.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1 || bot.HasExited, StartTimeout);
        Assert.False(bot.HasExited, $"the bot exited early: {bot.Output}\n{await bot.ErrorAsync()}");
        Assert.NotEmpty(telegram.Calls("getMe"));
        Assert.All(telegram.Calls(), c => Assert.Equal(TelegramToken, c.Token));

        var updateId = telegram.Enqueue(Tg.Private("what nerve supplies the iliacus"));
        await telegram.WaitUntilAsync(s => s.Calls("sendMessage").Count >= 1 || bot.HasExited, Timeout);
        var answer = Assert.Single(telegram.Calls("sendMessage"));
        Assert.Equal(Tg.UserId, answer.ChatId);
        Assert.Contains("femoral", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Muscle of the Month: Iliopsoas", answer.Text, StringComparison.Ordinal);
        await telegram.WaitUntilAsync(s => s.ConfirmedOffset > updateId, Timeout);

        var exit = await bot.StopAsync(Timeout);
        if (exit is not null)
        {
            Assert.True(exit == 0, $"exit {exit}: {bot.Output}\n{await bot.ErrorAsync()}");
        }

        Assert.Contains("AnatomyBot ready in", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramToken, bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("E2E-process-telegram-token", await bot.ErrorAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_process_talks_to_a_discord_compatible_server_from_environment_variables()
    {
        using var data = new TempFolder();
        await using var discord = await FakeDiscord.StartAsync();
        using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["Discord__Token"] = DiscordToken,
            ["Discord__ApiBaseUrl"] = discord.ApiBase,
            ["Discord__GatewayUrl"] = discord.GatewayUrl,
            ["Storage__Path"] = Path.Combine(data.Path, "bot.db"),
        });

        var connection = await DiscordScript.ConnectAndReadyAsync(discord, DiscordToken).WaitAsync(StartTimeout);
        var put = await discord.WaitForCallAsync(c => c.Method == "PUT", Timeout);
        Assert.Equal($"/applications/{DiscordScript.ApplicationId}/commands", put.Path);
        Assert.Equal("Bot " + DiscordToken, put.Authorization);

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordScript.MuscleCommand("p1", "psoas minor"));
        var callback = await discord.WaitForCallAsync(c => c.Path == DiscordScript.CallbackPath("p1"), Timeout);
        var body = callback.Json;
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, (InteractionCallbackType)body.GetProperty("type").GetInt32());
        Assert.Equal(0, body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("Psoas minor", body.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());

        var exit = await bot.StopAsync(Timeout);
        if (exit is not null)
        {
            Assert.True(exit == 0, $"exit {exit}: {bot.Output}\n{await bot.ErrorAsync()}");
            var closeCode = await connection.Closed.WaitAsync(Timeout);
            Assert.NotNull(closeCode);
            Assert.NotEqual(GatewayCloseCode.NormalClosure, closeCode);
            Assert.NotEqual(GatewayCloseCode.GoingAway, closeCode);
        }

        Assert.Equal(1, discord.ConnectionCount);
        Assert.DoesNotContain("E2E-process-discord-token", bot.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("E2E-process-discord-token", await bot.ErrorAsync(), StringComparison.Ordinal);
    }
}
