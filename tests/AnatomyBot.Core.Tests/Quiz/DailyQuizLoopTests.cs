using AnatomyBot.Core.Quiz;
using AnatomyBot.Testing;

namespace AnatomyBot.Core.Tests.Quiz;

/// <summary>
/// The loop both daily quiz schedulers run, on the fake clock: a pass, a sleep until the instant the pass named (cut
/// short by a subscription change), and the shared exponential back-off after a pass that threw.
/// </summary>
public sealed class DailyQuizLoopTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sleeps_on_the_clock_until_the_instant_the_pass_names_then_passes_again()
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        var passes = new List<DateTimeOffset>();
        using var loop = new DailyQuizLoop(clock, Cap);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(
            _ =>
            {
                lock (passes)
                {
                    passes.Add(clock.GetUtcNow());
                }

                return Task.FromResult(clock.GetUtcNow() + TimeSpan.FromMinutes(10));
            },
            (ex, _) => throw new InvalidOperationException("no pass should fail", ex),
            stop.Token);

        await Wait.UntilAsync(() => loop.CompletedPasses == 1 && clock.HasTimerDueIn(TimeSpan.FromMinutes(10)));
        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Equal(1, loop.CompletedPasses);

        clock.Advance(TimeSpan.FromTicks(1));
        await Wait.UntilAsync(() => loop.CompletedPasses == 2 && clock.HasTimerDueIn(TimeSpan.FromMinutes(10)));
        lock (passes)
        {
            Assert.Equal([start, start + TimeSpan.FromMinutes(10)], passes);
        }

        await stop.CancelAsync();
        await running.WaitAsync(Wait.Guard);
    }

    [Fact]
    public async Task A_subscription_change_wakes_the_loop_before_its_instant()
    {
        var clock = new FakeTimeProvider();
        using var loop = new DailyQuizLoop(clock, Cap);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(
            _ => Task.FromResult(clock.GetUtcNow() + TimeSpan.FromHours(1)),
            (ex, _) => throw new InvalidOperationException("no pass should fail", ex),
            stop.Token);
        await Wait.UntilAsync(() => loop.CompletedPasses == 1 && clock.HasTimerDueIn(TimeSpan.FromHours(1)));

        loop.Notify();

        await Wait.UntilAsync(() => loop.CompletedPasses == 2);
        await stop.CancelAsync();
        await running.WaitAsync(Wait.Guard);
    }

    [Fact]
    public async Task A_failing_pass_is_retried_after_the_shared_back_off_which_starts_over_after_a_success()
    {
        var clock = new FakeTimeProvider();
        var script = new Queue<bool>([false, false, true, false]); // false: the pass throws
        var retries = new List<TimeSpan>();
        using var loop = new DailyQuizLoop(clock, Cap, jitter: () => 0.0);
        using var stop = new CancellationTokenSource();
        var running = loop.RunAsync(
            _ =>
            {
                lock (script)
                {
                    if (script.Count == 0 || script.Dequeue())
                    {
                        return Task.FromResult(clock.GetUtcNow() + TimeSpan.FromMinutes(1));
                    }
                }

                throw new IOException("database is locked");
            },
            (ex, retry) =>
            {
                Assert.IsType<IOException>(ex);
                lock (retries)
                {
                    retries.Add(retry);
                }
            },
            stop.Token);

        // Back-off with no jitter: 0.5 s, then 1 s; a success resets it, so the next failure waits 0.5 s again.
        await Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromSeconds(0.5)));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        await Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, loop.CompletedPasses);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => loop.CompletedPasses == 1 && clock.HasTimerDueIn(TimeSpan.FromMinutes(1)));
        clock.Advance(TimeSpan.FromMinutes(1));
        await Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromSeconds(0.5)));

        lock (retries)
        {
            Assert.Equal([TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(0.5)], retries);
        }

        await stop.CancelAsync();
        await running.WaitAsync(Wait.Guard);
    }

    [Fact]
    public async Task Stopping_ends_the_loop_during_its_sleep_and_during_a_pass()
    {
        var clock = new FakeTimeProvider();
        using var loop = new DailyQuizLoop(clock, Cap);
        using (var stop = new CancellationTokenSource())
        {
            var sleeping = loop.RunAsync(
                _ => Task.FromResult(clock.GetUtcNow() + TimeSpan.FromHours(1)), (_, _) => { }, stop.Token);
            await Wait.UntilAsync(() => clock.HasTimerDueIn(TimeSpan.FromHours(1)));
            await stop.CancelAsync();
            await sleeping.WaitAsync(Wait.Guard);
        }

        using (var stop = new CancellationTokenSource())
        {
            var failures = 0;
            var inPass = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var passing = loop.RunAsync(
                async ct =>
                {
                    inPass.TrySetResult();
                    await Task.Delay(Timeout.InfiniteTimeSpan, clock, ct);
                    return clock.GetUtcNow();
                },
                (_, _) => Interlocked.Increment(ref failures),
                stop.Token);
            await inPass.Task.WaitAsync(Wait.Guard);
            await stop.CancelAsync();
            await passing.WaitAsync(Wait.Guard);
            Assert.Equal(0, failures);
        }
    }
}
