using System.Text.Json;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Long-polls getUpdates and hands each update to the <see cref="UpdateDispatcher"/> one at a time, storing the offset
/// after each (<see cref="UpdateOffset"/>). The result is kept as raw JSON and each update is read on its own, so one the
/// library cannot read is skipped and confirmed instead of stalling the loop. A server that answers a long poll at once
/// with nothing (an emulator) is polled at most about once per <see cref="EmptyPollInterval"/>.
/// </summary>
internal sealed class UpdatePoller(
    BotApi client,
    UpdateDispatcher dispatcher,
    UpdateOffset offsets,
    BotApiRetrier calls,
    TelegramHealth health,
    TelegramMetrics metrics,
    IOptions<TelegramOptions> options,
    ILogger<UpdatePoller> logger)
{
    internal static readonly string[] AllowedUpdates = ["message", "poll_answer", "my_chat_member", "callback_query"];

    /// <summary>How long the offset write of an update already handled may take once the host is stopping (a hang guard).</summary>
    internal static readonly TimeSpan OffsetWriteBound = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two getUpdates calls once polls keep coming back at once and empty.</summary>
    internal static readonly TimeSpan EmptyPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled: by a stop, or when <paramref name="leaseLost"/>.</summary>
    public async Task PollAsync(Func<bool> leaseLost, CancellationToken cancellationToken)
    {
        offsets.Reset();
        var offset = await offsets.ReadAsync(cancellationToken);
        using var retries = calls.NewRun();
        var quickEmptyPolls = 0;
        var timeout = options.Value.PollTimeoutSeconds;
        var clock = calls.TimeProvider;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            var request = new GetRawUpdatesRequest { Offset = offset, Timeout = timeout, AllowedUpdates = AllowedUpdates };
            var result = await client.CallAsync(request, cancellationToken);
            if (!result.IsSuccess)
            {
                metrics.PollError(TelegramHealth.KindTag(result.Error!));
                if (!await calls.OnFailureAsync("getUpdates", result.Error!, retries, cancellationToken))
                {
                    return;
                }

                continue;
            }

            retries.Reset();
            if (result.Value.ValueKind != JsonValueKind.Array)
            {
                metrics.PollError("malformed");
                health.Set(AdapterState.Reconnecting, "getUpdates returned something other than a list; retrying");
                logger.GetUpdatesNotAList();
                await calls.WaitAsync(calls.FirstDelay(), cancellationToken);
                continue;
            }

            health.Connected("polling");
            (offset, var count) = await HandleBatchAsync(result.Value, offset, leaseLost, cancellationToken);
            quickEmptyPolls = await PaceEmptyPollsAsync(count, started, timeout, quickEmptyPolls, cancellationToken);
        }
    }

    /// <summary>Handles the batch's updates in order; returns the next offset and how many updates the batch had.</summary>
    private async Task<(long? Offset, int Count)> HandleBatchAsync(JsonElement batch, long? offset, Func<bool> leaseLost, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var element in batch.EnumerateArray())
        {
            count++;
            offset = await HandleOneAsync(element, offset, leaseLost, cancellationToken);
            if (offsets.Unsaved)
            {
                // The next getUpdates confirms this one to Telegram before another is handled.
                break;
            }
        }

        if (offsets.Unsaved && offset is { } unsaved)
        {
            // Retried after each long poll too, so a quiet chat still ends the degraded state.
            await offsets.SaveAsync(unsaved, cancellationToken);
        }

        return (offset, count);
    }

    /// <summary>
    /// A long poll that comes back at once with nothing, twice in a row, means the server does not hold polls: pace them
    /// on the clock instead of spinning. Telegram itself holds the poll, so it is never slowed. Returns the new count of
    /// such polls in a row.
    /// </summary>
    private async Task<int> PaceEmptyPollsAsync(int count, long started, int timeout, int quickEmptyPolls, CancellationToken cancellationToken)
    {
        var clock = calls.TimeProvider;
        var returnedAtOnce = clock.GetElapsedTime(started) < TimeSpan.FromSeconds(timeout) / 2;
        quickEmptyPolls = count == 0 && returnedAtOnce ? quickEmptyPolls + 1 : 0;
        if (quickEmptyPolls >= 2)
        {
            if (quickEmptyPolls == 2)
            {
                logger.LongPollsAnsweredAtOnce(EmptyPollInterval);
            }

            await calls.WaitAsync(EmptyPollInterval - clock.GetElapsedTime(started), cancellationToken);
        }

        return quickEmptyPolls;
    }

    private async Task<long?> HandleOneAsync(JsonElement element, long? offset, Func<bool> leaseLost, CancellationToken cancellationToken)
    {
        if (UpdateDispatcher.UpdateId(element) is not { } updateId)
        {
            // Without an id it cannot be confirmed on its own; the next update's offset confirms it.
            logger.UpdateWithoutId();
            return offset;
        }

        if (offset is { } current && updateId < current)
        {
            return offset;
        }

        await dispatcher.DispatchAsync(element, updateId, cancellationToken);
        var next = updateId + 1;

        // Handled: a stop arriving now must not cancel the offset write, or the next poller (or the restarted process)
        // would answer this update again; it only bounds it. A lost lease still cancels it at once: the new holder went
        // on from the stored offset and may already have stored a later one.
        using var write = new CancellationTokenSource();
        using (cancellationToken.Register(() =>
        {
            if (leaseLost())
            {
                write.Cancel();
            }
            else
            {
                write.CancelAfter(OffsetWriteBound);
            }
        }))
        {
            await offsets.SaveAsync(next, write.Token);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return next;
    }
}
