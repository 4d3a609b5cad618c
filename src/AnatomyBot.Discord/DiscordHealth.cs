using AnatomyBot.Core.Observability;

namespace AnatomyBot.Discord;

/// <summary>
/// The adapter's state for /healthz ("discord"): Starting until the first READY, Connected after READY or RESUMED,
/// Reconnecting while a connection is being re-established or backing off, Failed on a fatal close code (the detail
/// says what to fix), Stopped after shutdown. Details never contain the token.
/// </summary>
internal sealed class DiscordHealth(TimeProvider timeProvider) : AdapterHealthTracker("discord", timeProvider);
