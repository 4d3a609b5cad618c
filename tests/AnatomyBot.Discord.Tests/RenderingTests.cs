using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;

namespace AnatomyBot.Discord.Tests;

public sealed class RenderingTests
{
    private static string Sentences(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $"Sentence number {i} is here. "));

    [Fact]
    public void An_oversized_reply_fits_every_embed_limit()
    {
        var reply = FakeEngine.MuscleCard() with
        {
            Title = new string('T', 400),
            Sections = [new ReplySection(null, Sentences(400)), .. Enumerable.Range(0, 30).Select(i => new ReplySection("Heading " + i + new string('h', 300), Sentences(100)))],
            Sources = [.. Enumerable.Range(0, 100).Select(i => new Source("s" + i, "A rather long source title number " + i, "d"))],
            Disclaimer = "Not medical advice.",
            UrgentNotice = "Get help now.",
        };
        var message = MessageRenderer.ReplyMessage(reply);
        var embed = message["embeds"]![0]!.AsObject();
        Assert.True(embed["title"]!.GetValue<string>().Length <= DiscordLimits.EmbedTitle);
        var description = embed["description"]!.GetValue<string>();
        Assert.True(description.Length <= DiscordLimits.EmbedDescription);
        Assert.StartsWith("⚠️ **Get help now.**", description, StringComparison.Ordinal);
        Assert.EndsWith("*Not medical advice.*", description, StringComparison.Ordinal);
        var fields = embed["fields"]?.AsArray() ?? [];
        Assert.True(fields.Count <= DiscordLimits.EmbedFields);
        Assert.All(fields, f =>
        {
            Assert.True(f!["name"]!.GetValue<string>().Length <= DiscordLimits.FieldName);
            Assert.True(f["value"]!.GetValue<string>().Length <= DiscordLimits.FieldValue);
        });
        Assert.True(embed["footer"]!["text"]!.GetValue<string>().Length <= DiscordLimits.Footer);
        Assert.True(MessageRenderer.EmbedLength(embed) <= DiscordLimits.EmbedTotal);
        Assert.Empty(message["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public void Long_text_is_trimmed_at_a_sentence_boundary_with_a_pointer_to_ask()
    {
        var text = Sentences(100);
        var trimmed = DiscordText.Trim(text, 1024);
        Assert.True(trimmed.Length <= 1024);
        Assert.EndsWith(". … (more: ask with /ask)", trimmed, StringComparison.Ordinal);
        Assert.Equal("short.", DiscordText.Trim("short.", 1024));
    }

    [Theory]
    [InlineData("@everyone look", "@\u200Beveryone look")]
    [InlineData("hi @here", "hi @\u200Bhere")]
    [InlineData("<@123> and <@&456>", "\\<\u200B@123\\> and \\<\u200B@&456\\>")]
    [InlineData("**bold** _it_ `code` ~~s~~ ||spoiler|| > quote [link](http://x)", "\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\> quote \\[link\\]\\(http\\://x\\)")]
    public void User_text_is_escaped_for_markdown_and_mentions(string input, string expected) =>
        Assert.Equal(expected, DiscordText.EscapeUserText(input));

    [Fact]
    public void Quiz_message_has_one_button_per_option_at_most_five_per_row()
    {
        var quiz = new QuizQuestion("many-options", "Pick one", [.. Enumerable.Range(1, 12).Select(i => "Option " + i + new string('o', 95))], 3, "Because.", ["mom"]);
        var message = QuizButtons.Message(quiz, "post-1");
        var rows = message["components"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.InRange(r!["components"]!.AsArray().Count, 1, 5));
        var buttons = rows.SelectMany(r => r!["components"]!.AsArray()).ToList();
        Assert.Equal(12, buttons.Count);
        Assert.All(buttons, b => Assert.True(b!["label"]!.GetValue<string>().Length <= DiscordLimits.ButtonLabel));
        Assert.Equal("quiz:post-1:11", buttons[11]!["custom_id"]!.GetValue<string>());
        Assert.True(message["content"]!.GetValue<string>().Length <= DiscordLimits.Content);
    }

    [Theory]
    [InlineData("quiz:abc:2", "abc", 2)]
    [InlineData("quiz:a-b-c:10", "a-b-c", 10)]
    public void Quiz_custom_ids_round_trip(string customId, string id, int index)
    {
        Assert.True(QuizButtons.TryParse(customId, out var parsedId, out var parsedIndex));
        Assert.Equal(id, parsedId);
        Assert.Equal(index, parsedIndex);
        Assert.Equal(customId, QuizButtons.CustomId(id, index));
    }

    [Theory]
    [InlineData("quiz:")]
    [InlineData("quiz::1")]
    [InlineData("other:abc:1")]
    [InlineData("quiz:abc:x")]
    public void Malformed_custom_ids_are_rejected(string customId) =>
        Assert.False(QuizButtons.TryParse(customId, out _, out _));

    [Fact]
    public void Text_messages_are_capped_at_2000_characters()
    {
        var message = MessageRenderer.TextMessage(new string('a', 5000) + " @everyone", ephemeral: true);
        Assert.True(message["content"]!.GetValue<string>().Length <= DiscordLimits.Content);
        Assert.Equal(MessageFlags.Ephemeral, (MessageFlags)message["flags"]!.GetValue<int>());
    }
}

public sealed class OptionsTests
{
    private static List<string> Validate(DiscordOptions options)
    {
        var result = new DiscordOptionsValidator().Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Defaults_with_a_token_are_valid() => Assert.Empty(Validate(new DiscordOptions { Token = "abc.def" }));

    [Fact]
    public void Every_error_names_its_key()
    {
        var errors = Validate(new DiscordOptions
        {
            Token = "",
            ApiBaseUrl = "not a url",
            GatewayUrl = "http://wrong-scheme",
            GuildId = "abc",
            Moderators = ["42", "nope"],
            Shards = "0-2",
            ShardCount = 2,
            ProjectUrl = "my bot (v1)",
        });
        Assert.Contains(errors, e => e.StartsWith("Discord:Token", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:ProjectUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:ApiBaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:GatewayUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:GuildId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:Moderators:1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Discord:Shards lists shard 2, but Discord:ShardCount is 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Bot_prefix_on_the_token_is_tolerated_and_moderators_match_exactly()
    {
        var options = new DiscordOptions { Token = "Bot abc", Moderators = ["42"] };
        Assert.Equal("abc", options.BareToken);
        Assert.True(options.IsModerator("42"));
        Assert.False(options.IsModerator("420"));
    }

    [Fact]
    public void Moderators_bind_from_the_environment_form()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Moderators:0"] = "11", ["Discord:Moderators:1"] = "22", ["Discord:Token"] = "t" })
            .Build();
        var options = new DiscordOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection("Discord"), options);
        Assert.Equal(["11", "22"], options.Moderators);
    }
}
