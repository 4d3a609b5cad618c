using AnatomyBot.Testing;

namespace AnatomyBot.Knowledge.Tests;

public sealed class DebouncerTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(500);
    private readonly FakeTimeProvider _clock = new();
    private int _runs;

    private Debouncer Create() => new(Delay, _clock, () =>
    {
        Interlocked.Increment(ref _runs);
        return Task.CompletedTask;
    });

    [Fact]
    public async Task Runs_once_after_the_delay()
    {
        using var debouncer = Create();
        Assert.Equal(0, _clock.ActiveTimerCount);

        debouncer.Signal();
        Assert.Equal(1, _clock.ActiveTimerCount);
        _clock.Advance(Delay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, _runs);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await debouncer.LastRun;
        Assert.Equal(1, _runs);
        Assert.Equal(0, _clock.ActiveTimerCount);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Each_signal_restarts_the_wait_so_a_burst_runs_once()
    {
        using var debouncer = Create();

        for (var i = 0; i < 10; i++)
        {
            debouncer.Signal();
            _clock.Advance(TimeSpan.FromMilliseconds(400));
        }

        Assert.Equal(0, _runs);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        await debouncer.LastRun;
        Assert.Equal(1, _runs);
    }

    [Fact]
    public async Task Signals_after_a_run_start_a_new_wait()
    {
        using var debouncer = Create();

        debouncer.Signal();
        _clock.Advance(Delay);
        debouncer.Signal();
        _clock.Advance(Delay);
        await debouncer.LastRun;

        Assert.Equal(2, _runs);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var debouncer = Create();
        debouncer.Signal();
        debouncer.Dispose();
        debouncer.Signal();

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, _runs);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public async Task A_slow_run_and_a_new_signal_do_not_overlap()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        var runs = 0;
        using var debouncer = new Debouncer(Delay, _clock, async () =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            if (Interlocked.Increment(ref runs) == 1)
            {
                await gate.Task;
            }

            Interlocked.Decrement(ref running);
        });

        debouncer.Signal();
        _clock.Advance(Delay);
        debouncer.Signal();
        _clock.Advance(Delay);
        gate.SetResult();
        await debouncer.LastRun.WaitAsync(Wait.Guard);

        Assert.Equal(2, runs);
        Assert.Equal(1, maxRunning);
    }
}
