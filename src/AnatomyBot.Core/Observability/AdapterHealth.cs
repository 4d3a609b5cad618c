namespace AnatomyBot.Core.Observability;

public enum AdapterState
{
    Starting,
    Connected,
    Reconnecting,
    Stopped,
    Failed,
}

/// <summary>Port: an adapter's connection state, read by the host's /healthz endpoint.</summary>
public interface IAdapterHealth
{
    string Name { get; }

    AdapterState State { get; }

    /// <summary>Why the adapter is in this state (never contains a token).</summary>
    string? Detail { get; }
}
