using AnatomyBot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord;

/// <summary>
/// Opens (and migrates) the store before the gateway connects, so an unusable database stops the adapter at start with
/// the provider's message rather than at the first quiz click. A transient failure (locked) is only logged: quiz clicks
/// retry it, and everything else works without the store.
/// </summary>
internal sealed class DiscordStorageOpener(IStorageSchema storage, IStorageDiagnostics diagnostics, ILogger<DiscordStorageOpener> logger)
{
    /// <summary>Null when the adapter can go on; otherwise the message that says what to fix.</summary>
    public async Task<string?> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.MigrateAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && diagnostics.Classify(ex) == StorageFaultKind.Fatal)
        {
            return diagnostics.FatalMessage(ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && diagnostics.Classify(ex) == StorageFaultKind.Transient)
        {
            logger.StorageOpenFailed(diagnostics.Describe(ex), diagnostics.Location);
            return null;
        }
    }
}
