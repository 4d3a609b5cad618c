using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Testing.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The loopback fake Discord as a process. Usage: AnatomyBot.FakeDiscord SHARD_COUNT MAX_CONCURRENCY
// GET /gateway/bot recommends SHARD_COUNT shards with max_concurrency MAX_CONCURRENCY (1,000 session starts left). Every
// gateway connection is played as Discord does: HELLO, then READY for an IDENTIFY (with the shard it named), RESUMED for
// a RESUME of a session this fake started (INVALID_SESSION otherwise), an ACK for each heartbeat.
// Prints two lines, then serves until SIGTERM or Ctrl+C:
//   api http://127.0.0.1:PORT/api/v10   (give it to the bot as Discord__ApiBaseUrl)
//   control http://127.0.0.1:PORT       (POST /interact guild=ID id=ID question=... [user=ID] : sends /ask as an
//                                        INTERACTION_CREATE on the shard that serves the guild, (guild_id >> 22) %
//                                        SHARD_COUNT; 200 with "shard N", 409 when no session of that shard is connected;
//                                        GET /calls : method, path and User-Agent of every REST call the bot made,
//                                        tab-separated, one a line (the User-Agent names the bot's Discord:ProjectUrl);
//                                        GET /identifies : shard, tab, Unix milliseconds of every IDENTIFY, one a line;
//                                        GET /shards : shard, tab, connected or disconnected, tab, session id, one a line)
if (args.Length != 2
    || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var shardCount) || shardCount < 1
    || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var maxConcurrency) || maxConcurrency < 1)
{
    await Console.Error.WriteLineAsync("usage: AnatomyBot.FakeDiscord SHARD_COUNT MAX_CONCURRENCY   (both whole numbers from 1)");
    return 2;
}

await using var discord = await FakeDiscord.StartAsync();
discord.RecommendedShards = shardCount;
discord.SessionStartLimit = new SessionStartLimit(1000, 1000, 0, maxConcurrency);
var sessions = new ConcurrentDictionary<int, PlayedSession>();
var identifies = new ConcurrentQueue<(int Shard, long AtMs)>();
var sessionCount = 0;
using var stopping = new CancellationTokenSource();

async Task PlayAsync(FakeGatewayConnection connection)
{
    PlayedSession? session = null;
    try
    {
        await connection.SendHelloAsync(41_250);
        while (true)
        {
            var frame = await connection.ExpectAnyAsync(Timeout.InfiniteTimeSpan, GatewayOpcode.Identify, GatewayOpcode.Resume, GatewayOpcode.Heartbeat);
            switch (GatewayScript.OpOf(frame))
            {
                case GatewayOpcode.Identify:
                    var shard = GatewayScript.ReadIdentify(frame).Shard[0];
                    identifies.Enqueue((shard, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
                    session = new PlayedSession(shard, $"session-{shard}-{Interlocked.Increment(ref sessionCount)}", connection);
                    sessions[shard] = session;
                    await session.SendAsync(seq => connection.SendReadyAsync(seq, discord.ResumeUrl, session.Id));
                    break;
                case GatewayOpcode.Resume:
                    var resume = GatewayScript.ReadResume(frame);
                    session = sessions.Values.FirstOrDefault(s => s.Id == resume.SessionId);
                    if (session is null)
                    {
                        await connection.SendInvalidSessionAsync(resumable: false);
                        break;
                    }

                    session.Connection = connection;
                    await session.SendAsync(connection.SendResumedAsync);
                    break;
                default:
                    await connection.SendHeartbeatAckAsync();
                    break;
            }
        }
    }
    catch (Exception e) when (e is ChannelClosedException or OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
    {
        // The bot closed or dropped the connection: its session stays resumable, but nothing is sent on it meanwhile.
        if (session is not null && ReferenceEquals(session.Connection, connection))
        {
            session.Connection = null;
        }
    }
}

_ = Task.Run(async () =>
{
    while (!stopping.IsCancellationRequested)
    {
        try
        {
            var connection = await discord.NextConnectionAsync(Timeout.InfiniteTimeSpan, stopping.Token);
            _ = Task.Run(() => PlayAsync(connection));
        }
        catch (OperationCanceledException)
        {
            return;
        }
    }
});

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
await using var control = builder.Build();

control.MapPost("/interact", async (HttpContext context) =>
{
    var form = await context.Request.ReadFormAsync(context.RequestAborted);
    var guild = form["guild"].ToString();
    var id = form["id"].ToString();
    var question = form["question"].ToString();
    var user = form["user"].ToString() is { Length: > 0 } u ? u : "u-" + id;
    if (!ulong.TryParse(guild, NumberStyles.None, CultureInfo.InvariantCulture, out _) || id.Length == 0 || question.Length == 0)
    {
        return Results.BadRequest("guild (a numeric id), id and question are required");
    }

    var shard = FakeDiscord.ShardOf(guild, shardCount);
    if (!sessions.TryGetValue(shard, out var session) || session.Connection is not { } connection)
    {
        return Results.Text($"shard {shard} has no connected session", statusCode: StatusCodes.Status409Conflict);
    }

    var interaction = FakeInteractions.Command(id, "ask", [FakeInteractions.StringOption("question", question)], userId: user, guildId: guild);
    await session.SendAsync(seq => connection.SendInteractionAsync(seq, interaction));
    return Results.Text($"shard {shard}\n");
});
control.MapGet("/calls", () => string.Concat(discord.Calls.Select(c => $"{c.Method}\t{c.Path}\t{c.UserAgent}\n")));
control.MapGet("/identifies", () => string.Concat(identifies.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Shard}\t{i.AtMs}\n"))));
control.MapGet("/shards", () => string.Concat(sessions.Values.OrderBy(s => s.Shard)
    .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Shard}\t{(s.Connection is null ? "disconnected" : "connected")}\t{s.Id}\n"))));

await control.StartAsync();
Console.WriteLine($"api {discord.ApiBase}");
Console.WriteLine($"control {control.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/')}");

await control.WaitForShutdownAsync();
await stopping.CancelAsync();
return 0;

/// <summary>One gateway session as this fake plays it: its shard, its id, the connection it is on now and its sequence.</summary>
internal sealed class PlayedSession(int shard, string id, FakeGatewayConnection connection)
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private long _sequence;

    public int Shard { get; } = shard;

    public string Id { get; } = id;

    public FakeGatewayConnection? Connection { get => Volatile.Read(ref connection!); set => Volatile.Write(ref connection!, value); }

    /// <summary>Sends one dispatch with the session's next sequence number, in order.</summary>
    public async Task SendAsync(Func<long, Task> send)
    {
        await _send.WaitAsync();
        try
        {
            await send(++_sequence);
        }
        finally
        {
            _send.Release();
        }
    }
}
