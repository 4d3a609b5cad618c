using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Discord.Tests;

/// <summary>
/// Discord's quiz state lives in the shared store (SQLite here): a quiz button still grades after a restart, once per
/// user; /leaderboard shows the channel's scores; a quiz asked for in a DM or mention gets buttons that are graded.
/// </summary>
public sealed class QuizStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "anatomybot-discord-quiz-" + Guid.NewGuid().ToString("N"));

    private Dictionary<string, string?> SameDatabase() => new() { ["Storage:Path"] = Path.Combine(_directory, "bot.db") };

    private static string Content(RecordedCall call) => call.Json.GetProperty("data").GetProperty("content").GetString()!;

    private static string FirstButton(RecordedCall call) =>
        call.Json.GetProperty("data").GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;

    private static object Click(string id, string customId, string user, string nick) =>
        new
        {
            id,
            application_id = "app1",
            type = 3,
            data = new { custom_id = customId, component_type = 2 },
            guild_id = "g1",
            channel_id = "c1",
            member = new { user = new { id = user, username = nick.ToLowerInvariant() }, nick, permissions = "0" },
            token = "itok-" + id,
            version = 1,
            message = new { id = "quiz-msg-1" },
        };

    [Fact]
    public async Task A_quiz_button_is_graded_once_per_user_across_a_restart_on_the_same_database()
    {
        string rightButton;
        await using (var before = await BotHarness.StartAsync(SameDatabase()))
        {
            var gw = await before.ConnectAndReadyAsync();
            await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("z1", "quiz"));
            var posted = await before.Discord.WaitForCallAsync(c => c.Path == "/interactions/z1/itok-z1/callback");
            Assert.True(QuizButtons.TryParse(FirstButton(posted), out var postId, out _));
            rightButton = QuizButtons.CustomId(postId, FakeEngine.SampleQuiz.CorrectIndex);
            await gw.SendDispatchAsync("INTERACTION_CREATE", 3, Click("b1", rightButton, "u1", "Ana"));
            Assert.Contains("Your score: 1/1", Content(await before.Discord.WaitForCallAsync(c => c.Path == "/interactions/b1/itok-b1/callback")));
        }

        SqliteConnection.ClearAllPools();
        await using var after = await BotHarness.StartAsync(SameDatabase());
        var gw2 = await after.ConnectAndReadyAsync();
        await gw2.SendDispatchAsync("INTERACTION_CREATE", 2, Click("b2", rightButton, "u1", "Ana"));
        await gw2.SendDispatchAsync("INTERACTION_CREATE", 3, Click("b3", rightButton, "u2", "Ben"));
        var again = Content(await after.Discord.WaitForCallAsync(c => c.Path == "/interactions/b2/itok-b2/callback"));
        var newcomer = Content(await after.Discord.WaitForCallAsync(c => c.Path == "/interactions/b3/itok-b3/callback"));

        Assert.Contains("already answered", again, StringComparison.Ordinal);
        Assert.Contains("Your score: 1/1", again, StringComparison.Ordinal);
        Assert.StartsWith("✅ Right!", newcomer, StringComparison.Ordinal);
        Assert.Contains("Your score: 1/1", newcomer, StringComparison.Ordinal);

        await gw2.SendDispatchAsync("INTERACTION_CREATE", 4, FakeInteractions.Command("lb", "leaderboard"));
        var board = Content(await after.Discord.WaitForCallAsync(c => c.Path == "/interactions/lb/itok-lb/callback"));
        Assert.Contains("1. Ana \u2014 1/1", board, StringComparison.Ordinal);
        Assert.Contains("2. Ben \u2014 1/1", board, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leaderboard_of_a_channel_without_answers_says_so_and_names_are_escaped()
    {
        await using var bot = await BotHarness.StartAsync(SameDatabase());
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("lb0", "leaderboard"));
        Assert.Contains("No quiz answers yet", Content(await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/lb0/itok-lb0/callback")));

        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.Command("z1", "quiz"));
        var posted = await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/z1/itok-z1/callback");
        await gw.SendDispatchAsync("INTERACTION_CREATE", 4, Click("b1", FirstButton(posted), "u9", "**@everyone**"));
        await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/b1/itok-b1/callback");
        await gw.SendDispatchAsync("INTERACTION_CREATE", 5, FakeInteractions.Command("lb1", "leaderboard"));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/lb1/itok-lb1/callback");

        Assert.DoesNotContain("**@everyone**", Content(call), StringComparison.Ordinal);
        Assert.Contains("0/1", Content(call), StringComparison.Ordinal);
        Assert.Equal(0, call.Json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task A_button_from_before_posts_were_stored_is_adopted_and_graded_once()
    {
        await using var bot = await BotHarness.StartAsync(SameDatabase());
        var gw = await bot.ConnectAndReadyAsync();
        var legacy = "quiz:" + FakeEngine.SampleQuiz.Id + ":" + FakeEngine.SampleQuiz.CorrectIndex;
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, Click("old1", legacy, "u1", "Ana"));
        Assert.StartsWith("✅ Right!", Content(await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/old1/itok-old1/callback")), StringComparison.Ordinal);
        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, Click("old2", legacy, "u1", "Ana"));
        var second = Content(await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/old2/itok-old2/callback"));
        Assert.Contains("already answered", second, StringComparison.Ordinal);
        Assert.Contains("Your score: 1/1", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_me_in_a_dm_posts_buttons_that_are_graded()
    {
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:AnswerMentions"] = "true", ["Storage:Path"] = Path.Combine(_directory, "bot.db") });
        bot.Engine.Respond = _ => FakeEngine.MuscleCard(quiz: true);
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, new { id = "dm-msg", channel_id = "dm9", content = "quiz me", author = new { id = "u3" }, mentions = Array.Empty<object>() });

        var posted = await bot.Discord.WaitForCallAsync(c => c.Path == "/channels/dm9/messages");
        var buttons = posted.Json.GetProperty("components")[0].GetProperty("components");
        Assert.Equal(3, buttons.GetArrayLength());
        Assert.True(QuizButtons.TryParse(buttons[1].GetProperty("custom_id").GetString()!, out var postId, out var option));
        var post = await bot.Services.GetRequiredService<IQuizStore>().GetPostAsync(postId, default);
        Assert.Equal(new AnatomyBot.Core.Storage.ChatKey("discord", "dm9"), post!.Chat);

        var click = FakeInteractions.Interaction("dmclick", AnatomyBot.Discord.Protocol.InteractionType.MessageComponent, new { custom_id = buttons[1].GetProperty("custom_id").GetString(), component_type = 2 }, "u3", dm: true, message: new { id = "quiz-dm-1" });
        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, click);
        var graded = Content(await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/dmclick/itok-dmclick/callback"));
        Assert.Equal(FakeEngine.SampleQuiz.CorrectIndex == option, graded.StartsWith("✅ Right!", StringComparison.Ordinal));
        Assert.Contains("Your score:", graded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_answer_after_a_restart_is_graded_against_the_quiz_last_posted_in_the_dm()
    {
        var settings = () => new Dictionary<string, string?> { ["Discord:AnswerMentions"] = "true", ["Storage:Path"] = Path.Combine(_directory, "bot.db") };
        static object Dm(string id, string content) => new { id, channel_id = "dm9", content, author = new { id = "u3" }, mentions = Array.Empty<object>() };
        static string PostId(RecordedCall posted)
        {
            Assert.True(QuizButtons.TryParse(posted.Json.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!, out var postId, out _));
            return postId;
        }

        string first, second;
        await using (var before = await BotHarness.StartAsync(settings()))
        {
            var gw = await before.ConnectAndReadyAsync();
            // One at a time, as a person types them: the second quiz replaces the first as the one a typed answer goes to.
            await gw.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d1", "/quiz"));
            first = PostId((await before.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 1))[0]);
            await gw.SendDispatchAsync("MESSAGE_CREATE", 3, Dm("d2", "/quiz"));
            second = PostId((await before.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 2))[1]);
        }

        Assert.NotEqual(first, second);
        SqliteConnection.ClearAllPools();
        await using var after = await BotHarness.StartAsync(settings());
        var gw2 = await after.ConnectAndReadyAsync();

        // "B" (the right option), typed to the restarted bot: graded, not read as a question.
        await gw2.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d3", "B"));
        var graded = (await after.Discord.WaitForCallAsync(c => c.Path == "/channels/dm9/messages")).Json.GetProperty("content").GetString()!;
        Assert.StartsWith("✅ Right!", graded, StringComparison.Ordinal);
        Assert.EndsWith("Your score: 1/1", graded, StringComparison.Ordinal);
        Assert.Empty(after.Engine.Asked);

        // It was recorded as the answer to the second post: clicking that one gets it back, the first still counts anew.
        var right = FakeEngine.SampleQuiz.CorrectIndex;
        await gw2.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.Interaction("k2", AnatomyBot.Discord.Protocol.InteractionType.MessageComponent,
            new { custom_id = QuizButtons.CustomId(second, 0), component_type = 2 }, "u3", dm: true, message: new { id = "quiz-dm-2" }));
        Assert.StartsWith("You already answered this one; your first answer counts: About half.",
            Content(await after.Discord.WaitForCallAsync(c => c.Path == "/interactions/k2/itok-k2/callback")), StringComparison.Ordinal);
        await gw2.SendDispatchAsync("INTERACTION_CREATE", 4, FakeInteractions.Interaction("k1", AnatomyBot.Discord.Protocol.InteractionType.MessageComponent,
            new { custom_id = QuizButtons.CustomId(first, right), component_type = 2 }, "u3", dm: true, message: new { id = "quiz-dm-1" }));
        var firstClicked = Content(await after.Discord.WaitForCallAsync(c => c.Path == "/interactions/k1/itok-k1/callback"));
        Assert.StartsWith("✅ Right!", firstClicked, StringComparison.Ordinal);
        Assert.EndsWith("Your score: 2/2", firstClicked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_that_is_not_one_stops_the_adapter_at_start_naming_Storage_Path()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllBytesAsync(Path.Combine(_directory, "bot.db"), Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray());

        await using var bot = await BotHarness.StartAsync(SameDatabase());
        await AnatomyBot.Testing.Wait.UntilAsync(() => bot.Service.FatalError is not null);

        Assert.Contains("Storage:Path", bot.Service.FatalError, StringComparison.Ordinal);
        Assert.Contains("restore the file from a backup", bot.Service.FatalError, StringComparison.Ordinal);
        bot.Lifetime.Verify(l => l.StopApplication(), Moq.Times.Once());
        Assert.Equal(0, bot.Discord.ConnectionCount);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
