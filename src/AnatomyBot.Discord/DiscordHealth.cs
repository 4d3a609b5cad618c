using AnatomyBot.Core.Observability;

namespace AnatomyBot.Discord;

/// <summary>
/// The adapter's state for /healthz ("discord"): Starting until the first READY, Connected after READY or RESUMED,
/// Reconnecting while a connection is being re-established or backing off, Failed on a fatal close code (the detail
/// says what to fix), Stopped after shutdown. Details never contain the token.
/// </summary>
internal sealed class DiscordHealth(TimeProvider timeProvider) : IAdapterHealth
{
    private readonly AdapterHealthTracker _tracker = new("discord", timeProvider);

    public string Name => _tracker.Name;

    public AdapterState State => _tracker.State;

    public string? Detail => _tracker.Detail;

    public DateTimeOffset? StateSince => _tracker.StateSince;

    public void Set(AdapterState state, string? detail = null)
    {
        // Failed is final: the shutdown that follows a fatal close must not hide what the moderator has to fix.
        if (_tracker.State == AdapterState.Failed)
        {
            return;
        }

        _tracker.Set(state, detail);
    }
}
