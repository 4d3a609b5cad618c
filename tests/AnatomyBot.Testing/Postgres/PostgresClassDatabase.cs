using Xunit;

namespace AnatomyBot.Testing.Postgres;

/// <summary>
/// Class fixture: a fresh, empty database on the run's <see cref="PostgresServer"/> for one test class, dropped after
/// it. Use with <see cref="PostgresFactAttribute"/> so the class is skipped (with the reason) only where no server can
/// be had outside CI.
/// </summary>
public sealed class PostgresClassDatabase : IAsyncLifetime
{
    private PostgresServer? _server;

    /// <summary>Connection string of this class's database.</summary>
    public string ConnectionString { get; private set; } = "";

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The database is not created yet.");

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        _server = await PostgresServer.GetAsync();
        ConnectionString = await _server.CreateDatabaseAsync("test");
    }

    /// <summary>Another fresh database on the same server (a test that needs a clean slate of its own).</summary>
    public Task<string> CreateAnotherAsync() => Server.CreateDatabaseAsync("test");

    public async Task DisposeAsync()
    {
        if (_server is not null && ConnectionString.Length > 0)
        {
            await _server.DropDatabaseAsync(ConnectionString);
        }
    }
}

/// <summary>A fact that needs PostgreSQL: skipped with <see cref="PostgresServer.SkipReason"/> where no server can be had (never under CI).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that needs PostgreSQL; see <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
