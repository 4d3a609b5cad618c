using AnatomyBot.Storage.Sqlite;
using AnatomyBot.Testing.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>A temporary SQLite file and the ports over it.</summary>
public sealed class SqliteTestDatabase : IStorageTestDatabase
{
    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anatomybot-storage-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(Directory, "nested", "bot.db");

    public StoragePorts Open(int busyTimeoutSeconds = 5)
    {
        var database = new SqliteDatabase(new StorageOptions { Path = Path, BusyTimeoutSeconds = busyTimeoutSeconds });
        return new StoragePorts(database, new SqliteQuizStore(database), new SqliteDailyQuizStore(database), new SqliteChatStore(database), new SqliteUpdateInbox(database))
        {
            Study = new SqliteStudyStore(database),
            // What the SQLite provider registers: one process owns the file, so its turns are kept in memory.
            Turns = new Core.Storage.InProcessTurnClaims(),
        };
    }

    public Task<StoragePorts> CreateAsync() => Task.FromResult(Open());

    public Task<StoragePorts> ReopenAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.FromResult(Open());
    }

    public Task DropAsync()
    {
        Drop();
        return Task.CompletedTask;
    }

    public void Drop()
    {
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

public sealed class SqliteQuizStoreContractTests : QuizStoreContract<SqliteTestDatabase>;

public sealed class SqliteDailyQuizStoreContractTests : DailyQuizStoreContract<SqliteTestDatabase>;

public sealed class SqliteChatStoreContractTests : ChatStoreContract<SqliteTestDatabase>;

public sealed class SqliteUpdateInboxContractTests : UpdateInboxContract<SqliteTestDatabase>;

public sealed class SqliteStudyStoreContractTests : StudyStoreContract<SqliteTestDatabase>;

public sealed class SqliteTurnClaimsContractTests : TurnClaimsContract<SqliteTestDatabase>;
