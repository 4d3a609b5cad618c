namespace AnatomyBot.Core.Storage;

/// <summary>How bad a storage failure is.</summary>
public enum StorageFaultKind
{
    /// <summary>Not a storage failure (a bug, or cancellation): let it propagate.</summary>
    None,

    /// <summary>Locked past the busy timeout, disk full, read-only, I/O error, connection lost: retry with back-off.</summary>
    Transient,

    /// <summary>The database cannot be opened, is not a database, is corrupt, or has a newer schema: stop.</summary>
    Fatal,
}

/// <summary>
/// Port: what the configured storage provider knows about its own failures. Adapters use it to tell a storage fault
/// (retry, or stop with a message that says what to fix) from a bug, without knowing which database is behind the ports.
/// </summary>
public interface IStorageDiagnostics
{
    /// <summary>Where the data lives, naming the setting to change, e.g. "Storage:Path is /data/anatomybot.db".</summary>
    string Location { get; }

    /// <summary>Classifies an exception thrown by one of the storage ports.</summary>
    StorageFaultKind Classify(Exception exception);

    /// <summary>One line describing the failure, without a stack trace and without secrets.</summary>
    string Describe(Exception exception);

    /// <summary>The message a fatal failure stops the host with: what is wrong and what the operator can do.</summary>
    string FatalMessage(Exception exception);
}

/// <summary>Port: the schema of the configured store.</summary>
public interface IStorageSchema
{
    /// <summary>
    /// Creates the schema or upgrades it to this build's version, keeping every row. Idempotent; the first call does
    /// the work, later calls return at once. Throws <see cref="StorageUnusableException"/> when the database cannot be
    /// used (for example, a newer schema than this build knows).
    /// </summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>The database exists but this build cannot use it (for example, a newer schema). Always fatal.</summary>
public sealed class StorageUnusableException(string message) : Exception(message);
