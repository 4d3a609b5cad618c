using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Gateway;

/// <summary>
/// One received gateway message (<see cref="Text"/>), or the end of the connection: a close frame with its code,
/// or a drop without one (<see cref="CloseCode"/> null).
/// </summary>
internal sealed record GatewayFrame(string? Text, GatewayCloseCode? CloseCode, string? CloseReason)
{
    public bool IsClose => Text is null;

    public static GatewayFrame Message(string text) => new(text, null, null);

    public static GatewayFrame Closed(GatewayCloseCode? code, string? reason) => new(null, code, reason);

    public static GatewayFrame Dropped { get; } = new(null, null, "connection dropped");
}

/// <summary>
/// Port: the WebSocket under the gateway client. One transport serves successive connections: each
/// <see cref="ConnectAsync"/> replaces the previous one. Tests replace it with a scripted fake.
/// </summary>
internal interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>Returns a whole message (however many frames it spanned) or how the connection ended.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Sends a close frame without waiting long for the answer, then drops the connection.</summary>
    Task CloseAsync(GatewayCloseCode code, string reason, CancellationToken cancellationToken);
}

/// <summary>Makes one transport per gateway connection owner (one per shard); tests replace it.</summary>
internal delegate IGatewayTransport GatewayTransportFactory();
