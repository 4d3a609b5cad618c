namespace AnatomyBot.Core.Quiz;

/// <summary>One pass of a platform's daily quiz scheduler: what is due now, and when to look again.</summary>
/// <param name="Due">Subscriptions whose quiz is due now, with the local date to claim.</param>
/// <param name="Next">The instant the next quiz may be due (at most the pass's longest sleep away).</param>
/// <param name="UnknownZones">Subscriptions skipped because their time zone is not known here.</param>
public sealed record DailyQuizPlan(
    IReadOnlyList<(DailyQuizSubscription Subscription, DateOnly Date)> Due,
    DateTimeOffset Next,
    IReadOnlyList<DailyQuizSubscription> UnknownZones)
{
    /// <summary>The longest a scheduler sleeps between passes.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    /// <summary>Reads the platform's subscriptions and plans the pass at <paramref name="now"/>.</summary>
    public static async Task<DailyQuizPlan> MakeAsync(IDailyQuizStore store, string platform, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = now + MaxSleep;
        var due = new List<(DailyQuizSubscription, DateOnly)>();
        var unknown = new List<DailyQuizSubscription>();
        foreach (var subscription in await store.GetSubscriptionsAsync(platform, cancellationToken))
        {
            if (!DailySchedule.TryFindZone(subscription.TimeZoneId, out var zone))
            {
                unknown.Add(subscription);
                continue;
            }

            if (DailySchedule.DueDate(subscription, zone, now) is { } date)
            {
                due.Add((subscription, date));
            }

            var at = DailySchedule.NextDue(subscription, zone, now);
            if (at < next)
            {
                next = at;
            }
        }

        return new DailyQuizPlan(due, next, unknown);
    }

    /// <summary>
    /// One scheduler pass at <paramref name="now"/>: reports subscriptions with an unknown zone, posts every quiz due
    /// (the adapter's <paramref name="post"/> claims the date and sends), and returns when to look again.
    /// </summary>
    public static async Task<DateTimeOffset> RunPassAsync(
        IDailyQuizStore store,
        string platform,
        DateTimeOffset now,
        Func<DailyQuizSubscription, DateOnly, CancellationToken, Task> post,
        Action<DailyQuizSubscription> unknownZone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(unknownZone);
        var plan = await MakeAsync(store, platform, now, cancellationToken);
        foreach (var subscription in plan.UnknownZones)
        {
            unknownZone(subscription);
        }

        foreach (var (subscription, date) in plan.Due)
        {
            await post(subscription, date, cancellationToken);
        }

        return plan.Next;
    }

    /// <summary>
    /// For the "posted" log line: how late a quiz due on <paramref name="date"/> is at <paramref name="now"/> when that is
    /// more than a minute (the bot was not running at the time), otherwise empty.
    /// </summary>
    public static string LateNote(DailyQuizSubscription subscription, DateOnly date, DateTimeOffset now)
    {
        var late = now - DailySchedule.DueInstant(date, subscription.Time, DailySchedule.TryFindZone(subscription.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc);
        return late > TimeSpan.FromMinutes(1) ? $" ({late:hh\\:mm} late: the bot was not running at the scheduled time)" : "";
    }
}

