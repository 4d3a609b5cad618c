using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram;

/// <summary>
/// Shared stop switch of the adapter's services. A fatal condition (the token is rejected) stops polling and the
/// scheduler with one critical log line saying what to do, then stops the host unless
/// Telegram:StopHostOnFatalError is false (the other adapter then keeps running alone).
/// </summary>
internal sealed class TelegramAdapterLifetime(
    IHostApplicationLifetime lifetime,
    IOptions<TelegramOptions> options,
    TelegramHealth health,
    ILogger<TelegramAdapterLifetime> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _gate = new();
    private bool _failed;

    /// <summary>Cancelled once the adapter hit a fatal condition.</summary>
    public CancellationToken Stopped => _stopped.Token;

    public void Fail(string message)
    {
        // A lock, not a flag: a second caller (two loops meeting the same unusable store) returns only once Stopped
        // is cancelled, so its own cancellation check sees the stop.
        lock (_gate)
        {
            if (_failed)
            {
                return;
            }

            _failed = true;
            health.Set(AnatomyBot.Core.Observability.AdapterState.Failed, message);
            _stopped.Cancel();
        }

        logger.AdapterStopped(message);
        if (options.Value.StopHostOnFatalError)
        {
            lifetime.StopApplication();
        }
    }

    public void Dispose() => _stopped.Dispose();
}
