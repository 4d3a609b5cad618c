using AnatomyBot.Testing;
using System.Collections.Immutable;
using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.DependencyInjection;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Discord.Tests;

/// <summary>The whole adapter over real HTTP and WebSocket against the loopback fake Discord.</summary>
public sealed class AdapterEndToEndTests
{
    private static readonly string ManageGuild = ((long)Permissions.ManageGuild).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Identifies_and_registers_the_commands_globally_with_proper_headers()
    {
        await using var bot = await BotHarness.StartAsync(useGatewayBot: true);
        var gatewayBot = await bot.Discord.WaitForCallAsync(c => c.Path == "/gateway/bot");
        Assert.Equal("Bot " + BotHarness.Token, gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (https://", gatewayBot.UserAgent, StringComparison.Ordinal);

        var connection = await bot.Discord.NextConnectionAsync();
        Assert.Equal("/gateway?v=10&encoding=json", connection.PathAndQuery);
        await connection.SendHelloAsync(45_000);
        var identify = await connection.ExpectIdentifyAsync();
        Assert.Equal(BotHarness.Token, identify.Token);
        Assert.Equal(GatewayIntents.Guilds, identify.Intents);
        Assert.Equal([0, 1], identify.Shard);

        await connection.SendReadyAsync(1, bot.Discord.ResumeUrl);
        var put = await bot.Discord.WaitForCallAsync(c => c.Method == "PUT");
        Assert.Equal("/applications/app1/commands", put.Path);
        var commands = put.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["ask", "dailyquiz", "forgetme", "help", "leaderboard", "link", "muscle", "progress", "quiz", "reload", "review", "sources", "unlink"], commands.Keys.Order());
        var name = commands["muscle"].GetProperty("options")[0];
        Assert.Equal(ApplicationCommandOptionType.String, (ApplicationCommandOptionType)name.GetProperty("type").GetInt32());
        Assert.True(name.GetProperty("autocomplete").GetBoolean());
        Assert.True(name.GetProperty("required").GetBoolean());
        // /review and /link work without their option (the next question; a new code).
        Assert.False(commands["review"].GetProperty("options")[0].GetProperty("required").GetBoolean());
        Assert.False(commands["link"].GetProperty("options")[0].GetProperty("required").GetBoolean());
        Assert.Equal(ManageGuild, commands["reload"].GetProperty("default_member_permissions").GetString());
        Assert.Equal(ManageGuild, commands["dailyquiz"].GetProperty("default_member_permissions").GetString());
        Assert.False(commands["dailyquiz"].GetProperty("options")[0].GetProperty("required").GetBoolean());
        Assert.All(commands.Values, c => Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 100));
        Assert.All(commands, c => Assert.Equal(CommandCatalogue.Find(c.Key)!.Description, c.Value.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Registers_on_the_configured_guild()
    {
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:GuildId"] = "555" });
        await bot.ConnectAndReadyAsync();
        Assert.Contains(bot.Discord.Calls, c => c.Method == "PUT" && c.Path == "/applications/app1/guilds/555/commands");
    }

    [Fact]
    public async Task Muscle_command_answers_directly_with_an_embed()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("i1", "muscle", [FakeInteractions.StringOption("name", "psoas minor")]));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("i1"));
        Assert.Contains(bot.Engine.Asked, m => m.Request == new MuscleCardRequest("psoas minor") && m.Platform == "discord" && m.UserId == "u1");

        var body = call.Json;
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, call.CallbackType);
        var data = body.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = data.GetProperty("embeds")[0];
        Assert.Equal("Psoas minor", embed.GetProperty("title").GetString());
        var fields = embed.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(["Origin", "Insertion", "Action", "Innervation", "Where sources disagree"], fields);
        Assert.Contains("[mom] Muscle of the Month", embed.GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autocomplete_answers_with_up_to_25_choices()
    {
        var engine = new FakeEngine
        {
            Completer = (partial, limit) => [.. Enumerable.Range(0, 40).Select(i => new NameSuggestion(partial + " muscle " + i + new string('x', 120), partial + i)).Take(limit)],
        };
        await using var bot = await BotHarness.StartAsync(engine: engine);
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Autocomplete("a1", "muscle", "name", "ps"));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("a1"));
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, call.CallbackType);
        var choices = call.Json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.Equal(25, choices.Count);
        Assert.All(choices, c => Assert.InRange(c.GetProperty("name").GetString()!.Length, 1, 100));
        Assert.Equal("ps0", choices[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Ask_is_deferred_then_the_original_is_edited()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("q1", "ask", [FakeInteractions.StringOption("question", "What does the psoas minor do?")]));
        var patch = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH");
        var callback = Assert.Single(bot.CallbacksFor("q1"));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, callback.CallbackType);
        Assert.Equal("/webhooks/app1/itok-q1/messages/@original", patch.Path);
        var calls = bot.Discord.Calls.ToList();
        Assert.True(calls.IndexOf(callback) < calls.IndexOf(patch));
        Assert.Equal(0, patch.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Contains("What does the psoas minor do?", patch.Json.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiz_posts_buttons_and_counts_a_click_once_per_user()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("z1", "quiz"));
        var posted = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("z1"));
        var data = posted.Json.GetProperty("data");
        Assert.Contains("Roughly how many people", data.GetProperty("content").GetString(), StringComparison.Ordinal);
        var buttons = data.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).ToList();
        Assert.Equal(3, buttons.Count);
        var customIds = buttons.Select(b => b.GetProperty("custom_id").GetString()!).ToList();
        // Each button carries the stored post's id and its option.
        var parsed = customIds.Select(Parse).ToList();
        Assert.Equal([0, 1, 2], parsed.Select(p => p.Option));
        Assert.Single(parsed.Select(p => p.PostId).Distinct());
        Assert.Equal("psoas-minor-presence", (await bot.Services.GetRequiredService<IQuizStore>().GetPostAsync(parsed[0].PostId, default))!.QuestionId);

        static (string PostId, int Option) Parse(string customId)
        {
            Assert.True(QuizButtons.TryParse(customId, out var postId, out var option));
            return (postId, option);
        }

        object Click(string id, int option, string user) => FakeInteractions.ButtonClick(id, customIds[option], "quiz-msg-1", user);
        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, Click("b1", 1, "u1"));
        var first = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("b1"));
        await gw.SendDispatchAsync("INTERACTION_CREATE", 4, Click("b2", 0, "u1"));
        var second = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("b2"));
        await gw.SendDispatchAsync("INTERACTION_CREATE", 5, Click("b3", 0, "u2"));
        var other = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("b3"));

        static string Text(RecordedCall c) => c.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.All([first, second, other], c => Assert.Equal(MessageFlags.Ephemeral, c.Flags));
        Assert.StartsWith("✅ Right!", Text(first), StringComparison.Ordinal);
        Assert.Contains("absent in roughly 40-50%", Text(first), StringComparison.Ordinal);
        Assert.Contains("Your score: 1/1", Text(first), StringComparison.Ordinal);
        Assert.Contains("already answered", Text(second), StringComparison.Ordinal);
        Assert.Contains("Your score: 1/1", Text(second), StringComparison.Ordinal);
        Assert.Contains("Not quite", Text(other), StringComparison.Ordinal);
        Assert.Contains("Your score: 0/1", Text(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Did_you_mean_suggestions_are_buttons_and_a_click_asks_the_suggestion()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Engine.Respond = m => m.Request is MuscleCardRequest
            ? FakeEngine.MuscleCard() with { Intent = Intent.DidYouMean, Suggestions = ["psoas major", "psoas minor"] }
            : FakeEngine.MuscleCard();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("s1", "muscle", [FakeInteractions.StringOption("name", "psoas m")]));
        var posted = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("s1"));
        var buttons = posted.Json.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(r => r.GetProperty("components").EnumerateArray()).ToList();
        Assert.Equal(["psoas major", "psoas minor"], buttons.Select(b => b.GetProperty("label").GetString()!).ToList());
        Assert.Equal("ask:psoas minor", buttons[1].GetProperty("custom_id").GetString());

        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.ButtonClick("s2", "ask:psoas minor", "m1", "u1"));
        var answered = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("s2"));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, answered.CallbackType);
        Assert.Contains(bot.Engine.Asked, m => m.Text == "psoas minor" && m.Platform == "discord");
        Assert.Equal("Psoas minor", answered.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Missing_ack_reconnects_resumes_and_a_replayed_interaction_is_answered_once()
    {
        await using var bot = await BotHarness.StartAsync(jitter: 0.5);
        var gw = await bot.ConnectAndReadyAsync(heartbeatMs: 1_000);
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("r1", "muscle", [FakeInteractions.StringOption("name", "iliacus")]));
        await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("r1"));

        // Wait for the heartbeat's own timers (REST and HELLO timers may be armed too): advancing before the loop
        // armed its wait would skip past it.
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(TimeSpan.FromMilliseconds(500)));
        bot.Clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, await gw.ExpectHeartbeatAsync());
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(TimeSpan.FromMilliseconds(1_000)));
        bot.Clock.Advance(TimeSpan.FromMilliseconds(1_000)); // no ACK: zombie
        var code = await gw.Closed.WaitAsync(Wait.Guard);
        Assert.NotNull(code);
        Assert.NotEqual(GatewayCloseCode.NormalClosure, code);
        Assert.NotEqual(GatewayCloseCode.GoingAway, code);

        var resumed = await bot.Discord.NextConnectionAsync();
        Assert.Equal("/resume?v=10&encoding=json", resumed.PathAndQuery);
        await resumed.SendHelloAsync(45_000);
        var resume = await resumed.ExpectResumeAsync();
        Assert.Equal(GatewayScript.DefaultSessionId, resume.SessionId);
        Assert.Equal(2, resume.Seq);
        Assert.Equal(BotHarness.Token, resume.Token);

        // Discord replays what it thinks we missed, then RESUMED, then new events.
        await resumed.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("r1", "muscle", [FakeInteractions.StringOption("name", "iliacus")]));
        await resumed.SendResumedAsync(3);
        await resumed.SendDispatchAsync("INTERACTION_CREATE", 4, FakeInteractions.Command("r2", "help"));
        await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("r2"));
        Assert.Single(bot.CallbacksFor("r1"));
        Assert.Equal(1, bot.Discord.Calls.Count(c => c.Method == "PUT"));
    }

    [Fact]
    public async Task Close_unknown_error_resumes_over_the_resume_url()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("GUILD_CREATE", 5, new { id = "g1" });
        await gw.CloseAsync(GatewayCloseCode.UnknownError);
        var next = await bot.Discord.NextConnectionAsync();
        Assert.StartsWith("/resume", next.PathAndQuery, StringComparison.Ordinal);
        await next.SendHelloAsync(45_000);
        Assert.Equal(5, (await next.ExpectResumeAsync()).Seq);
    }

    [Fact]
    public async Task With_StopHostOnFatalError_false_a_fatal_close_stops_only_the_Discord_adapter()
    {
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:StopHostOnFatalError"] = "false" });
        var gw = await bot.Discord.NextConnectionAsync();
        await gw.SendHelloAsync(45_000);
        await gw.ExpectIdentifyAsync();
        await gw.CloseAsync(GatewayCloseCode.AuthenticationFailed);
        await Wait.UntilAsync(() => bot.Service.FatalError is not null);
        await bot.Service.ExecuteTask!.WaitAsync(Wait.Guard);
        bot.Lifetime.Verify(l => l.StopApplication(), Times.Never);
        Assert.Equal(1, bot.Discord.ConnectionCount);
    }

    [Fact]
    public async Task Close_authentication_failed_stops_the_host_with_a_clear_error_and_never_reconnects()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.Discord.NextConnectionAsync();
        await gw.SendHelloAsync(45_000);
        await gw.ExpectIdentifyAsync();
        await gw.CloseAsync(GatewayCloseCode.AuthenticationFailed);
        await Wait.UntilAsync(() => bot.Service.FatalError is not null);
        Assert.Contains("Discord:Token", bot.Service.FatalError, StringComparison.Ordinal);
        bot.Lifetime.Verify(l => l.StopApplication(), Times.Once);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Critical && e.Text.Contains(((int)GatewayCloseCode.AuthenticationFailed).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await bot.Service.ExecuteTask!.WaitAsync(Wait.Guard);
        bot.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, bot.Discord.ConnectionCount);
        Assert.DoesNotContain(BotHarness.Token, bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Op7_and_op9_over_the_real_socket()
    {
        await using var bot = await BotHarness.StartAsync(jitter: 0);
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendReconnectAsync();
        var second = await bot.Discord.NextConnectionAsync();
        Assert.StartsWith("/resume", second.PathAndQuery, StringComparison.Ordinal);
        await second.SendHelloAsync(45_000);
        await second.ExpectResumeAsync();
        await second.SendInvalidSessionAsync(resumable: false);
        await Wait.UntilAsync(() => second.Closed.IsCompleted && bot.Clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        bot.Clock.Advance(TimeSpan.FromSeconds(1)); // jitter 0: 1 s
        var third = await bot.Discord.NextConnectionAsync();
        Assert.StartsWith("/gateway", third.PathAndQuery, StringComparison.Ordinal);
        await third.SendHelloAsync(45_000);

        // One session start per turn (5 s and a 0.5 s margin): the first IDENTIFY was at 0 s, so this one waits until 5.5 s.
        var turnLeft = IdentifyLimiter.Turn - TimeSpan.FromSeconds(1);
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(turnLeft));
        bot.Clock.Advance(turnLeft);
        await third.ExpectIdentifyAsync();
    }

    [Fact]
    public async Task Messages_split_across_frames_are_reassembled()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        var name = "psoas major " + new string('x', 50);
        var json = GatewayScript.Interaction(2, FakeInteractions.Command("f1", "muscle", [FakeInteractions.StringOption("name", name)]));
        await gw.SendTextAsync(json, parts: 7);
        var answered = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("f1"));

        // The seven frames became the one interaction, its option intact to the last character, answered once.
        Assert.Equal([new MuscleCardRequest(name)], bot.Engine.Asked.Select(m => m.Request));
        Assert.Equal("Psoas minor", answered.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Single(bot.CallbacksFor("f1"));
    }

    [Fact]
    public async Task A_burst_of_100_interactions_is_answered_exactly_once_each()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        for (var i = 0; i < 100; i++)
        {
            await gw.SendDispatchAsync("INTERACTION_CREATE", i + 2, FakeInteractions.Command("burst" + i, "muscle", [FakeInteractions.StringOption("name", "psoas major")]));
        }

        await bot.Discord.WaitForCallsAsync(c => c.Path.EndsWith("/callback", StringComparison.Ordinal), 100);
        for (var i = 0; i < 100; i++)
        {
            Assert.Single(bot.CallbacksFor("burst" + i));
        }
    }

    [Fact]
    public async Task Reload_is_refused_for_non_moderators_and_runs_for_moderators()
    {
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:Moderators:0"] = "42" });
        bot.Reloader.Setup(r => r.ReloadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReloadResult.Failure([new KnowledgeError("muscles/iliacus.yaml", 12, "origin", "must not be empty")]));
        var gw = await bot.ConnectAndReadyAsync();

        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("n1", "reload", userId: "7", permissions: "0"));
        var refused = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("n1"));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, refused.CallbackType);
        Assert.Equal(MessageFlags.Ephemeral, refused.Flags);
        Assert.Contains("Only moderators", refused.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);

        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.Command("n2", "reload", userId: "8", dm: true));
        await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("n2"));
        bot.Reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Never);

        await gw.SendDispatchAsync("INTERACTION_CREATE", 4, FakeInteractions.Command("m1", "reload", userId: "42", permissions: "0"));
        var edit = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH" && c.Path.Contains("itok-m1", StringComparison.Ordinal));
        var deferred = Assert.Single(bot.CallbacksFor("m1"));
        Assert.Equal(InteractionCallbackType.DeferredChannelMessageWithSource, deferred.CallbackType);
        Assert.Equal(MessageFlags.Ephemeral, deferred.Flags);
        var text = edit.Json.GetProperty("content").GetString()!;
        Assert.Contains("Reload failed with 1 problem(s)", text, StringComparison.Ordinal);
        Assert.Contains("muscles/iliacus.yaml:12: origin: must not be empty", text, StringComparison.Ordinal);

        await gw.SendDispatchAsync("INTERACTION_CREATE", 5, FakeInteractions.Command("m2", "reload", userId: "9", permissions: ManageGuild));
        await gw.SendDispatchAsync("INTERACTION_CREATE", 6, FakeInteractions.Command("m3", "reload", userId: "10", permissions: "8"));
        await gw.SendDispatchAsync("INTERACTION_CREATE", 7, FakeInteractions.Command("m4", "reload", userId: "42", dm: true));
        await bot.Discord.WaitForCallsAsync(c => c.Method == "PATCH", 4);
        bot.Reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Exactly(4));
        Assert.Contains(bot.Logs.Entries, e => e.Text.Contains("Refused /reload from user 7", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Entries, e => e.Text.Contains("/reload requested by user 42", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_10000_character_question_with_everyone_is_rendered_safely()
    {
        var engine = new FakeEngine
        {
            Respond = m => FakeEngine.MuscleCard() with
            {
                Title = "About: " + m.Text,
                Sections = [new ReplySection(null, "You asked: " + m.Text), new ReplySection("Echo", m.Text)],
                Disclaimer = "Not medical advice.",
                UrgentNotice = "Seek care now if ...",
            },
        };
        await using var bot = await BotHarness.StartAsync(engine: engine);
        var gw = await bot.ConnectAndReadyAsync();
        var question = "@everyone @here <@123> **bold** " + string.Concat(Enumerable.Repeat("Is the psoas a hip flexor? ", 400));
        Assert.True(question.Length > 10_000);
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("big", "ask", [FakeInteractions.StringOption("question", question)]));
        var patch = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH");

        Assert.True(Assert.Single(bot.Engine.Asked).Text.Length <= 1000);
        var body = patch.Json;
        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = body.GetProperty("embeds")[0];
        Assert.DoesNotContain("@everyone", patch.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", patch.Body, StringComparison.Ordinal);
        var description = embed.GetProperty("description").GetString()!;
        Assert.StartsWith("⚠️ **Seek care now", description, StringComparison.Ordinal);
        Assert.Contains("@\u200Beveryone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", description, StringComparison.Ordinal);
        Assert.Contains("\\*\\*bold\\*\\*", description, StringComparison.Ordinal);
        Assert.EndsWith("*Not medical advice.*", description, StringComparison.Ordinal);
        Assert.True(description.Length <= 4096);
        Assert.True(embed.GetProperty("title").GetString()!.Length <= 256);
        Assert.All(embed.GetProperty("fields").EnumerateArray(), f => Assert.True(f.GetProperty("value").GetString()!.Length <= 1024));
        Assert.True(Rendering.MessageRenderer.EmbedLength(System.Text.Json.Nodes.JsonNode.Parse(embed.GetRawText())!.AsObject()) <= 6000);
    }

    [Fact]
    public async Task Mentions_and_dms_are_answered_when_enabled_and_bots_are_ignored()
    {
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:AnswerMentions"] = "true" });
        var gw = await bot.Discord.NextConnectionAsync();
        await gw.SendHelloAsync(45_000);
        var identify = await gw.ExpectIdentifyAsync();
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages, identify.Intents);
        await gw.SendReadyAsync(1, bot.Discord.ResumeUrl);

        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, new { id = "msg1", channel_id = "c1", guild_id = "g1", content = "<@bot1> what innervates the iliacus?", author = new { id = "u1" }, mentions = new[] { new { id = "bot1" } } });
        await gw.SendDispatchAsync("MESSAGE_CREATE", 3, new { id = "msg2", channel_id = "c1", guild_id = "g1", content = "<@bot1> hi", author = new { id = "otherbot", bot = true }, mentions = new[] { new { id = "bot1" } } });
        await gw.SendDispatchAsync("MESSAGE_CREATE", 4, new { id = "msg3", channel_id = "c1", guild_id = "g1", content = "just chatting", author = new { id = "u2" }, mentions = Array.Empty<object>() });
        await gw.SendDispatchAsync("MESSAGE_CREATE", 5, new { id = "msg4", channel_id = "dm9", content = "psoas major origin?", author = new { id = "u3" }, mentions = Array.Empty<object>() });

        var posts = await bot.Discord.WaitForCallsAsync(c => c.Path.StartsWith("/channels/", StringComparison.Ordinal), 2);
        var guildReply = posts.Single(p => p.Path == "/channels/c1/messages");
        Assert.Equal("msg1", guildReply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(0, guildReply.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Single(posts, p => p.Path == "/channels/dm9/messages");
        Assert.Contains(bot.Engine.Asked, m => m.Text == "what innervates the iliacus?");
        Assert.DoesNotContain(bot.Engine.Asked, m => m.Text.Contains("hi", StringComparison.Ordinal) && m.UserId == "otherbot");
        Assert.Equal(2, bot.Engine.Asked.Count);
    }

    [Fact]
    public async Task Mentions_are_ignored_when_disabled()
    {
        await using var bot = await BotHarness.StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, new { id = "msg1", channel_id = "c1", guild_id = "g1", content = "<@bot1> hi", author = new { id = "u1" }, mentions = new[] { new { id = "bot1" } } });
        await gw.SendDispatchAsync("INTERACTION_CREATE", 3, FakeInteractions.Command("after", "help"));
        await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("after"));
        Assert.DoesNotContain(bot.Discord.Calls, c => c.Path.StartsWith("/channels/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_or_errors()
    {
        await using var bot = await BotHarness.StartAsync(useGatewayBot: true);
        bot.Discord.Responder = c => c.Path.EndsWith("/callback", StringComparison.Ordinal) ? new FakeResponse(401, """{"message":"401: Unauthorized","code":0}""") : null;
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("t1", "ask", [FakeInteractions.StringOption("question", "x")]));
        await bot.Discord.WaitForCallAsync(c => c.Path.EndsWith("/callback", StringComparison.Ordinal));
        await Wait.UntilAsync(() => bot.Logs.Entries.Any(e => e.Text.Contains("401", StringComparison.Ordinal)));
        await gw.CloseAsync(GatewayCloseCode.AuthenticationFailed);
        await Wait.UntilAsync(() => bot.Service.FatalError is not null);
        Assert.Single(bot.CallbacksFor("t1")); // no retry on 401
        Assert.NotEmpty(bot.Logs.Entries);
        Assert.DoesNotContain("SECRET-bot-token", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("itok-t1", bot.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-bot-token", bot.Service.FatalError, StringComparison.Ordinal);
    }
}
