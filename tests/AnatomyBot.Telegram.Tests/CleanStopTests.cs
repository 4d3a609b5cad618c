using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Updates;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnatomyBot.Telegram.Tests;

/// <summary>
/// A clean stop (SIGTERM, a deploy, a replica handing the polling lease over) repeats no update: one already answered
/// when the stop comes still has its offset stored, so the restarted process or the next poller does not answer it again.
/// </summary>
public sealed class CleanStopTests
{
    [Fact]
    public async Task A_stop_during_the_offset_write_of_an_answered_update_still_stores_the_offset()
    {
        await using var world = await TestWorld.CreateAsync();
        using var store = TelegramStoreView.Open(world.DatabasePath);
        var inbox = new OffsetWriteGate(store.Inbox);
        await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine,
            configure: services => services.AddSingleton<IUpdateInbox>(inbox));

        var updateId = world.Server.Enqueue(Tg.Private("what nerve supplies the iliacus", userId: 501));
        await world.PumpUntilAsync(_ => inbox.Entered.IsCompleted);
        Assert.Single(world.Server.Calls("sendMessage")); // answered; its offset write is under way

        // The polling service's stop cancels its token at once (the host stopping, or the replica standing down) ...
        var polling = adapter.Services.GetServices<IHostedService>().OfType<TelegramPollingService>().Single();
        using var guard = new CancellationTokenSource(Wait.Guard);
        var stopping = polling.StopAsync(guard.Token);
        // ... and only then does the write reach the database.
        inbox.Release();
        await stopping;

        Assert.Equal(updateId + 1, await store.GetUpdateOffsetAsync(default));
        Assert.False(inbox.WriteToken.IsCancellationRequested);
        Assert.Single(world.Server.Calls("sendMessage"));
    }

    /// <summary>The real SQLite inbox, whose first offset write waits until the test releases it.</summary>
    private sealed class OffsetWriteGate(IUpdateInbox inner) : IUpdateInbox
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _writes;

        public Task Entered => _entered.Task;

        /// <summary>The token the held write was given.</summary>
        public CancellationToken WriteToken { get; private set; }

        public void Release() => _release.TrySetResult();

        public async Task SetOffsetAsync(string stream, long offset, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                WriteToken = cancellationToken;
                _entered.TrySetResult();
                await _release.Task.WaitAsync(Wait.Guard, CancellationToken.None);
            }

            await inner.SetOffsetAsync(stream, offset, cancellationToken);
        }

        public Task<long?> GetOffsetAsync(string stream, CancellationToken cancellationToken) => inner.GetOffsetAsync(stream, cancellationToken);

        public Task<bool> IsHandledAsync(string stream, long updateId, CancellationToken cancellationToken) => inner.IsHandledAsync(stream, updateId, cancellationToken);

        public Task<bool> EnqueueAsync(string stream, long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.EnqueueAsync(stream, updateId, json, at, cancellationToken);

        public Task<IReadOnlyList<InboxUpdate>> GetPendingAsync(string stream, int limit, CancellationToken cancellationToken) =>
            inner.GetPendingAsync(stream, limit, cancellationToken);

        public Task<int> CountPendingAsync(string stream, CancellationToken cancellationToken) => inner.CountPendingAsync(stream, cancellationToken);

        public Task CompleteAsync(string stream, long updateId, DateTimeOffset at, CancellationToken cancellationToken) =>
            inner.CompleteAsync(stream, updateId, at, cancellationToken);
    }
}
