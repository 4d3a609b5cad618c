using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using AnatomyBot.Discord.Gateway;

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

    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken)
    {
        _current?.ClientClose.TrySetResult(code);
        return Task.CompletedTask;
    }

    public async Task<ScriptedConnection> NextConnectionAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public bool HasPendingConnection => _connections.Reader.Count > 0;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class ScriptedConnection(Uri uri)
{
    public Uri Uri { get; } = uri;

    public Channel<GatewayFrame> Incoming { get; } = Channel.CreateUnbounded<GatewayFrame>();

    public Channel<JsonElement> Sent { get; } = Channel.CreateUnbounded<JsonElement>();

    public TaskCompletionSource<int> ClientClose { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Push(object payload) => Incoming.Writer.TryWrite(GatewayFrame.Message(JsonSerializer.Serialize(payload)));

    public void Hello(int intervalMs) => Push(new { op = 10, d = new { heartbeat_interval = intervalMs }, s = (int?)null, t = (string?)null });

    public void Dispatch(string type, int seq, object data) => Push(new { op = 0, d = data, s = seq, t = type });

    public void Ready(int seq, string sessionId = "session-1", string resumeUrl = "wss://resume.test") =>
        Dispatch("READY", seq, new { session_id = sessionId, resume_gateway_url = resumeUrl, user = new { id = "bot1" }, application = new { id = "app1" } });

    public void Op(int op, object? data) => Push(new { op, d = data, s = (int?)null, t = (string?)null });

    public void Close(int? code) => Incoming.Writer.TryWrite(code is null ? GatewayFrame.Dropped : GatewayFrame.Closed(code, "scripted"));

    public async Task<JsonElement> ExpectAsync(int op)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var frame = await Sent.Reader.ReadAsync(cts.Token);
            if (frame.GetProperty("op").GetInt32() == op)
            {
                return frame;
            }
        }
    }

    public bool TryTakeSent(out JsonElement frame) => Sent.Reader.TryRead(out frame);
}
