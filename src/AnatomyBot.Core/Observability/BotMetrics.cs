using System.Diagnostics.Metrics;

namespace AnatomyBot.Core.Observability;

/// <summary>
/// The bot's instruments on one <see cref="Meter"/> named "AnatomyBot". Adapters and the engine record;
/// the host exports them (Prometheus text at /metrics) through a MeterListener, so no project but the host
/// knows about the export format.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "AnatomyBot";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Questions answered; tags: platform, intent.</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("anatomybot_questions_total", description: "Questions answered");

    /// <summary>Seconds from receiving a question to having the reply ready; tags: platform.</summary>
    public static readonly Histogram<double> AnswerSeconds = Meter.CreateHistogram<double>("anatomybot_answer_seconds", unit: "s", description: "Answer latency");

    /// <summary>Replies that carried the medical disclaimer; tags: platform.</summary>
    public static readonly Counter<long> Disclaimers = Meter.CreateCounter<long>("anatomybot_disclaimers_total", description: "Disclaimers attached");

    /// <summary>Knowledge reloads; tags: result (ok|failed).</summary>
    public static readonly Counter<long> Reloads = Meter.CreateCounter<long>("anatomybot_reloads_total", description: "Knowledge reloads");

    /// <summary>Discord gateway reconnects; tags: kind (resume|identify), shard (the shard id).</summary>
    public static readonly Counter<long> GatewayReconnects = Meter.CreateCounter<long>("anatomybot_gateway_reconnects_total", description: "Discord gateway reconnects");

    /// <summary>Telegram getUpdates failures; tags: kind.</summary>
    public static readonly Counter<long> TelegramPollErrors = Meter.CreateCounter<long>("anatomybot_telegram_poll_errors_total", description: "Telegram polling errors");

    /// <summary>HTTP 429 responses received; tags: platform.</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("anatomybot_rate_limited_total", description: "429 responses received");

    /// <summary>Storage operations that failed (locked past the busy timeout, disk full, read-only, corrupt); tags: platform, operation.</summary>
    public static readonly Counter<long> StorageErrors = Meter.CreateCounter<long>("anatomybot_storage_errors_total", description: "Storage operations that failed");

    /// <summary>1 while an adapter's store refuses writes and they are being retried, else 0; tags: platform.</summary>
    public static readonly UpDownCounter<long> StorageDegraded = Meter.CreateUpDownCounter<long>("anatomybot_storage_degraded", description: "1 while the store refuses writes (retrying)");

    /// <summary>Times the Telegram webhook worker failed and restarted itself.</summary>
    public static readonly Counter<long> WebhookWorkerRestarts = Meter.CreateCounter<long>("anatomybot_telegram_webhook_worker_restarts_total", description: "Telegram webhook worker restarts");

    /// <summary>Quiz questions posted; tags: platform, kind (on-demand|daily).</summary>
    public static readonly Counter<long> QuizPosts = Meter.CreateCounter<long>("anatomybot_quiz_posts_total", description: "Quiz questions posted");
}
