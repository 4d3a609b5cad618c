using System.Globalization;
using AnatomyBot.Core.Storage;
using Microsoft.Data.Sqlite;

namespace AnatomyBot.Storage.Sqlite;

/// <summary>
/// One SQLite database file (WAL mode): opens pooled connections, and brings the schema up to date before the first
/// one (<see cref="SqliteMigrations"/>). Instants are stored as Unix milliseconds, local dates as yyyy-MM-dd, platform
/// ids as text.
/// </summary>
public sealed class SqliteDatabase : IStorageSchema, IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public SqliteDatabase(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? "");
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = options.Path;
        }

        builder.DataSource = System.IO.Path.GetFullPath(builder.DataSource);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        // Microsoft.Data.Sqlite retries SQLITE_BUSY for this long before a statement fails.
        builder.DefaultTimeout = options.BusyTimeoutSeconds;
        _connectionString = builder.ToString();
        DatabasePath = builder.DataSource;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    public void Dispose() => _migrateGate.Dispose();

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        if (_migrated)
        {
            return;
        }

        await _migrateGate.WaitAsync(cancellationToken);
        try
        {
            if (_migrated)
            {
                return;
            }

            var directory = System.IO.Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                try
                {
                    Directory.CreateDirectory(directory);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new StorageUnusableException($"cannot create the directory {directory}: {ex.Message}");
                }
            }

            if (Directory.Exists(DatabasePath))
            {
                throw new StorageUnusableException($"{DatabasePath} is a directory, not a database file");
            }

            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await SqliteMigrations.ApplyAsync(connection, DatabasePath, cancellationToken);

            // Catches a damaged file at start rather than at the first write that touches the damage.
            if (await Sql.ScalarAsync(connection, null, "PRAGMA quick_check;", cancellationToken) is string check && check != "ok")
            {
                throw new SqliteException($"SQLite Error 11: 'database disk image is malformed: {check}'.", 11);
            }

            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    /// <summary>An open connection to the migrated database; the caller disposes it.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}

/// <summary>Small helpers over SqliteCommand: named parameters, nulls as DBNull.</summary>
internal static class Sql
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> ListAsync<T>(SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(read(reader));
        }

        return list;
    }

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static int ToInt(object? value) => Convert.ToInt32(value ?? 0L, CultureInfo.InvariantCulture);
}
