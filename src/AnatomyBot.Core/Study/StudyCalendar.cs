namespace AnatomyBot.Core.Study;

/// <summary>Turns instants into the student's local calendar days; all scheduling is done on those days.</summary>
public static class StudyCalendar
{
    /// <summary>The local day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>Today in the student's zone, by the injected clock.</summary>
    public static DateOnly Today(TimeProvider time, TimeZoneInfo zone) => LocalDay(time.GetUtcNow(), zone);

    /// <summary>Finds an IANA (or Windows) time zone id; "UTC" always works. False for an unknown id.</summary>
    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Etc/UTC", StringComparison.OrdinalIgnoreCase))
        {
            return !string.IsNullOrWhiteSpace(id);
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
