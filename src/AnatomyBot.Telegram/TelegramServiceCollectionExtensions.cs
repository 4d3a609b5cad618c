using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Commands;
using AnatomyBot.Telegram.Moderation;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using AnatomyBot.Telegram.Updates;
using AnatomyBot.Telegram.Webhook;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Telegram adapter: options bound from "Telegram" (validated at start), the Bot API client, the
    /// <see cref="QuizService"/> (unless registered already), the long receiver (long polling, or the webhook queue when Telegram:Webhook:Url is set; map the endpoint with
    /// <see cref="TelegramWebhookEndpoints.MapTelegramWebhook"/>), the daily quiz scheduler, and an <see cref="IAdapterHealth"/> named "telegram". The host calls this only when <c>Telegram:Token</c> is set and
    /// must register <c>IAnswerEngine</c>, <c>IKnowledgeProvider</c>, <c>IKnowledgeReloader</c>, <c>TimeProvider</c> and the storage
    /// ports (<see cref="IStorageSchema"/>, <see cref="IStorageDiagnostics"/>, <see cref="IQuizStore"/>,
    /// <see cref="IDailyQuizStore"/>, <see cref="IChatStore"/>, <see cref="IUpdateInbox"/>). The host also registers
    /// <see cref="Core.Study.StudyCommands"/> (and the <see cref="IQuizAnswerListener"/> that feeds it); without them the
    /// study commands answer that they are not available.
    /// </summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        AddBotApiHttpClient(services);
        AddAdapterState(services);
        AddSending(services);
        AddUpdateHandling(services);
        AddReceivers(services);
        return services;
    }

    /// <summary>The named HTTP client the Bot API calls go through, without request logging (its URLs carry the token).</summary>
    private static void AddBotApiHttpClient(IServiceCollection services)
    {
        // Telegram.Bot's TelegramBotClient is created per call over this named client (see BotApi). The factory's
        // request logging writes request URLs, and Bot API URLs carry the token: it is removed. The lenient handler
        // normalises replies from third-party servers (dates in milliseconds) before the library reads them.
        services.AddTransient<LenientReplyHandler>();
        services.AddHttpClient(BotApi.HttpClientName, (sp, http) =>
            {
                http.Timeout = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.HttpTimeout;
            })
            .AddHttpMessageHandler<LenientReplyHandler>()
            .RemoveAllLoggers();
    }

    /// <summary>What the whole adapter shares: clock, metrics, the quiz service, the Bot API client, health and lifetime.</summary>
    private static void AddAdapterState(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<TelegramMetrics>();
        services.TryAddSingleton(sp => new QuizService(
            sp.GetRequiredService<IKnowledgeProvider>(), sp.GetRequiredService<IQuizStore>(), sp.GetRequiredService<TimeProvider>(), Random.Shared,
            sp.GetService<IQuizAnswerListener>()));
        services.AddSingleton<BotApi>();
        services.AddSingleton<TelegramHealth>();
        services.AddSingleton<IAdapterHealth>(sp => sp.GetRequiredService<TelegramHealth>());
        services.AddSingleton<TelegramAdapterLifetime>();
        services.AddSingleton<StorageFaults>();
        services.TryAddSingleton(new TelegramRandom(Random.Shared));
    }

    /// <summary>Posting to chats: retry policy, per-chat pacing, the sender, and what posting needs to know about the bot and chats.</summary>
    private static void AddSending(IServiceCollection services)
    {
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<ChatAdminChecker>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<QuizPoster>();
    }

    /// <summary>Turning an update into a reply: the commands, the request router and the update handlers.</summary>
    private static void AddUpdateHandling(IServiceCollection services)
    {
        services.AddSingleton<AnswerCommand>();
        services.AddSingleton<QuizCommand>();
        services.AddSingleton<DailyQuizCommand>();
        services.AddSingleton<LeaderboardCommand>();
        services.AddSingleton<ReloadCommand>();
        services.AddSingleton<StudyCommand>();
        services.AddSingleton<TelegramRequestRouter>();
        services.AddSingleton<PollAnswerHandler>();
        services.AddSingleton<ChatMembershipHandler>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<UpdateDispatcher>();
    }

    /// <summary>The receivers (webhook queue or long polling) and the daily quiz, and the hosted services that run them.</summary>
    private static void AddReceivers(IServiceCollection services)
    {
        services.AddSingleton<TelegramWebhookQueue>();
        services.AddSingleton<DailyQuizScheduler>();
        services.AddSingleton<PollingLease>();
        services.AddSingleton<BotApiRetrier>();
        services.AddSingleton<BotSetup>();
        services.AddSingleton<UpdateOffset>();
        services.AddSingleton<UpdatePoller>();
        services.AddSingleton<TelegramPollingService>();
        // Registered before the receiver so it stops after it: the webhook queue drains last.
        services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhookQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<TelegramPollingService>());
        services.AddHostedService(sp => sp.GetRequiredService<DailyQuizScheduler>());
    }
}
