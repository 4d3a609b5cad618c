using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Tests.Infrastructure;

namespace AnatomyBot.Telegram.Tests;

public sealed class QuizTests
{
    [Fact]
    public async Task Quiz_command_posts_a_valid_non_anonymous_quiz_poll()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Group("/quiz"));
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);

        var poll = world.Server.Calls("sendPoll")[0].Body;
        Assert.Equal("quiz", poll["type"]!.GetValue<string>());
        Assert.False(poll["is_anonymous"]!.GetValue<bool>());
        Assert.Equal([0], poll["correct_option_ids"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray());
        Assert.Null(poll["correct_option_id"]);
        Assert.InRange(poll["question"]!.GetValue<string>().Length, 1, 300);
        var options = poll["options"]!.AsArray().Select(o => o!["text"]!.GetValue<string>()).ToList();
        Assert.InRange(options.Count, 2, 12);
        Assert.All(options, o => Assert.InRange(o.Length, 1, 100));
        var explanation = poll["explanation"]!.GetValue<string>();
        Assert.InRange(explanation.Length, 1, 200);
        Assert.True(explanation.Count(c => c == '\n') <= 2);
        Assert.Contains("Source: Muscle of the Month: Iliopsoas", explanation);
        Assert.NotNull(poll["reply_parameters"]);
    }

    [Fact]
    public async Task Quizzes_do_not_repeat_in_a_chat_until_the_bank_is_exhausted_and_answers_score_once()
    {
        await using var world = await TestWorld.CreateAsync();
        for (var i = 0; i < 4; i++)
        {
            world.Server.Enqueue(Tg.Private("/quiz"));
        }

        await using var adapter = await world.StartAdapterAsync();
        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count == 4);

        var questions = world.Server.Calls("sendPoll").Select(c => c.Body["question"]!.GetValue<string>()).ToList();
        Assert.Equal(3, questions.Take(3).Distinct().Count());
        // The fourth starts a new round.
        await world.Server.WaitUntilAsync(_ => adapter.Store.GetAskedQuestionsAsync(Tg.UserId, default).GetAwaiter().GetResult().Count == 1);
        Assert.Single(await adapter.Store.GetAskedQuestionsAsync(Tg.UserId, default));
    }

    [Fact]
    public async Task Poll_answers_score_correct_answers_once_and_leaderboard_escapes_names()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Group("/quiz"));
        await using var adapter = await world.StartAdapterAsync();
        await world.WaitUntilAsync(s => s.Calls("sendPoll").Count == 1);
        await world.Server.WaitUntilAsync(_ => adapter.Store.GetPollAsync("poll-2", default).GetAwaiter().GetResult() is not null);

        world.Server.Enqueue(Tg.PollAnswer("poll-2", 1, 0, "<Ana & co>"));
        world.Server.Enqueue(Tg.PollAnswer("poll-2", 1, 0, "<Ana & co>"));
        world.Server.Enqueue(Tg.PollAnswer("poll-2", 2, 1, "Ben"));
        world.Server.Enqueue(Tg.PollAnswer("unknown-poll", 3, 0, "Cy"));
        world.Server.Enqueue(Tg.Group("/leaderboard"));
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var board = world.Server.Calls("sendMessage")[0].Text;
        Assert.Contains("1. &lt;Ana &amp; co&gt; \u2014 1", board);
        Assert.Contains("2. Ben \u2014 0", board);
        Assert.DoesNotContain("Cy", board);
        HtmlAssert.Valid(board);
    }

    [Fact]
    public void Poll_fields_are_trimmed_to_telegram_limits()
    {
        var question = new QuizQuestion("long", new string('q', 400),
            [.. Enumerable.Range(0, 14).Select(i => $"{i}" + new string('o', 120))], 13,
            "line1\nline2\nline3\nline4 " + new string('e', 300), ["mom"]);
        var (options, correct) = QuizPoster.FitOptions(question);
        Assert.Equal(12, options.Count);
        Assert.StartsWith("13", options[correct]);
        Assert.All(options, o => Assert.True(o.Length <= 100));
        var explanation = QuizPoster.Explanation(question, QuizOnlyKnowledge.Snapshot())!;
        Assert.True(explanation.Length <= 200);
        Assert.True(explanation.Count(c => c == '\n') <= 2);
        Assert.EndsWith("Source: Muscle of the Month: Iliopsoas", explanation);
        Assert.Equal(300, QuizPoster.Trim(question.Question, 300).Length);
    }

    [Fact]
    public void Both_correct_option_fields_are_read_from_polls()
    {
        // Bot API 9.6 moved the answer into correct_option_ids; older servers send correct_option_id. The library reads both.
        var old = System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Poll>("""{"id":"a","question":"q","options":[],"correct_option_id":2}""", global::Telegram.Bot.JsonBotAPI.Options)!;
        var current = System.Text.Json.JsonSerializer.Deserialize<global::Telegram.Bot.Types.Poll>("""{"id":"a","question":"q","options":[],"correct_option_ids":[1]}""", global::Telegram.Bot.JsonBotAPI.Options)!;
        Assert.Equal([2], old.CorrectOptionIds!);
        Assert.Equal([1], current.CorrectOptionIds!);
    }

    [Fact]
    public async Task Empty_bank_gets_a_polite_message()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("/quiz"));
        await using var adapter = await world.StartAdapterAsync(knowledge: new FixedKnowledge(QuizOnlyKnowledge.Snapshot(0)));

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        Assert.Contains("no quiz questions", world.Server.Calls("sendMessage")[0].Text);
        Assert.Empty(world.Server.Calls("sendPoll"));
    }
}
