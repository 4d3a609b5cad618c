using System.Text.Json;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;
using AnatomyBot.Telegram.Updates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Webhook;

internal enum WebhookAcceptance
{
    /// <summary>Stored in the inbox: answer 200.</summary>
    Accepted,
    /// <summary>Already in the inbox or handled (Telegram retried): answer 200 so it stops.</summary>
    Duplicate,
    /// <summary>
    /// Not stored (the inbox is full, the store refuses writes, or the host is stopping): answer 503 so Telegram
    /// delivers it again later.
    /// </summary>
    Unavailable,
}

/// <summary>
/// Webhook updates are stored in the durable inbox (<see cref="IUpdateInbox"/>) <em>before</em> Telegram gets its 200, and handled from
/// there, in update_id order, by one background worker; an update is marked handled and leaves the inbox in one
/// transaction after it was handled. So a crash loses nothing Telegram was told was accepted: the inbox is drained
/// after the next start (the update being handled at the crash is handled again). The worker is supervised: a failure
/// is logged, counted and followed by a restart with back-off; storage failures are retried where they happen, with
/// the adapter reported degraded meanwhile. /healthz reports a worker that is not running as failed. The inbox is
/// bounded (Telegram:Webhook:QueueCapacity); when it is full, the store refuses the write, or the host is stopping,
/// the endpoint answers 503 and Telegram delivers again later. On shutdown the worker drains the inbox until the
/// host's shutdown timeout; what is left stays stored for the next start.
/// </summary>
internal sealed class TelegramWebhookQueue(
    UpdateDispatcher dispatcher,
    IUpdateInbox inbox,
    StorageFaults faults,
    BotIdentity bot,
    TelegramAdapterLifetime adapter,
    TelegramHealth health,
    TelegramMetrics metrics,
    TimeProvider timeProvider,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookQueue> logger) : IHostedService, IDisposable
{
    /// <summary>
    /// Updates taken from the inbox at a time: one. With replicas sharing the inbox, taking an update claims it for
    /// <c>Storage:ClaimSeconds</c>; a batch claimed at once could run out while its last updates still wait on a loaded
    /// replica, and another replica would answer them too (the replicas proof saw that with batches of 10 and 5-second
    /// claims). One at a time, a claim only has to outlast the handling of one update. A query per update costs little
    /// next to answering it.
    /// </summary>
    private const int BatchSize = 1;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _worker = Task.CompletedTask;
    private int _pending;
    private volatile bool _accepting;
    private volatile bool _stopping;
    private volatile string? _restarting;
    private long? _dispatchedNotCompleted;

    public bool Enabled => options.Value.Webhook.Enabled;

    /// <summary>Updates stored in the inbox and not handled yet (as far as this process knows).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async Task<WebhookAcceptance> AcceptAsync(long updateId, JsonElement update, CancellationToken cancellationToken)
    {
        if (!_accepting || Pending >= Math.Max(1, options.Value.Webhook.QueueCapacity))
        {
            return WebhookAcceptance.Unavailable;
        }

        bool stored;
        try
        {
            stored = await inbox.EnqueueAsync(TelegramKeys.Platform, updateId, update.GetRawText(), timeProvider.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && faults.Classify(ex) != StorageFaultKind.None)
        {
            // Telegram keeps the update and delivers it again; nothing is acknowledged that is not stored.
            faults.Report("store a webhook update", ex);
            return WebhookAcceptance.Unavailable;
        }

        faults.Recovered();
        if (!stored)
        {
            return WebhookAcceptance.Duplicate;
        }

        Interlocked.Increment(ref _pending);
        Wake();
        return WebhookAcceptance.Accepted;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return;
        }

        health.WatchWorker(WorkerStatus);
        try
        {
            // What a previous run left in the inbox counts against the capacity; counted before anything is accepted.
            _pending = await inbox.CountPendingAsync(TelegramKeys.Platform, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && faults.Classify(ex) != StorageFaultKind.None)
        {
            faults.Report("count the webhook inbox", ex);
        }

        _accepting = true;
        _worker = Task.Run(() => SuperviseAsync(_abort.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _accepting = false;
        if (!Enabled)
        {
            return;
        }

        _stopping = true;
        _stopRequested.TrySetResult();
        Wake();

        // Drain what was accepted; only the host's shutdown timeout cuts it short, and what is left stays stored.
        await using (cancellationToken.Register(() => _abort.Cancel()))
        {
            try
            {
                await _worker.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.WebhookShutdownPending(Pending);
            }
        }
    }

    public void Dispose()
    {
        _abort.Dispose();
        _wake.Dispose();
    }

    private (AdapterState State, string Detail)? WorkerStatus()
    {
        if (_stopping)
        {
            return null;
        }

        if (_worker.IsCompleted)
        {
            return (AdapterState.Failed, "the webhook worker is not running: accepted updates are not being handled");
        }

        return _restarting is { } why ? (AdapterState.Degraded, why) : null;
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Shut down.
        }
    }

    private async Task SuperviseAsync(CancellationToken abort)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, adapter.Stopped);
        var cancellationToken = linked.Token;
        for (var failures = 0; ; failures++)
        {
            try
            {
                await DrainAsync(cancellationToken);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutdown timeout or a fatal adapter error.
                return;
            }
            catch (Exception ex)
            {
                var delay = StorageFaults.Backoff(failures);
                metrics.WebhookWorkerRestarted();
                _restarting = $"the webhook worker failed ({ex.GetType().Name}); restarting";
                logger.WebhookWorkerFailed(delay, ex.ToString());
                try
                {
                    await Task.Delay(delay, timeProvider, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Telegram may deliver before getMe answered; the handler needs to know who the bot is. Stopping before that
        // leaves the inbox stored for the next start.
        await Task.WhenAny(bot.WhenKnown, _stopRequested.Task).WaitAsync(cancellationToken);
        if (!bot.WhenKnown.IsCompleted)
        {
            return;
        }

        while (true)
        {
            var batch = await faults.RetryAsync("read the webhook inbox", ct => inbox.GetPendingAsync(TelegramKeys.Platform, BatchSize, ct), cancellationToken);
            _restarting = null;
            if (batch.Count == 0)
            {
                if (_stopping)
                {
                    return;
                }

                await _wake.WaitAsync(cancellationToken);
                continue;
            }

            foreach (var item in batch)
            {
                await HandleAsync(item, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(InboxUpdate item, CancellationToken cancellationToken)
    {
        // After a restart of the worker (not of the process) an update already handled is not handled twice.
        if (_dispatchedNotCompleted != item.UpdateId)
        {
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(item.Json);
            }
            catch (JsonException)
            {
                // Cannot happen for what the endpoint stored (it parsed it); a damaged row must not stall the inbox.
                logger.WebhookStoredBodyNotJson(item.UpdateId);
            }

            using (document)
            {
                if (document is not null)
                {
                    await dispatcher.DispatchAsync(document.RootElement, item.UpdateId, cancellationToken);
                }
            }

            _dispatchedNotCompleted = item.UpdateId;
        }

        await faults.RetryAsync("mark a webhook update handled",
            ct => inbox.CompleteAsync(TelegramKeys.Platform, item.UpdateId, timeProvider.GetUtcNow(), ct), cancellationToken);
        _dispatchedNotCompleted = null;
        Interlocked.Decrement(ref _pending);
    }
}
