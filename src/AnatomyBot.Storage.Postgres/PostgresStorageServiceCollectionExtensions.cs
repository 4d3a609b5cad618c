using AnatomyBot.Core.Knowledge;
using AnatomyBot.Telegram;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AnatomyBot.Storage.Postgres;

public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>Whether <c>Storage:Provider</c> selects PostgreSQL.</summary>
    public static bool IsSelected(IConfiguration configuration) =>
        string.Equals(configuration[$"{TelegramStorageOptions.SectionName}:{nameof(TelegramStorageOptions.Provider)}"], "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Registers the PostgreSQL store for <c>Storage:ConnectionString</c> as the adapter's store (call before
    /// <c>AddTelegramAdapter</c>, whose SQLite store is only a default), this process's <see cref="ReplicaIdentity"/>
    /// (<c>Storage:ReplicaId</c>, default host name and process id), and the reload broadcast: a moderator's reload here
    /// reloads every replica. Call after the knowledge services are registered.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelegramStorageOptions.SectionName);
        var replicaId = section[nameof(TelegramStorageOptions.ReplicaId)] is { Length: > 0 } configured
            ? configured
            : $"{Environment.MachineName}-{Environment.ProcessId}";
        var replica = new ReplicaIdentity(replicaId);

        services.AddSingleton(replica);
        services.AddSingleton(_ =>
        {
            // Options validation at start names a missing connection string; an unparsable one fails here, on first use.
            var builder = new NpgsqlDataSourceBuilder(section[nameof(TelegramStorageOptions.ConnectionString)] ?? "");
            builder.ConnectionStringBuilder.ApplicationName ??= "anatomybot " + replica.Id;
            return builder.Build();
        });
        services.AddSingleton<PostgresTelegramStore>();
        services.AddSingleton<ITelegramStore>(sp => sp.GetRequiredService<PostgresTelegramStore>());

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
