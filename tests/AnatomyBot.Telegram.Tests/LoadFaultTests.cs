using AnatomyBot.Core.Routing;
using AnatomyBot.Telegram.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AnatomyBot.Telegram.Tests;

/// <summary>
/// Issue 5 "Proof": 1,000 questions through the adapter (real engine, shipped knowledge) while the fake Bot API
/// drops connections, answers 500 and 429 and sends malformed JSON on getUpdates and sendMessage at scripted points.
/// Every question must be answered exactly once. Most faults happen before the fake acts on the request (as when a
/// connection drops on the way in), so a retried message is delivered once; a garbled 200 reply to sendMessage comes
/// after the message was delivered, so it must count as sent and never be retried.
/// </summary>
public sealed class LoadFaultTests(ITestOutputHelper output)
{
    private const int Questions = 1000;
    private const long FirstChat = 300_000;

    private static readonly string[] Texts =
    [
        "what nerve supplies the iliacus",
        "where does the psoas major insert",
        "what does the psoas minor do",
        "origin of the iliacus",
        "blood supply of the psoas major",
        "my hip hurts when I lift my leg, is it my psoas?",
    ];

    internal static Fault? Script(string method, int n) => method switch
    {
        "sendMessage" when n % 37 == 5 => Fault.ServerError(),
        "sendMessage" when n % 41 == 3 => Fault.Drop(),
        "sendMessage" when n % 53 == 7 => Fault.RateLimited(1),
        "sendMessage" when n % 59 == 11 => Fault.GarbledAfterActing(),
        "getUpdates" when n % 5 == 2 => Fault.ServerError(),
        "getUpdates" when n % 7 == 4 => Fault.Drop(),
        "getUpdates" when n % 11 == 6 => Fault.RateLimited(1),
        "getUpdates" when n % 13 == 8 => Fault.MalformedJson(),
        _ => null,
    };

    [Fact]
    public async Task Thousand_questions_under_drops_500s_429s_and_garbage_are_each_answered_exactly_once()
    {
        var knowledge = new FixedKnowledge(EngineEndToEndTests.ShippedSnapshot());
        await using var world = await TestWorld.CreateAsync();
        world.Server.FaultScript = Script;

        // Distinct private chats so per-chat pacing is not what is measured; the update_id ties back to the chat.
        for (var i = 0; i < Questions; i++)
        {
            world.Server.Enqueue(Tg.Private($"{Texts[i % Texts.Length]}", userId: FirstChat + i));
        }

        var started = DateTime.UtcNow;
        await using var adapter = await world.StartAdapterAsync(
            engine: new AnswerEngine(knowledge),
            knowledge: knowledge,
            settings: new Dictionary<string, string?>
            {
                ["Telegram:PerChatIntervalMilliseconds"] = "0",
                ["Telegram:MaxBackoffSeconds"] = "1",
                ["Telegram:MaxSendAttempts"] = "10",
                ["Telegram:RegisterCommands"] = "false",
            });

        await world.Server.WaitUntilAsync(
            s => s.DeliveredCount >= Questions && s.ConfirmedOffset > Questions,
            timeout: TimeSpan.FromSeconds(60),
            onIdle: () => world.Clock.Advance(TimeSpan.FromMilliseconds(500)));
        var elapsed = DateTime.UtcNow - started;

        var delivered = world.Server.Delivered;
        var byChat = delivered.GroupBy(c => c.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var missing = Enumerable.Range(0, Questions).Select(i => FirstChat + i).Where(id => !byChat.ContainsKey(id)).ToList();
        var twice = byChat.Where(kv => kv.Value != 1).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} questions never answered, e.g. chat {missing.FirstOrDefault()}");
        Assert.True(twice.Count == 0, $"{twice.Count} questions answered more than once, e.g. chat {twice.FirstOrDefault().Key}");
        Assert.Equal(Questions, delivered.Count);
        Assert.All(delivered, c => HtmlAssert.Valid(c.Text));

        // The faults really happened, on both methods.
        var sendCalls = world.Server.Calls("sendMessage").Count;
        var pollCalls = world.Server.Calls("getUpdates").Count;
        Assert.True(sendCalls > Questions + 50, $"only {sendCalls - Questions} failed sendMessage calls");
        Assert.True(Enumerable.Range(1, pollCalls).Count(n => Script("getUpdates", n) is not null) >= 4, $"only {pollCalls} getUpdates calls");
        output.WriteLine($"{Questions} questions in {elapsed.TotalSeconds:F1} s; {sendCalls} sendMessage calls ({sendCalls - Questions} faulted), {pollCalls} getUpdates calls");
    }
}
