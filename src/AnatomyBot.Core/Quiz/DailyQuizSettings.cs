using System.Globalization;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Quiz;

/// <summary>What a /dailyquiz change did: the reply, and whether the subscription changed (the scheduler is woken).</summary>
public sealed record DailyQuizChange(string Text, bool Changed);

/// <summary>
/// The <c>/dailyquiz</c> setting of one chat, for every platform: show it, set a time and an IANA zone (UTC if left
/// out), or turn it off, through <see cref="IDailyQuizStore"/>. Who may change it is the adapter's check.
/// </summary>
public sealed class DailyQuizSettings(IDailyQuizStore daily, TimeProvider timeProvider)
{
    public const string Usage =
        "Use /dailyquiz HH:MM [time zone], for example /dailyquiz 09:00 Europe/Berlin (24-hour time; an IANA time zone, UTC if left out). "
        + "/dailyquiz off stops it; /dailyquiz alone shows the setting.";

    /// <summary>The chat's setting and the next post time, or how to set one.</summary>
    public async Task<string> ShowAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        var current = await daily.GetSubscriptionAsync(chat, cancellationToken);
        return current is null
            ? "No daily quiz is set for this chat. " + Usage
            : $"Daily quiz: every day at {current.Time:HH\\:mm} ({current.TimeZoneId}). Next one: {NextText(current, timeProvider.GetUtcNow())}."
                + (current.LastPostedLocalDate is { } last ? $" Last posted for {last:yyyy-MM-dd}." : "");
    }

    /// <summary>Applies non-empty <paramref name="arguments"/>: <c>off</c>, or <c>HH:MM [zone]</c>.</summary>
    public async Task<DailyQuizChange> ChangeAsync(ChatKey chat, string arguments, CancellationToken cancellationToken)
    {
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts is [var off] && off.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await daily.RemoveSubscriptionAsync(chat, cancellationToken);
            return new DailyQuizChange(removed ? "Daily quiz stopped." : "There was no daily quiz to stop.", removed);
        }

        if (parts.Length is < 1 or > 2 || !DailySchedule.TryParseTime(parts[0], out var time))
        {
            return new DailyQuizChange("Sorry, I couldn't read that time. " + Usage, false);
        }

        var zoneId = parts.Length == 2 ? parts[1] : "UTC";
        if (!DailySchedule.TryFindZone(zoneId, out var zone))
        {
            return new DailyQuizChange($"Sorry, I don't know the time zone \"{zoneId}\". " + Usage, false);
        }

        var now = timeProvider.GetUtcNow();
        await daily.SaveSubscriptionAsync(chat, time, zoneId, now, cancellationToken);
        var saved = await daily.GetSubscriptionAsync(chat, cancellationToken);
        return new DailyQuizChange($"Daily quiz set: every day at {time:HH\\:mm} ({zoneId}). Next one: {NextText(saved!, now, zone)}.", true);
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
}
