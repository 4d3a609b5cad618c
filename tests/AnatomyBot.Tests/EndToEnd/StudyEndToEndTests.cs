using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Core.Study;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Testing.Storage;
using AnatomyBot.Testing.Telegram;
using AnatomyBot.Tests.Ops;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using DiscordCall = AnatomyBot.Testing.Discord.RecordedCall;
using TelegramCall = AnatomyBot.Testing.Telegram.RecordedCall;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>
/// The study commands through the whole host with both adapters on their loopback fakes, the shipped knowledge and a
/// real SQLite file: a student answers quizzes on Telegram, links the account from Discord with the code, sees the
/// same progress and review question on both, and /forgetme leaves no row about them in the database. The study's
/// days run on a fake clock (the rest of the host on the real one), so the missed question can fall due tomorrow.
/// </summary>
public sealed partial class StudyEndToEndTests
{
    private const string TelegramToken = HostEndToEndTests.TelegramToken;
    private const string DiscordToken = HostEndToEndTests.DiscordToken;
    private const string DiscordUser = "900000000000000042";
    private static readonly TimeSpan Timeout = Wait.Guard;

    [Fact]
    public async Task Answers_on_Telegram_linked_from_Discord_give_one_progress_and_review_queue_and_forgetme_leaves_no_row()
    {
        using var data = new TempFolder();
        var studyClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = Path.Combine(data.Path, "bot.db");
        await using var telegram = await FakeBotApiServer.StartAsync(TelegramToken, TimeProvider.System);
        await using var discord = await FakeDiscord.StartAsync();
        var gateway = DiscordScript.ConnectAndReadyAsync(discord, DiscordToken);
        await using var host = await ServeHost.StartAsync(HostEndToEndTests.BothAdapters(telegram, discord, database), services => services.AddSingleton(sp => new StudyService(
            sp.GetRequiredService<IKnowledgeProvider>(), sp.GetRequiredService<IStudyStore>(), studyClock,
            sp.GetRequiredService<IOptions<StudyOptions>>().Value, snapshot => new RereadFinder(new AnswerEngine(new Fixed(snapshot)), snapshot))));
        var connection = await gateway.WaitAsync(Timeout);
        await discord.WaitForCallAsync(c => c.Method == "PUT", Timeout);

        // Telegram: two quizzes in a private chat, the first answered wrong, the second right.
        for (var i = 0; i < 2; i++)
        {
            telegram.Enqueue(Tg.Private("/quiz"));
            await telegram.WaitUntilAsync(s => s.PollIds.Count == i + 1, Timeout);
            var poll = telegram.Calls("sendPoll")[i].Body;
            var correct = poll["correct_option_ids"]![0]!.GetValue<int>();
            var options = poll["options"]!.AsArray().Count;
            telegram.Enqueue(Tg.PollAnswer(telegram.PollIds[i], Tg.UserId, i == 0 ? (correct + 1) % options : correct));
        }

        var missed = telegram.Calls("sendPoll")[0].Body["question"]!.GetValue<string>();

        // /review in a group sends the student to a private chat; /link there hands out a code.
        telegram.Enqueue(Tg.Group("/review"));
        var groupReview = await TelegramTextAsync(telegram, "<b>Review</b>");
        Assert.Equal(Tg.GroupId, groupReview.ChatId);
        Assert.Contains("open a private chat with me", groupReview.Text, StringComparison.Ordinal);
        telegram.Enqueue(Tg.Private("/link"));
        var code = CodePattern().Match((await TelegramTextAsync(telegram, "<b>Link accounts</b>")).Text).Value;
        Assert.Matches(CodePattern(), code);

        // Discord: the code links the account (answered only to the student).
        var linked = await DiscordCommandAsync(discord, connection, "i-link", "link", FakeInteractions.StringOption("code", code.ToLowerInvariant()));
        Assert.Contains("Linked.", linked.Json.GetProperty("content").GetString(), StringComparison.Ordinal);

        // The same progress on both, with the chart as a photo on Telegram and an attachment on Discord.
        telegram.Enqueue(Tg.Private("/progress"));
        var telegramProgress = await TelegramTextAsync(telegram, "<b>Your progress</b>");
        await telegram.WaitUntilAsync(s => s.Calls("sendPhoto").Count == 1, Timeout);
        var photo = Assert.Single(telegram.Calls("sendPhoto"));
        Assert.Equal(Tg.UserId, photo.ChatId);
        AssertPng(Convert.FromBase64String(photo.Body["photo"]!["base64"]!.GetValue<string>()));
        var discordProgress = await DiscordCommandAsync(discord, connection, "i-progress", "progress");
        AssertPng(Assert.Single(discordProgress.Files).Bytes);
        var lines = Body(WebUtility.HtmlDecode(telegramProgress.Text));
        Assert.Equal(lines, Body(discordProgress.Json.GetProperty("content").GetString()!));
        Assert.Contains("Answered: 2, right: 1 (50%).", lines, StringComparison.Ordinal);
        Assert.Matches("One record for your linked accounts: (telegram, discord|discord, telegram)\\.", lines);

        // A day later, the same review queue: the missed question comes first on both.
        studyClock.Advance(TimeSpan.FromDays(1));
        telegram.Enqueue(Tg.Private("/review"));
        var telegramReview = await TelegramTextAsync(telegram, "<b>Review</b>", after: 1);
        await telegram.WaitUntilAsync(s => s.PollIds.Count == 3, Timeout);
        Assert.Equal(missed, telegram.Calls("sendPoll")[2].Body["question"]!.GetValue<string>());
        var discordReview = (await DiscordCommandAsync(discord, connection, "i-review", "review")).Json.GetProperty("content").GetString()!;
        Assert.Contains("1 missed question", telegramReview.Text, StringComparison.Ordinal);
        Assert.StartsWith("**Review**\n" + Body(WebUtility.HtmlDecode(telegramReview.Text)), discordReview, StringComparison.Ordinal);
        Assert.Contains("**Quiz:** " + missed, discordReview, StringComparison.Ordinal);

        // /forgetme from Discord deletes both accounts' rows.
        Assert.Contains(Tg.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), await SqliteDump.AllRowsAsync(database), StringComparison.Ordinal);
        var forgotten = (await DiscordCommandAsync(discord, connection, "i-forget", "forgetme")).Json.GetProperty("content").GetString()!;
        Assert.Contains("Deleted everything I stored about you", forgotten, StringComparison.Ordinal);
        Assert.Matches("for your (telegram account and your discord|discord account and your telegram) account", forgotten);
        var fields = (await SqliteDump.AllFieldsAsync(database));
        Assert.DoesNotContain(Tg.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), fields);
        Assert.DoesNotContain(DiscordUser, fields);
        Assert.DoesNotContain(fields, f => f.Contains("Ana", StringComparison.Ordinal));

        Assert.Equal(0, await host.StopAsync());
    }

    /// <summary>The first text the bot sent that starts with <paramref name="title"/>, skipping <paramref name="after"/> earlier ones.</summary>
    private static async Task<TelegramCall> TelegramTextAsync(FakeBotApiServer telegram, string title, int after = 0)
    {
        bool Matches(TelegramCall c) => c.Text.StartsWith(title, StringComparison.Ordinal);
        await telegram.WaitUntilAsync(s => s.Calls("sendMessage").Count(Matches) > after, Timeout);
        return telegram.Calls("sendMessage").Where(Matches).ElementAt(after);
    }

    /// <summary>Plays a slash command from the student in a server channel; returns the edit that answered it (after an ephemeral deferral).</summary>
    private static async Task<DiscordCall> DiscordCommandAsync(FakeDiscord discord, FakeGatewayConnection connection, string id, string name, params object[] options)
    {
        await connection.SendDispatchAsync("INTERACTION_CREATE", 2,
            FakeInteractions.Command(id, name, options, userId: DiscordUser, applicationId: DiscordScript.ApplicationId));
        var deferral = await discord.WaitForCallAsync(c => c.Path == DiscordScript.CallbackPath(id), Timeout);
        Assert.Equal(5, deferral.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, deferral.Json.GetProperty("data").GetProperty("flags").GetInt32());
        return await discord.WaitForCallAsync(
            c => c.Method == "PATCH" && c.Path == $"/webhooks/{DiscordScript.ApplicationId}/{FakeInteractions.TokenFor(id)}/messages/@original", Timeout);
    }

    /// <summary>A reply without its title line.</summary>
    private static string Body(string text) => text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];

    private static void AssertPng(byte[] bytes) =>
        Assert.True(bytes.Length > 1000 && bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }), "a PNG chart");

    private sealed class Fixed(KnowledgeSnapshot snapshot) : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current => snapshot;
    }

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex CodePattern();
}
