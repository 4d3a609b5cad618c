using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Tests;

/// <summary>The adapter over the real knowledge base shipped in knowledge/.</summary>
public sealed class ShippedKnowledgeTests
{
    [Fact]
    public async Task Every_shipped_quiz_question_posts_as_a_valid_poll_without_repeats()
    {
        var load = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        var bank = load.Snapshot!.Quiz;
        await using var world = await TestWorld.CreateAsync();
        for (var i = 0; i < bank.Length; i++)
        {
            world.Server.Enqueue(Tg.Private("/quiz"));
        }

        await using var adapter = await world.StartAdapterAsync(
            knowledge: new FixedKnowledge(load.Snapshot),
            settings: new Dictionary<string, string?> { ["Telegram:PerChatIntervalMilliseconds"] = "0" });
        await world.PumpUntilAsync(s => s.Calls("sendPoll").Count == bank.Length);

        var polls = world.Server.Calls("sendPoll").Select(c => c.Body).ToList();
        Assert.Equal(bank.Length, polls.Select(p => p["question"]!.GetValue<string>()).Distinct().Count());
        foreach (var poll in polls)
        {
            var question = bank.Single(q => q.Question == poll["question"]!.GetValue<string>());
            var options = poll["options"]!.AsArray().Select(o => o!["text"]!.GetValue<string>()).ToList();
            Assert.Equal(question.Options, options);
            Assert.Equal(question.CorrectIndex, poll["correct_option_ids"]![0]!.GetValue<int>());
            var explanation = poll["explanation"]!.GetValue<string>();
            Assert.InRange(explanation.Length, 1, 200);
            Assert.True(explanation.Count(c => c == '\n') <= 2);
            Assert.Contains("Source", explanation);
        }
    }

    [Fact]
    public async Task A_reload_with_a_broken_file_reports_it_and_the_old_knowledge_keeps_serving()
    {
        await using var world = await TestWorld.CreateAsync();
        var folder = Path.Combine(world.Directory, "knowledge");
        CopyDirectory(RepositoryPaths.Knowledge, folder);
        using var store = new KnowledgeStore(Options.Create(new KnowledgeOptions { Path = folder, Watch = false }), world.Clock, NullLogger<KnowledgeStore>.Instance);
        var before = store.Current;
        world.Server.Enqueue(Tg.Private("/reload", userId: 1001));
        await using var adapter = await world.StartAdapterAsync(reloader: store, knowledge: store);
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        Assert.Contains("Knowledge reloaded", world.Server.Calls("sendMessage")[0].Text);

        var broken = Path.Combine(folder, "quiz", "anatomy.yaml");
        await File.WriteAllTextAsync(broken, "questions:\n  - id: q-broken\n    question: [unclosed\n");
        world.Server.Enqueue(Tg.Private("/reload", userId: 1001));
        world.Server.Enqueue(Tg.Private("/quiz", userId: 1001));
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2 && s.Calls("sendPoll").Count == 1);

        var report = world.Server.Calls("sendMessage")[1].Text;
        Assert.Contains("Reload failed", report);
        Assert.Contains("anatomy.yaml:", report);
        Assert.Equal(before.Version, store.Current.Version);
        var posted = world.Server.Calls("sendPoll")[0].Body["question"]!.GetValue<string>();
        Assert.Contains(before.Quiz, q => q.Question == posted);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
