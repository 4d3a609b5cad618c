using System.Globalization;
using System.Text.Json.Nodes;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Telegram.Updates;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Telegram.Tests;

public sealed class MessagingTests
{
    [Fact]
    public async Task Private_question_is_answered_as_html_without_link_previews()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("what does the psoas major do?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var asked = Assert.Single(world.Engine.Asked);
        Assert.Equal("what does the psoas major do?", asked.Text);
        Assert.Equal("telegram", asked.Platform);
        Assert.Equal(Tg.UserId.ToString(CultureInfo.InvariantCulture), asked.ChatId);
        var call = world.Server.Calls("sendMessage")[0];
        Assert.Equal(Tg.UserId, call.ChatId);
        // Telegram.Bot writes "Html"; the Bot API reads parse_mode case-insensitively.
        Assert.Equal("HTML", call.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        Assert.True(call.Body["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        Assert.Null(call.Body["reply_parameters"]);
        Assert.StartsWith("<b>Answer</b>\n\nYou asked: what does the psoas major do?", call.Text);
        Assert.Contains("<i>Sources:</i> Muscle of the Month: Iliopsoas", call.Text);
    }

    [Fact]
    public async Task Suggestions_are_inline_buttons_and_a_press_asks_the_suggestion_in_that_chat()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Engine.Respond = m => m.Text == "psoas m"
            ? FakeEngine.TextReply("Pick one.", "Did you mean...?", intent: Intent.DidYouMean) with { Suggestions = ["Psoas major", "Psoas minor"] }
            : FakeEngine.TextReply("You asked: " + m.Text);
        world.Server.Enqueue(Tg.Private("psoas m"));
        await using var adapter = await world.StartAdapterAsync();
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var keyboard = world.Server.Calls("sendMessage")[0].Body["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.Equal(2, keyboard.Count);
        Assert.Equal("Psoas minor", keyboard[1]![0]!["text"]!.GetValue<string>());
        Assert.Equal("ask:Psoas minor", keyboard[1]![0]!["callback_data"]!.GetValue<string>());

        world.Server.Enqueue(new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb1",
                ["from"] = Tg.User(),
                ["message"] = Tg.Private("Did you mean...?")["message"]!.DeepClone(),
                ["data"] = "ask:Psoas minor",
            },
        });
        // The second message to one chat waits its turn on the fake clock (per-chat rate limit).
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2 && s.Calls("answerCallbackQuery").Count == 1);

        Assert.Contains(world.Engine.Asked, m => m.Text == "Psoas minor" && m.ChatId == Tg.UserId.ToString(CultureInfo.InvariantCulture));
        var answer = world.Server.Calls("sendMessage")[1];
        Assert.Contains("You asked: Psoas minor", answer.Text, StringComparison.Ordinal);
        Assert.Null(answer.Body["reply_markup"]);
    }

