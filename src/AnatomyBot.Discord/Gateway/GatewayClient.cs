using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Gateway;

/// <summary>An event (op 0) from the gateway: its name and a detached copy of its data.</summary>
internal sealed record GatewayDispatch(string Type, long? Sequence, JsonElement Data);

/// <summary>Why the gateway client stopped for good (a fatal close code); never returned for cancellation.</summary>
internal sealed record GatewayStopped(int? CloseCode, string Message);

/// <summary>Identity and intents the gateway client sends.</summary>
internal sealed record GatewaySettings(string Token, int Intents, int ShardId, int ShardCount)
{
    public const int Guilds = 1 << 0;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;

    /// <summary>Slash commands need no intent; mentions and DMs need message events, never MESSAGE_CONTENT.</summary>
    public static int IntentsFor(bool answerMentions) =>
        Guilds | (answerMentions ? GuildMessages | DirectMessages : 0);
}

/// <summary>
/// Discord gateway v10 client: HELLO, heartbeats with jitter and zombie detection, IDENTIFY/RESUME, op 7/9,
/// close-code policy and capped backoff. All waiting goes through the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class GatewayClient(
    IGatewayTransport transport,
    GatewaySettings settings,
    TimeProvider time,
    Random random,
    ILogger<GatewayClient> logger,
    DiscordHealth? health = null) : IDisposable
{
    internal const int MaxPayloadBytes = 4096;
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    internal static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Close code sent on shutdown: anything but 1000/1001 keeps the session resumable.</summary>
    internal const int ShutdownCloseCode = 4000;

    private readonly SendLimiter _limiter = new(time);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly object _stateGate = new();
    private string? _sessionId;
    private Uri? _resumeUri;
    private long? _sequence;
    private volatile bool _ackReceived = true;

    /// <summary>Called for each dispatch in order; keep it short (spawn long work).</summary>
    public Func<GatewayDispatch, CancellationToken, Task> OnDispatch { get; set; } = (_, _) => Task.CompletedTask;

    public long? LastSequence
    {
        get { lock (_stateGate) { return _sequence; } }
    }

    public string? SessionId
    {
        get { lock (_stateGate) { return _sessionId; } }
    }

    /// <summary>Runs until a fatal close code (returned) or cancellation (throws).</summary>
    public async Task<GatewayStopped> RunAsync(Uri gatewayUri, CancellationToken cancellationToken)
    {
        var failures = 0;
        var delay = TimeSpan.Zero;
        var firstConnect = true;
        while (true)
        {
            if (delay > TimeSpan.Zero)
            {
                logger.LogInformation("Reconnecting to the Discord gateway in {Delay:0.0} s", delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
            }

            Uri uri;
            bool resume;
            lock (_stateGate)
            {
                resume = _sessionId is not null && _resumeUri is not null;
                uri = WithGatewayQuery(resume ? _resumeUri! : gatewayUri);
            }

            if (!firstConnect)
            {
                BotMetrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("kind", resume ? "resume" : "identify"));
            }

            firstConnect = false;

            ConnectionEnd end;
            try
            {
                _limiter.Reset();
                await transport.ConnectAsync(uri, cancellationToken);
                end = await RunConnectionAsync(resume, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Not 1000/1001: those end the session, and a restarted bot (or a rolling deploy) could no longer
                // resume it and would miss the events sent meanwhile.
                await CloseQuietlyAsync(ShutdownCloseCode, "shutting down");
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Discord gateway connection failed: {Error}", ex.GetType().Name + ": " + ex.Message);
                end = new ConnectionEnd(CloseAction.Resume, SessionEstablished: false, null);
            }

            if (end.Action == CloseAction.Fatal)
            {
                var message = CloseCodes.FatalMessage(end.CloseCode ?? 0);
                logger.LogCritical("{Message}", message);
                health?.Set(AdapterState.Failed, message);
                return new GatewayStopped(end.CloseCode, message);
            }

            if (end.Action == CloseAction.Reidentify)
            {
                ForgetSession();
            }

            failures = end.SessionEstablished ? 0 : failures + 1;
            delay = end.InvalidSession
                ? TimeSpan.FromSeconds(1 + (4 * random.NextDouble()))
                : Backoff(failures);
            health?.Set(
                AdapterState.Reconnecting,
                end.CloseCode is { } code ? $"gateway closed with {code}; reconnecting" : "gateway connection lost; reconnecting");
        }
    }

    /// <summary>0 for the first retry after a working session; then 1, 2, 4 ... s (capped), each x [0.5, 1).</summary>
    internal TimeSpan Backoff(int failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        return Core.Resilience.Backoff.Exponential(failures - 1, MaxBackoff, random.NextDouble());
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

    private sealed record ConnectionEnd(CloseAction Action, bool SessionEstablished, int? CloseCode, bool InvalidSession = false);

    private async Task<ConnectionEnd> RunConnectionAsync(bool resume, CancellationToken cancellationToken)
    {
        using var connection = new CancellationTokenSource();

        // On shutdown the close frame goes out before the receive is cancelled: cancelling a pending WebSocket
        // receive aborts the socket, and Discord would only see a dropped connection.
        Task? shutdownClose = null;
        var shutdown = cancellationToken.Register(() => shutdownClose = CloseForShutdownAsync(connection));
        var zombie = new ZombieFlag();
        Task? heartbeat = null;
        var established = false;
        var helloMissing = new ZombieFlag();

        // A server that accepts the socket but never says HELLO would otherwise hold the client forever.
        var helloTimer = time.CreateTimer(
            _ =>
            {
                helloMissing.Value = true;
                connection.Cancel();
            },
            null,
            HelloTimeout,
            Timeout.InfiniteTimeSpan);
        try
        {
            while (true)
            {
                GatewayFrame frame;
                try
                {
                    frame = await transport.ReceiveAsync(connection.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && (zombie.Value || helloMissing.Value))
                {
                    if (helloMissing.Value)
                    {
                        logger.LogWarning("No HELLO from the Discord gateway within {Seconds} s; reconnecting", HelloTimeout.TotalSeconds);
                        await CloseQuietlyAsync(4000, "no hello");
                    }

                    return new ConnectionEnd(CloseAction.Resume, established, null);
                }

                if (zombie.Value)
                {
                    // The heartbeat loop already closed this connection; whatever still arrived is moot.
                    return new ConnectionEnd(CloseAction.Resume, established, null);
                }

                if (frame.IsClose)
                {
                    var action = CloseCodes.Classify(frame.CloseCode);
                    logger.LogWarning("Discord gateway closed ({Code}); next: {Action}", frame.CloseCode?.ToString() ?? "no close code", action);
                    return new ConnectionEnd(action, established, frame.CloseCode);
                }

                if (!TryParse(frame.Text, out var op, out var seq, out var type, out var data))
                {
                    // One bad frame is not worth a reconnect: skip it and keep the session.
                    logger.LogWarning("Skipped a malformed Discord gateway frame ({Length} characters)", frame.Text?.Length ?? 0);
                    continue;
                }

                if (seq is not null)
                {
                    lock (_stateGate)
                    {
                        _sequence = seq;
                    }
                }

                switch (op)
                {
                    case 10:
                        if (data.ValueKind != JsonValueKind.Object
                            || !data.TryGetProperty("heartbeat_interval", out var intervalElement)
                            || intervalElement.ValueKind != JsonValueKind.Number
                            || !intervalElement.TryGetDouble(out var intervalMs)
                            || intervalMs <= 0)
                        {
                            // Without a usable interval there is no session; the HELLO timeout reconnects.
                            logger.LogWarning("Skipped a HELLO without a usable heartbeat_interval");
                            break;
                        }

                        await helloTimer.DisposeAsync();
                        var interval = TimeSpan.FromMilliseconds(intervalMs);
                        _ackReceived = true;
                        heartbeat = HeartbeatLoopAsync(interval, connection, zombie);
                        if (resume)
                        {
                            await SendResumeAsync(connection.Token);
                        }
                        else
                        {
                            await SendIdentifyAsync(connection.Token);
                        }

                        break;
                    case 11:
                        _ackReceived = true;
                        break;
                    case 1:
                        await SendHeartbeatAsync(connection.Token);
                        break;
                    case 7:
                        logger.LogInformation("Discord asked for a reconnect (op 7); resuming");
                        await CloseQuietlyAsync(4000, "reconnect requested");
                        return new ConnectionEnd(CloseAction.Resume, true, null);
                    case 9:
                        var resumable = data.ValueKind == JsonValueKind.True;
                        logger.LogWarning("Discord invalidated the session (op 9, resumable: {Resumable})", resumable);
                        await CloseQuietlyAsync(4000, "invalid session");
                        if (resumable)
                        {
                            return new ConnectionEnd(CloseAction.Resume, established, null);
                        }

                        ForgetSession();
                        return new ConnectionEnd(CloseAction.Reidentify, established, null, InvalidSession: true);
                    case 0 when type is not null:
                        if (type == "READY")
                        {
                            if (data.ValueKind != JsonValueKind.Object
                                || !data.TryGetProperty("session_id", out var sessionElement)
                                || sessionElement.ValueKind != JsonValueKind.String)
                            {
                                logger.LogWarning("Skipped a READY without a session_id");
                                break;
                            }

                            lock (_stateGate)
                            {
                                _sessionId = sessionElement.GetString();
                                _resumeUri = data.TryGetProperty("resume_gateway_url", out var r) && Uri.TryCreate(r.GetString(), UriKind.Absolute, out var ru) ? ru : null;
                            }

                            established = true;
                            health?.Set(AdapterState.Connected, "gateway ready");
                            logger.LogInformation("Discord gateway ready (shard {Shard} of {Count})", settings.ShardId, settings.ShardCount);
                        }
                        else if (type == "RESUMED")
                        {
                            established = true;
                            health?.Set(AdapterState.Connected, "gateway session resumed");
                            logger.LogInformation("Discord gateway session resumed");
                        }

                        await OnDispatch(new GatewayDispatch(type, seq, data), cancellationToken);
                        break;
                }
            }
        }
        finally
        {
            await shutdown.DisposeAsync();
            if (shutdownClose is not null)
            {
                await shutdownClose;
            }

            await helloTimer.DisposeAsync();
            await connection.CancelAsync();
            if (heartbeat is not null)
            {
                await heartbeat;
            }
        }
    }

    private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationTokenSource connection, ZombieFlag zombie)
    {
        var token = connection.Token;
        try
        {
            // Jitter spreads the first heartbeat of many clients reconnecting at once.
            await Task.Delay(interval * random.NextDouble(), time, token);
            while (true)
            {
                if (!_ackReceived)
                {
                    // Close first (a code other than 1000/1001 keeps the session resumable), then stop the
                    // receive: cancelling a pending WebSocket receive aborts the socket before the close frame.
                    zombie.Value = true;
                    logger.LogWarning("No heartbeat ACK from Discord since the last heartbeat; reconnecting to resume");
                    await CloseQuietlyAsync(4000, "zombie connection");
                    await connection.CancelAsync();
                    return;
                }

                _ackReceived = false;
                await SendHeartbeatAsync(token);
                await Task.Delay(interval, time, token);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
        catch (Exception ex)
        {
            logger.LogWarning("Heartbeat failed: {Error}", ex.GetType().Name);
        }
    }

    private Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        long? seq;
        lock (_stateGate)
        {
            seq = _sequence;
        }

        return SendAsync(new JsonObject { ["op"] = 1, ["d"] = seq }, cancellationToken);
    }

    private Task SendIdentifyAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Identifying with intents {Intents}", settings.Intents);
        var payload = new JsonObject
        {
            ["op"] = 2,
            ["d"] = new JsonObject
            {
                ["token"] = settings.Token,
                ["intents"] = settings.Intents,
                ["properties"] = new JsonObject
                {
                    ["os"] = RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(),
                    ["browser"] = "AnatomyBot",
                    ["device"] = "AnatomyBot",
                },
                ["shard"] = new JsonArray(settings.ShardId, settings.ShardCount),
            },
        };
        return SendAsync(payload, cancellationToken);
    }

    private Task SendResumeAsync(CancellationToken cancellationToken)
    {
        string? session;
        long? seq;
        lock (_stateGate)
        {
            session = _sessionId;
            seq = _sequence;
        }

        logger.LogInformation("Resuming the Discord session at sequence {Sequence}", seq);
        return SendAsync(
            new JsonObject
            {
                ["op"] = 6,
                ["d"] = new JsonObject { ["token"] = settings.Token, ["session_id"] = session, ["seq"] = seq },
            },
            cancellationToken);
    }

    internal async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway payload op {payload["op"]} is {bytes.Length} bytes; Discord accepts at most {MaxPayloadBytes}.");
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

    private async Task CloseForShutdownAsync(CancellationTokenSource connection)
    {
        await CloseQuietlyAsync(ShutdownCloseCode, "shutting down");
        await connection.CancelAsync();
    }

    private async Task CloseQuietlyAsync(int code, string reason)
    {
        try
        {
            await transport.CloseAsync(code, reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogDebug("Closing the gateway connection failed: {Error}", ex.GetType().Name);
        }
    }

    private void ForgetSession()
    {
        lock (_stateGate)
        {
            _sessionId = null;
            _resumeUri = null;
            _sequence = null;
        }
    }

    private static bool TryParse(string? text, out int op, out long? seq, out string? type, out JsonElement data)
    {
        op = -1;
        seq = null;
        type = null;
        data = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("op", out var opElement)
                || opElement.ValueKind != JsonValueKind.Number
                || !opElement.TryGetInt32(out op))
            {
                return false;
            }

            seq = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var sv) ? sv : null;
            type = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => _sendLock.Dispose();

    private sealed class ZombieFlag
    {
        private volatile bool _value;

        public bool Value
        {
            get => _value;
            set => _value = value;
        }
    }
}
