using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Routing;
using AnatomyBot.Discord;
using AnatomyBot.Knowledge;
using AnatomyBot.Observability;
using AnatomyBot.Storage;
using AnatomyBot.Storage.Postgres;
using AnatomyBot.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>The host's composition root: knowledge, engine, host options and, in bot mode, the adapters.</summary>
internal static class HostServices
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        // The engine-wide instruments, on the host's meter factory: the knowledge store counts reloads on them.
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.AddKnowledge(configuration);

        services.AddSingleton<IValidateOptions<AnsweringOptions>, AnsweringOptionsValidator>();
        services.AddOptions<AnsweringOptions>().Bind(configuration.GetSection(AnsweringOptions.SectionName)).ValidateOnStart();
        services.TryAddSingleton(sp => new ConversationMemory(sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<AnsweringOptions>>().Value.MaxConversations,
            TimeSpan.FromMinutes(sp.GetRequiredService<IOptions<AnsweringOptions>>().Value.FollowUpMinutes)));
        services.TryAddSingleton(sp => new SemanticModel(AnsweringOptions.CreateEmbedder(sp)));
        services.TryAddSingleton(sp => new AnswerEngine(
            sp.GetRequiredService<IKnowledgeProvider>(), Random.Shared, sp.GetRequiredService<ConversationMemory>(), sp.GetRequiredService<SemanticModel>().Embedder));
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<AnswerEngine>());
        services.TryAddSingleton<IMuscleNameCompleter>(sp => sp.GetRequiredService<AnswerEngine>());

        services.AddSingleton<IValidateOptions<ConsoleChatOptions>, ConsoleChatOptionsValidator>();
        services.AddOptions<ConsoleChatOptions>().Bind(configuration.GetSection(ConsoleChatOptions.SectionName)).ValidateOnStart();

        services.AddSingleton<IValidateOptions<BotHostOptions>, BotHostOptionsValidator>();
        services.AddOptions<BotHostOptions>().Bind(configuration.GetSection(BotHostOptions.SectionName)).ValidateOnStart();

        // Read leniently: the Host constructor resolves HostOptions before start-up validation runs, and a bad value must
        // reach that validation (which names the key) rather than throw from inside the host.
        services.AddOptions<HostOptions>().Configure(host =>
        {
            var seconds = new BotHostOptions().ShutdownTimeoutSeconds;
            if (int.TryParse(configuration[$"{BotHostOptions.SectionName}:{nameof(BotHostOptions.ShutdownTimeoutSeconds)}"], out var configured)
                && configured is >= 1 and <= 300)
            {
                seconds = configured;
            }

            host.ShutdownTimeout = TimeSpan.FromSeconds(seconds);
        });
    }

    /// <summary>
    /// Bot mode only: the metered engine (counts, latency and a log line for every answered question), the metrics
    /// listener, health, the start-up clock and the HTTP listener. Registered before the adapters so the listener starts
    /// first and stops last.
    /// </summary>
    public static void AddOperations(IServiceCollection services, IConfiguration configuration, StartupClock startup)
    {
        services.Replace(ServiceDescriptor.Singleton<IAnswerEngine>(sp => new MeteredAnswerEngine(
            sp.GetRequiredService<AnswerEngine>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<BotMetrics>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<MeteredAnswerEngine>>(),
            sp.GetRequiredService<SecretRedactor>())));
        services.AddSingleton(SecretRedactor.FromConfiguration(configuration));

        services.AddSingleton<IValidateOptions<HttpOptions>, HttpOptionsValidator>();
        services.AddOptions<HttpOptions>().Bind(configuration.GetSection(HttpOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleLogFormatOptions>, ConsoleLogFormatOptionsValidator>();
        services.AddOptions<ConsoleLogFormatOptions>().Bind(configuration.GetSection(ConsoleLogFormatOptions.SectionName)).ValidateOnStart();

        services.AddSingleton(startup);
        services.AddMetricsExport();
        services.AddBotHealthChecks();
        services.AddSingleton<OpsHttpServer>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsHttpServer>());
    }

    /// <summary>
    /// An adapter whose token is missing or blank stays off: it is not even registered. With at least one adapter on, the
    /// storage provider named by <c>Storage:Provider</c> is wired behind the ports both adapters use.
    /// </summary>
    public static void AddAdapters(IServiceCollection services, IConfiguration configuration, bool telegram, bool discord)
    {
        // Storage:Provider postgres: the shared store and the reload broadcast, registered before the default provider.
        var postgres = PostgresStorageServiceCollectionExtensions.IsSelected(configuration);
        if (postgres)
        {
            services.AddPostgresStorage(configuration);
        }

        // The Storage options (validated at start) and, unless PostgreSQL registered its own, the SQLite ports.
        if (telegram || discord || postgres)
        {
            services.AddAnatomyBotStorage(configuration);
        }

        if (telegram)
        {
            services.AddTelegramAdapter(configuration);
        }

        if (discord)
        {
            services.AddDiscordAdapter(configuration);
        }
    }
}
