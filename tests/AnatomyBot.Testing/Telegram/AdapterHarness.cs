using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Storage;
using AnatomyBot.Telegram;
using AnatomyBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Testing.Telegram;

/// <summary>The Telegram adapter in a real generic host, pointed at a <see cref="FakeBotApiServer"/>, on a fake clock.</summary>
public sealed class AdapterHarness : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_abcdefghijklmnopqrstuvwxyz";

    private AdapterHarness(IHost host, LogCapture logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>The adapter's storage ports, by Telegram ids.</summary>
    public TelegramStoreView Store => new(Services);

    public static async Task<AdapterHarness> StartAsync(
        string apiBaseUrl,
        string databasePath,
        FakeTimeProvider clock,
        IAnswerEngine? engine = null,
        IKnowledgeProvider? knowledge = null,
        IKnowledgeReloader? reloader = null,
        IDictionary<string, string?>? settings = null,
        string token = Token,
        bool start = true,
        Action<IServiceCollection>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Telegram:Token"] = token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "5",
            ["Telegram:Moderators:0"] = "1001",
            ["Storage:Path"] = databasePath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(engine ?? new FakeEngine());
        builder.Services.AddSingleton(knowledge ?? new FixedKnowledge(QuizOnlyKnowledge.Snapshot()));
        builder.Services.AddSingleton(reloader ?? Mock.Of<IKnowledgeReloader>());
        configure?.Invoke(builder.Services);
        builder.Services.AddAnatomyBotStorage(builder.Configuration);
        builder.Services.AddTelegramAdapter(builder.Configuration);
        var host = builder.Build();
        if (start)
        {
            await host.StartAsync();
        }

        return new AdapterHarness(host, logs);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(Wait.Guard);
        try
        {
            await Host.StopAsync(timeout.Token);
        }
        finally
        {
            Host.Dispose();
            SqliteConnection.ClearAllPools();
        }
    }
}

/// <summary>A fake server, a temporary database and a clock shared by one or more adapter runs (restarts).</summary>
public sealed class TestWorld : IAsyncDisposable
{
    private TestWorld(FakeBotApiServer server, FakeTimeProvider clock, string directory)
    {
        Server = server;
        Clock = clock;
        Directory = directory;
    }

    public FakeBotApiServer Server { get; }

    public FakeTimeProvider Clock { get; }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "data", "bot.db");

    public FakeEngine Engine { get; } = new();

    public static async Task<TestWorld> CreateAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var server = await FakeBotApiServer.StartAsync(AdapterHarness.Token, clock);
        var directory = Path.Combine(Path.GetTempPath(), "anatomybot-tg-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TestWorld(server, clock, directory);
    }

    public Task<AdapterHarness> StartAdapterAsync(
        IKnowledgeReloader? reloader = null,
        IDictionary<string, string?>? settings = null,
        IAnswerEngine? engine = null,
        IKnowledgeProvider? knowledge = null) =>
        AdapterHarness.StartAsync(Server.BaseUrl, DatabasePath, Clock, engine ?? Engine, knowledge, reloader, settings);

    /// <summary>Waits for calls, advancing the fake clock in small steps while the adapter sleeps on it.</summary>
    public Task PumpUntilAsync(Func<FakeBotApiServer, bool> condition, TimeSpan? step = null) =>
        Server.WaitUntilAsync(condition, onIdle: () => Clock.Advance(step ?? TimeSpan.FromMilliseconds(250)));

    public Task WaitUntilAsync(Func<FakeBotApiServer, bool> condition) => Server.WaitUntilAsync(condition);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
