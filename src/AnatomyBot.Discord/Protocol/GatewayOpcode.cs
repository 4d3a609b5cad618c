namespace AnatomyBot.Discord.Protocol;

/// <summary>Gateway opcodes (the <c>op</c> of every gateway payload) this bot sends or reads.</summary>
public enum GatewayOpcode
{
    /// <summary>An event (<c>t</c> names it, <c>s</c> numbers it); server to client.</summary>
    Dispatch = 0,

    /// <summary>Keep-alive carrying the last sequence; both ways (a server heartbeat asks for one at once).</summary>
    Heartbeat = 1,

    /// <summary>Start a new session; client to server.</summary>
    Identify = 2,

    /// <summary>Replay a dropped session from a sequence; client to server.</summary>
    Resume = 6,

    /// <summary>The server asks the client to reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>The session is gone; <c>d</c> says whether it can still be resumed.</summary>
    InvalidSession = 9,

    /// <summary>First payload on a connection; carries the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>The server received a heartbeat.</summary>
    HeartbeatAck = 11,
}
