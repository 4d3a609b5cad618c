using System.Diagnostics;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Knowledge.Loading;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge.Tests;

/// <summary>
/// Odd things in the knowledge folder (issue 13): pipes, devices, links out of the folder, floods of broken files,
/// and a stuck reload. Each must end in a clear error that quotes nothing from the files, never a hang or a
/// memory blow-up, and never replace good knowledge.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly TestKnowledgeFolder _folder = new();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "anatomybot-outside-" + Guid.NewGuid().ToString("N"));

    public FileSafetyTests() => Directory.CreateDirectory(_outside);

    public void Dispose()
    {
        _folder.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    [Fact]
    public async Task A_fifo_named_yaml_is_reported_not_opened()
    {
        var fifo = Path.Combine(_folder.Path, "topics", "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        // Opening a FIFO with no writer blocks forever; the load must finish without one.
        var result = await Task.Run(_folder.Load).WaitAsync(Wait.Guard);

        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Errors);
        Assert.Equal("topics/pipe.yaml", error.File);
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "topics", "zero.yaml"), "/dev/zero");
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var result = _folder.Load();

        Assert.Null(result.Snapshot);
        Assert.Contains(result.Errors, e => e.File == "topics/zero.yaml");
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 64L * 1024 * 1024, "loading read far more than the 1 MiB file limit");
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_not_followed_and_its_content_never_quoted()
    {
        var secret = Path.Combine(_outside, "passwd");
        File.WriteAllText(secret, "root:x:0:0:root:/root:/bin/bash\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "topics", "leak.yaml"), secret);

        var result = _folder.Load();

        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Errors);
        Assert.Equal("topics/leak.yaml", error.File);
        Assert.Contains("outside the knowledge folder", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:x", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_linked_folder_outside_the_folder_is_not_followed_either()
    {
        File.WriteAllText(Path.Combine(_outside, "extra.yaml"), "id: extra\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Path, "topics", "elsewhere"), _outside);

        var result = _folder.Load();

        // The nested file is both misplaced and outside; either way it is never read.
        Assert.Null(result.Snapshot);
        Assert.All(result.Errors, e => Assert.DoesNotContain("extra", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_that_stays_inside_the_folder_still_works()
    {
        var real = Path.Combine(_folder.Path, "muscles", "iliacus.yaml");
        var stash = Path.Combine(_folder.Path, "muscles-real");
        Directory.CreateDirectory(stash);
        File.Move(real, Path.Combine(stash, "iliacus.yml.txt"));
        File.CreateSymbolicLink(real, Path.Combine(stash, "iliacus.yml.txt"));

        KnowledgeAssert.Succeeds(_folder.Load());
    }

    [Fact]
    public void A_flood_of_broken_files_is_capped_and_says_how_many_more()
    {
        // Every unknown field is one problem: 20 files of 5,000 give 100,000.
        var unknownFields = string.Concat(Enumerable.Range(0, 5_000).Select(i => $"unknown{i}: x\n"));
        for (var i = 0; i < 20; i++)
        {
            _folder.Write($"topics/broken{i}.yaml", $"id: broken{i}\n" + unknownFields);
        }

        var result = _folder.Load();

        Assert.Null(result.Snapshot);
        Assert.Equal(ProblemList.MaxKept + 1, result.Errors.Length);
        var last = result.Errors[^1];
        Assert.Equal("(more)", last.Field);
        Assert.Matches("^[0-9]{5,} more problem", last.Message);
    }

    [Fact]
    public void Control_characters_and_long_values_never_reach_a_message_whole()
    {
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name: Iliacus\n\"evil\\e[31m" + new string('x', 5_000) + "\": 1");

        var result = _folder.Load();

        Assert.Null(result.Snapshot);
        Assert.All(result.Errors, e =>
        {
            Assert.DoesNotContain('\u001b', e.Message);
            Assert.True(e.Message.Length <= ProblemList.MaxMessageLength + 3, e.Message);
        });
    }

    [Fact]
    public void A_chat_reload_reply_quotes_no_file_content()
    {
        _folder.Edit("muscles/iliacus.yaml", "name: Iliacus", "name: [secret-value-from-file]");
        var result = _folder.Load();
        Assert.Null(result.Snapshot);

        var reply = ReloadText.Format(ReloadResult.Failure(result.Errors));

        Assert.Contains("muscles/iliacus.yaml", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_that_hangs_is_given_up_and_the_old_knowledge_kept()
    {
        var clock = new FakeTimeProvider();
        var options = Options.Create(new KnowledgeOptions { Path = _folder.Path, ReloadTimeoutSeconds = 30 });
        using var stuck = new ManualResetEventSlim();
        var calls = 0;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var store = new KnowledgeStore(options, clock, NullLogger<KnowledgeStore>.Instance, load: token =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                entered.SetResult();
                stuck.Wait(CancellationToken.None); // a read stuck in the kernel ignores cancellation
            }

            return KnowledgeLoader.Load(_folder.Path, clock, token);
        });
        var before = store.Current;

        // Bounded waits are generous: the stuck load holds a pool thread, and CI runs other tests beside this one.
        var reload = store.ReloadAsync(CancellationToken.None);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromSeconds(30)), TimeSpan.FromSeconds(60));
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await reload.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(result.Succeeded);
        Assert.Contains("Knowledge:ReloadTimeoutSeconds", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Same(before, store.Current);

        // The next reload is not blocked by the stuck one.
        var next = await store.ReloadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(next.Succeeded);
        stuck.Set();
    }
}
