using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Telegram.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Telegram.Tests;

public sealed class ModerationTests
{
    private const long Moderator = 1001;

    [Fact]
    public async Task Moderator_reload_replies_with_the_report()
    {
        var reloader = new Mock<IKnowledgeReloader>();
        reloader.Setup(r => r.ReloadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(ReloadResult.Success(
            new ReloadReport(4, 25, 64, 5, ["topic-new"], ["psoas-minor"], [], "v2")));
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Group("/reload", userId: Moderator));
        await using var adapter = await world.StartAdapterAsync(reloader.Object);

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Once);
        var text = world.Server.Calls("sendMessage")[0].Text;
        Assert.Contains("Knowledge reloaded (version v2): 4 muscles, 25 topics, 64 quiz questions, 5 sources.", text);
        Assert.Contains("Added: topic-new", text);
        Assert.Contains("Changed: psoas-minor", text);
        Assert.Contains(adapter.Logs.Entries, e => e.Message.Contains($"requested by Telegram moderator {Moderator}"));
    }

    [Fact]
    public async Task Failed_reload_lists_every_error_with_file_and_line()
    {
        var errors = Enumerable.Range(1, 25).Select(i => new KnowledgeError($"muscles/psoas-<{i}>.yaml", i, "origin", "is required")).ToImmutableArray();
        var reloader = new Mock<IKnowledgeReloader>();
        reloader.Setup(r => r.ReloadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(ReloadResult.Failure(errors));
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("/reload", userId: Moderator));
        await using var adapter = await world.StartAdapterAsync(reloader.Object);

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        var text = world.Server.Calls("sendMessage")[0].Text;
        Assert.Contains("Reload failed with 25 problem(s); the previous knowledge is still being served.", text);
        Assert.Contains("muscles/psoas-&lt;1&gt;.yaml:1: origin: is required", text);
        Assert.Contains("muscles/psoas-&lt;25&gt;.yaml:25: origin: is required", text);
        HtmlAssert.Valid(text);
    }

    [Fact]
    public async Task A_slow_reload_does_not_hold_up_answers_to_other_messages()
    {
        var pending = new TaskCompletionSource<ReloadResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reloader = new Mock<IKnowledgeReloader>();
        reloader.Setup(r => r.ReloadAsync(It.IsAny<CancellationToken>())).Returns(pending.Task);
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("/reload", userId: Moderator));
        world.Server.Enqueue(Tg.Private("what nerve supplies the iliacus", userId: 77));
        await using var adapter = await world.StartAdapterAsync(reloader.Object);

        // The question behind the /reload is answered while the reload is still running.
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        Assert.Contains("what nerve supplies the iliacus", world.Server.Calls("sendMessage")[0].Text, StringComparison.Ordinal);

        pending.SetResult(ReloadResult.Failure([new KnowledgeError("muscles/iliacus.yaml", 3, "name", "is required")]));
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 2);
        Assert.Contains("Reload failed", world.Server.Calls("sendMessage")[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_moderator_reload_is_refused_politely_and_logged()
    {
        var reloader = new Mock<IKnowledgeReloader>(MockBehavior.Strict);
        await using var world = await TestWorld.CreateAsync();
        world.Server.SetMemberStatus(Tg.GroupId, 55, "administrator"); // chat admins are not moderators
        world.Server.Enqueue(Tg.Group("/reload", userId: 55));
        await using var adapter = await world.StartAdapterAsync(reloader.Object);

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);

        Assert.Contains("only AnatomyBot moderators can reload", world.Server.Calls("sendMessage")[0].Text);
        reloader.Verify(r => r.ReloadAsync(It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(adapter.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Refused /reload from Telegram user 55"));
    }
}
