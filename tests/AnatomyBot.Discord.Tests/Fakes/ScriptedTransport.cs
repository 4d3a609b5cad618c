using AnatomyBot.Testing;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing.Discord;

namespace AnatomyBot.Discord.Tests.Fakes;

/// <summary>A scripted gateway transport: the test plays Discord frame by frame.</summary>
internal sealed class ScriptedTransport : IGatewayTransport
{
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();
    private ScriptedConnection? _current;
    private int _count;

    public int ConnectCount => Volatile.Read(ref _count);

    /// <summary>How many upcoming connects throw (to exercise backoff).</summary>
    public int FailNextConnects { get; set; }

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        if (FailNextConnects > 0)
        {
            FailNextConnects--;
            throw new System.Net.WebSockets.WebSocketException("scripted connect failure");
        }

        var connection = new ScriptedConnection(uri);
        _current = connection;
        _connections.Writer.TryWrite(connection);
        return Task.CompletedTask;
    }

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        _current!.Sent.Writer.TryWrite(JsonDocument.Parse(Encoding.UTF8.GetString(utf8Json.Span)).RootElement.Clone());
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken) =>
        await _current!.Incoming.Reader.ReadAsync(cancellationToken);

    public Task CloseAsync(GatewayCloseCode code, string reason, CancellationToken cancellationToken)
    {
        _current?.ClientClose.TrySetResult(code);
        return Task.CompletedTask;
    }

    public async Task<ScriptedConnection> NextConnectionAsync()
    {
        using var cts = new CancellationTokenSource(Wait.Guard);
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public bool HasPendingConnection => _connections.Reader.Count > 0;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>One connection of the scripted transport: the test plays the server's payloads and expects the bot's.</summary>
internal sealed class ScriptedConnection(Uri uri)
{
    public const string ResumeUrl = "wss://resume.test";

    public Uri Uri { get; } = uri;

    public Channel<GatewayFrame> Incoming { get; } = Channel.CreateUnbounded<GatewayFrame>();

    public Channel<JsonElement> Sent { get; } = Channel.CreateUnbounded<JsonElement>();

    /// <summary>Completes with the close code the bot sent.</summary>
    public TaskCompletionSource<GatewayCloseCode> ClientClose { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void SendText(string text) => Incoming.Writer.TryWrite(GatewayFrame.Message(text));

    public void SendHello(int heartbeatIntervalMs) => SendText(GatewayScript.Hello(heartbeatIntervalMs));

    public void SendReady(long sequence, string sessionId = GatewayScript.DefaultSessionId) => SendText(GatewayScript.Ready(sequence, ResumeUrl, sessionId));

    public void SendDispatch(string type, long sequence, object data) => SendText(GatewayScript.Dispatch(type, sequence, data));

    public void SendHeartbeatAck() => SendText(GatewayScript.HeartbeatAck());

    public void SendHeartbeatRequest() => SendText(GatewayScript.HeartbeatRequest());

    public void SendReconnect() => SendText(GatewayScript.Reconnect());

    public void SendInvalidSession(bool resumable) => SendText(GatewayScript.InvalidSession(resumable));

    /// <summary>The server closes with <paramref name="code"/>, or drops the connection when it is null.</summary>
    public void Close(GatewayCloseCode? code) => Incoming.Writer.TryWrite(code is null ? GatewayFrame.Dropped : GatewayFrame.Closed(code, "scripted"));

    public async Task<Identify> ExpectIdentifyAsync() => GatewayScript.ReadIdentify(await ExpectAsync(GatewayOpcode.Identify));

    public async Task<Resume> ExpectResumeAsync() => GatewayScript.ReadResume(await ExpectAsync(GatewayOpcode.Resume));

    /// <summary>The sequence the bot's next heartbeat carries.</summary>
    public async Task<long?> ExpectHeartbeatAsync() => GatewayScript.ReadHeartbeat(await ExpectAsync(GatewayOpcode.Heartbeat));

    public async Task<JsonElement> ExpectAsync(GatewayOpcode op)
    {
        using var cts = new CancellationTokenSource(Wait.Guard);
        while (true)
        {
            var frame = await Sent.Reader.ReadAsync(cts.Token);
            if (GatewayScript.OpOf(frame) == op)
            {
                return frame;
            }
        }
    }

    public bool TryTakeSent(out JsonElement frame) => Sent.Reader.TryRead(out frame);
}
