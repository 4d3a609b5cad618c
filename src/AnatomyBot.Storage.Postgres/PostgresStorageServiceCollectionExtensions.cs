using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>The value of <c>Storage:Provider</c> that selects PostgreSQL.</summary>
    public const string ProviderName = "postgres";

    /// <summary>Whether <c>Storage:Provider</c> selects PostgreSQL.</summary>
    public static bool IsSelected(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration["Storage:Provider"], ProviderName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Registers the PostgreSQL provider for <c>Storage:ConnectionString</c> behind Core's storage ports
    /// (<see cref="IStorageSchema"/>, <see cref="IStorageDiagnostics"/>, <see cref="IQuizStore"/>, <see cref="IDailyQuizStore"/>,
    /// <see cref="IChatStore"/>, <see cref="IUpdateInbox"/>, <see cref="IStudyStore"/>) and what replicas share: <see cref="IReplicaCoordination"/>,
    /// turns of a pace (<see cref="ITurnClaims"/>: Discord's session starts across processes),
    /// this process's <see cref="ReplicaIdentity"/> (<c>Storage:ReplicaId</c>, default host name and process id), an inbox
    /// that claims what it hands out for <c>Storage:ClaimSeconds</c> (default 30; replicas then handle each webhook update
    /// once, and a dead replica's updates after its claim expired), and the reload broadcast (a moderator's reload here reloads every replica). Call after the knowledge services and before
    /// the default provider's registration, which keeps ports registered earlier.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration["Storage:ConnectionString"] ?? "";
        var replica = new ReplicaIdentity(configuration["Storage:ReplicaId"] is { Length: > 0 } id
            ? id
            : $"{Environment.MachineName}-{Environment.ProcessId}");

        var claimSetting = configuration["Storage:ClaimSeconds"];
        var claim = TimeSpan.FromSeconds(30);
        if (!string.IsNullOrEmpty(claimSetting))
        {
            claim = int.TryParse(claimSetting, out var seconds) && seconds is >= 2 and <= 3600
                ? TimeSpan.FromSeconds(seconds)
                : throw new InvalidOperationException("Storage:ClaimSeconds must be a whole number of seconds between 2 and 3600 (default 30).");
        }

        services.AddSingleton(replica);
        services.AddSingleton(_ =>
        {
            // Options validation at start names a missing connection string; an unreadable one fails here.
            var builder = new NpgsqlDataSourceBuilder(connectionString);
            builder.ConnectionStringBuilder.ApplicationName ??= "anatomybot " + replica.Id;
            return builder.Build();
        });
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IStorageSchema>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddSingleton<IStorageDiagnostics>(_ => new PostgresStorageDiagnostics(connectionString));
        services.AddSingleton<IQuizStore>(sp => new PostgresQuizStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IDailyQuizStore>(sp => new PostgresDailyQuizStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IChatStore>(sp => new PostgresChatStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IStudyStore>(sp => new PostgresStudyStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton(sp => new PostgresUpdateInbox(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IUpdateInbox>(sp => new ReplicaUpdateInbox(sp.GetRequiredService<PostgresUpdateInbox>(), replica,
            sp.GetRequiredService<TimeProvider>(), claim));
        services.AddSingleton<IReplicaCoordination>(sp => sp.GetRequiredService<PostgresUpdateInbox>());
        services.AddSingleton<ITurnClaims>(sp => new PostgresTurnClaims(sp.GetRequiredService<PostgresDatabase>(), replica));

        // The reloader registered so far (the knowledge store) reloads this replica; the broadcast wraps it.
        var local = services.LastOrDefault(d => d.ServiceType == typeof(IKnowledgeReloader))
            ?? throw new InvalidOperationException("Register the knowledge services (AddKnowledge) before AddPostgresStorage.");
        services.Remove(local);
        services.AddSingleton(sp => new ReloadBroadcast(
            sp.GetRequiredService<NpgsqlDataSource>(), Resolve(sp, local), replica,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ReloadBroadcast>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ReloadBroadcast>());
        services.AddSingleton<IKnowledgeReloader>(sp => new BroadcastingKnowledgeReloader(
            Resolve(sp, local), sp.GetRequiredService<ReloadBroadcast>, sp.GetRequiredService<ILogger<BroadcastingKnowledgeReloader>>()));
        return services;
    }

    private static IKnowledgeReloader Resolve(IServiceProvider services, ServiceDescriptor descriptor) => (IKnowledgeReloader)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.GetServiceOrCreateInstance(services, descriptor.ImplementationType!));
}
