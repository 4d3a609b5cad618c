using AnatomyBot.Core.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// Tells PostgreSQL's failures apart: a server that is down, restarting or unreachable, a dropped connection or a timeout
/// pass (retried with back-off); a refused login, a missing database, missing rights or a newer schema need the
/// operator. The connection string is never shown (it may hold a password): only host, port and database.
/// </summary>
internal sealed class PostgresStorageDiagnostics(string connectionString) : IStorageDiagnostics
{
    private readonly string _where = Where(connectionString);

    public string Location => $"Storage:Provider is postgres, Storage:ConnectionString names {_where}";

    public StorageFaultKind Classify(Exception exception) => exception switch
    {
        StorageUnusableException => StorageFaultKind.Fatal,
        // 28: invalid authorization; 3D000: no such database; 42: syntax or access rule (insufficient privilege).
        PostgresException pg when pg.SqlState.StartsWith("28", StringComparison.Ordinal) || pg.SqlState == "3D000"
            || pg.SqlState.StartsWith("42", StringComparison.Ordinal) => StorageFaultKind.Fatal,
        NpgsqlException => StorageFaultKind.Transient,
        TimeoutException => StorageFaultKind.Transient,
        _ => StorageFaultKind.None,
    };

    public string Describe(Exception exception) => exception switch
    {
        PostgresException pg => $"{pg.SqlState}: {pg.MessageText}",
        NpgsqlException { InnerException: { } inner } npgsql => $"{npgsql.Message.TrimEnd('.')} ({inner.Message.TrimEnd('.')})",
        _ => exception.Message.TrimEnd('.'),
    };

    public string FatalMessage(Exception exception) =>
        $"the PostgreSQL database ({_where}) cannot be used: {Describe(exception)}. Check Storage:ConnectionString "
        + "(environment variable Storage__ConnectionString): host, database, user and password, and that the user may create "
        + "tables in that database; then restart.";

    private static string Where(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {builder.Host}, port {builder.Port}, database {builder.Database ?? "(the user's)"}";
        }
        catch (ArgumentException)
        {
            return "an unreadable connection string";
        }
    }
}
