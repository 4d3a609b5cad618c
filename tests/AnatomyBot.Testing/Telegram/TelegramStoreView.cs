using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Storage;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Testing.Telegram;

/// <summary>
/// The storage ports as the Telegram tests look at them: by Telegram chat and user ids (the adapter's keys), over the
/// same real database the adapter uses.
/// </summary>
public sealed class TelegramStoreView(IServiceProvider services, IDisposable? owned = null) : IDisposable
{
    public IStorageSchema Schema => services.GetRequiredService<IStorageSchema>();

    public IQuizStore Quiz => services.GetRequiredService<IQuizStore>();

    public IDailyQuizStore Daily => services.GetRequiredService<IDailyQuizStore>();

    public IChatStore Chats => services.GetRequiredService<IChatStore>();

    public IUpdateInbox Inbox => services.GetRequiredService<IUpdateInbox>();

    /// <summary>The storage a separate process would open on <paramref name="databasePath"/> (the adapter not running).</summary>
    public static TelegramStoreView Open(string databasePath, int busyTimeoutSeconds = 30)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = databasePath,
            ["Storage:BusyTimeoutSeconds"] = busyTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var provider = new ServiceCollection().AddAnatomyBotStorage(configuration).BuildServiceProvider();
        return new TelegramStoreView(provider, provider);
    }

    public Task MigrateAsync(CancellationToken cancellationToken) => Schema.MigrateAsync(cancellationToken);

    public Task<long?> GetUpdateOffsetAsync(CancellationToken cancellationToken) => Inbox.GetOffsetAsync(TelegramKeys.Platform, cancellationToken);

    public Task SetUpdateOffsetAsync(long offset, CancellationToken cancellationToken) => Inbox.SetOffsetAsync(TelegramKeys.Platform, offset, cancellationToken);

    public Task<bool> IsUpdateHandledAsync(long updateId, CancellationToken cancellationToken) => Inbox.IsHandledAsync(TelegramKeys.Platform, updateId, cancellationToken);

    public Task<int> CountWebhookInboxAsync(CancellationToken cancellationToken) => Inbox.CountPendingAsync(TelegramKeys.Platform, cancellationToken);

    public Task<bool> EnqueueWebhookUpdateAsync(long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken) =>
        Inbox.EnqueueAsync(TelegramKeys.Platform, updateId, json, at, cancellationToken);

    public Task<bool> IsChatGoneAsync(long chatId, CancellationToken cancellationToken) => Chats.IsChatGoneAsync(TelegramKeys.Chat(chatId), cancellationToken);

    public Task MarkChatGoneAsync(long chatId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Chats.MarkChatGoneAsync(TelegramKeys.Chat(chatId), at, cancellationToken);

    public Task SaveSubscriptionAsync(long chatId, TimeOnly time, string zone, DateTimeOffset at, CancellationToken cancellationToken) =>
        Daily.SaveSubscriptionAsync(TelegramKeys.Chat(chatId), time, zone, at, cancellationToken);

    public Task<DailyQuizSubscription?> GetSubscriptionAsync(long chatId, CancellationToken cancellationToken) =>
        Daily.GetSubscriptionAsync(TelegramKeys.Chat(chatId), cancellationToken);

    public Task<bool> TryClaimDailyPostAsync(long chatId, DateTimeOffset? expected, DateOnly date, DateTimeOffset at, CancellationToken cancellationToken) =>
        Daily.TryClaimDailyPostAsync(TelegramKeys.Chat(chatId), expected, date, at, cancellationToken);

    public Task<IReadOnlySet<string>> GetAskedQuestionsAsync(long chatId, CancellationToken cancellationToken) =>
        Quiz.GetAskedQuestionsAsync(TelegramKeys.Chat(chatId), cancellationToken);

    public Task<IReadOnlyList<ScoreEntry>> GetLeaderboardAsync(long chatId, int limit, CancellationToken cancellationToken) =>
        Quiz.GetLeaderboardAsync(TelegramKeys.Chat(chatId), limit, cancellationToken);

    /// <summary>The quiz post behind a Telegram poll id, or null.</summary>
    public Task<QuizPost?> GetPollAsync(string pollId, CancellationToken cancellationToken) =>
        Quiz.FindPostByExternalIdAsync(TelegramKeys.Platform, pollId, cancellationToken);

    /// <summary>Records a poll as the adapter does when it posts one: reserved, then completed with its poll id.</summary>
    public async Task RecordPollAsync(string pollId, long chatId, string questionId, int correctIndex, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await Quiz.ReservePostAsync(new QuizPost(pollId, TelegramKeys.Chat(chatId), questionId, correctIndex, at), cancellationToken);
        await Quiz.CompletePostAsync(pollId, pollId, at, cancellationToken);
    }

    public void Dispose() => owned?.Dispose();
}
