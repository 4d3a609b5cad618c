using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Testing.Discord;

/// <summary>One REST call the bot made to the fake Discord.</summary>
public sealed record RecordedCall(string Method, string Path, string? Authorization, string? UserAgent, string Body)
{
    /// <summary>The callback type of an interaction callback.</summary>
    public InteractionCallbackType CallbackType => (InteractionCallbackType)Json.GetProperty("type").GetInt32();

    /// <summary>The message flags of a callback's data or of a message body (none when absent).</summary>
    public MessageFlags Flags
    {
        get
        {
            var message = Json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : Json;
            return message.TryGetProperty("flags", out var flags) ? (MessageFlags)flags.GetInt32() : MessageFlags.None;
        }
    }

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body.Length == 0 ? "null" : Body);
            return document.RootElement.Clone();
        }
    }

    /// <summary>Files uploaded with the call (multipart <c>files[n]</c>); the JSON part is <see cref="Body"/>.</summary>
    public IReadOnlyList<UploadedFile> Files { get; init; } = [];
}

/// <summary>A file the bot attached to a message.</summary>
public sealed record UploadedFile(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>A scripted REST answer.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A loopback Discord: Kestrel on 127.0.0.1 port 0 with a WebSocket gateway (/gateway and /resume) and the REST
/// endpoints the bot uses under /api/v10. Records every frame and call; answers can be scripted. Knows shards:
/// <c>GET /gateway/bot</c> answers <see cref="RecommendedShards"/> and <see cref="SessionStartLimit"/>, each
/// connection remembers the shard it identified as, and <see cref="ShardOf"/> says which shard a guild's events go to.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private int _connectionCount;

    private FakeDiscord(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public string ApiBase => BaseUri + "api/v10";

    public string GatewayUrl => "ws://" + BaseUri.Authority + "/gateway";

    public string ResumeUrl => "ws://" + BaseUri.Authority + "/resume";

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<RecordedCall> Calls => _calls.ToArray();

    /// <summary>The <c>shards</c> that <c>GET /gateway/bot</c> recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary>The <c>session_start_limit</c> that <c>GET /gateway/bot</c> reports.</summary>
    public SessionStartLimit SessionStartLimit { get; set; } = new(1000, 999, 0, 1);

    /// <summary>Which shard receives a guild's events: <c>(guild_id &gt;&gt; 22) % shard_count</c>; DMs go to shard 0.</summary>
    public static int ShardOf(string? guildId, int shardCount) =>
        guildId is null ? 0 : (int)((ulong.Parse(guildId, System.Globalization.CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>A guild id that lands on <paramref name="shard"/> of <paramref name="shardCount"/> (the n-th such id for <paramref name="n"/>).</summary>
    public static string GuildOnShard(int shard, int shardCount, int n = 0) =>
        ((((ulong)shardCount * (ulong)(1000 + n)) + (ulong)shard) << 22 | 12345).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Script: return an answer for a call, or null for the default.</summary>
    public Func<RecordedCall, FakeResponse?>? Responder { get; set; }

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.GatewayAsync);
        app.Map("/resume", fake.GatewayAsync);
        app.Map("/api/v10/{**rest}", fake.RestAsync);
        await app.StartAsync();
        fake.BaseUri = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return fake;
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? Wait.Guard);
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    /// <summary>
    /// Accepts the bot's next connection as a new session: plays HELLO, expects IDENTIFY, sends READY (with the shard
    /// the bot identified as).
    /// </summary>
    public async Task<FakeGatewayConnection> AcceptSessionAsync(
        int heartbeatMs = 45_000, string sessionId = GatewayScript.DefaultSessionId, string applicationId = GatewayScript.DefaultApplicationId, TimeSpan? timeout = null)
    {
        var connection = await NextConnectionAsync(timeout);
        await connection.SendHelloAsync(heartbeatMs);
        await connection.ExpectIdentifyAsync(timeout);
        await connection.SendReadyAsync(1, ResumeUrl, sessionId, applicationId);
        return connection;
    }

    public bool TryGetConnection(out FakeGatewayConnection? connection) => _connections.Reader.TryRead(out connection);

    public Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> predicate, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() => _calls.FirstOrDefault(predicate), timeout);

    public Task<IReadOnlyList<RecordedCall>> WaitForCallsAsync(Func<RecordedCall, bool> predicate, int count, TimeSpan? timeout = null) =>
        Wait.UntilAsync(() =>
        {
            var matching = _calls.Where(predicate).ToList();
            return matching.Count >= count ? (IReadOnlyList<RecordedCall>)matching : null;
        }, timeout);

    private async Task GatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context.Request.Path + context.Request.QueryString) { AbortTransport = context.Abort };
        Interlocked.Increment(ref _connectionCount);
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted);
    }

    private async Task RestAsync(HttpContext context)
    {
        string body;
        var files = new List<UploadedFile>();
        if (context.Request.HasFormContentType)
        {
            // Multipart, as Discord takes attachments: the message JSON in payload_json, the files in files[n].
            var form = await context.Request.ReadFormAsync();
            body = form["payload_json"].ToString();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var call = new RecordedCall(
            context.Request.Method,
            context.Request.Path.Value!["/api/v10".Length..],
            context.Request.Headers.Authorization.ToString(),
            context.Request.Headers.UserAgent.ToString(),
            body)
        {
            Files = files,
        };
        _calls.Enqueue(call);
        var response = Responder?.Invoke(call) ?? Default(call);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse Default(RecordedCall call) => call switch
    {
        { Method: "GET", Path: "/gateway/bot" } => new(200, JsonSerializer.Serialize(new
        {
            url = GatewayUrl,
            shards = RecommendedShards,
            session_start_limit = new
            {
                total = SessionStartLimit.Total,
                remaining = SessionStartLimit.Remaining,
                reset_after = SessionStartLimit.ResetAfter,
                max_concurrency = SessionStartLimit.MaxConcurrency,
            },
        })),
        { Method: "GET", Path: "/oauth2/applications/@me" } => new(200, """{"id":"app-rest"}"""),
        { Method: "PUT" } => new(200, call.Body),
        { Method: "POST" } when call.Path.EndsWith("/callback", StringComparison.Ordinal) => new(204, ""),
        _ => new(200, """{"id":"m1"}"""),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One gateway connection as the fake server sees it.</summary>
public sealed class FakeGatewayConnection(WebSocket socket, string pathAndQuery)
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<GatewayCloseCode?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentQueue<JsonElement> _all = new();

    public string PathAndQuery { get; } = pathAndQuery;

    /// <summary>Kills the TCP connection under the socket (set by the server).</summary>
    internal Action? AbortTransport { get; init; }

    /// <summary>Drops the connection without a close frame, as a network failure would.</summary>
    public void Abort()
    {
        socket.Abort();
        try
        {
            AbortTransport?.Invoke();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended (the bot closed this connection first): nothing left to drop.
        }
    }

    /// <summary>The IDENTIFY the bot sent on this connection, once it did (says which shard this connection is).</summary>
    public Identify? Identified { get; private set; }

    /// <summary>The next frame the bot sent with one of <paramref name="ops"/>; frames with other opcodes are skipped.</summary>
    public async Task<JsonElement> ExpectAnyAsync(TimeSpan timeout, params GatewayOpcode[] ops)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var frame = await _received.Reader.ReadAsync(cts.Token);
            if (ops.Contains(GatewayScript.OpOf(frame)))
            {
                return frame;
            }
        }
    }

    public async Task<Identify> ExpectIdentifyAsync(TimeSpan? timeout = null) => GatewayScript.ReadIdentify(await ExpectAsync(GatewayOpcode.Identify, timeout));

    public async Task<Resume> ExpectResumeAsync(TimeSpan? timeout = null) => GatewayScript.ReadResume(await ExpectAsync(GatewayOpcode.Resume, timeout));

    /// <summary>The sequence the bot's next heartbeat carries.</summary>
    public async Task<long?> ExpectHeartbeatAsync(TimeSpan? timeout = null) => GatewayScript.ReadHeartbeat(await ExpectAsync(GatewayOpcode.Heartbeat, timeout));

    /// <summary>Every frame the bot sent on this connection.</summary>
    public IReadOnlyList<JsonElement> AllReceived => _all.ToArray();

    /// <summary>Completes with the close code the bot sent (null when it dropped without one).</summary>
    public Task<GatewayCloseCode?> Closed => _closed.Task;

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((GatewayCloseCode?)(int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                        }

                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                using var document = JsonDocument.Parse(message.ToArray());
                var element = document.RootElement.Clone();
                if (GatewayScript.OpOf(element) == GatewayOpcode.Identify)
                {
                    Identified = GatewayScript.ReadIdentify(element);
                }

                _all.Enqueue(element);
                _received.Writer.TryWrite(element);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }

    /// <summary>The next frame the bot sent with opcode <paramref name="op"/>; frames with other opcodes are skipped.</summary>
    public async Task<JsonElement> ExpectAsync(GatewayOpcode op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Wait.Guard);
        while (true)
        {
            var frame = await _received.Reader.ReadAsync(cts.Token);
            if (GatewayScript.OpOf(frame) == op)
            {
                return frame;
            }
        }
    }

    public Task SendAsync(object payload) => SendTextAsync(JsonSerializer.Serialize(payload));

    public async Task SendTextAsync(string json, int parts = 1)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        await _sendLock.WaitAsync();
        try
        {
            var size = (bytes.Length + parts - 1) / parts;
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendHelloAsync(int intervalMs) => SendTextAsync(GatewayScript.Hello(intervalMs));

    public Task SendReadyAsync(long sequence, string resumeUrl, string sessionId = GatewayScript.DefaultSessionId, string applicationId = GatewayScript.DefaultApplicationId) =>
        SendTextAsync(GatewayScript.Ready(sequence, resumeUrl, sessionId, applicationId, Identified?.Shard));

    public Task SendResumedAsync(long sequence) => SendTextAsync(GatewayScript.Resumed(sequence));

    public Task SendHeartbeatAckAsync() => SendTextAsync(GatewayScript.HeartbeatAck());

    public Task SendReconnectAsync() => SendTextAsync(GatewayScript.Reconnect());

    public Task SendInvalidSessionAsync(bool resumable) => SendTextAsync(GatewayScript.InvalidSession(resumable));

    public Task SendDispatchAsync(string type, long sequence, object data) => SendTextAsync(GatewayScript.Dispatch(type, sequence, data));

    public Task SendInteractionAsync(long sequence, object interaction) => SendTextAsync(GatewayScript.Interaction(sequence, interaction));

    public async Task CloseAsync(GatewayCloseCode code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
