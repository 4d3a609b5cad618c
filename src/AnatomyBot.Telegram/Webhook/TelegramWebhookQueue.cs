using System.Text.Json;
using System.Threading.Channels;
using AnatomyBot.Telegram.Storage;
using AnatomyBot.Telegram.Updates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Webhook;

internal enum WebhookAcceptance
{
    /// <summary>Queued: answer 200.</summary>
    Accepted,
    /// <summary>Already queued or handled (Telegram retried): answer 200 so it stops.</summary>
    Duplicate,
    /// <summary>The queue is full or closed (shutting down): answer 503 so Telegram retries later.</summary>
    Unavailable,
}

/// <summary>
/// Webhook updates are acknowledged at once and handled here, in order, by one background worker. The queue is
/// bounded (Telegram:Webhook:QueueCapacity); when it is full or the host is stopping, the endpoint answers 503 and
/// Telegram delivers again later. On shutdown the queue is closed and drained (bounded by the host's shutdown
/// timeout) so an update Telegram was told was accepted is not lost. Handled update ids are stored, so a delivery
/// Telegram repeats (it retries when our answer did not reach it) is handled once.
/// </summary>
internal sealed class TelegramWebhookQueue(
    UpdateDispatcher dispatcher,
    ITelegramStore store,
    BotIdentity bot,
    TelegramAdapterLifetime adapter,
    TimeProvider timeProvider,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookQueue> logger) : IHostedService, IDisposable
{
    private readonly Channel<(long UpdateId, JsonElement Update)> _queue = Channel.CreateBounded<(long, JsonElement)>(
        new BoundedChannelOptions(Math.Max(1, options.Value.Webhook.QueueCapacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Lock _gate = new();
    private readonly HashSet<long> _pending = [];
    private readonly CancellationTokenSource _abort = new();
    private Task _worker = Task.CompletedTask;

    public bool Enabled => options.Value.Webhook.Enabled;

    /// <summary>Updates accepted and not handled yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    public async Task<WebhookAcceptance> AcceptAsync(long updateId, JsonElement update, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_pending.Add(updateId))
            {
                return WebhookAcceptance.Duplicate;
            }
        }

        try
        {
            await store.MigrateAsync(cancellationToken);
            if (await store.IsUpdateHandledAsync(updateId, cancellationToken))
            {
                Forget(updateId);
                return WebhookAcceptance.Duplicate;
            }

            if (_queue.Writer.TryWrite((updateId, update.Clone())))
            {
                return WebhookAcceptance.Accepted;
            }
        }
        catch
        {
            Forget(updateId);
            throw;
        }

        Forget(updateId);
        return WebhookAcceptance.Unavailable;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Enabled)
        {
            _worker = Task.Run(() => DrainAsync(_abort.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (!Enabled)
        {
            return;
        }

        // Drain what was accepted; only the host's shutdown timeout cuts it short.
        await using (cancellationToken.Register(() => _abort.Cancel()))
        {
            try
            {
                await _worker.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                logger.LogError("Shutdown timeout reached with {Count} accepted Telegram webhook update(s) not handled", Pending);
            }
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task DrainAsync(CancellationToken abort)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(abort, adapter.Stopped);
        var cancellationToken = linked.Token;
        try
        {
            // Telegram may deliver before getMe answered; the handler needs to know who the bot is.
            await bot.WhenKnown.WaitAsync(cancellationToken);
            await foreach (var (updateId, update) in _queue.Reader.ReadAllAsync(CancellationToken.None))
            {
                await dispatcher.DispatchAsync(update, updateId, cancellationToken);
                await store.MarkUpdateHandledAsync(updateId, timeProvider.GetUtcNow(), cancellationToken);
                Forget(updateId);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown timeout or a fatal adapter error.
        }
    }

    private void Forget(long updateId)
    {
        lock (_gate)
        {
            _pending.Remove(updateId);
        }
    }
}
