using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Gateway;

/// <summary>An event (op 0) from the gateway: its name and a detached copy of its data.</summary>
internal sealed record GatewayDispatch(string Type, long? Sequence, JsonElement Data);

/// <summary>Why the gateway client stopped for good (a fatal close code); never returned for cancellation.</summary>
internal sealed record GatewayStopped(GatewayCloseCode? CloseCode, string Message);

/// <summary>Identity, intents and shard the gateway client sends in IDENTIFY.</summary>
internal sealed record GatewaySettings(string Token, GatewayIntents Intents, int ShardId, int ShardCount)
{
    /// <summary>Slash commands need no intent; mentions and DMs need message events, never MESSAGE_CONTENT.</summary>
    public static GatewayIntents IntentsFor(bool answerMentions) =>
        GatewayIntents.Guilds | (answerMentions ? GatewayIntents.GuildMessages | GatewayIntents.DirectMessages : GatewayIntents.None);
}

/// <summary>What the gateway client tells its owner about the session; the owner keeps the adapter's health.</summary>
internal enum GatewayStatus
{
    Ready,
    Resumed,
    Reconnecting,
}

/// <summary>Names of the gateway events (the <c>t</c> of a dispatch) this bot reads.</summary>
internal static class GatewayEvents
{
    public const string Ready = "READY";
    public const string Resumed = "RESUMED";
    public const string InteractionCreate = "INTERACTION_CREATE";
    public const string MessageCreate = "MESSAGE_CREATE";
}

