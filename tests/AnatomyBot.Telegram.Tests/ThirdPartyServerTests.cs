using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Routing;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Tests;

/// <summary>
/// Issue 11: the adapter against a minimal third-party Bot API server (<see cref="MinimalBotApiServer"/>): getMe
/// without is_bot, dates in milliseconds, a subset of the methods, long polls answered at once, setWebhook with a
/// null result. Every question is answered once, missing methods are degraded features the user is told about, and
/// the poll rate stays bounded on the clock.
/// </summary>
public sealed class ThirdPartyServerTests : IAsyncLifetime
{
    private const long Student = 5151;
    private const long Stranger = 6262;
    private const long Group = -4242;
    private const string Disclaimer = "This is general educational information, not medical advice.";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anatomybot-emu-" + Guid.NewGuid().ToString("N"));
    private MinimalBotApiServer _server = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = await MinimalBotApiServer.StartAsync(_clock);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private Task<AdapterHarness> StartAdapterAsync(IDictionary<string, string?>? settings = null)
    {
        var knowledge = new FixedKnowledge(EngineEndToEndTests.ShippedSnapshot());
        var all = new Dictionary<string, string?> { ["Telegram:PerChatIntervalMilliseconds"] = "0" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return AdapterHarness.StartAsync(_server.BaseUrl, Path.Combine(_directory, "bot.db"), _clock, new AnswerEngine(knowledge), knowledge, settings: all);
    }

    /// <summary>Waits for the adapter, moving the fake clock a quarter second per idle step (the loop paces on it).</summary>
    private Task PumpUntilAsync(Func<bool> condition) =>
        Wait.UntilAsync(condition, TimeSpan.FromSeconds(30), () => _clock.Advance(TimeSpan.FromMilliseconds(250)),
            () => "Calls so far: " + string.Join(", ", _server.Calls().Select(c => c.Method).Distinct()), pollMilliseconds: 10);

    private List<RecordedCall> SendsTo(long chatId) => [.. _server.Calls("sendMessage").Where(c => c.ChatId == chatId)];

    [Fact]
    public async Task Questions_commands_pain_and_hostile_text_are_each_answered_once_and_missing_methods_are_explained()
    {
        await using var adapter = await StartAdapterAsync();
        _server.EnqueueText("what does the psoas major do?", Student, Student, "private");
        _server.EnqueueText("/muscle psoas mnior", Group, Student, "group");
        _server.EnqueueText("My psoas hurts when I run, what does the psoas major do?", Student, Student, "private");
        _server.EnqueueText("<b>@everyone</b> <script>alert(1)</script> & what is the iliacus?", Stranger, Stranger, "private");
        _server.EnqueueText("/quiz", Group, Student, "group");
        _server.EnqueueText("/quiz", Group, Student, "group");
        var last = _server.EnqueueText("/dailyquiz 09:00 Europe/Berlin", Group, Stranger, "group");

        await PumpUntilAsync(() => _server.ConfirmedOffset > last);

        // getMe without is_bot was accepted: the bot connected and answered.
        var sends = _server.Calls("sendMessage");
        Assert.All(sends, c => HtmlAssert.Valid(c.Text));
        // Exactly one reply per message: 2 to the student, 1 to the stranger, 4 in the group, none twice.
        Assert.Equal(7, sends.Count);
        Assert.Equal(sends.Count, sends.Select(c => (c.ChatId, c.Text, c.Body["reply_parameters"]?["message_id"]?.GetValue<long>())).Distinct().Count());

        // Private question, then the pain question with its disclaimer (only there).
        var student = SendsTo(Student);
        Assert.Equal(2, student.Count);
        Assert.Contains("Psoas major", student[0].Text);
        Assert.DoesNotContain(Disclaimer, student[0].Text);
        Assert.Contains("<i>" + Disclaimer, student[1].Text);

        // Hostile text: answered, escaped, nothing of it live.
        var stranger = Assert.Single(SendsTo(Stranger));
        Assert.DoesNotContain("<script", stranger.Text);
        Assert.DoesNotContain("<b>@everyone", stranger.Text);
        Assert.Contains("Iliacus", stranger.Text);

        // Group: the misspelt muscle still finds psoas minor; /quiz and /dailyquiz explain what this server lacks.
        var group = SendsTo(Group);
        Assert.Equal(4, group.Count);
        Assert.Contains("Psoas minor", group[0].Text);
        Assert.All(group.Skip(1).Take(2), c => Assert.Contains("does not support quiz polls", c.Text));
        Assert.Contains("couldn&#39;t check whether you administer this chat", group[3].Text.Replace("'", "&#39;", StringComparison.Ordinal));
        Assert.Single(_server.Calls("sendPoll"));
        Assert.Single(_server.Calls("getChatMember"));

        // Each missing method: one warning, and named in /healthz detail.
        var health = adapter.Services.GetServices<IAdapterHealth>().Single(h => h.Name == "telegram");
        Assert.Equal(AdapterState.Connected, health.State);
        foreach (var method in new[] { "setMyCommands", "sendPoll", "getChatMember" })
        {
            Assert.Contains(method + " not implemented by the server", health.Detail);
            Assert.Single(adapter.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("does not implement " + method));
        }

        // Replies with millisecond dates were read in full, not counted as unreadable.
        Assert.DoesNotContain("could not be read", adapter.Logs.AllText);
    }

    [Fact]
    public async Task A_daily_quiz_on_a_server_without_polls_says_why_instead_of_staying_silent()
    {
        const long moderator = 1001;
        await using var adapter = await StartAdapterAsync();
        var set = _server.EnqueueText("/dailyquiz 08:30 UTC", Group, moderator, "group");
        await PumpUntilAsync(() => _server.ConfirmedOffset > set);
        Assert.Contains("Daily quiz set", Assert.Single(SendsTo(Group)).Text);

        // Minutes of clock time: bigger steps than the default pump.
        await Wait.UntilAsync(() => SendsTo(Group).Count >= 2, Wait.Guard, () => _clock.Advance(TimeSpan.FromSeconds(5)), pollMilliseconds: 10);

        var notice = SendsTo(Group)[1];
        Assert.Contains("does not support quiz polls", notice.Text);
        Assert.True(notice.At >= new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero));
        Assert.Single(_server.Calls("sendPoll"));
    }

