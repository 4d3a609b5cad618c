using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Gateway;

/// <summary>What it takes to resume a gateway session: its id, where to resume it and the last sequence seen.</summary>
internal sealed class GatewaySession
{
    private readonly object _gate = new();
    private string? _id;
    private Uri? _resumeUri;
    private long? _sequence;

    public long? Sequence
    {
        get { lock (_gate) { return _sequence; } }
    }

    public string? Id
    {
        get { lock (_gate) { return _id; } }
    }

    /// <summary>Where the next connection goes: the resume URL while the session is resumable, else <paramref name="gatewayUri"/>.</summary>
    public (Uri Uri, bool Resume) NextConnection(Uri gatewayUri)
    {
        lock (_gate)
        {
            return _id is not null && _resumeUri is not null ? (_resumeUri, true) : (gatewayUri, false);
        }
    }

    public void Advance(long? sequence)
    {
        if (sequence is null)
        {
            return;
        }

        lock (_gate)
        {
            _sequence = sequence;
        }
    }

    public void Remember(Ready ready)
    {
        lock (_gate)
        {
            _id = ready.SessionId;
            _resumeUri = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var uri) ? uri : null;
        }
    }

    /// <summary>The RESUME payload for this session.</summary>
    public Resume ResumeWith(string token)
    {
        lock (_gate)
        {
            return new Resume(token, _id ?? "", _sequence);
        }
    }

    public void Forget()
    {
        lock (_gate)
        {
            _id = null;
            _resumeUri = null;
            _sequence = null;
        }
    }
}
