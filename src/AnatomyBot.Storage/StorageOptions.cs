using Microsoft.Extensions.Options;

namespace AnatomyBot.Storage;

/// <summary>Where the bot keeps its durable state (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The SQLite provider, the default.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>The PostgreSQL provider (src/AnatomyBot.Storage.Postgres), for several replicas sharing one state.</summary>
    public const string Postgres = "postgres";

    /// <summary>
    /// Which database holds the state (<c>Storage:Provider</c>): <c>sqlite</c> (the default) or <c>postgres</c>
    /// (<see cref="ConnectionString"/> required).
    /// </summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// A full connection string for the provider (<c>Storage:ConnectionString</c>). For SQLite it is optional: without it,
    /// or when it names no data source, <see cref="Path"/> is used. For PostgreSQL it is required, e.g.
    /// <c>Host=db;Database=anatomybot;Username=anatomybot;Password=...</c>; never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Path of the SQLite database file (<c>Storage:Path</c>); its directory is created.</summary>
    public string Path { get; set; } = "data/anatomybot.db";

    /// <summary>
    /// How long one statement waits for another connection's write lock before it fails (<c>Storage:BusyTimeoutSeconds</c>,
    /// 1-600). A failure is retried with back-off and reported as "degraded" in /healthz; it never stops the bot.
    /// </summary>
    public int BusyTimeoutSeconds { get; set; } = 30;
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (string.Equals(options.Provider, StorageOptions.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            // The connection string itself is checked by the provider when it connects (its errors never echo a password).
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString is required with Storage:Provider postgres, e.g. Host=db;Database=anatomybot;Username=anatomybot;Password=...")
                : ValidateOptionsResult.Success;
        }

        if (!string.Equals(options.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider \"{options.Provider}\" is not known: use \"sqlite\" (the default) or \"postgres\".");
        }

        if (string.IsNullOrWhiteSpace(options.Path) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:Path must name the SQLite database file (default data/anatomybot.db).");
        }

        if (options.BusyTimeoutSeconds is < 1 or > 600)
        {
            return ValidateOptionsResult.Fail("Storage:BusyTimeoutSeconds must be between 1 and 600.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                return ValidateOptionsResult.Fail($"Storage:ConnectionString is not a valid SQLite connection string: {ex.Message}");
            }
        }

        return ValidateOptionsResult.Success;
    }
}
