using System.Diagnostics;
using Npgsql;

namespace AnatomyBot.Testing.Postgres;

/// <summary>
/// The PostgreSQL server of this test run: one throwaway cluster per test process, started on first use by the
/// project's own <c>scripts/postgres.sh</c> (which installs Debian's postgresql package when missing) and stopped when
/// the process exits (the script's watchdog stops it even when the process is killed). When
/// <c>ANATOMYBOT_POSTGRES</c> holds a connection string, that server is used instead and nothing is started.
/// Each test class gets its own database (<see cref="PostgresClassDatabase"/>).
/// </summary>
public sealed class PostgresServer
{
    /// <summary>A connection string for an existing server to use instead of a throwaway cluster.</summary>
    public const string ConnectionStringVariable = "ANATOMYBOT_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string connectionString, string? clusterDirectory)
    {
        ConnectionString = connectionString;
        ClusterDirectory = clusterDirectory;
    }

    /// <summary>Connection string of the server's maintenance database (<c>postgres</c>).</summary>
    public string ConnectionString { get; }

    /// <summary>The throwaway cluster's folder, or null when <see cref="ConnectionStringVariable"/> named a server.</summary>
    public string? ClusterDirectory { get; }

    /// <summary>
    /// Why PostgreSQL tests cannot run on this machine, or null when they can. Never a reason under CI (CI=true): there
    /// a server that cannot start fails the tests instead of skipping them.
    /// </summary>
    public static string? SkipReason { get; } = FindSkipReason();

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates a new empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        // At most 20 + 1 + 32 characters: within PostgreSQL's 63.
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray())}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its remaining connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindSkipReason()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ConnectionStringVariable)))
        {
            return null;
        }

        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.EnumerateDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")));
        if (installed || (Environment.IsPrivilegedProcess && File.Exists("/usr/bin/apt-get")))
        {
            return null;
        }

        return "No PostgreSQL server here: Debian's postgresql package is not installed and this user cannot install it "
            + "(scripts/postgres.sh needs root and apt-get). Install it, or set ANATOMYBOT_POSTGRES to a server's connection string.";
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(given, null);
        }

        var script = Path.Combine(RepositoryPaths.Root, "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { script, "start", "--owner-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot run bash " + script);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Installing the package with apt-get can take a few minutes on a clean machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/postgres.sh start failed with exit code {process.ExitCode} (3: no PostgreSQL server can be installed here): {(await error).Trim()}");
        }

        string Value(string key) => lines.Single(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..];
        var server = new PostgresServer(Value("connection"), Value("dir"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        if (ClusterDirectory is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var process = Process.Start(new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "scripts", "postgres.sh"), "stop", ClusterDirectory },
            UseShellExecute = false,
        });
        process?.WaitForExit(TimeSpan.FromSeconds(30));
    }
}