/// <summary>
/// Discord gateway v10 client for one shard: connects, resumes or identifies, reconnects after the ways a connection
/// ends (<see cref="Connection"/> runs one connection) and stops on a fatal close code. All waiting goes through the
/// injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed partial class GatewayClient(
    IGatewayTransport transport,
    GatewaySettings settings,
    TimeProvider time,
    DiscordRandom random,
    DiscordMetrics metrics,
    ILogger<GatewayClient> logger,
    IdentifyLimiter? identifyLimiter = null) : IDisposable
{
    internal const int MaxPayloadBytes = 4096;
    internal static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The code of every close this client starts (shutdown, zombie, op 7, op 9, no HELLO). Anything but 1000/1001
    /// keeps the session resumable: a restarted bot (or a rolling deploy) can resume it and miss no events.
    /// </summary>
    internal const GatewayCloseCode ResumableClose = GatewayCloseCode.UnknownError;

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly SendLimiter _limiter = new(time);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ReconnectStrategy _reconnect = new(random);

    /// <summary>Called for each dispatch in order; keep it short (spawn long work).</summary>
    public Func<GatewayDispatch, CancellationToken, Task> OnDispatch { get; set; } = (_, _) => Task.CompletedTask;

    /// <summary>Called when a session becomes ready or resumed, and before each reconnect (with why).</summary>
    public Action<GatewayStatus, string> OnStatus { get; set; } = (_, _) => { };

    public int ShardId => settings.ShardId;

    // The connection (a nested class) reads these; primary-constructor parameters are not visible to it.
    private IGatewayTransport Transport => transport;

    private TimeProvider Time => time;

    private ILogger Logger => logger;

    private GatewaySettings Settings => settings;

    private double NextJitter() => random.Random.NextDouble();

    /// <summary>The session to resume (a test seam as well).</summary>
    internal GatewaySession Session { get; } = new();

    /// <summary>Runs until a fatal close code (returned) or cancellation (throws).</summary>
    public async Task<GatewayStopped> RunAsync(Uri gatewayUri, CancellationToken cancellationToken)
    {
        var delays = _reconnect.Delays().GetEnumerator();
        delays.MoveNext();
        for (var attempt = 0; ; attempt++)
        {
            var end = await ConnectOnceAsync(gatewayUri, isReconnect: attempt > 0, cancellationToken);
            if (end.Action == CloseAction.Fatal)
            {
                return Stopped(end.CloseCode ?? default);
            }

            if (end.Action == CloseAction.Reidentify)
            {
                Session.Forget();
            }

            if (end.SessionEstablished)
            {
                delays = _reconnect.Delays().GetEnumerator();
            }

            delays.MoveNext();
            OnStatus(GatewayStatus.Reconnecting, end.Describe());
            await WaitBeforeReconnectAsync(end.InvalidSession ? _reconnect.AfterInvalidSession() : delays.Current, cancellationToken);
        }
    }

    internal static Uri WithGatewayQuery(Uri uri)
    {
        var builder = new UriBuilder(uri) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    /// <summary>Connects (resuming when the session allows it) and runs that connection until it ends.</summary>
    private async Task<ConnectionEnd> ConnectOnceAsync(Uri gatewayUri, bool isReconnect, CancellationToken cancellationToken)
    {
        var (uri, resume) = Session.NextConnection(gatewayUri);
        if (isReconnect)
        {
            metrics.GatewayReconnected(resume, settings.ShardId);
        }

        try
        {
            _limiter.Reset();
            await transport.ConnectAsync(WithGatewayQuery(uri), cancellationToken);
            using var connection = new Connection(this, resume, cancellationToken);
            var end = await connection.RunAsync();
            cancellationToken.ThrowIfCancellationRequested();
            return end;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseQuietlyAsync("shutting down");
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.GatewayConnectFailed(ex.GetType().Name + ": " + ex.Message);
            return ConnectionEnd.Lost(established: false);
        }
    }

    private async Task WaitBeforeReconnectAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            logger.GatewayReconnecting(delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private GatewayStopped Stopped(GatewayCloseCode code)
    {
        var message = CloseCodes.FatalMessage(code);
        logger.GatewayFatal(message);
        return new GatewayStopped(code, message);
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
        SendAsync(new GatewayCommand<long?>(GatewayOpcode.Heartbeat, Session.Sequence), Json.GatewayCommandNullableInt64, cancellationToken);

    /// <summary>
    /// Waits for this shard's turn to start a session (max_concurrency), then sends IDENTIFY. The payload is ready before
    /// the turn is taken, so it leaves as soon after the turn as it can.
    /// </summary>
    private async Task SendIdentifyAsync(CancellationToken cancellationToken)
    {
        var identify = new Identify(
            settings.Token,
            settings.Intents,
            new IdentifyProperties(RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(), "AnatomyBot", "AnatomyBot"),
            [settings.ShardId, settings.ShardCount]);
        var turn = identifyLimiter is null ? time.GetUtcNow() : await identifyLimiter.WaitTurnAsync(settings.ShardId, cancellationToken);
        await SendAsync(new GatewayCommand<Identify>(GatewayOpcode.Identify, identify), Json.GatewayCommandIdentify, cancellationToken);
        logger.Identified(settings.ShardId, settings.ShardCount, (int)settings.Intents, turn);
    }

    private Task SendResumeAsync(CancellationToken cancellationToken)
    {
        var resume = Session.ResumeWith(settings.Token);
        logger.Resuming(resume.Seq);
        return SendAsync(new GatewayCommand<Resume>(GatewayOpcode.Resume, resume), Json.GatewayCommandResume, cancellationToken);
    }

    internal async Task SendAsync<T>(GatewayCommand<T> command, JsonTypeInfo<GatewayCommand<T>> type, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(command, type);
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway payload {command.Op} is {bytes.Length} bytes; Discord accepts at most {MaxPayloadBytes}.");
        }

        await _limiter.WaitAsync(cancellationToken);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await transport.SendAsync(bytes, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseQuietlyAsync(string reason)
    {
        try
        {
            await transport.CloseAsync(ResumableClose, reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                logger.GatewayCloseFailed(ex.GetType().Name);
            }
        }
    }

    public void Dispose() => _sendLock.Dispose();

    /// <summary>How one connection ended, and so what the next one does.</summary>
    private sealed record ConnectionEnd(CloseAction Action, bool SessionEstablished, GatewayCloseCode? CloseCode = null, bool InvalidSession = false)
    {
        public static ConnectionEnd Lost(bool established) => new(CloseAction.Resume, established);

        public static ConnectionEnd Closed(GatewayCloseCode? code, bool established) => new(CloseCodes.Classify(code), established, code);

        public static ConnectionEnd SessionInvalidated(bool established) => new(CloseAction.Reidentify, established, InvalidSession: true);

        public string Describe() => CloseCode is { } code
            ? $"gateway closed with {(int)code}; reconnecting"
            : "gateway connection lost; reconnecting";
    }
}
