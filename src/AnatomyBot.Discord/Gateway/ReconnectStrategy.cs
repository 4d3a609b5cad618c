using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Discord.Gateway;

/// <summary>
/// The waits before each connection attempt, as a plain sequence: none for the first (and after a session that
/// worked), then 1, 2, 4 ... seconds capped at <see cref="MaxDelay"/>, each scaled by jitter in [0.5, 1).
/// </summary>
internal sealed class ReconnectStrategy(DiscordRandom random)
{
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>Endless; start a new sequence once a session worked.</summary>
    public IEnumerable<TimeSpan> Delays()
    {
        yield return TimeSpan.Zero;
        foreach (var delay in Core.Resilience.Backoff.Delays(MaxDelay, random.Random.NextDouble))
        {
            yield return delay;
        }
    }

    /// <summary>After an invalid session that cannot be resumed: 1-5 s (Discord's advice) before a fresh IDENTIFY.</summary>
    public TimeSpan AfterInvalidSession() => TimeSpan.FromSeconds(1 + (4 * random.Random.NextDouble()));
}
