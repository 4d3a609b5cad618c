using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Moq;

namespace AnatomyBot.Discord.Tests;

/// <summary>
/// Mentions and DMs reach the same requests as slash commands: a quiz asked in a DM is graded when the answer is
/// typed, and a typed /reload reloads for a moderator (both were dead ends when mentions only asked the engine).
/// </summary>
public sealed class MentionRequestTests
{
    private static Task<BotHarness> StartAsync(string? moderator = null)
    {
        var engine = new FakeEngine
        {
            // The engine reads "quiz me" as a quiz (as the real one does); everything else is a card.
            Respond = m => FakeEngine.MuscleCard(quiz: m.Request is QuizRequest || m.Text == "quiz me"),
        };
        var settings = new Dictionary<string, string?> { ["Discord:AnswerMentions"] = "true" };
        if (moderator is not null)
        {
            settings["Discord:Moderators:0"] = moderator;
        }

        return BotHarness.StartAsync(settings, engine: engine);
    }

    private static object Dm(string id, string content, string user = "u3") =>
        new { id, channel_id = "dm9", content, author = new { id = user }, mentions = Array.Empty<object>() };

    private static async Task<string> NextDmReplyAsync(BotHarness bot, int count)
    {
        var posts = await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", count);
        return posts[count - 1].Json.GetProperty("content").GetString()!;
    }

    [Fact]
    public async Task Quiz_me_in_a_dm_posts_buttons_and_a_typed_letter_is_graded_once()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        var quiz = FakeEngine.SampleQuiz;

        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d1", "quiz me"));
        var posted = (await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 1))[0].Json;
        Assert.Contains(quiz.Question, posted.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains(AnatomyBot.Discord.Commands.QuizCommand.TypedAnswerHint, posted.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(quiz.Options.Length, posted.GetProperty("components")[0].GetProperty("components").GetArrayLength());
        Assert.Equal("d1", posted.GetProperty("message_reference").GetProperty("message_id").GetString());

        // "B" is the second option, the right one: graded, not read as an off-topic question.
        await gw.SendDispatchAsync("MESSAGE_CREATE", 3, Dm("d2", "B"));
        var graded = await NextDmReplyAsync(bot, 2);
        Assert.StartsWith("✅ Right!", graded, StringComparison.Ordinal);
        Assert.Contains(quiz.Explanation, graded, StringComparison.Ordinal);
        Assert.EndsWith("Your score: 1/1", graded, StringComparison.Ordinal);

        // A second answer to the same question does not count again.
        await gw.SendDispatchAsync("MESSAGE_CREATE", 4, Dm("d3", "1"));
        var again = await NextDmReplyAsync(bot, 3);
        Assert.StartsWith("You already answered this one; your first answer counts: About half.", again, StringComparison.Ordinal);
        Assert.EndsWith("Your score: 1/1", again, StringComparison.Ordinal);

        // Only "quiz me" reached the engine: the answers were the adapter's to grade.
        Assert.Equal(["quiz me"], bot.Engine.Asked.Select(m => m.Text));
    }

    [Fact]
    public async Task A_typed_answer_and_a_click_on_the_same_post_count_once_and_a_typed_leaderboard_shows_it()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d1", "quiz me", user: "7"));
        var posted = (await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 1))[0].Json;
        var wrongButton = posted.GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;

        await gw.SendDispatchAsync("MESSAGE_CREATE", 3, Dm("d2", "B", user: "7"));
        Assert.EndsWith("Your score: 1/1", await NextDmReplyAsync(bot, 2), StringComparison.Ordinal);

        // The post's button, clicked after the typed answer, gets the typed answer back: one answer per user and post.
        var click = FakeInteractions.Interaction("c1", AnatomyBot.Discord.Protocol.InteractionType.MessageComponent,
            new { custom_id = wrongButton, component_type = 2 }, "7", dm: true, message: new { id = "bot-quiz-1" });
        await gw.SendDispatchAsync("INTERACTION_CREATE", 4, click);
        var clicked = (await bot.Discord.WaitForCallAsync(c => c.Path == "/interactions/c1/itok-c1/callback")).Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.StartsWith("You already answered this one; your first answer counts: About half.", clicked, StringComparison.Ordinal);
        Assert.EndsWith("Your score: 1/1", clicked, StringComparison.Ordinal);

        await gw.SendDispatchAsync("MESSAGE_CREATE", 5, Dm("d3", "/leaderboard", user: "7"));
        Assert.Contains("1. 7 \u2014 1/1", await NextDmReplyAsync(bot, 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_closes_the_open_quiz_so_a_later_letter_is_a_question_again()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        // One at a time, as a person types them: messages are handled concurrently.
        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d1", "/quiz"));
        await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 1);
        await gw.SendDispatchAsync("MESSAGE_CREATE", 3, Dm("d2", "where does the iliacus insert?"));
        await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 2);
        await gw.SendDispatchAsync("MESSAGE_CREATE", 4, Dm("d3", "B"));
        await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", 3);

        // The typed /quiz goes straight to the quiz (as on Telegram); the question and the later "B" reach the engine.
        Assert.Equal(
            [new AskRequest("where does the iliacus insert?"), new AskRequest("B")],
            bot.Engine.Asked.Select(m => m.Request).ToArray());
    }

    [Fact]
    public async Task A_typed_reload_in_a_dm_reloads_for_a_listed_moderator_only()
    {
        await using var bot = await StartAsync(moderator: "42");
        bot.Reloader.Setup(r => r.ReloadAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(ReloadResult.Failure([new KnowledgeError("muscles/iliacus.yaml", 12, "origin", "must not be empty")]));
        var gw = await bot.ConnectAndReadyAsync();

        await gw.SendDispatchAsync("MESSAGE_CREATE", 2, Dm("d1", "/reload", user: "7"));
        var refused = await NextDmReplyAsync(bot, 1);
        Assert.StartsWith("Only moderators can reload the knowledge", refused, StringComparison.Ordinal);
        bot.Reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Never);

        await gw.SendDispatchAsync("MESSAGE_CREATE", 3, Dm("d2", "/reload", user: "42"));
        var reported = await NextDmReplyAsync(bot, 2);
        Assert.Contains("muscles/iliacus.yaml", reported, StringComparison.Ordinal);
        bot.Reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(bot.Engine.Asked);
    }
}
