using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Commands;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Receives updates by long polling and hands them to <see cref="TelegramUpdateHandler"/> one at a time. The offset
/// is stored after each update is handled (or skipped as malformed), so a restart neither skips nor repeats one;
/// an update being handled when the process stops is handled again after the restart, but one already handled has its
/// offset written even when the stop comes during that write (bounded by <see cref="OffsetWriteBound"/>), so a clean
/// stop repeats none. The polling lease is given up only after that. getUpdates goes through
/// Telegram.Bot, but its result is kept as raw JSON and each update is read on its own, so one the library cannot
/// read is skipped and confirmed instead of stalling the loop. A server that answers a long poll at once with
/// nothing (an emulator) is polled at most about once per <see cref="EmptyPollInterval"/>. When the store refuses the
/// offset write, the adapter is reported degraded, the write is retried with back-off, and until it succeeds each
/// getUpdates batch is cut after one update, so Telegram confirms every update (through the next call's offset)
/// before another is handled: a crash then repeats at most the one update in flight.
/// </summary>
internal sealed class TelegramPollingService(
    BotApi client,
    IStorageSchema schema,
    IUpdateInbox inbox,
    UpdateDispatcher dispatcher,
    BotIdentity bot,
    TelegramHealth health,
    TelegramMetrics metrics,
    RetryPolicy policy,
    TelegramAdapterLifetime adapter,
    StorageFaults faults,
    PollingLease lease,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private bool _offsetUnsaved;
    private int _offsetFailures;
    private DateTimeOffset _nextOffsetWrite;

    internal static readonly string[] AllowedUpdates = ["message", "poll_answer", "my_chat_member", "callback_query"];

    private static readonly UpdateType[] AllowedUpdateTypes = [UpdateType.Message, UpdateType.PollAnswer, UpdateType.MyChatMember, UpdateType.CallbackQuery];

    /// <summary>How long the offset write of an update already handled may take once the host is stopping (a hang guard).</summary>
    internal static readonly TimeSpan OffsetWriteBound = TimeSpan.FromSeconds(5);

    /// <summary>The least time between two getUpdates calls once polls keep coming back at once and empty.</summary>
    internal static readonly TimeSpan EmptyPollInterval = TimeSpan.FromSeconds(1);

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
            var me = await CallUntilDoneAsync("getMe", client.GetMeAsync, cancellationToken);
            if (me is null)
            {
                return;
            }

            bot.Set(me);
            health.Connected("getMe succeeded");
            logger.Connected(me.Username, me.Id);
            if (options.Value.RegisterCommands)
            {
                await RegisterCommandsAsync(cancellationToken);
            }

            if (options.Value.Webhook.Enabled)
            {
                if (await RegisterWebhookAsync(cancellationToken))
                {
                    // Updates now arrive on the HTTP listener; stay alive so shutdown is seen (and reported) here.
                    await Task.Delay(Timeout.InfiniteTimeSpan, policy.TimeProvider, cancellationToken);
                }

                return;
            }

            // A webhook left over from an earlier run would make every getUpdates fail with 409.
            if (!await CallUntilTrueAsync("deleteWebhook", client.DeleteWebhookAsync, cancellationToken))
            {
                return;
            }

            await PollWhileLeasedAsync(cancellationToken);
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

    private async Task<bool> RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        var webhook = options.Value.Webhook;
        var request = new SetWebhookRequest { Url = webhook.Url, SecretToken = webhook.SecretToken, AllowedUpdates = AllowedUpdateTypes };
        if (!await CallUntilTrueAsync("setWebhook", ct => client.CallAsync(request, ct), cancellationToken))
        {
            return false;
        }

        if (client.IsUnsupported("setWebhook"))
        {
            // The server may still post to the endpoint (some emulators are configured on their side); keep listening.
            health.Connected("webhook not registered: the server does not implement setWebhook");
            return true;
        }

        // The URL is not secret (the secret token is); logging it helps check the reverse proxy.
        logger.WebhookRegistered(webhook.Url);
        health.Connected("webhook registered");
        return true;
    }

    private async Task<bool> CallUntilTrueAsync(string method, Func<CancellationToken, Task<TelegramResult<bool>>> call, CancellationToken cancellationToken)
    {
        using var retries = new RetryDelays(policy);
        while (true)
        {
            var result = await call(cancellationToken);
            if (result.IsSuccess || result.Error!.Kind == ApiErrorKind.NotImplemented)
            {
                // A method the server lacks is a degraded feature (BotApi logged it once), not a reason to stop.
                return true;
            }

            if (!await OnFailureAsync(method, result.Error!, retries, cancellationToken))
            {
                return false;
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

            _offsetUnsaved = false;
            _offsetFailures = 0;
            try
            {
                await PollAsync(() => held.LostBecause is not null, held.Token);
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

    /// <summary>Polls until <paramref name="cancellationToken"/> is cancelled: by a stop, or when <paramref name="leaseLost"/>.</summary>
    private async Task PollAsync(Func<bool> leaseLost, CancellationToken cancellationToken)
    {
        var offset = await faults.RetryAsync("read the update offset", ct => inbox.GetOffsetAsync(TelegramKeys.Platform, ct), cancellationToken);
        using var retries = new RetryDelays(policy);
        var quickEmptyPolls = 0;
        var timeout = options.Value.PollTimeoutSeconds;
        var clock = policy.TimeProvider;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = clock.GetTimestamp();
            var request = new GetRawUpdatesRequest { Offset = offset, Timeout = timeout, AllowedUpdates = AllowedUpdates };
            var result = await client.CallAsync(request, cancellationToken);
            if (!result.IsSuccess)
            {
                metrics.PollError(TelegramHealth.KindTag(result.Error!));
                if (!await OnFailureAsync("getUpdates", result.Error!, retries, cancellationToken))
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
                await policy.WaitAsync(policy.Delays().First(), cancellationToken);
                continue;
            }

            health.Connected("polling");
            var count = 0;
            foreach (var element in result.Value.EnumerateArray())
            {
                count++;
                offset = await HandleOneAsync(element, offset, leaseLost, cancellationToken);
                if (_offsetUnsaved)
                {
                    // The next getUpdates confirms this one to Telegram before another is handled.
                    break;
                }
            }

            if (_offsetUnsaved && offset is { } unsaved)
            {
                // Retried after each long poll too, so a quiet chat still ends the degraded state.
                await SaveOffsetAsync(unsaved, cancellationToken);
            }

            // A long poll that comes back at once with nothing, twice in a row, means the server does not hold polls:
            // pace them on the clock instead of spinning. Telegram itself holds the poll, so it is never slowed.
            var returnedAtOnce = clock.GetElapsedTime(started) < TimeSpan.FromSeconds(timeout) / 2;
            quickEmptyPolls = count == 0 && returnedAtOnce ? quickEmptyPolls + 1 : 0;
            if (quickEmptyPolls >= 2)
            {
                if (quickEmptyPolls == 2)
                {
                    logger.LongPollsAnsweredAtOnce(EmptyPollInterval);
                }

                await policy.WaitAsync(EmptyPollInterval - clock.GetElapsedTime(started), cancellationToken);
            }
        }
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
            await SaveOffsetAsync(next, write.Token);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return next;
    }

    private async Task SaveOffsetAsync(long offset, CancellationToken cancellationToken)
    {
        var now = faults.TimeProvider.GetUtcNow();
        if (_offsetUnsaved && now < _nextOffsetWrite)
        {
            return;
        }

        try
        {
            await inbox.SetOffsetAsync(TelegramKeys.Platform, offset, cancellationToken);
            _offsetUnsaved = false;
            _offsetFailures = 0;
            faults.Recovered();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && faults.Classify(ex) != StorageFaultKind.None)
        {
            if (faults.Report("store the update offset", ex) == StorageFaultKind.Fatal)
            {
                throw new OperationCanceledException("the store is unusable", ex, adapter.Stopped);
            }

            _offsetUnsaved = true;
            _nextOffsetWrite = now + StorageFaults.Backoff(_offsetFailures++);
        }
    }

    private async Task<T?> CallUntilDoneAsync<T>(string method, Func<CancellationToken, Task<TelegramResult<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        using var retries = new RetryDelays(policy);
        while (true)
        {
            var result = await call(cancellationToken);
            if (result.IsSuccess)
            {
                return result.Value;
            }

            if (!await OnFailureAsync(method, result.Error!, retries, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>Logs and waits after a failed call; false when the adapter must stop.</summary>
    private async Task<bool> OnFailureAsync(string method, ApiError error, RetryDelays retries, CancellationToken cancellationToken)
    {
        var backoff = retries.Next(error.Kind);
        if (error.Kind != ApiErrorKind.Unauthorized)
        {
            health.Retrying(method, error);
        }

        switch (error.Kind)
        {
            case ApiErrorKind.Unauthorized:
                adapter.Fail(UnauthorizedMessage);
                return false;
            case ApiErrorKind.Conflict:
                logger.Conflict();
                await policy.WaitAsync(backoff, cancellationToken);
                return true;
            case ApiErrorKind.RateLimited:
                var retryAfter = RetryPolicy.RetryAfter(error);
                logger.RateLimited(method, retryAfter);
                await policy.WaitAsync(retryAfter, cancellationToken);
                return true;
            default:
                logger.CallRetrying(method, error, backoff);
                await policy.WaitAsync(backoff, cancellationToken);
                return true;
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        // The command catalogue, as the menu shows it: everyone's commands, and for chat administrators also the
        // moderators' ones (the bot still checks who asks).
        var chatCommands = CommandCatalogue.All.Where(TelegramRequestRouter.Offered).ToArray();
        BotCommand[] everyone = [.. chatCommands.Where(c => !c.ModeratorsOnly).Select(c => new BotCommand(c.Name, c.Description))];
        BotCommand[] administrators = [.. everyone, .. chatCommands.Where(c => c.ModeratorsOnly).Select(c => new BotCommand(c.Name, c.Description))];
        foreach (var request in new[]
        {
            new SetMyCommandsRequest { Commands = everyone, Scope = new BotCommandScopeDefault() },
            new SetMyCommandsRequest { Commands = administrators, Scope = new BotCommandScopeAllChatAdministrators() },
        })
        {
            var result = await client.CallAsync(request, cancellationToken);
            if (result.IsSuccess)
            {
                continue;
            }

            if (result.Error!.Kind == ApiErrorKind.NotImplemented)
            {
                // No command menu on this server (BotApi logged it once); typed commands still work.
                return;
            }

            // Cosmetic: the commands still work when typed, so a failure is not worth stopping for.
            logger.SetMyCommandsFailed(request.Scope?.Type, result.Error);
            if (result.Error.Kind == ApiErrorKind.Unauthorized)
            {
                adapter.Fail(UnauthorizedMessage);
                return;
            }
        }
    }
}
