using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Storage;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Discord.Tests.Fakes;

/// <summary>
/// The adapter wired through AddDiscordAdapter against a <see cref="FakeDiscord"/>, on a fake clock, with the real SQLite
/// store in a temporary directory (or at <c>Storage:Path</c> when the settings name one, for restarts on the same file),
/// and a quiz bank of <see cref="FakeEngine.SampleQuiz"/> unless the test registers its own knowledge.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public const string Token = "MTIz.SECRET-bot-token.xyz";

    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private bool _ownsDiscord = true;

    private string? _ownedDirectory;

    private BotHarness(FakeDiscord discord, ServiceProvider services, FakeTimeProvider clock, LogCapture logs, Mock<IHostApplicationLifetime> lifetime, Mock<IKnowledgeReloader> reloader, FakeEngine engine)
    {
        Discord = discord;
        _services = services;
        Clock = clock;
        Logs = logs;
        Lifetime = lifetime;
        Reloader = reloader;
        Engine = engine;
    }

    public FakeDiscord Discord { get; }

    public FakeTimeProvider Clock { get; }

    public LogCapture Logs { get; }

    public Mock<IHostApplicationLifetime> Lifetime { get; }

    public Mock<IKnowledgeReloader> Reloader { get; }

    public FakeEngine Engine { get; }

    internal DiscordBotService Service => _services.GetRequiredService<DiscordBotService>();

    public IServiceProvider Services => _services;

    public static async Task<BotHarness> StartAsync(
        Dictionary<string, string?>? settings = null,
        bool useGatewayBot = false,
        double jitter = 0.5,
        Action<IServiceCollection>? configure = null,
        FakeEngine? engine = null,
        Func<RecordedCall, FakeResponse?>? responder = null,
        FakeDiscord? sharedDiscord = null)
    {
        var discord = sharedDiscord ?? await FakeDiscord.StartAsync();
        if (sharedDiscord is null)
        {
            discord.Responder = responder;
        }

        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBase,
            ["Discord:GatewayUrl"] = useGatewayBot ? null : discord.GatewayUrl,
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        string? ownedDirectory = null;
        if (!config.ContainsKey("Storage:Path"))
        {
            ownedDirectory = Path.Combine(Path.GetTempPath(), "anatomybot-discord-" + Guid.NewGuid().ToString("N"));
            config["Storage:Path"] = Path.Combine(ownedDirectory, "bot.db");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var clock = new FakeTimeProvider();
        var logs = new LogCapture();
        var lifetime = new Mock<IHostApplicationLifetime>();
        var reloader = new Mock<IKnowledgeReloader>();
        engine ??= new FakeEngine();

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new DiscordRandom(new FixedRandom(jitter)));
        services.AddSingleton(lifetime.Object);
        services.AddSingleton(reloader.Object);
        if (configure is null)
        {
            services.AddSingleton<IAnswerEngine>(engine);
            services.AddSingleton<IMuscleNameCompleter>(engine);
        }
        else
        {
            configure(services);
        }

        services.TryAddSingleton<IKnowledgeProvider>(new SampleBank());
        services.AddAnatomyBotStorage(configuration);
        services.AddDiscordAdapter(configuration);
        var provider = services.BuildServiceProvider();
        var harness = new BotHarness(discord, provider, clock, logs, lifetime, reloader, engine) { _ownsDiscord = sharedDiscord is null, _ownedDirectory = ownedDirectory };
        foreach (var hosted in provider.GetServices<IHostedService>())
        {
            await hosted.StartAsync(harness._stop.Token);
        }

        return harness;
    }

    /// <summary>Plays HELLO, expects IDENTIFY, sends READY (application app1, bot user bot1), waits for the commands PUT.</summary>
    public async Task<FakeGatewayConnection> ConnectAndReadyAsync(int heartbeatMs = 45_000)
    {
        var connection = await Discord.AcceptSessionAsync(heartbeatMs);
        await Discord.WaitForCallAsync(c => c.Method == "PUT");
        return connection;
    }

    public IEnumerable<RecordedCall> CallbacksFor(string interactionId) =>
        Discord.Calls.Where(c => c.Path == FakeInteractions.CallbackPath(interactionId));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            try
            {
                await hosted.StopAsync(CancellationToken.None).WaitAsync(Wait.Guard);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }
        }

        await _services.DisposeAsync();
        if (_ownsDiscord)
        {
            await Discord.DisposeAsync();
        }

        _stop.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDirectory is not null && Directory.Exists(_ownedDirectory))
        {
            Directory.Delete(_ownedDirectory, recursive: true);
        }
    }

    /// <summary>A knowledge snapshot whose quiz bank is <see cref="FakeEngine.SampleQuiz"/>.</summary>
    private sealed class SampleBank : IKnowledgeProvider
    {
        public KnowledgeSnapshot Current { get; } = new(
            [new Source("consumer", "Iliopsoas anatomy", "article")],
            [],
            [],
            [FakeEngine.SampleQuiz],
            new SafetyRules("Not medical advice.", "Seek care now.", "I can't diagnose.", [], []),
            "test-1",
            DateTimeOffset.UnixEpoch);
    }
}
