using System.Text.Json;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Reads one raw update on its own (leniently, with the library's types) and hands it to <see cref="TelegramUpdateHandler"/>; shared by long polling and the webhook.
/// A malformed update or a failure while handling one is logged and skipped: one bad update never stops the bot.
/// A storage failure while handling is retried with back-off (every handler writes before it replies, so a retry
/// does not reply twice) up to <see cref="StorageAttempts"/> times, then the update is skipped with an error.
/// </summary>
internal sealed class UpdateDispatcher(TelegramUpdateHandler handler, BotApi client, StorageFaults faults, ILogger<UpdateDispatcher> logger)
{
    internal const int StorageAttempts = 6;

    /// <summary>Reads update_id, or null when the element has none (it cannot be confirmed on its own).</summary>
    public static long? UpdateId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;

    public async Task DispatchAsync(JsonElement element, long updateId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryDispatchAsync(element, updateId, attempt, cancellationToken))
            {
                return;
            }

            await Task.Delay(StorageFaults.Backoff(attempt - 1), faults.TimeProvider, cancellationToken);
        }
    }

    /// <summary>False when a storage failure should be retried.</summary>
    private async Task<bool> TryDispatchAsync(JsonElement element, long updateId, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            Update update;
            try
            {
                update = LenientJson.ReadUpdate(element);
            }
            catch (Exception ex) when (LenientJson.IsUnreadable(ex))
            {
                logger.MalformedUpdateSkipped(updateId, client.Redact(ex.Message));
                return true;
            }

            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && faults.Classify(ex) != StorageFaultKind.None)
        {
            if (faults.Report("handle an update", ex) == StorageFaultKind.Transient && attempt < StorageAttempts)
            {
                return false;
            }

            logger.UpdateStoreFailed(updateId, attempt, faults.Describe(ex));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug for one update must not stop the bot; the update is confirmed so it cannot crash-loop, and the log
            // keeps the details.
            logger.UpdateFailed(updateId, client.Redact(ex.ToString()));
        }

        return true;
    }
}
