using System.Globalization;
using AnatomyBot.Core.Storage;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

/// <summary>One schema step: applied once, in the migrating transaction, in version order.</summary>
internal sealed record PostgresMigration(int Version, string Description, string Sql);

/// <summary>
/// One PostgreSQL database shared by every replica: pooled connections from one <see cref="NpgsqlDataSource"/>, and the
/// schema brought up to date before the first one. Replicas starting together migrate once: the migration runs in one
/// transaction under an advisory lock, and the others wait for it and then find nothing to do. Instants are Unix
/// milliseconds (as in the SQLite provider, so compare-and-set on them is exact), platform ids text.
/// </summary>
public sealed class PostgresDatabase : IStorageSchema, IDisposable
{
    /// <summary>Key of the advisory lock held while migrating (any constant: "anatomyb" in ASCII).</summary>
    private const long MigrationLockKey = 0x616e61746f6d7962;

    internal static readonly IReadOnlyList<PostgresMigration> Migrations =
    [
        new(1, "Everything the SQLite provider keeps at its version 4, plus claims on inbox updates and leases for replicas", """
            CREATE TABLE chats_gone (
                platform text NOT NULL, chat_id text NOT NULL, since_ms bigint NOT NULL,
                PRIMARY KEY (platform, chat_id));
            CREATE TABLE daily_quiz (
                platform text NOT NULL, chat_id text NOT NULL,
                local_time text NOT NULL, zone text NOT NULL, subscribed_at_ms bigint NOT NULL,
                last_posted_at_ms bigint NULL, last_posted_date date NULL,
                PRIMARY KEY (platform, chat_id));
            CREATE TABLE quiz_round (
                platform text NOT NULL, chat_id text NOT NULL, question_id text NOT NULL, asked_at_ms bigint NOT NULL,
                PRIMARY KEY (platform, chat_id, question_id));
            CREATE TABLE quiz_posts (
                post_id text PRIMARY KEY, platform text NOT NULL, chat_id text NOT NULL, question_id text NOT NULL,
                correct_index integer NOT NULL, external_id text NULL, posted_at_ms bigint NOT NULL, pending boolean NOT NULL);
            CREATE UNIQUE INDEX quiz_posts_external ON quiz_posts (platform, external_id) WHERE external_id IS NOT NULL;
            CREATE INDEX quiz_posts_chat ON quiz_posts (platform, chat_id);
            CREATE INDEX quiz_posts_pending ON quiz_posts (platform, posted_at_ms) WHERE pending;
            CREATE TABLE quiz_answers (
                post_id text NOT NULL, platform text NOT NULL, user_id text NOT NULL, chat_id text NOT NULL,
                question_id text NOT NULL, chosen_index integer NULL, correct boolean NOT NULL, answered_at_ms bigint NOT NULL,
                PRIMARY KEY (post_id, user_id));
            CREATE INDEX quiz_answers_user ON quiz_answers (platform, user_id);
            CREATE INDEX quiz_answers_chat ON quiz_answers (platform, chat_id);
            CREATE TABLE quiz_scores (
                platform text NOT NULL, chat_id text NOT NULL, user_id text NOT NULL, display_name text NOT NULL,
                correct integer NOT NULL, answered integer NOT NULL,
                PRIMARY KEY (platform, chat_id, user_id));
            CREATE INDEX quiz_scores_user ON quiz_scores (platform, user_id);
            CREATE TABLE update_offsets (stream text PRIMARY KEY, next_offset bigint NOT NULL);
            CREATE TABLE update_inbox (
                stream text NOT NULL, update_id bigint NOT NULL, body text NOT NULL, received_at_ms bigint NOT NULL,
                claimed_by text NULL, claimed_until_ms bigint NULL,
                PRIMARY KEY (stream, update_id));
            CREATE TABLE handled_updates (
                stream text NOT NULL, update_id bigint NOT NULL, at_ms bigint NOT NULL,
                PRIMARY KEY (stream, update_id));
            CREATE INDEX handled_updates_at ON handled_updates (at_ms);
            CREATE TABLE leases (name text PRIMARY KEY, owner text NOT NULL, until_ms bigint NOT NULL);
            """),
        new(2, "Study: students and their linked accounts, review cards (SM-2), study answers, one-time link codes (hashed)", """
            CREATE TABLE students (student_id text PRIMARY KEY, time_zone text NULL, created_at_ms bigint NOT NULL);
            CREATE TABLE student_accounts (
                platform text NOT NULL, user_id text NOT NULL, student_id text NOT NULL, linked_at_ms bigint NOT NULL,
                PRIMARY KEY (platform, user_id));
            CREATE INDEX student_accounts_student ON student_accounts (student_id);
            CREATE TABLE review_cards (
                student_id text NOT NULL, question_id text NOT NULL, repetitions integer NOT NULL, ease double precision NOT NULL,
                interval_days integer NOT NULL, due_on text NOT NULL, last_answered_on text NOT NULL, last_missed bigint NOT NULL,
                answered integer NOT NULL, correct integer NOT NULL,
                PRIMARY KEY (student_id, question_id));
            CREATE TABLE study_answers (
                id bigserial PRIMARY KEY, student_id text NOT NULL, question_id text NOT NULL, area text NOT NULL,
                correct bigint NOT NULL, answered_at_ms bigint NOT NULL);
            CREATE INDEX study_answers_student ON study_answers (student_id);
            CREATE TABLE link_codes (
                code_hash text PRIMARY KEY, student_id text NOT NULL, platform text NOT NULL, user_id text NOT NULL,
                issued_at_ms bigint NOT NULL, expires_at_ms bigint NOT NULL, used_at_ms bigint NULL);
            CREATE INDEX link_codes_issuer ON link_codes (platform, user_id, issued_at_ms);
            """),
        new(3, "The quiz post each chat's typed answers go to (Discord DMs and mentions), so a typed answer is graded after a restart", """
            CREATE TABLE quiz_typed (
                platform text NOT NULL, chat_id text NOT NULL, post_id text NOT NULL, opened_at_ms bigint NOT NULL,
                PRIMARY KEY (platform, chat_id));
            """),
    ];

    private readonly SemaphoreSlim _migrateGate = new(1, 1);
    private volatile bool _migrated;

    public PostgresDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
    }

    /// <summary>The version this build brings a database to.</summary>
    public static int LatestVersion => Migrations[^1].Version;

    internal NpgsqlDataSource DataSource { get; }

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

            await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Pg.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@k);", cancellationToken, ("k", MigrationLockKey));
            await Pg.ExecuteAsync(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);", cancellationToken);
            var version = Convert.ToInt32(await Pg.ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken), CultureInfo.InvariantCulture);
            if (version > LatestVersion)
            {
                throw new StorageUnusableException(
                    $"The PostgreSQL database {connection.Database} has schema version {version}, newer than this build understands ({LatestVersion}). Run a newer AnatomyBot on every replica.");
            }

            foreach (var migration in Migrations.Where(m => m.Version > version))
            {
                await Pg.ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                await Pg.ExecuteAsync(connection, transaction, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (@v);",
                    cancellationToken, ("v", migration.Version));
            }

            await transaction.CommitAsync(cancellationToken);
            _migrated = true;
        }
        finally
        {
            _migrateGate.Release();
        }
    }

    /// <summary>An open connection to the migrated database; the caller disposes it.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await MigrateAsync(cancellationToken);
        return await DataSource.OpenConnectionAsync(cancellationToken);
    }
}

/// <summary>Small helpers over NpgsqlCommand: named parameters, nulls as DBNull.</summary>
internal static class Pg
{
    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
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
}
