using System.Globalization;
using System.Text.RegularExpressions;

namespace AnatomyBot.Core.Quiz;

/// <summary>Local-time arithmetic of the daily quiz: parsing the setting and finding when each local date's post is due.</summary>
public static partial class DailySchedule
{
    /// <summary>The UTC instant the quiz for <paramref name="localDate"/> is due at.</summary>
    /// <remarks>
    /// A local time skipped by a spring-forward change (02:30 in Berlin on the last Sunday of March) moves to the
    /// first valid instant after the gap; a repeated time (autumn) takes its first occurrence. Either way each
    /// local date has exactly one due instant.
    /// </remarks>
    public static DateTimeOffset DueInstant(DateOnly localDate, TimeOnly time, TimeZoneInfo zone)
    {
        var local = localDate.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Gaps are whole minutes; walk forward to the end of the gap.
            var probe = local;
            while (zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(1);
            }

            return new DateTimeOffset(probe, zone.GetUtcOffset(probe)).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>
    /// The local date whose quiz is due now and not yet posted, or null. Only today's date counts: a quiz missed
    /// because the bot was down is posted late the same local day, never on a later day.
    /// </summary>
    public static DateOnly? DueDate(DailyQuizSubscription subscription, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = LocalDate(now, zone);
        var due = DueInstant(today, subscription.Time, zone);
        if (due > now || due < subscription.SubscribedAt)
        {
            return null;
        }

        // "Posted" is judged by the instant of the last post seen in the current zone, so changing the zone
        // never makes the same day look unposted.
        if (subscription.LastPostedAt is { } last && LocalDate(last, zone) >= today)
        {
            return null;
        }

        return today;
    }

    /// <summary>The next instant after <paramref name="now"/> at which this subscription may become due.</summary>
    public static DateTimeOffset NextDue(DailyQuizSubscription subscription, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = LocalDate(now, zone);
        for (var day = -1; day <= 2; day++)
        {
            var candidate = DueInstant(today.AddDays(day), subscription.Time, zone);
            if (candidate > now)
            {
                return candidate;
            }
        }

        return now.AddDays(1);
    }

    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time)
        && TimeRegex().IsMatch(text);

    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^([01]?\d|2[0-3]):[0-5]\d$")]
    private static partial Regex TimeRegex();
}
