using AnatomyBot.Testing.Postgres;
using AnatomyBot.Testing.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres.Tests;

/// <summary>
/// A fresh database on the run's throwaway PostgreSQL server (scripts/postgres.sh) and the ports over it; reopening
/// makes new ports with a new connection pool, as a restarted process has.
/// </summary>
public sealed class PostgresTestDatabase : IStorageTestDatabase, IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private PostgresServer? _server;
    private string? _connectionString;

    public async Task<StoragePorts> CreateAsync()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateDatabaseAsync("contract");
        return Open();
    }

    public Task<StoragePorts> ReopenAsync() => Task.FromResult(Open());

    public async Task DropAsync()
    {
        Dispose();
        if (_server is not null && _connectionString is not null)
        {
            await _server.DropDatabaseAsync(_connectionString);
        }
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _owned.Clear();
    }

    private StoragePorts Open()
    {
        var source = NpgsqlDataSource.Create(_connectionString!);
        var database = new PostgresDatabase(source);
        _owned.Add(database);
        _owned.Add(source);
        return new StoragePorts(database, new PostgresQuizStore(database), new PostgresDailyQuizStore(database),
            new PostgresChatStore(database), new PostgresUpdateInbox(database))
        {
            Study = new PostgresStudyStore(database),
            Turns = new PostgresTurnClaims(database, new("contract-replica")),
        };
    }
}

/// <summary>The same database with the inbox as one replica sees it (claiming what it hands out).</summary>
public sealed class PostgresReplicaTestDatabase : IStorageTestDatabase, IDisposable
{
    private readonly PostgresTestDatabase _database = new();

    public async Task<StoragePorts> CreateAsync() => AsReplica(await _database.CreateAsync());

    public async Task<StoragePorts> ReopenAsync() => AsReplica(await _database.ReopenAsync());

    public Task DropAsync() => _database.DropAsync();

    public void Dispose() => _database.Dispose();

    private static StoragePorts AsReplica(StoragePorts ports) => ports with
    {
        Inbox = new ReplicaUpdateInbox((PostgresUpdateInbox)ports.Inbox, new("replica-1"), TimeProvider.System, TimeSpan.FromSeconds(30)),
    };
}

public sealed class PostgresReplicaUpdateInboxContractTests : UpdateInboxContract<PostgresReplicaTestDatabase>;

public sealed class PostgresQuizStoreContractTests : QuizStoreContract<PostgresTestDatabase>;

public sealed class PostgresDailyQuizStoreContractTests : DailyQuizStoreContract<PostgresTestDatabase>;

public sealed class PostgresChatStoreContractTests : ChatStoreContract<PostgresTestDatabase>;

public sealed class PostgresUpdateInboxContractTests : UpdateInboxContract<PostgresTestDatabase>;

public sealed class PostgresStudyStoreContractTests : StudyStoreContract<PostgresTestDatabase>;

public sealed class PostgresTurnClaimsContractTests : TurnClaimsContract<PostgresTestDatabase>;