    [Fact]
    public void Suggestion_callback_data_fits_telegrams_64_bytes()
    {
        var reply = FakeEngine.TextReply("x") with { Suggestions = [new string('é', 80)] };
        var data = ReplyRenderer.SuggestionKeyboard(reply)!.InlineKeyboard.First().First().CallbackData!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(data) <= ReplyRenderer.MaxCallbackBytes);
        Assert.Null(ReplyRenderer.SuggestionKeyboard(FakeEngine.TextReply("no suggestions")));
    }

    [Fact]
    public async Task Start_registers_commands_and_polls_with_explicit_allowed_updates()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);

        var commands = world.Server.Calls("setMyCommands");
        Assert.Equal(2, commands.Count);
        var everyone = commands.Single(c => c.Body["scope"]!["type"]!.GetValue<string>() == "default");
        var names = everyone.Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()).ToList();
        Assert.Equal(["muscle", "ask", "quiz", "dailyquiz", "leaderboard", "review", "progress", "link", "unlink", "forgetme", "sources", "help"], names);
        Assert.Equal(
            names.Select(n => CommandCatalogue.Find(n)!.Description),
            everyone.Body["commands"]!.AsArray().Select(c => c!["description"]!.GetValue<string>()));
        var admins = commands.Single(c => c.Body["scope"]!["type"]!.GetValue<string>() == "all_chat_administrators");
        Assert.Contains(admins.Body["commands"]!.AsArray(), c => c!["command"]!.GetValue<string>() == "reload");

        var poll = world.Server.Calls("getUpdates")[0];
        Assert.True(poll.Body["timeout"]!.GetValue<int>() > 0);
        Assert.Equal(["message", "poll_answer", "my_chat_member", "callback_query"],
            poll.Body["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task Group_commands_with_and_without_the_bot_name_are_answered_as_replies()
    {
        await using var world = await TestWorld.CreateAsync();
        var plain = world.Server.Enqueue(Tg.Group("/muscle psoas minor"));
        var named = Tg.Group($"/muscle@{FakeBotApiServer.BotUsername} iliacus");
        world.Server.Enqueue(named);
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2);

        Assert.Equal([new MuscleCardRequest("psoas minor"), new MuscleCardRequest("iliacus")], world.Engine.Asked.Select(m => m.Request).ToArray());
        var replies = world.Server.Calls("sendMessage");
        Assert.All(replies, r => Assert.Equal(Tg.GroupId, r.ChatId));
        Assert.Equal(Tg.MessageId(named), replies[1].Body["reply_parameters"]!["message_id"]!.GetValue<long>());
        Assert.NotNull(replies[0].Body["reply_parameters"]);
    }

    [Fact]
    public async Task Group_messages_not_for_the_bot_are_ignored_but_mentions_and_replies_are_answered()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Group("/muscle@SomeOtherBot psoas"));
        world.Server.Enqueue(Tg.Group("just chatting about psoas"));
        world.Server.Enqueue(Tg.Group($"@{FakeBotApiServer.BotUsername} where does the iliacus insert?"));
        world.Server.Enqueue(Tg.Group("and the psoas minor?", replyTo: Tg.BotMessage()));
        var last = world.Server.Enqueue(Tg.Private("done"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.ConfirmedOffset > last);

        Assert.Equal(["where does the iliacus insert?", "and the psoas minor?", "done"], world.Engine.Asked.Select(m => m.Text).ToArray());
        Assert.Equal(3, world.Server.Calls("sendMessage").Count);
    }

    [Fact]
    public async Task User_text_is_escaped_and_cannot_mention_anyone()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("is <b>psoas</b> & iliacus one muscle? @everyone"));
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var text = world.Server.Calls("sendMessage")[0].Text;
        Assert.Contains("&lt;b&gt;psoas&lt;/b&gt; &amp; iliacus", text);
        Assert.DoesNotContain("<b>psoas", text);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.Contains("@" + TelegramHtml.MentionBreaker + "everyone", text, StringComparison.Ordinal);
        HtmlAssert.Valid(text);
    }

    [Fact]
    public async Task A_6000_character_message_is_split_into_valid_chunks_on_paragraphs()
    {
        // Answers are fitted to one message by the renderer (below); longer HTML (a reload report, a leaderboard)
        // is still split by the sender.
        await using var world = await TestWorld.CreateAsync();
        var paragraphs = Enumerable.Range(0, 44).Select(i => $"Paragraph {i}: " + new string('x', 130) + " <&>").ToArray();
        var html = string.Join("\n\n", paragraphs.Select(TelegramHtml.Escape)) + "\n\n<i>This is not medical advice.</i>";
        Assert.True(html.Length > 6000);
        await using var adapter = await world.StartAdapterAsync();
        var sender = adapter.Services.GetRequiredService<AnatomyBot.Telegram.Sending.TelegramSender>();

        var sending = sender.SendHtmlAsync(Tg.GroupId, html, 42, CancellationToken.None);
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count >= 2 && s.Calls("sendMessage")[^1].Text.Contains("medical advice"));
        Assert.True((await sending).IsSuccess);

        var chunks = world.Server.Calls("sendMessage").Select(c => c.Text).ToList();
        Assert.True(chunks.Count >= 2);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, 4096));
        Assert.All(chunks, HtmlAssert.Valid);
        // Cut on paragraph boundaries: every paragraph arrives whole in one chunk.
        foreach (var paragraph in paragraphs)
        {
            Assert.Single(chunks, c => c.Contains(TelegramHtml.Escape(paragraph)));
        }

        Assert.NotNull(world.Server.Calls("sendMessage")[0].Body["reply_parameters"]);
        Assert.Null(world.Server.Calls("sendMessage")[1].Body["reply_parameters"]);
        Assert.EndsWith("<i>This is not medical advice.</i>", chunks[^1]);
    }

    [Fact]
    public async Task A_6000_character_answer_is_fitted_to_one_message_cut_at_a_paragraph_with_a_pointer()
    {
        await using var world = await TestWorld.CreateAsync();
        var paragraphs = Enumerable.Range(0, 44).Select(i => $"Paragraph {i}: " + new string('x', 130) + ".").ToArray();
        world.Engine.Respond = _ => FakeEngine.TextReply(string.Join("\n\n", paragraphs), disclaimer: "This is not medical advice.");
        world.Server.Enqueue(Tg.Group("/ask a long one"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count >= 1);

        var text = Assert.Single(world.Server.Calls("sendMessage")).Text;
        Assert.InRange(text.Length, 1, 4096);
        HtmlAssert.Valid(text);
        Assert.Contains(TelegramHtml.Escape(paragraphs[0]), text, StringComparison.Ordinal);
        Assert.DoesNotContain(paragraphs[^1], text, StringComparison.Ordinal);
        Assert.Contains("ask a narrower question", text, StringComparison.Ordinal);
        Assert.EndsWith("<i>This is not medical advice.</i>", text);
    }

    [Fact]
    public async Task Urgent_notice_comes_first_and_disclaimer_is_italic()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Engine.Respond = _ => FakeEngine.TextReply("Body", disclaimer: "Not advice.", urgent: "Seek care now.");
        world.Server.Enqueue(Tg.Private("my back hurts and my leg is numb"));
        await using var adapter = await world.StartAdapterAsync();

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var text = world.Server.Calls("sendMessage")[0].Text;
        Assert.StartsWith("\u26a0\ufe0f <b>Seek care now.</b>", text);
        Assert.EndsWith("<i>Not advice.</i>", text);
    }

    [Fact]
    public async Task Malformed_update_is_skipped_confirmed_and_the_next_one_answered()
    {
        await using var world = await TestWorld.CreateAsync();
        var bad = world.Server.EnqueueRaw(id => $$$"""{"update_id": {{{id}}}, "message": {"message_id": "not a number", "text": "hi"}}""");
        world.Server.EnqueueRaw(id => $$$"""{"update_id": {{{id}}}, "message": {"message_id": 5, "date": 1, "text": "no chat"}}""");
        world.Server.EnqueueRaw(id => $$$"""{"update_id": {{{id}}}, "edited_message": {"message_id": 5}}""");
        var good = world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.ConfirmedOffset > good);

        Assert.Equal("psoas?", Assert.Single(world.Engine.Asked).Text);
        Assert.Single(world.Server.Calls("sendMessage"));
        Assert.Contains(adapter.Logs.Entries, e => e.Message.Contains($"Skipping malformed Telegram update {bad}"));
        Assert.Equal(good + 1, await adapter.Store.GetUpdateOffsetAsync(default));
    }

    [Fact]
    public async Task A_failing_engine_does_not_stop_the_loop()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Engine.Respond = m => m.Text == "boom" ? throw new InvalidOperationException("engine bug") : FakeEngine.TextReply("fine");
        world.Server.Enqueue(Tg.Private("boom"));
        world.Server.Enqueue(Tg.Private("next"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1);

        Assert.Contains("fine", world.Server.Calls("sendMessage")[0].Text);
        Assert.Contains(adapter.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("engine bug"));
    }

    [Fact]
    public void Addressing_parses_bot_command_entities()
    {
        var me = new User { Id = 1, IsBot = true, FirstName = "Bot", Username = "ThisBot" };
        var group = new Chat { Id = -5, Type = ChatType.Group };
        Message Msg(string text, params MessageEntity[] entities) => new() { Id = 1, Chat = group, From = new User { Id = 2, FirstName = "U" }, Text = text, Entities = entities };
        static MessageEntity Entity(MessageEntityType type, int offset, int length) => new() { Type = type, Offset = offset, Length = length };

        Assert.Equal(new Addressed(AddressKind.Command, "muscle", "iliacus"), MessageAddressing.Classify(Msg("/Muscle@thisbot iliacus", Entity(MessageEntityType.BotCommand, 0, 15)), me));
        Assert.Equal(AddressKind.Ignored, MessageAddressing.Classify(Msg("/muscle@OtherBot iliacus", Entity(MessageEntityType.BotCommand, 0, 16)), me).Kind);
        Assert.Equal(AddressKind.Ignored, MessageAddressing.Classify(Msg("hello @OtherBot", Entity(MessageEntityType.Mention, 6, 9)), me).Kind);
        Assert.Equal(new Addressed(AddressKind.Question, "", "what is it?"), MessageAddressing.Classify(Msg("@ThisBot, what is it?", Entity(MessageEntityType.Mention, 0, 8)), me));
        Assert.Equal(new Addressed(AddressKind.Command, "quiz", ""), MessageAddressing.Classify(Msg("/quiz"), me));
    }
}