    [Fact]
    public async Task Instant_empty_polls_are_paced_on_the_clock_instead_of_spinning()
    {
        await using var adapter = await StartAdapterAsync(new Dictionary<string, string?> { ["Telegram:RegisterCommands"] = "false" });
        await PumpUntilAsync(() => _server.Calls("getUpdates").Count >= 3);

        var from = _clock.GetUtcNow();
        var window = TimeSpan.FromSeconds(20);
        await PumpUntilAsync(() => _clock.GetUtcNow() >= from + window);
        var polls = _server.Calls("getUpdates").Count(c => c.At > from && c.At <= from + window);

        // At most one poll per second of clock time while idle (plus the one already due at the start).
        Assert.InRange(polls, 1, (int)window.TotalSeconds + 1);

        // And a question still gets through at that pace.
        var id = _server.EnqueueText("what does the psoas major do?", Student, Student, "private");
        await PumpUntilAsync(() => _server.ConfirmedOffset > id);
        Assert.Single(SendsTo(Student));
    }

    [Fact]
    public async Task Webhook_registration_answered_with_a_null_result_counts_as_done()
    {
        await using var adapter = await StartAdapterAsync(new Dictionary<string, string?>
        {
            ["Telegram:Webhook:Url"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:Webhook:SecretToken"] = "emu-secret",
        });

        await adapter.Logs.WaitForAsync(e => e.Message.Contains("Telegram webhook registered"), _clock);

        Assert.Single(_server.Calls("setWebhook"));
        var health = adapter.Services.GetServices<IAdapterHealth>().Single(h => h.Name == "telegram");
        Assert.Equal(AdapterState.Connected, health.State);
    }
}
