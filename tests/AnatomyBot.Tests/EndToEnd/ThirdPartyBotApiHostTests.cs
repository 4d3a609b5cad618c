using AnatomyBot.Testing;
using System.Net;
using System.Text.Json;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// Issue 11: the whole host pointed by configuration alone at a minimal third-party Bot API server: it answers, and
/// /healthz stays healthy while its detail names the methods the server lacks.
/// </summary>
public sealed class ThirdPartyBotApiHostTests
{
    private static readonly TimeSpan Timeout = Wait.Guard;

    [Fact]
    public async Task The_host_answers_through_a_minimal_server_and_healthz_names_the_degraded_features()
    {
        using var data = new TempFolder();
        await using var server = await MinimalBotApiServer.StartAsync(TimeProvider.System);
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = "123456:E2E-emulator-token",
            ["Telegram:ApiBaseUrl"] = server.BaseUrl,
            ["Storage:Path"] = Path.Combine(data.Path, "bot.db"),
        });

        var updateId = server.EnqueueText("what nerve supplies the iliacus", 4242, 4242, "private");
        await Testing.Wait.UntilAsync(() => server.ConfirmedOffset > updateId, Timeout);
        var answer = Assert.Single(server.Calls("sendMessage"));
        Assert.Contains("femoral", answer.Text, StringComparison.OrdinalIgnoreCase);

        using var response = await host.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", doc.RootElement.GetProperty("status").GetString());
        var telegram = doc.RootElement.GetProperty("adapters").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "telegram");
        Assert.Equal("connected", telegram.GetProperty("state").GetString());
        Assert.Contains("setMyCommands not implemented by the server", telegram.GetProperty("detail").GetString());
        Assert.Equal(0, await host.StopAsync());
    }
}
