using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Core.Study;
using AnatomyBot.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage provider named by <c>Storage:Provider</c> (<c>sqlite</c> by default) behind Core's ports:
    /// <see cref="IStorageSchema"/>, <see cref="IStorageDiagnostics"/>, <see cref="IQuizStore"/>,
    /// <see cref="IDailyQuizStore"/>, <see cref="IChatStore"/>, <see cref="IUpdateInbox"/>, <see cref="IStudyStore"/> and <see cref="ITurnClaims"/> (in memory). Options are validated at
    /// start. Ports registered before this call are kept (tests replace one that way).
    /// </summary>
    public static IServiceCollection AddAnatomyBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // Only SQLite today; the validator names the accepted providers.
        services.TryAddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.TryAddSingleton<IStorageSchema>(sp => sp.GetRequiredService<SqliteDatabase>());
        services.TryAddSingleton<IStorageDiagnostics>(sp => new SqliteStorageDiagnostics(sp.GetRequiredService<SqliteDatabase>().DatabasePath));
        services.TryAddSingleton<IQuizStore>(sp => new SqliteQuizStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IDailyQuizStore>(sp => new SqliteDailyQuizStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IChatStore>(sp => new SqliteChatStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IUpdateInbox>(sp => new SqliteUpdateInbox(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IStudyStore>(sp => new SqliteStudyStore(sp.GetRequiredService<SqliteDatabase>()));
        // One process owns a SQLite file, so its turns (Discord's session starts) are paced in memory.
        services.TryAddSingleton<ITurnClaims>(new InProcessTurnClaims());
        return services;
    }
}
