using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Quiz;

/// <summary>
/// Posts each subscribed Discord channel's daily quiz (a stored quiz post with buttons, as /quiz) at its local time,
/// exactly once per local date, as Telegram's scheduler does: the date is claimed in the store (compare-and-set on the
/// last post) before the message is sent, so a restart, a retry or a second process (shards) never posts a day twice;
/// a crash between the claim and the send loses that day's quiz. Sleeps on the injected <see cref="TimeProvider"/>
/// until the next due instant (at most an hour) or a change of subscription.
/// </summary>
internal sealed class DailyQuizScheduler(
    IDailyQuizStore store,
    QuizService quizzes,
    DiscordRestClient rest,
    DiscordMetrics metrics,
    TimeProvider timeProvider,
    ILogger<DailyQuizScheduler> logger) : BackgroundService
{
    /// <summary>Passes, sleeps between them, and retries after failures with the shared back-off (capped at 5 minutes).</summary>
    private readonly DailyQuizLoop _loop = new(timeProvider, TimeSpan.FromMinutes(5));

    /// <summary>How many scheduling passes have completed (lets tests know a pass at the current time happened).</summary>
    internal long CompletedPasses => _loop.CompletedPasses;

    /// <summary>Wakes the scheduler after a subscription was added, changed or removed.</summary>
    public void NotifyChanged() => _loop.Notify();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _loop.RunAsync(RunOnceAsync, (ex, retry) => logger.DailyQuizSchedulerFailed(ex, retry), stoppingToken);

    /// <summary>Posts every quiz due now and returns the instant the next one may be due.</summary>
    internal Task<DateTimeOffset> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return DailyQuizPlan.RunPassAsync(store, DiscordKeys.Platform, now, (subscription, date, ct) => PostAsync(subscription, date, now, ct),
            subscription => logger.DailyQuizUnknownZone(subscription.Chat.Id, subscription.TimeZoneId),
            cancellationToken);
    }

    private async Task PostAsync(DailyQuizSubscription subscription, DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channel = subscription.Chat.Id;
        if (!await store.TryClaimDailyPostAsync(subscription.Chat, subscription.LastPostedAt, date, now, cancellationToken))
        {
            logger.DailyQuizAlreadyClaimed(channel, date);
            return;
        }

        var start = await quizzes.StartAsync(subscription.Chat, cancellationToken);
        if (!start.IsReady)
        {
            logger.DailyQuizBankEmpty(date, channel);
            return;
        }

        var body = QuizButtons.Message(start.Question, start.Post.PostId);
        body["content"] = "**Daily quiz**\n" + body["content"]!.GetValue<string>();
        var response = await rest.CreateMessageAsync(channel, body, cancellationToken);
        if (!response.IsSuccess)
        {
            // The date stays claimed: at-most-once means a failed day is not retried later.
            logger.DailyQuizNotPosted(date, channel, (int)response.Status);
            return;
        }

        await quizzes.CompleteAsync(start.Post, null, cancellationToken);
        metrics.QuizPosted("daily");
        var lateNote = DailyQuizPlan.LateNote(subscription, date, now);
        logger.DailyQuizPosted(date, channel, lateNote);
    }

    public override void Dispose()
    {
        _loop.Dispose();
        base.Dispose();
    }
}
