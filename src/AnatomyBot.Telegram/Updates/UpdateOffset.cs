using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Storage;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// The stored getUpdates offset: read when polling starts and written after each update. When the store refuses a
/// write, the adapter is reported degraded, the write is retried with back-off, and <see cref="Unsaved"/> tells the
/// poller to let Telegram confirm each update (through the next call's offset) before another is handled.
/// </summary>
internal sealed class UpdateOffset(IUpdateInbox inbox, StorageFaults faults, TelegramAdapterLifetime adapter)
{
    private int _failures;
    private DateTimeOffset _nextWrite;

    /// <summary>The last write was refused; the offset is not stored yet.</summary>
    public bool Unsaved { get; private set; }

    /// <summary>Starts afresh (a replica that takes the polling lease reads the offset again).</summary>
    public void Reset()
    {
        Unsaved = false;
        _failures = 0;
    }

    public Task<long?> ReadAsync(CancellationToken cancellationToken) =>
        faults.RetryAsync("read the update offset", ct => inbox.GetOffsetAsync(TelegramKeys.Platform, ct), cancellationToken);

    /// <summary>Stores the offset; while writes are refused, only once the back-off has passed.</summary>
    public async Task SaveAsync(long offset, CancellationToken cancellationToken)
    {
        var now = faults.TimeProvider.GetUtcNow();
        if (Unsaved && now < _nextWrite)
        {
            return;
        }

        try
        {
            await inbox.SetOffsetAsync(TelegramKeys.Platform, offset, cancellationToken);
            Unsaved = false;
            _failures = 0;
            faults.Recovered();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && faults.Classify(ex) != StorageFaultKind.None)
        {
            if (faults.Report("store the update offset", ex) == StorageFaultKind.Fatal)
            {
                throw new OperationCanceledException("the store is unusable", ex, adapter.Stopped);
            }

            Unsaved = true;
            _nextWrite = now + StorageFaults.Backoff(_failures++);
        }
    }
}
