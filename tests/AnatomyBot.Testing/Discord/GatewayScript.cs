using System.Text.Json;
using AnatomyBot.Discord.Protocol;

namespace AnatomyBot.Testing.Discord;

/// <summary>
/// The server's side of the gateway protocol as JSON text (what a test plays to the bot) and the client's payloads
/// read back as protocol records (what a test expects from the bot). Shared by the scripted transport and the
/// loopback fake Discord.
/// </summary>
public static class GatewayScript
{
    public const string DefaultSessionId = "session-1";
    public const string DefaultBotUserId = "bot1";
    public const string DefaultApplicationId = "app1";

    public static string Hello(int heartbeatIntervalMs) => Payload(GatewayOpcode.Hello, new { heartbeat_interval = heartbeatIntervalMs });

    public static string HeartbeatAck() => Payload(GatewayOpcode.HeartbeatAck, null);

    /// <summary>The server asks for a heartbeat now.</summary>
    public static string HeartbeatRequest() => Payload(GatewayOpcode.Heartbeat, null);

    public static string Reconnect() => Payload(GatewayOpcode.Reconnect, null);

    public static string InvalidSession(bool resumable) => Payload(GatewayOpcode.InvalidSession, resumable);

    public static string Dispatch(string type, long sequence, object data) =>
        JsonSerializer.Serialize(new { op = GatewayOpcode.Dispatch, d = data, s = sequence, t = type });

    public static object ReadyData(
        string resumeUrl,
        string sessionId = DefaultSessionId,
        string botUserId = DefaultBotUserId,
        string applicationId = DefaultApplicationId,
        int[]? shard = null) => new
        {
            v = 10,
            session_id = sessionId,
            resume_gateway_url = resumeUrl,
            user = new { id = botUserId, username = "AnatomyBot", bot = true },
            application = new { id = applicationId },
            guilds = Array.Empty<object>(),
            shard,
        };

    public static string Ready(long sequence, string resumeUrl, string sessionId = DefaultSessionId, string applicationId = DefaultApplicationId, int[]? shard = null) =>
        Dispatch("READY", sequence, ReadyData(resumeUrl, sessionId, applicationId: applicationId, shard: shard));

    public static string Resumed(long sequence) => Dispatch("RESUMED", sequence, new { });

    public static string Interaction(long sequence, object interaction) => Dispatch("INTERACTION_CREATE", sequence, interaction);

    /// <summary>The opcode of a payload the bot sent.</summary>
    public static GatewayOpcode OpOf(JsonElement payload) => (GatewayOpcode)payload.GetProperty("op").GetInt32();

    public static Identify ReadIdentify(JsonElement payload) => Read(payload, GatewayOpcode.Identify, DiscordJsonContext.Default.Identify);

    public static Resume ReadResume(JsonElement payload) => Read(payload, GatewayOpcode.Resume, DiscordJsonContext.Default.Resume);

    /// <summary>The sequence a heartbeat carried (null before any dispatch).</summary>
    public static long? ReadHeartbeat(JsonElement payload)
    {
        Assert(payload, GatewayOpcode.Heartbeat);
        var d = payload.GetProperty("d");
        return d.ValueKind == JsonValueKind.Null ? null : d.GetInt64();
    }

    private static T Read<T>(JsonElement payload, GatewayOpcode op, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        Assert(payload, op);
        return payload.GetProperty("d").Deserialize(type) ?? throw new InvalidOperationException($"{op} without data: {payload}");
    }

    private static void Assert(JsonElement payload, GatewayOpcode op)
    {
        if (OpOf(payload) != op)
        {
            throw new InvalidOperationException($"Expected {op}, got {payload}");
        }
    }

    private static string Payload(GatewayOpcode op, object? data) =>
        JsonSerializer.Serialize(new { op, d = data, s = (long?)null, t = (string?)null });
}
