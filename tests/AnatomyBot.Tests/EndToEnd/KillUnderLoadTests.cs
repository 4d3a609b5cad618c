using AnatomyBot.Testing;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;
using Xunit.Abstractions;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// The built executable under load, killed with SIGKILL twice and restarted on the same database, in both receiving
/// modes. Each test reports the updates lost (acknowledged or offered, never answered) and repeated (answered more
/// than once): none may be lost, and each kill may repeat at most the one update that was being handled.
/// </summary>
[Collection(ProcessesTestGroup.Name)]
public sealed class KillUnderLoadTests(ITestOutputHelper output)
{
    private const string Token = "654321:Kill-under-load-token";
    private const string Secret = "kill_under_load-SECRET";
    private const int Updates = 300;
    private const string Question = "what nerve supplies the iliacus";
    private static readonly int[] KillAfterAnswers = [60, 160];
    private static readonly TimeSpan StartTimeout = Wait.Guard;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Polling_mode_killed_twice_under_load_loses_nothing_and_repeats_at_most_one_update_per_kill()
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync(Token, TimeProvider.System);
        var chats = Enumerable.Range(1, Updates).Select(i => 100_000L + i).ToList();
        var last = 0L;
        foreach (var chat in chats)
        {
            last = telegram.Enqueue(Tg.Private(Question, userId: chat));
        }

        var environment = Environment(data, telegram);
        await StartAndKillAsync(environment, telegram, () => $"Telegram confirmed updates below {telegram.ConfirmedOffset}");

        using var survivor = BotProcess.Start(environment);
        await telegram.WaitUntilAsync(s => s.ConfirmedOffset > last && Answered(s, chats) == chats.Count, Timeout);
        Assert.True(await survivor.StopAsync(TimeSpan.FromSeconds(20)) is 0 or null, await survivor.ErrorAsync());

        var (lost, repeated) = Report(telegram, chats, "polling");
        Assert.Equal(0, lost);
        Assert.True(repeated <= KillAfterAnswers.Length, $"{repeated} repeated answers after {KillAfterAnswers.Length} kills");
    }

    [Fact]
    public async Task Webhook_mode_killed_twice_under_load_loses_no_acknowledged_update_and_repeats_at_most_one_per_kill()
    {
        using var data = new TempFolder();
        await using var telegram = await FakeBotApiServer.StartAsync(Token, TimeProvider.System);
        var port = LoopbackPort.Free();
        var environment = Environment(data, telegram);
        environment["Http__Urls"] = $"http://127.0.0.1:{port}";
        environment["Telegram__Webhook__Url"] = "https://bot.example.org/telegram/hook";
        environment["Telegram__Webhook__SecretToken"] = Secret;
        var chats = Enumerable.Range(1, Updates).Select(i => 200_000L + i).ToList();
        var updates = chats.Select((chat, i) => (Id: 5_000L + i, Json: Update(5_000L + i, chat))).ToList();

        // Telegram's side: deliveries over several connections, each retried until answered 200.
        using var stop = new CancellationTokenSource();
        var acknowledged = new ConcurrentDictionary<long, int>();
        var deliverer = DeliverAsync(new Uri($"http://127.0.0.1:{port}/telegram/hook"), updates, acknowledged, stop.Token);
        try
        {
            await StartAndKillAsync(environment, telegram, () => $"{acknowledged.Count} updates acknowledged with 200");

            using var survivor = BotProcess.Start(environment);
            await deliverer.WaitAsync(Timeout);
            await telegram.WaitUntilAsync(s => Answered(s, chats) == chats.Count, Timeout);
            Assert.True(await survivor.StopAsync(TimeSpan.FromSeconds(20)) is 0 or null, await survivor.ErrorAsync());
        }
        finally
        {
            await stop.CancelAsync();
        }

        Assert.Equal(Updates, acknowledged.Count);
        var (lost, repeated) = Report(telegram, chats, "webhook");
        Assert.Equal(0, lost);
        Assert.True(repeated <= KillAfterAnswers.Length, $"{repeated} repeated answers after {KillAfterAnswers.Length} kills");
    }

    /// <summary>Starts the bot and SIGKILLs it once it has sent each threshold's number of answers.</summary>
    private async Task StartAndKillAsync(Dictionary<string, string> environment, FakeBotApiServer telegram, Func<string> state)
    {
        foreach (var threshold in KillAfterAnswers)
        {
            using var doomed = BotProcess.Start(environment);
            await telegram.WaitUntilAsync(s => s.Calls("sendMessage").Count >= threshold || doomed.HasExited, StartTimeout);
            Assert.False(doomed.HasExited, $"the bot exited early: {doomed.Output}\n{await doomed.ErrorAsync()}");
            await doomed.KillAsync();
            output.WriteLine($"SIGKILL after {telegram.Calls("sendMessage").Count} answers, {state()}");
        }
    }

    private static Dictionary<string, string> Environment(TempFolder data, FakeBotApiServer telegram) => new()
    {
        ["Telegram__Token"] = Token,
        ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["Telegram__PerChatIntervalMilliseconds"] = "0",
        ["Telegram__RegisterCommands"] = "false",
        ["Storage__Path"] = Path.Combine(data.Path, "bot.db"),
    };

    private static int Answered(FakeBotApiServer telegram, List<long> chats)
    {
        var answered = telegram.Calls("sendMessage").Select(c => c.ChatId).ToHashSet();
        return chats.Count(answered.Contains);
    }

    private (int Lost, int Repeated) Report(FakeBotApiServer telegram, List<long> chats, string mode)
    {
        var counts = telegram.Calls("sendMessage").GroupBy(c => c.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var lost = chats.Count(c => !counts.ContainsKey(c));
        var repeated = chats.Sum(c => Math.Max(0, counts.GetValueOrDefault(c) - 1));
        output.WriteLine($"{mode}: {chats.Count} updates, {KillAfterAnswers.Length} SIGKILLs, {lost} lost, {repeated} repeated");
        return (lost, repeated);
    }

    private static string Update(long updateId, long chat)
    {
        var update = Tg.Private(Question, userId: chat);
        update["update_id"] = updateId;
        return update.ToJsonString();
    }

    private static async Task DeliverAsync(Uri url, List<(long Id, string Json)> updates, ConcurrentDictionary<long, int> acknowledged, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var queue = new ConcurrentQueue<(long Id, string Json)>(updates);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var update))
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(update.Json, Encoding.UTF8, "application/json") };
                        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                        using var response = await http.SendAsync(request, cancellationToken);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.AddOrUpdate(update.Id, 1, (_, n) => n + 1);
                            break;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                    {
                        // The process is down (killed, restarting): Telegram retries later.
                    }

                    // Telegram's retry pause for an unanswered delivery (real time: a separate process is the target).
                    await Task.Delay(50, cancellationToken);
                }
            }
        }, cancellationToken)));
    }
}

/// <summary>A loopback port that was free a moment ago (nothing listens on it until someone binds it).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>Tests that run several bot processes under load run alone, so they neither slow nor are slowed by others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesTestGroup
{
    public const string Name = "Processes";
}
