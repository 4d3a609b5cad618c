using AnatomyBot.Testing;
using System.Net;
using System.Text.Json;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// The whole host in bot mode (as <c>dotnet run --project src/AnatomyBot</c> runs it, in-process), with both adapters
/// pointed by configuration alone at the loopback fake Bot API and the loopback fake Discord, the real engine and the
/// shipped knowledge.
/// </summary>
public sealed class HostEndToEndTests
{
    internal const string TelegramToken = "123456:E2E-telegram-token";
    internal const string DiscordToken = "MTIz.E2E-discord-token.xyz";
    private static readonly TimeSpan Timeout = Wait.Guard;

    [Fact]
    public async Task Both_adapters_answer_through_the_host_report_healthy_and_stop_cleanly()
    {
        using var data = new TempFolder();
        var storage = Path.Combine(data.Path, "bot.db");
        await using var telegram = await FakeBotApiServer.StartAsync(TelegramToken, TimeProvider.System);
        await using var discord = await FakeDiscord.StartAsync();

        // The gateway script runs alongside the start: nothing in the host's start-up may wait for READY.
        var gateway = DiscordScript.ConnectAndReadyAsync(discord, DiscordToken);
        await using var host = await ServeHost.StartAsync(BothAdapters(telegram, discord, storage));
        var connection = await gateway.WaitAsync(Timeout);

        // Telegram: a private question is answered with the femoral nerve and its source; the menu was published.
        var question = Tg.Private("what nerve supplies the iliacus");
        var updateId = telegram.Enqueue(question);
        await telegram.WaitUntilAsync(s => s.Calls("sendMessage").Count >= 1, Timeout);
        var answer = Assert.Single(telegram.Calls("sendMessage"));
        Assert.Equal(Tg.UserId, answer.ChatId);
        Assert.Equal(TelegramToken, answer.Token);
        Assert.Contains("femoral", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sources:", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Muscle of the Month: Iliopsoas", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(telegram.Calls("setMyCommands"));
        Assert.NotEmpty(telegram.Calls("getMe"));

        // Discord: the commands were registered, and /muscle psoas minor gets its card straight away.
        var put = await discord.WaitForCallAsync(c => c.Method == "PUT", Timeout);
        Assert.Equal($"/applications/{DiscordScript.ApplicationId}/commands", put.Path);
        Assert.Equal("Bot " + DiscordToken, put.Authorization);
        Assert.Contains(put.Json.EnumerateArray(), c => c.GetProperty("name").GetString() == "muscle");

        await connection.SendDispatchAsync("INTERACTION_CREATE", 2, DiscordScript.MuscleCommand("i1", "psoas minor"));
        var callback = await discord.WaitForCallAsync(c => c.Path == DiscordScript.CallbackPath("i1"), Timeout);
        var body = callback.Json;
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, (InteractionCallbackType)body.GetProperty("type").GetInt32());
        Assert.Equal(0, body.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal("Psoas minor", body.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());

        // Health: both adapters connected.
        var health = await WaitForHealthAsync(host, adapters => adapters.Count == 2 && adapters.Values.All(s => s == "connected"));
        Assert.Equal("connected", health["telegram"]);
        Assert.Equal("connected", health["discord"]);

        // Stop as SIGTERM would: exit 0, the update is confirmed, the gateway got a close frame that keeps the session.
        await telegram.WaitUntilAsync(s => s.ConfirmedOffset > updateId, Timeout);
        Assert.Equal(0, await host.StopAsync());
        var closeCode = await connection.Closed.WaitAsync(Timeout);
        Assert.NotNull(closeCode);
        Assert.NotEqual(GatewayCloseCode.NormalClosure, closeCode);
        Assert.NotEqual(GatewayCloseCode.GoingAway, closeCode);
        Assert.Single(telegram.Calls("sendMessage"));

        // A server that still holds the same update (its confirmation never arrived) finds the offset was stored:
        // the restarted bot asks past it at once and never answers it again, and answers what comes next.
        await using var again = await FakeBotApiServer.StartAsync(TelegramToken, TimeProvider.System);
        Assert.Equal(updateId, again.Enqueue(question.DeepClone().AsObject()));
        await using var restarted = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = TelegramToken,
            ["Telegram:ApiBaseUrl"] = again.BaseUrl,
            ["Storage:Path"] = storage,
        });
        await again.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1, Timeout);
        Assert.Equal(updateId + 1, again.Calls("getUpdates")[0].Body["offset"]!.GetValue<long>());

        again.Enqueue(Tg.Private("psoas minor origin"));
        await again.WaitUntilAsync(s => s.Calls("sendMessage").Count >= 1, Timeout);
        var next = Assert.Single(again.Calls("sendMessage"));
        Assert.Contains("Psoas minor", next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("femoral", next.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await restarted.StopAsync());
        Assert.Single(again.Calls("sendMessage"));
    }

    [Fact]
    public async Task Without_a_gateway_url_discord_discovers_it_from_the_configured_api_base_url()
    {
        using var data = new TempFolder();
        await using var discord = await FakeDiscord.StartAsync();
        var gateway = DiscordScript.ConnectAndReadyAsync(discord, DiscordToken);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordToken,
            ["Discord:ApiBaseUrl"] = discord.ApiBase + "/",
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
        });
        var connection = await gateway.WaitAsync(Timeout);

        var discovery = Assert.Single(discord.Calls, c => c.Path == "/gateway/bot");
        Assert.Equal("GET", discovery.Method);
        Assert.Equal("Bot " + DiscordToken, discovery.Authorization);
        Assert.Equal("/gateway?v=10&encoding=json", connection.PathAndQuery);
        await discord.WaitForCallAsync(c => c.Method == "PUT", Timeout);
        var health = await WaitForHealthAsync(host, adapters => adapters.TryGetValue("discord", out var state) && state == "connected");
        Assert.False(health.ContainsKey("telegram"));

        Assert.Equal(0, await host.StopAsync());
        Assert.NotEqual(GatewayCloseCode.NormalClosure, await connection.Closed.WaitAsync(Timeout));
    }

    /// <summary>The settings that point both adapters at their fakes and the database at <paramref name="storage"/>.</summary>
    internal static Dictionary<string, string?> BothAdapters(FakeBotApiServer telegram, FakeDiscord discord, string storage) => new()
    {
        ["Telegram:Token"] = TelegramToken,
        ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
        ["Discord:Token"] = DiscordToken,
        ["Discord:ApiBaseUrl"] = discord.ApiBase,
        ["Discord:GatewayUrl"] = discord.GatewayUrl,
        ["Storage:Path"] = storage,
    };

    /// <summary>Polls /healthz (bounded) until the adapters' states satisfy <paramref name="condition"/> and it answers 200.</summary>
    private static async Task<Dictionary<string, string>> WaitForHealthAsync(ServeHost host, Func<Dictionary<string, string>, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var last = "";
        while (true)
        {
            using var response = await host.GetAsync("/healthz");
            last = await response.Content.ReadAsStringAsync();
            using var doc = JsonDocument.Parse(last);
            var adapters = doc.RootElement.GetProperty("adapters").EnumerateArray()
                .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("state").GetString()!);
            if (response.StatusCode == HttpStatusCode.OK && condition(adapters))
            {
                Assert.Equal("healthy", doc.RootElement.GetProperty("status").GetString());
                return adapters;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/healthz never reported the expected adapters; last answer ({(int)response.StatusCode}): {last}");
            }

            await Task.Delay(20);
        }
    }
}
