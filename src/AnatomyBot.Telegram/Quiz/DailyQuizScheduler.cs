using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Quiz;

/// <summary>
/// Posts each subscribed chat's daily quiz at its local time, exactly once per local date.
/// </summary>
/// <remarks>
/// Delivery is at-most-once across crashes: the local date is claimed in the database (compare-and-set on the last
/// post) before the poll is sent, so a crash or a second instance can never post the same day twice; a crash
/// between the claim and a successful send loses that day's quiz. The poll's record (chat, question, correct option)
/// is written before the send too and completed with Telegram's poll id after it (see <see cref="QuizPoster"/>), so
/// a poll that went out can be scored. Storage failures are retried with back-off (the claim is a compare-and-set,
/// so a retry never claims twice). Within the process, transient send failures
/// (429, 5xx, network) are retried by the sender, so a flaky connection still gets the quiz out.
/// The loop sleeps on the injected <see cref="TimeProvider"/> until the next due instant (at most an hour) or until
/// a subscription changes.
/// </remarks>
internal sealed class DailyQuizScheduler(
    IDailyQuizStore store,
    QuizPoster poster,
    TelegramSender sender,
    TimeProvider timeProvider,
    TelegramAdapterLifetime adapter,
    StorageFaults faults,
    ILogger<DailyQuizScheduler> logger) : BackgroundService
{
    /// <summary>Passes, sleeps between them, and retries after failures with the storage back-off.</summary>
    private readonly DailyQuizLoop _loop = new(timeProvider, StorageFaults.MaxBackoff);

    /// <summary>How many scheduling passes have completed (lets tests know a pass at the current time happened).</summary>
    internal long CompletedPasses => _loop.CompletedPasses;

    /// <summary>Wakes the scheduler after a subscription was added, changed or removed.</summary>
    public void NotifyChanged() => _loop.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, adapter.Stopped);
        await _loop.RunAsync(RunOnceAsync, Failed, linked.Token);
    }

    private void Failed(Exception exception, TimeSpan retry)
    {
        if (faults.Classify(exception) != StorageFaultKind.None)
        {
            // Reported (degraded, or the adapter stopped when the store is unusable) without a stack trace.
            faults.Report("schedule the daily quiz", exception);
        }
        else
        {
            logger.DailyQuizSchedulerFailed(exception, retry);
        }
    }

    /// <summary>Posts every quiz due now and returns the instant the next one may be due.</summary>
    internal Task<DateTimeOffset> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return DailyQuizPlan.RunPassAsync(store, TelegramKeys.Platform, now, (subscription, date, ct) => PostAsync(subscription, date, now, ct),
            subscription => logger.DailyQuizUnknownZone(subscription.Chat.Id, subscription.TimeZoneId),
            cancellationToken);
    }

    private async Task PostAsync(DailyQuizSubscription subscription, DateOnly date, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var chatId = TelegramKeys.ChatId(subscription.Chat);
        if (!await store.TryClaimDailyPostAsync(subscription.Chat, subscription.LastPostedAt, date, now, cancellationToken))
        {
            logger.DailyQuizAlreadyClaimed(chatId, date);
            return;
        }

        var lateNote = DailyQuizPlan.LateNote(subscription, date, now);
        var result = await poster.PostAsync(chatId, null, QuizPoster.Daily, null, [], cancellationToken);
        switch (result.Status)
        {
            case QuizPostStatus.Posted:
                logger.DailyQuizPosted(date, chatId, lateNote);
                break;
            case QuizPostStatus.EmptyBank:
                logger.DailyQuizBankEmpty(date, chatId);
                break;
            case QuizPostStatus.NoPolls:
                // A chat that asked for a daily quiz should learn why none comes, not wait in silence.
                logger.DailyQuizPollsUnsupported(date, chatId);
                await sender.SendHtmlAsync(chatId, TelegramHtml.Escape(QuizPoster.NoPollsText), null, cancellationToken);
                break;
            default:
                // The date stays claimed: at-most-once means a failed day is not retried later (see remarks).
                logger.DailyQuizNotPosted(date, chatId, result.Error);
                break;
        }
    }

    public override void Dispose()
    {
        _loop.Dispose();
        base.Dispose();
    }
}
