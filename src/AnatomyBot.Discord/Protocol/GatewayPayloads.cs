using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace AnatomyBot.Discord.Protocol;

/// <summary>Every gateway payload the server sends: <c>{op, d, s, t}</c>; <see cref="D"/> is read by <see cref="Op"/> (and <see cref="T"/>).</summary>
public sealed record GatewayPayload(
    [property: JsonRequired] GatewayOpcode Op,
    JsonElement D,
    long? S,
    string? T);

/// <summary>A payload the client sends: <c>{op, d}</c>.</summary>
public sealed record GatewayCommand<T>(GatewayOpcode Op, T D);

/// <summary>HELLO (op 10): how often to heartbeat.</summary>
public sealed record Hello([property: JsonRequired] double HeartbeatInterval)
{
    /// <summary>A non-positive interval would mean heartbeating without pause: no session on such a HELLO.</summary>
    public bool IsUsable => HeartbeatInterval > 0 && double.IsFinite(HeartbeatInterval);
}

/// <summary>IDENTIFY (op 2): starts a session on one shard.</summary>
public sealed record Identify(string Token, GatewayIntents Intents, IdentifyProperties Properties, int[] Shard);

/// <summary>Who is connecting (Discord shows it nowhere; it is required).</summary>
public sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>RESUME (op 6): replays the events after <see cref="Seq"/> in session <see cref="SessionId"/>.</summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Discord's protocol name (gateway op 6, RESUME).")]
public sealed record Resume(string Token, string SessionId, long? Seq);

/// <summary>The READY event: the session to resume later, and who the bot is.</summary>
public sealed record Ready(
    [property: JsonRequired] string SessionId,
    string? ResumeGatewayUrl,
    User? User,
    PartialApplication? Application,
    int[]? Shard);

/// <summary>A Discord user (only the fields this bot reads).</summary>
public sealed record User([property: JsonRequired] string Id, string? Username = null, bool? Bot = null, string? GlobalName = null);

/// <summary>The application (its id addresses the interaction webhooks and command registration).</summary>
public sealed record PartialApplication([property: JsonRequired] string Id);

/// <summary>The answer of <c>GET /gateway/bot</c>: where to connect, how many shards, how many session starts are left.</summary>
public sealed record GatewayBot(
    [property: JsonRequired] string Url,
    int Shards,
    SessionStartLimit? SessionStartLimit);

/// <summary>
/// IDENTIFY budget: <see cref="Remaining"/> of <see cref="Total"/> starts until <see cref="ResetAfter"/> milliseconds
/// from now; at most <see cref="MaxConcurrency"/> identifies per 5 seconds (one per rate-limit bucket).
/// </summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

/// <summary>The body of a 429: seconds to wait, and whether the limit is global.</summary>
public sealed record RateLimitBody(double? RetryAfter, bool? Global);
