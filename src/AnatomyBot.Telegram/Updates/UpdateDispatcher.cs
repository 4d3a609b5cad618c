using System.Text.Json;
using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Reads one raw update on its own (leniently, with the library's types) and hands it to <see cref="TelegramUpdateHandler"/>; shared by long polling and the webhook.
/// A malformed update or a failure while handling one is logged and skipped: one bad update never stops the bot.
/// </summary>
internal sealed class UpdateDispatcher(TelegramUpdateHandler handler, BotApi client, ILogger<UpdateDispatcher> logger)
{
    /// <summary>Reads update_id, or null when the element has none (it cannot be confirmed on its own).</summary>
    public static long? UpdateId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value)
            ? value
            : null;

    public async Task DispatchAsync(JsonElement element, long updateId, CancellationToken cancellationToken)
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
                logger.LogWarning("Skipping malformed Telegram update {UpdateId}: {Reason}", updateId, client.Redact(ex.Message));
                return;
            }

            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A bug or a storage failure for one update must not stop the bot; the update is confirmed so it cannot
            // crash-loop, and the log keeps the details.
            logger.LogError("Handling Telegram update {UpdateId} failed; skipping it: {Error}", updateId, client.Redact(ex.ToString()));
        }
    }
}
