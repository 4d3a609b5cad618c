using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Runs the Telegram adapter: opens the store, introduces the bot (<see cref="BotSetup"/>), then either keeps the
/// webhook registered or polls (<see cref="UpdatePoller"/>) while this replica holds the polling lease. The offset is
/// stored after each update is handled (or skipped as malformed), so a restart neither skips nor repeats one; an update
/// being handled when the process stops is handled again after the restart, but one already handled has its offset
/// written even when the stop comes during that write (bounded by <see cref="UpdatePoller.OffsetWriteBound"/>), so a
/// clean stop repeats none. The polling lease is given up only after that. When the store refuses the offset write,
/// the adapter is reported degraded and each getUpdates batch is cut after one update until a retry succeeds
/// (<see cref="UpdateOffset"/>): a crash then repeats at most the one update in flight.
/// </summary>
internal sealed class TelegramPollingService(
    IStorageSchema schema,
    StorageFaults faults,
    BotSetup setup,
    PollingLease lease,
    UpdatePoller poller,
    TelegramHealth health,
    TelegramAdapterLifetime adapter,
    IOptions<TelegramOptions> options) : BackgroundService
{
    internal const string UnauthorizedMessage =
        "Telegram rejected the bot token (401 Unauthorized): the token is wrong or was revoked. "
        + "Set Telegram__Token (Telegram:Token) to the token @BotFather gives you (/mybots > API Token) and restart.";

    internal const string ConflictMessage =
        "Telegram answered 409 Conflict: another instance is polling with this bot token, or a webhook is set for it. "
        + "Stop the other instance, or remove the webhook (Bot API deleteWebhook); retrying with back-off.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, adapter.Stopped);
        var cancellationToken = linked.Token;
        try
        {
            // A locked or full store is waited out; one that cannot be opened stops the adapter (and the host).
            await faults.RetryAsync("open the database", schema.MigrateAsync, cancellationToken);
            if (!await setup.IntroduceAsync(cancellationToken))
            {
                return;
            }

            if (options.Value.Webhook.Enabled)
            {
                if (await setup.RegisterWebhookAsync(cancellationToken))
                {
                    // Updates now arrive on the HTTP listener; stay alive so shutdown is seen (and reported) here.
                    await Task.Delay(Timeout.InfiniteTimeSpan, faults.TimeProvider, cancellationToken);
                }

                return;
            }

            if (await setup.DeleteWebhookAsync(cancellationToken))
            {
                await PollWhileLeasedAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested)
            {
                health.Set(AdapterState.Stopped, "the host is shutting down");
            }
        }
    }

    /// <summary>
    /// Polls while this replica holds the polling lease (<see cref="PollingLease"/>; always with one process). When the
    /// lease is lost the poll in flight is cancelled and the replica stands by until it can take the lease again, then
    /// goes on from the stored offset, which the replica that polled meanwhile kept up to date.
    /// </summary>
    private async Task PollWhileLeasedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var held = await lease.AcquireAsync(detail => health.Connected(detail), cancellationToken);
            if (lease.Shared)
            {
                health.Connected("polling");
            }

            try
            {
                await poller.PollAsync(() => held.LostBecause is not null, held.Token);
            }
            catch (OperationCanceledException) when (held.LostBecause is not null && !cancellationToken.IsCancellationRequested)
            {
                // Lost mid-poll or mid-update: an update not confirmed yet is handled by the next holder.
            }

            if (held.LostBecause is null || cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
