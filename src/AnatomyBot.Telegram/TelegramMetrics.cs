using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Storage;

namespace AnatomyBot.Telegram;

/// <summary>The Telegram adapter's instruments: those every adapter has, tagged <c>telegram</c>, and the receiver's own.</summary>
internal sealed class TelegramMetrics : AdapterMetrics
{
    private readonly Counter<long> _pollErrors;
    private readonly Counter<long> _webhookWorkerRestarts;

    public TelegramMetrics(IMeterFactory meterFactory)
        : base(meterFactory, TelegramKeys.Platform)
    {
        _pollErrors = Meter.CreateCounter<long>("anatomybot_telegram_poll_errors_total", description: "Telegram polling errors");
        _webhookWorkerRestarts = Meter.CreateCounter<long>("anatomybot_telegram_webhook_worker_restarts_total", description: "Telegram webhook worker restarts");
    }

    /// <summary>A getUpdates call failed; <paramref name="kind"/> says how (network, server, malformed...).</summary>
    public void PollError(string kind) => _pollErrors.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>The webhook worker failed and restarted itself.</summary>
    public void WebhookWorkerRestarted() => _webhookWorkerRestarts.Add(1);
}
