using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;

namespace AnatomyBot.Tests.EndToEnd;

/// <summary>What the fake Discord plays to a bot that connects: HELLO, expect IDENTIFY, READY, then the commands PUT.</summary>
internal static class DiscordScript
{
    public const string ApplicationId = "app-e2e";

    public static readonly TimeSpan Timeout = Wait.Guard;

    public static async Task<FakeGatewayConnection> ConnectAndReadyAsync(FakeDiscord discord, string token)
    {
        var connection = await discord.NextConnectionAsync(Timeout);
        Assert.StartsWith("/gateway", connection.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("v=10", connection.PathAndQuery, StringComparison.Ordinal);
        await connection.SendHelloAsync(45_000);
        var identify = await connection.ExpectIdentifyAsync(Timeout);
        Assert.Equal(token, identify.Token);
        await connection.SendReadyAsync(1, discord.ResumeUrl, "session-e2e", ApplicationId);
        return connection;
    }

    /// <summary>An INTERACTION_CREATE payload for <c>/muscle name</c> from a guild member without special permissions.</summary>
    public static object MuscleCommand(string id, string name) =>
        FakeInteractions.Command(id, "muscle", [FakeInteractions.StringOption("name", name)], applicationId: ApplicationId);

    public static string CallbackPath(string id) => FakeInteractions.CallbackPath(id);
}
