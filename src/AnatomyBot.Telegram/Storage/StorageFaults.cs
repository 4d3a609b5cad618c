using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Storage;

/// <summary>
/// Keeps the adapter's storage health, with the provider's <see cref="IStorageDiagnostics"/> telling storage faults from
/// bugs: the adapter is "degraded" from the first transient failure until a write succeeds again; a fatal failure stops
/// the adapter (and the host) with the provider's message naming the setting to fix. Waits run on the injected
/// <see cref="TimeProvider"/>.
/// </summary>
internal sealed class StorageFaults(
    TelegramHealth health,
    TelegramMetrics metrics,
    TelegramAdapterLifetime adapter,
    TimeProvider timeProvider,
    IStorageDiagnostics diagnostics,
    ILogger<StorageFaults> logger)
{
    /// <summary>The longest wait before retrying storage (the shared exponential back-off's cap).</summary>
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>Whether <paramref name="exception"/> is a storage failure, and how bad.</summary>
    public StorageFaultKind Classify(Exception exception) => diagnostics.Classify(exception);

    /// <summary>One line about the failure, without a stack trace.</summary>
    public string Describe(Exception exception) => diagnostics.Describe(exception);

    /// <summary>The capped, jittered delay before retry number <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Backoff(int attempt) => Core.Resilience.Backoff.Exponential(attempt, MaxBackoff, Random.Shared.NextDouble());

    /// <summary>
    /// Records a storage failure of <paramref name="operation"/>: counts it, logs one line without a stack trace, marks
    /// the adapter degraded (transient) or stops it (fatal). Returns the kind; <see cref="StorageFaultKind.None"/> means
    /// the exception is not a storage failure and the caller should rethrow it.
    /// </summary>
    public StorageFaultKind Report(string operation, Exception exception)
    {
        var kind = diagnostics.Classify(exception);
        switch (kind)
        {
            case StorageFaultKind.Transient:
                metrics.StorageError(operation);
                health.StorageDegraded($"storage: {operation} failed ({diagnostics.Describe(exception)}); retrying with back-off");
                logger.StorageFailed(operation, diagnostics.Describe(exception), diagnostics.Location);
                break;
            case StorageFaultKind.Fatal:
                metrics.StorageError(operation);
                adapter.Fail(diagnostics.FatalMessage(exception));
                break;
        }

        return kind;
    }

    /// <summary>A write succeeded: the store is usable again.</summary>
    public void Recovered()
    {
        if (health.IsStorageDegraded)
        {
            health.StorageRecovered();
            logger.StorageWorksAgain();
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> until it succeeds, backing off after each transient storage failure. Throws
    /// <see cref="OperationCanceledException"/> when cancelled or when the failure is fatal (the adapter is stopped).
    /// A successful write (<paramref name="write"/>) ends the degraded state; a read does not prove writes work.
    /// </summary>
    public async Task<T> RetryAsync<T>(string name, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken, bool write = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var result = await operation(cancellationToken);
                if (write)
                {
                    Recovered();
                }

                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                switch (Report(name, ex))
                {
                    case StorageFaultKind.None:
                        throw;
                    case StorageFaultKind.Fatal:
                        throw new OperationCanceledException("the store is unusable", ex, adapter.Stopped);
                }
            }

            await Task.Delay(Backoff(attempt), timeProvider, cancellationToken);
        }
    }

    public Task RetryAsync(string name, Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        RetryAsync(name, async ct =>
        {
            await operation(ct);
            return true;
        }, cancellationToken, write: true);
}
