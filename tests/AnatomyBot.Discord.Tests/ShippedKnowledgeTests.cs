using AnatomyBot.Core.Knowledge;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Knowledge;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AnatomyBot.Discord.Tests;

/// <summary>The adapter over the knowledge shipped in knowledge/ (loaded by the real KnowledgeLoader).</summary>
public sealed class ShippedKnowledgeTests
{
    private static KnowledgeSnapshot Shipped()
    {
        var result = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return result.Snapshot!;
    }

    [Fact]
    public async Task Quiz_serves_the_shipped_bank_without_repeats_and_grades_clicks()
    {
        var snapshot = Shipped();
        var provider = Mock.Of<IKnowledgeProvider>(p => p.Current == snapshot);
        await using var withBank = await BotHarness.StartAsync(configure: services =>
        {
            var engine = new FakeEngine();
            services.AddSingleton<AnatomyBot.Core.Conversation.IAnswerEngine>(engine);
            services.AddSingleton<AnatomyBot.Core.Conversation.IMuscleNameCompleter>(engine);
            services.AddSingleton(provider);
        });
        var gw = await withBank.ConnectAndReadyAsync();

        var seen = new HashSet<string>();
        AnatomyBot.Core.Quiz.QuizPost? lastPost = null;
        var count = Math.Min(snapshot.Quiz.Length, 8);
        for (var i = 0; i < count; i++)
        {
            await gw.SendDispatchAsync("INTERACTION_CREATE", i + 2, FakeInteractions.Command("quiz" + i, "quiz"));
            var posted = await withBank.Discord.WaitForCallAsync(c => c.Path == $"/interactions/quiz{i}/itok-quiz{i}/callback");
            var firstButton = posted.Json.GetProperty("data").GetProperty("components")[0].GetProperty("components")[0].GetProperty("custom_id").GetString()!;
            Assert.True(Interactions.QuizButtons.TryParse(firstButton, out var postId, out _));
            var post = await withBank.Services.GetRequiredService<AnatomyBot.Core.Quiz.IQuizStore>().GetPostAsync(postId, default);
            Assert.True(seen.Add(post!.QuestionId), "a question repeated before the bank was exhausted");
            lastPost = post;
        }

        var question = snapshot.Quiz.First(q => q.Id == lastPost!.QuestionId);
        var click = FakeInteractions.ButtonClick("click", Interactions.QuizButtons.CustomId(lastPost!.PostId, question.CorrectIndex), "m-1", "u1");
        await gw.SendDispatchAsync("INTERACTION_CREATE", 100, click);
        var answer = await withBank.Discord.WaitForCallAsync(c => c.Path == FakeInteractions.CallbackPath("click"));
        var text = answer.Json.GetProperty("data").GetProperty("content").GetString()!;
        Assert.StartsWith("✅ Right!", text, StringComparison.Ordinal);
        Assert.Contains(question.Explanation[..Math.Min(40, question.Explanation.Length)], text, StringComparison.Ordinal);
    }
}
