using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Commands;
using AnatomyBot.Discord.Quiz;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// The adapter's one source of randomness: heartbeat jitter and reconnect backoff (quiz picks are the QuizService's).
/// Tests register a fixed one before AddDiscordAdapter.
/// </summary>
internal sealed record DiscordRandom(Random Random);

public static class DiscordServiceCollectionExtensions
{
    internal const string HttpClientName = "AnatomyBot.Discord";

    /// <summary>
    /// Registers the Discord adapter: options bound from the "Discord" section (validated at start), the REST
    /// client, the gateway client, the hosted service and an <see cref="IAdapterHealth"/> named "discord". Needs <see cref="IAnswerEngine"/>,
    /// <see cref="IMuscleNameCompleter"/>, <see cref="IKnowledgeProvider"/>, <see cref="IKnowledgeReloader"/>,
    /// <see cref="TimeProvider"/> and the storage ports <see cref="IQuizStore"/>, <see cref="IDailyQuizStore"/> and <see cref="IStorageDiagnostics"/> from
    /// the host; registers the <see cref="QuizService"/> unless registered already. Call it only when
    /// <c>Discord:Token</c> is set.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.SectionName))
            .ValidateOnStart();
        var legacyShardId = configuration.GetSection(DiscordOptions.SectionName)["ShardId"] is not null;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>>(new DiscordOptionsValidator(legacyShardId)));

        // Request logging of the default handlers would write interaction tokens (part of the URL) to the log.
        services.AddHttpClient(HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<DiscordMetrics>();
        services.TryAddSingleton(new DiscordRandom(Random.Shared));
        services.TryAddSingleton<RestRateLimiter>();
        services.TryAddSingleton(sp =>
        {
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new DiscordRestClient(
                () => factory.CreateClient(HttpClientName),
                sp.GetRequiredService<IOptions<DiscordOptions>>(),
                sp.GetRequiredService<RestRateLimiter>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<DiscordMetrics>(),
                sp.GetRequiredService<ILogger<DiscordRestClient>>());
        });
        services.TryAddSingleton<GatewayTransportFactory>(() => new WebSocketGatewayTransport());
        services.TryAddSingleton<IdentifyLimiter>();
        services.TryAddSingleton<GatewayShards>();
        services.TryAddSingleton<DiscordHealth>();
        services.AddSingleton<IAdapterHealth>(sp => sp.GetRequiredService<DiscordHealth>());
        services.TryAddSingleton<DiscordBotIdentity>();
        services.TryAddSingleton(sp => new QuizService(
            sp.GetRequiredService<IKnowledgeProvider>(), sp.GetRequiredService<IQuizStore>(), sp.GetRequiredService<TimeProvider>(), Random.Shared,
            sp.GetService<IQuizAnswerListener>()));
        services.TryAddSingleton<AnswerCommand>();
        services.TryAddSingleton<QuizCommand>();
        services.TryAddSingleton<QuizAnswerCommand>();
        services.TryAddSingleton<LeaderboardCommand>();
        services.TryAddSingleton<ReloadCommand>();
        services.TryAddSingleton<StudyCommand>();
        services.TryAddSingleton<DailyQuizScheduler>();
        services.TryAddSingleton<DailyQuizCommand>();
        services.TryAddSingleton<DiscordRequestRouter>();
        services.TryAddSingleton<QuizButtonClick>();
        services.TryAddSingleton<MuscleAutocomplete>();
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<MentionHandler>();
        services.TryAddSingleton<DiscordStorageOpener>();
        services.TryAddSingleton<ShardPlanner>();
        services.TryAddSingleton<CommandRegistrar>();
        services.TryAddSingleton<DispatchRouter>();
        services.TryAddSingleton<DiscordBotService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DiscordBotService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DailyQuizScheduler>());
        return services;
    }
}
