using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AnatomyBot.Discord.Tests;

/// <summary>The adapter end to end with the real AnswerEngine over the shipped knowledge.</summary>
public sealed class EngineEndToEndTests
{
    private static readonly Lazy<KnowledgeSnapshot> Snapshot = new(() =>
    {
        var result = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Snapshot!;
    });

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(configure: services =>
    {
        var provider = Mock.Of<IKnowledgeProvider>(p => p.Current == Snapshot.Value);
        var engine = new AnswerEngine(provider);
        services.AddSingleton(provider);
        services.AddSingleton<IAnswerEngine>(engine);
        services.AddSingleton<IMuscleNameCompleter>(engine);
    });

    [Fact]
    public async Task Muscle_psoas_minor_gets_its_card_as_an_embed()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("pm", "muscle", [FakeInteractions.StringOption("name", "psoas minor")]));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("pm"));
        Assert.Equal(InteractionCallbackType.ChannelMessageWithSource, call.CallbackType);
        var data = call.Json.GetProperty("data");
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = data.GetProperty("embeds")[0];
        Assert.Contains("psoas minor", embed.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
        foreach (var name in new[] { "Origin", "Insertion", "Action", "Innervation" })
        {
            Assert.Contains(fields.Keys, k => k.Contains(name, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Contains(fields, f => f.Key.StartsWith("Origin", StringComparison.OrdinalIgnoreCase) && (f.Value.Contains("T12", StringComparison.Ordinal) || f.Value.Contains("L1", StringComparison.Ordinal)));
        Assert.All(fields.Values, v => Assert.True(v.Length <= 1024));
        Assert.StartsWith("Sources:", embed.GetProperty("footer").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(Rendering.MessageRenderer.EmbedLength(System.Text.Json.Nodes.JsonNode.Parse(embed.GetRawText())!.AsObject()) <= 6000);
    }

    [Theory]
    [InlineData("ps", "psoas")]
    [InlineData("illiac", "iliacus")]
    public async Task Autocomplete_ranks_the_shipped_names(string typed, string expected)
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Autocomplete("ac", "muscle", "name", typed));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("ac"));
        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, call.CallbackType);
        var choices = call.Json.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.InRange(choices.Count, 1, 25);
        Assert.Contains(expected, choices[0].GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(choices, c => Assert.InRange(c.GetProperty("name").GetString()!.Length, 1, 100));
    }

    [Fact]
    public async Task Ask_is_answered_from_the_shipped_knowledge()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("ask1", "ask", [FakeInteractions.StringOption("question", "What nerve supplies the iliacus?")]));
        var patch = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH");
        var embed = patch.Json.GetProperty("embeds")[0];
        Assert.Contains("femoral", embed.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_editors_note_shows_in_the_embed_apart_from_the_citation()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("ask2", "ask", [FakeInteractions.StringOption("question", "what is the innervation of the iliacus")]));
        var patch = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH");
        var embed = patch.Json.GetProperty("embeds")[0];
        // A one-section answer is in the description (no field repeats the title's attribute); a longer one in fields.
        var fields = embed.TryGetProperty("fields", out var f) ? f.EnumerateArray().Select(x => x.GetProperty("value").GetString()) : [];
        var decoded = string.Join("\n", fields.Prepend(embed.TryGetProperty("description", out var d) ? d.GetString() : ""));

        Assert.Contains("[mom]\n  Editors' note: Standard anatomy texts give the femoral nerve as arising from L2-L4", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topic_disagreement_shows_both_values_with_their_sources_in_the_embed()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("ask3", "ask", [FakeInteractions.StringOption("question", "Does the iliopsoas abduct the hip?")]));
        var patch = await bot.Discord.WaitForCallAsync(c => c.Method == "PATCH");
        var embed = patch.Json.GetProperty("embeds")[0];
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);

        var disagreement = Assert.Single(fields, f => f.Key.StartsWith("Where the sources disagree", StringComparison.Ordinal)).Value;
        Assert.Contains("Sources disagree: Does the iliopsoas move the thigh out to the side (abduction)?", disagreement, StringComparison.Ordinal);
        Assert.Contains("[healthsite]", disagreement, StringComparison.Ordinal);
        Assert.Contains("[mom, ptclinic, consumer]", disagreement, StringComparison.Ordinal);
        Assert.Contains("Editors' note: Standard anatomy texts do not list abduction", disagreement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiz_asked_on_a_muscle_in_a_dm_posts_questions_about_that_muscle_without_repeats()
    {
        await using var bot = await BotHarness.StartAsync(
            new Dictionary<string, string?> { ["Discord:AnswerMentions"] = "true" },
            configure: services =>
            {
                var provider = Mock.Of<IKnowledgeProvider>(p => p.Current == Snapshot.Value);
                var engine = new AnswerEngine(provider);
                services.AddSingleton(provider);
                services.AddSingleton<IAnswerEngine>(engine);
                services.AddSingleton<IMuscleNameCompleter>(engine);
            });
        var gw = await bot.ConnectAndReadyAsync();
        var bank = Snapshot.Value.Quiz;
        var about = bank.Where(q => (q.Question + " " + q.CorrectOption).Contains("psoas minor", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.InRange(about.Count, 2, bank.Length - 1);

        var shown = new List<string>();
        for (var i = 0; i < about.Count; i++)
        {
            await gw.SendDispatchAsync("MESSAGE_CREATE", 2 + i, new { id = $"m{i}", channel_id = "dm9", content = "quiz me on the psoas minor", author = new { id = "u3" }, mentions = Array.Empty<object>() });
            var posts = await bot.Discord.WaitForCallsAsync(c => c.Path == "/channels/dm9/messages", i + 1);
            var content = posts[i].Json.GetProperty("content").GetString()!;
            var question = Assert.Single(bank, q => content.Contains(q.Question, StringComparison.Ordinal));
            shown.Add(question.Id);
        }

        // Every question of the scope once, none from outside it.
        Assert.Equal(about.Select(q => q.Id).Order(), shown.Order());
    }

    [Fact]
    public async Task Quiz_command_with_a_muscle_option_posts_a_question_about_it()
    {
        await using var bot = await StartAsync();
        var gw = await bot.ConnectAndReadyAsync();
        var bank = Snapshot.Value.Quiz;

        await gw.SendDispatchAsync("INTERACTION_CREATE", 2, FakeInteractions.Command("qm", "quiz", [FakeInteractions.StringOption("muscle", "iliacus")]));
        var call = await bot.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("qm"));

        var content = call.Json.GetProperty("data").GetProperty("content").GetString()!;
        var question = Assert.Single(bank, q => content.Contains(q.Question, StringComparison.Ordinal));
        Assert.Contains("iliacus", question.Question + " " + question.CorrectOption, StringComparison.OrdinalIgnoreCase);
    }
}
