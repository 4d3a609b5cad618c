using AnatomyBot.Core.Observability;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Storage;

/// <summary>How bad a storage failure is.</summary>
internal enum StorageFaultKind
{
    /// <summary>Not a storage failure (a bug, or cancellation): let it propagate.</summary>
    None,

    /// <summary>Locked past the busy timeout, disk full, read-only, I/O error: retried with back-off, the adapter is degraded.</summary>
    Transient,

    /// <summary>The file cannot be opened, is not a database, is corrupt, or has a newer schema: the host stops.</summary>
    Fatal,
}

/// <summary>
/// Classifies storage failures and keeps the adapter's storage health: the adapter is "degraded" from the first
/// transient failure until a write succeeds again; a fatal failure stops the adapter (and the host) with a message
/// naming <c>Storage:Path</c>. Waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class StorageFaults(
    TelegramHealth health,
    TelegramAdapterLifetime adapter,
    TimeProvider timeProvider,
    IOptions<TelegramStorageOptions> options,
    ILogger<StorageFaults> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public TimeProvider TimeProvider => timeProvider;

    public static StorageFaultKind Classify(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            // SQLITE_PERM, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB: retrying cannot help.
            3 or 11 or 14 or 26 => StorageFaultKind.Fatal,
            _ => StorageFaultKind.Transient,
        },
        StoreUnusableException => StorageFaultKind.Fatal,
        _ => StorageFaultKind.None,
    };

    /// <summary>The capped, jittered delay before retry number <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Backoff(int attempt) => Core.Resilience.Backoff.Exponential(attempt, MaxBackoff, Random.Shared.NextDouble());

    /// <summary>
    /// Records a storage failure of <paramref name="operation"/>: counts it, logs one line without a stack trace, marks
    /// the adapter degraded (transient) or stops it (fatal). Returns the kind; <see cref="StorageFaultKind.None"/> means
    /// the exception is not a storage failure and the caller should rethrow it.
    /// </summary>
    public StorageFaultKind Report(string operation, Exception exception)
    {
        var kind = Classify(exception);
        switch (kind)
        {
            case StorageFaultKind.Transient:
                BotMetrics.StorageErrors.Add(1, new KeyValuePair<string, object?>("platform", "telegram"), new KeyValuePair<string, object?>("operation", operation));
                health.StorageDegraded($"storage: {operation} failed ({Describe(exception)}); retrying with back-off");
                logger.LogWarning("Telegram storage: {Operation} failed ({Error}); retrying with back-off. Storage:Path is {Path}",
                    operation, Describe(exception), options.Value.Path);
                break;
            case StorageFaultKind.Fatal:
                BotMetrics.StorageErrors.Add(1, new KeyValuePair<string, object?>("platform", "telegram"), new KeyValuePair<string, object?>("operation", operation));
                adapter.Fail(FatalMessage(options.Value.Path, exception));
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
            logger.LogInformation("Telegram storage works again");
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

    internal static string FatalMessage(string path, Exception exception) =>
        $"the SQLite database at Storage:Path ({path}) cannot be used: {Describe(exception)}. "
        + "Check that the path names a file in a writable directory, free disk space, and restore the file from a backup "
        + "or move it aside (a new empty database is then created; scores and daily quiz settings start over), or point "
        + "Storage:Path (environment variable Storage__Path) elsewhere, then restart.";

    internal static string Describe(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.Message.TrimEnd('.'),
        _ => exception.Message,
    };
}

/// <summary>The database exists but this build cannot use it (for example, a newer schema).</summary>
internal sealed class StoreUnusableException(string message) : Exception(message);
