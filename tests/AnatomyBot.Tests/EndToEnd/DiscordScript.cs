using AnatomyBot.Discord.Tests.Fakes;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>What the fake Discord plays to a bot that connects: HELLO, expect IDENTIFY, READY, then the commands PUT.</summary>
internal static class DiscordScript
{
    public const string ApplicationId = "app-e2e";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public static async Task<FakeGatewayConnection> ConnectAndReadyAsync(FakeDiscord discord, string token)
    {
        var connection = await discord.NextConnectionAsync(Timeout);
        Assert.StartsWith("/gateway", connection.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("v=10", connection.PathAndQuery, StringComparison.Ordinal);
        await connection.SendHelloAsync(45_000);
        var identify = (await connection.ExpectAsync(2, Timeout)).GetProperty("d");
        Assert.Equal(token, identify.GetProperty("token").GetString());
        await connection.SendDispatchAsync("READY", 1, new
        {
            v = 10,
            session_id = "session-e2e",
            resume_gateway_url = discord.ResumeUrl,
            user = new { id = "bot-e2e", username = "AnatomyBot", bot = true },
            application = new { id = ApplicationId },
            guilds = Array.Empty<object>(),
        });
        return connection;
    }

    /// <summary>An INTERACTION_CREATE payload for <c>/muscle name</c> from a guild member without special permissions.</summary>
    public static object MuscleCommand(string id, string name) => new
    {
        id,
        application_id = ApplicationId,
        type = 2,
        data = new { id = "cmd-muscle", name = "muscle", type = 1, options = new[] { new { name = "name", type = 3, value = name } } },
        guild_id = "g1",
        channel_id = "c1",
        member = new { user = new { id = "u1" }, permissions = "0" },
        token = "itok-" + id,
        version = 1,
    };

    public static string CallbackPath(string id) => $"/interactions/{id}/itok-{id}/callback";
}
