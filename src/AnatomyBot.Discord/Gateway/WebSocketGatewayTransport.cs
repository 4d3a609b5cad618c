using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Gateway;

/// <summary>The real transport: <see cref="ClientWebSocket"/>, text frames, no compression.</summary>
internal sealed class WebSocketGatewayTransport : IGatewayTransport
{
    // READY for a bot in many guilds can be large; anything far beyond this is a broken peer.
    private const int MaxMessageBytes = 64 * 1024 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private ClientWebSocket? _socket;

    // Completes when the receive in progress returns. A close waits for it, so the peer's close answer is read
    // before the socket is dropped: dropping it first can discard our close frame on the peer's side.
    private volatile TaskCompletionSource? _receiving;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        Abort();
        var socket = new ClientWebSocket();
        _socket = socket;
        await socket.ConnectAsync(uri, cancellationToken);
    }

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Not connected.");
        return socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).AsTask();
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var socket = _socket ?? throw new InvalidOperationException("Not connected.");
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var receiving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiving = receiving;
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(16 * 1024);
                var result = await socket.ReceiveAsync(memory, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayFrame.Closed((GatewayCloseCode?)socket.CloseStatus, socket.CloseStatusDescription);
                }

                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxMessageBytes)
                {
                    return GatewayFrame.Closed(null, "message too large");
                }

                if (result.EndOfMessage)
                {
                    return GatewayFrame.Message(Encoding.UTF8.GetString(buffer.WrittenSpan));
                }
            }
        }
        catch (WebSocketException)
        {
            return GatewayFrame.Dropped;
        }
        catch (IOException)
        {
            return GatewayFrame.Dropped;
        }
        finally
        {
            receiving.TrySetResult();
        }
    }

    public async Task CloseAsync(GatewayCloseCode code, string reason, CancellationToken cancellationToken)
    {
        var socket = _socket;
        if (socket is null)
        {
            return;
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(CloseTimeout);
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
                if (_receiving is { } receiving)
                {
                    await receiving.Task.WaitAsync(timeout.Token);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The peer is gone or slow; dropping the socket below ends the connection either way.
        }
        finally
        {
            Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }

    private void Abort()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is not null)
        {
            socket.Abort();
            socket.Dispose();
        }
    }
}
