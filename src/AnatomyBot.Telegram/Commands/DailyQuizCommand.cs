using System.Globalization;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Moderation;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Commands;

/// <summary>
/// <c>/dailyquiz</c>: shows the chat's daily quiz, or (chat administrators and bot moderators) sets it to a time and
/// zone or turns it off.
/// </summary>
internal sealed class DailyQuizCommand(
    IDailyQuizStore daily,
    DailyQuizScheduler scheduler,
    ChatAdminChecker admins,
    TimeProvider timeProvider,
    TelegramSender sender,
    IOptions<TelegramOptions> options,
    ILogger<DailyQuizCommand> logger)
{
    internal const string Usage =
        "Use /dailyquiz HH:MM [time zone], for example /dailyquiz 09:00 Europe/Berlin (24-hour time; an IANA time zone, UTC if left out). "
        + "/dailyquiz off stops it; /dailyquiz alone shows the setting.";

    private readonly HashSet<long> _moderators = [.. options.Value.Moderators];

    public async Task HandleAsync(TelegramChat chat, string arguments, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (arguments.Length == 0)
        {
            await ShowAsync(chat, now, cancellationToken);
            return;
        }

        var allowed = await CanManageAsync(chat, cancellationToken);
        if (allowed != true)
        {
            var refusal = allowed is null
                ? "Sorry, I couldn't check whether you administer this chat (this Telegram server did not tell me), so only a bot moderator can change the daily quiz here right now."
                : "Sorry, only an administrator of this chat or a bot moderator can change the daily quiz.";
            await sender.ReplyTextAsync(chat, refusal, cancellationToken);
            return;
        }

        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is [var off] && off.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await daily.RemoveSubscriptionAsync(TelegramKeys.Chat(chat.ChatId), cancellationToken);
            scheduler.NotifyChanged();
            await sender.ReplyTextAsync(chat, removed ? "Daily quiz stopped." : "There was no daily quiz to stop.", cancellationToken);
            return;
        }

        await SetAsync(chat, parts, now, cancellationToken);
    }

    private async Task ShowAsync(TelegramChat chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var current = await daily.GetSubscriptionAsync(TelegramKeys.Chat(chat.ChatId), cancellationToken);
        var text = current is null
            ? "No daily quiz is set for this chat. " + Usage
            : $"Daily quiz: every day at {current.Time:HH\\:mm} ({current.TimeZoneId}). Next one: {NextText(current, now)}."
                + (current.LastPostedLocalDate is { } last ? $" Last posted for {last:yyyy-MM-dd}." : "");
        await sender.ReplyTextAsync(chat, text, cancellationToken);
    }

    private async Task SetAsync(TelegramChat chat, string[] parts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (parts.Length is < 1 or > 2 || !DailySchedule.TryParseTime(parts[0], out var time))
        {
            await sender.ReplyTextAsync(chat, "Sorry, I couldn't read that time. " + Usage, cancellationToken);
            return;
        }

        var zoneId = parts.Length == 2 ? parts[1] : "UTC";
        if (!DailySchedule.TryFindZone(zoneId, out var zone))
        {
            await sender.ReplyTextAsync(chat, $"Sorry, I don't know the time zone \"{zoneId}\". " + Usage, cancellationToken);
            return;
        }

        var canonicalZone = parts.Length == 2 ? zoneId : "UTC";
        await daily.SaveSubscriptionAsync(TelegramKeys.Chat(chat.ChatId), time, canonicalZone, now, cancellationToken);
        scheduler.NotifyChanged();
        logger.LogInformation("Telegram chat {ChatId} set its daily quiz to {Time} {Zone} (by user {UserId})",
            chat.ChatId, time.ToString("HH:mm", CultureInfo.InvariantCulture), canonicalZone, chat.Message.From?.Id);
        var saved = await daily.GetSubscriptionAsync(TelegramKeys.Chat(chat.ChatId), cancellationToken);
        await sender.ReplyTextAsync(chat, $"Daily quiz set: every day at {time:HH\\:mm} ({canonicalZone}). Next one: {NextText(saved!, now, zone)}.", cancellationToken);
    }

    private static string NextText(DailyQuizSubscription subscription, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        if (zone is null && !DailySchedule.TryFindZone(subscription.TimeZoneId, out zone))
        {
            return "unknown (the time zone is not recognised)";
        }

        var today = DailySchedule.LocalDate(now, zone);
        var postedToday = subscription.LastPostedAt is { } last && DailySchedule.LocalDate(last, zone) >= today;
        var todayDue = DailySchedule.DueInstant(today, subscription.Time, zone);
        var next = !postedToday && todayDue >= now && todayDue >= subscription.SubscribedAt
            ? todayDue
            : DailySchedule.DueInstant(today.AddDays(1), subscription.Time, zone);
        return TimeZoneInfo.ConvertTime(next, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>True or false; null when the administrator check could not be made.</summary>
    private async Task<bool?> CanManageAsync(TelegramChat chat, CancellationToken cancellationToken)
    {
        var message = chat.Message;
        if (message.Chat.Type == ChatType.Private)
        {
            return true;
        }

        // Anonymous administrators post as the group itself.
        if (message.SenderChat?.Id == message.Chat.Id)
        {
            return true;
        }

        if (message.From is not { } user)
        {
            return false;
        }

        return _moderators.Contains(user.Id) ? true : await admins.IsAdminAsync(message.Chat.Id, user.Id, cancellationToken);
    }
}
