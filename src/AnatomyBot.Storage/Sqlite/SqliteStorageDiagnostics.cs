using AnatomyBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>Tells SQLite's failures apart: locked, full, read-only and I/O errors pass; a file that is no usable database does not.</summary>
internal sealed class SqliteStorageDiagnostics(string databasePath) : IStorageDiagnostics
{
    public string Location => $"Storage:Path is {databasePath}";

    public StorageFaultKind Classify(Exception exception) => exception switch
    {
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) switch
        {
            // SQLITE_PERM, SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB: retrying cannot help.
            3 or 11 or 14 or 26 => StorageFaultKind.Fatal,
            _ => StorageFaultKind.Transient,
        },
        StorageUnusableException => StorageFaultKind.Fatal,
        _ => StorageFaultKind.None,
    };

    public string Describe(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.Message.TrimEnd('.'),
        _ => exception.Message,
    };

    public string FatalMessage(Exception exception) =>
        $"the SQLite database at Storage:Path ({databasePath}) cannot be used: {Describe(exception)}. "
        + "Check that the path names a file in a writable directory, free disk space, and restore the file from a backup "
        + "or move it aside (a new empty database is then created; scores and daily quiz settings start over), or point "
        + "Storage:Path (environment variable Storage__Path) elsewhere, then restart.";
}
