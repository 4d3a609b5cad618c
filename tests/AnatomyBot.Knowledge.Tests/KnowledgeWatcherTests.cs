using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge.Tests;

public sealed class KnowledgeWatcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = Wait.Guard;
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

            // The files must then look the same for one more window before they are published.
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(500)));
            Assert.Same(before, store.Current);
            _clock.Advance(TimeSpan.FromMilliseconds(500));
            await Wait.UntilAsync(() => store.Current.Muscles.Length == 4);
            Assert.Contains(store.Current.Muscles, m => m.Id == "psoas-minor");

            // An unchanged folder is not reloaded again at the next look (due 2 s after the last one, 1 s ago).
            var reloaded = store.Current;
            var nextLook = interval - TimeSpan.FromMilliseconds(1000);
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

    [Fact]
    public async Task A_replaced_folder_is_followed_and_later_edits_reload()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, DebounceMilliseconds = 200 });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        var staged = _folder.Path + ".new";
        try
        {
            await watcher.Watching.WaitAsync(Timeout);

            // A deploy swaps the whole folder: mv k k.old && mv k.new k.
            CopyDirectory(TestKnowledgeFolder.FixturePath("valid"), staged);
            Directory.Move(_folder.Path, _folder.Path + ".old");
            Directory.Move(staged, _folder.Path);
            await Wait.UntilAsync(() => _clock.ActiveTimerCount > 0);

            // Then an edit inside the new folder must still be seen.
            _folder.CopyFrom("variant-b");
            await Wait.UntilAsync(() =>
            {
                _clock.Advance(TimeSpan.FromMilliseconds(200));
                return store.Current.Muscles.Length == 4;
            });
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
            if (Directory.Exists(_folder.Path + ".old"))
            {
                Directory.Delete(_folder.Path + ".old", recursive: true);
            }
        }
    }

    [Fact]
    public async Task A_file_still_being_written_is_not_published_until_it_has_been_stable_for_a_window()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, DebounceMilliseconds = 200 });
        using var store = new KnowledgeStore(options, _clock, NullLogger<KnowledgeStore>.Instance);
        using var watcher = new KnowledgeWatcher(store, options, _clock, NullLogger<KnowledgeWatcher>.Instance);
        var before = store.Current;
        await watcher.StartAsync(CancellationToken.None);
        try
        {
            await watcher.Watching.WaitAsync(Timeout);

            // The first half of a save is valid YAML on its own.
            _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name: Half saved");
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(200)));
            _clock.Advance(TimeSpan.FromMilliseconds(200));

            // One quiet window has passed, but the files differ from the last look: wait one more.
            await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(200)));
            Assert.Same(before, store.Current);

            // The rest of the save lands within that window, so the half file is never served.
            _folder.Edit("muscles/iliacus.yaml", "name: Half saved", "name: Iliacus (saved)");
            await Wait.UntilAsync(() =>
            {
                _clock.Advance(TimeSpan.FromMilliseconds(200));
                return store.Current.Muscles.Any(m => m.Name == "Iliacus (saved)");
            });
        }
        finally
        {
            await watcher.StopAsync(CancellationToken.None);
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
