using AnatomyBot.Core.Storage;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Tests;

/// <summary>Real SQLite failures, classified as the adapters' retry logic needs them.</summary>
public sealed class DiagnosticsTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    [Fact]
    public async Task Locked_and_full_are_transient_corrupt_is_fatal_and_a_bug_is_not_a_storage_fault()
    {
        var ports = _db.Open(busyTimeoutSeconds: 1);
        await ports.Schema.MigrateAsync(default);
        var diagnostics = new SqliteStorageDiagnostics(_db.Path);

        await using (var holder = new SqliteConnection($"Data Source={_db.Path};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
            var locked = await Assert.ThrowsAsync<SqliteException>(() => ports.Inbox.SetOffsetAsync("telegram", 5, default));
            Assert.Equal(StorageFaultKind.Transient, diagnostics.Classify(locked));
        }

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_db.Directory, "full.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var limit = connection.CreateCommand();
            limit.CommandText = "PRAGMA max_page_count = 1;";
            await limit.ExecuteScalarAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE filler (x BLOB); INSERT INTO filler VALUES (zeroblob(100000));";
            var full = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Equal(StorageFaultKind.Transient, diagnostics.Classify(full));
        }

        SqliteConnection.ClearAllPools();
        await File.WriteAllBytesAsync(_db.Path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 37 % 251)).ToArray());
        var corrupt = await Assert.ThrowsAsync<SqliteException>(() => _db.Open().Schema.MigrateAsync(default));
        Assert.Equal(StorageFaultKind.Fatal, diagnostics.Classify(corrupt));
        Assert.Contains("Storage:Path", diagnostics.FatalMessage(corrupt));
        Assert.Contains(_db.Path, diagnostics.Location);

        Assert.Equal(StorageFaultKind.Fatal, diagnostics.Classify(new StorageUnusableException("newer schema")));
        Assert.Equal(StorageFaultKind.None, diagnostics.Classify(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task A_path_that_is_a_directory_is_unusable()
    {
        Directory.CreateDirectory(_db.Directory);
        using var database = new SqliteDatabase(new StorageOptions { Path = _db.Directory });
        await Assert.ThrowsAsync<StorageUnusableException>(() => database.MigrateAsync(default));
    }

    [Theory]
    [InlineData("sqlite", null, "data/x.db", 30, true)]
    [InlineData("SQLite", "Data Source=/tmp/x.db", "", 30, true)]
    [InlineData("mongo", null, "data/x.db", 30, false)]
    [InlineData("sqlite", null, " ", 30, false)]
    [InlineData("sqlite", null, "data/x.db", 0, false)]
    [InlineData("sqlite", "Nonsense Key=1", "data/x.db", 30, false)]
    public void Options_name_the_key_to_fix(string provider, string? connectionString, string path, int busy, bool valid)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions
        {
            Provider = provider, ConnectionString = connectionString, Path = path, BusyTimeoutSeconds = busy,
        });
        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Storage:", result.FailureMessage);
        }
    }

    [Fact]
    public void A_connection_string_names_the_file_and_the_path_setting_still_works()
    {
        using var fromConnectionString = new SqliteDatabase(new StorageOptions { ConnectionString = $"Data Source={_db.Path}", Path = "ignored.db" });
        using var fromPath = new SqliteDatabase(new StorageOptions { Path = _db.Path });
        Assert.Equal(_db.Path, fromConnectionString.DatabasePath);
        Assert.Equal(_db.Path, fromPath.DatabasePath);
    }

    public void Dispose() => _db.Drop();
}
