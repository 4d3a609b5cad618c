using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgeWatcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TestKnowledgeFolder _folder = new();
    private readonly FakeTimeProvider _clock = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writing_a_file_reloads_once_changes_settle()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, DebounceMilliseconds = 500 });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);
        var before = store.Current;
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Watching.WaitAsync(Timeout);

            _folder.CopyFrom("variant-b");

            // The file events arm the debounce timer; nothing reloads until the fake clock passes the interval.
            await Wait.UntilAsync(() => _clock.ActiveTimerCount > 0);
            Assert.Same(before, store.Current);
            _clock.Advance(TimeSpan.FromMilliseconds(499));
            Assert.Same(before, store.Current);

            await Wait.UntilAsync(() =>
            {
                // More events may still arrive and re-arm the timer; keep moving the clock past it.
                _clock.Advance(TimeSpan.FromMilliseconds(500));
                return store.Current.Muscles.Length == 4;
            });

            Assert.Contains(store.Current.Muscles, m => m.Id == "psoas-minor");
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Broken_file_keeps_serving_the_old_snapshot()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, DebounceMilliseconds = 200 });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);
        var before = store.Current;
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Watching.WaitAsync(Timeout);
            _folder.Write("muscles/iliacus.yaml", "id: [");

            await Wait.UntilAsync(() => _clock.ActiveTimerCount > 0);
            _clock.Advance(TimeSpan.FromMilliseconds(200));
            Assert.NotSame(Task.CompletedTask, watcher.LastReload);
            await watcher.LastReload.WaitAsync(Timeout);

            Assert.Same(before, store.Current);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Polling_reloads_a_change_at_the_next_look_without_file_events()
    {
        var interval = TimeSpan.FromSeconds(2);
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, DebounceMilliseconds = 500, PollIntervalSeconds = 2 });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);
        var before = store.Current;
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Watching.WaitAsync(Timeout);
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(interval));

            _folder.CopyFrom("variant-b");

            // Nothing happens between looks: the file events that arrive here are not listened to.
            _clock.Advance(interval - TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, _clock.ActiveTimerCount); // the wait for the next look; no reload is armed
            Assert.Same(before, store.Current);

            // The next look sees new sizes and write times and arms the debounce; the reload follows it.
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(500)));
            Assert.Same(before, store.Current);
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            await Wait.UntilAsync(() => store.Current.Muscles.Length == 4);
            Assert.Contains(store.Current.Muscles, m => m.Id == "psoas-minor");

            // An unchanged folder is not reloaded again at the next look (due 2 s after the last one, 0.5 s ago).
            var reloaded = store.Current;
            var nextLook = interval - TimeSpan.FromMilliseconds(500);
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(nextLook));
            _clock.Advance(nextLook);
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(interval));
            Assert.Same(reloaded, store.Current);
            Assert.Equal(1, _clock.ActiveTimerCount);
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Watch_false_does_not_watch()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, Watch = false });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);

        await watcher.StartAsync(CancellationToken.None);
        await (watcher.ExecuteTask ?? Task.CompletedTask).WaitAsync(Timeout);
        await watcher.StopAsync(CancellationToken.None);

        Assert.False(watcher.Watching.IsCompleted);
    }
}
