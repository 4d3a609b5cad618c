using AnatomyBot.Testing;
using System.Collections.Concurrent;
using System.Text.Json;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AnatomyBot.Discord.Tests;

/// <summary>
/// Proof: 1,000 interactions flow through the adapter over the loopback fake Discord while the fake drops the
/// WebSocket (no close frame), closes it with a resumable close code, answers callbacks and edits with 500 and 429, and sends garbage
/// frames. Every interaction is answered exactly once (one successful callback; one successful edit for /ask),
/// none is lost, and events Discord replays after RESUME are not answered twice.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Interactions = 1_000;

    // Long enough that no heartbeat is due while the pump moves the fake clock; zombie handling has its own tests.
    private const int HeartbeatMs = 1_000_000_000;

    // Longer than every wait the adapter makes here (REST retries, 429 retry_after, the first reconnect backoffs), and
    // shorter than the HELLO timeout, so one step can never time out a connection whose HELLO is on its way.
    private static readonly TimeSpan PumpHorizon = TimeSpan.FromSeconds(10);

    // Bounds on real time against a hang (on a busy 2-core machine the run takes 10-40 s); never a speed assertion.
    private static readonly TimeSpan HangGuard = Wait.Guard;

    private static readonly string[] Garbage =
    [
        "{not json",
        "",
        "null",
        "[1,2,3]",
        """{"op":"ten","d":null}""",
        """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":"not an object"}""",
        """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":12345,"type":2}}""",
        """{"op":0,"s":null,"t":"INTERACTION_CREATE","d":{"id":"junk-1","type":"two"}}""",
        """{"op":0,"s":null,"t":"READY","d":{"unexpected":true}}""",
        """{"op":10,"d":{"heartbeat_interval":"soon"}}""",
        """{"op":999,"d":{"what":"unknown opcode"}}""",
        """{"op":11,"d":null,"extra":[{"deep":{"deeper":[]}}]}""",
        """{"op":0,"s":null,"t":"SOMETHING_NEW","d":{"x":1}}""",
    ];

    [Fact]
    public async Task Thousand_interactions_survive_drops_closes_server_errors_rate_limits_and_garbage_answered_once_each()
    {
        var faults = new FaultScript();
        await using var bot = await BotHarness.StartAsync(responder: faults.Respond);
        var discord = new ScriptedSession(bot.Discord);
        var start = bot.Clock.GetUtcNow();
        using var done = new CancellationTokenSource();

        // Every wait in the adapter (5xx retry delay, 429 retry_after, reconnect backoff) is on the fake clock. This
        // pump moves the clock to the next armed timer due within a few seconds, and otherwise waits until the bot
        // arms one or the fake's handshake state changes; it never sleeps and never asserts timing. It holds still
        // while a connection is being handshaken, so a string of REST retries cannot carry the clock past the 30 s
        // HELLO timeout (the bot would drop the socket before it saw READY and identify afresh, losing events).
        var pump = Task.Run(async () =>
        {
            var stopped = Task.Delay(Timeout.Infinite, done.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            while (!done.IsCancellationRequested)
            {
                var armed = bot.Clock.TimerArmed;
                var changed = discord.Changed;
                var now = bot.Clock.GetUtcNow();
                if (bot.Discord.ConnectionCount == discord.HandledConnections
                    && bot.Clock.NextTimerDue is { } due && due - now <= PumpHorizon)
                {
                    // A timer seen as due already (armed at "now", or re-armed on another thread while the clock moved,
                    // so its recorded due time is a little behind the real one) gets a 1 ms step: the pump must neither
                    // wait for a new timer that only this one would arm nor spin on a zero advance.
                    bot.Clock.Advance(due > now ? due - now : TimeSpan.FromMilliseconds(1));
                    await Task.Yield();
                    continue;
                }

                // A missed signal must not stall the pump: re-check now and then. This only re-reads state; the
                // clock still moves only to timers the bot armed, and nothing here measures time.
                await Task.WhenAny(armed, changed, stopped, Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None));
            }
        });
        var server = discord.ServeAsync(done.Token);

        // Idle only says READY was sent. Until the bot has handled it, it has no session to resume: a drop then
        // makes it identify afresh and the events sent meanwhile are gone (as they would be with Discord).
        var health = Assert.Single(bot.Services.GetServices<IAdapterHealth>(), h => h.Name == "discord");
        await Wait.UntilAsync(() => discord.Idle && health.State == AdapterState.Connected, HangGuard);

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var ids = new List<string>();
        var asks = new HashSet<string>();
        string State() =>
            $"callbacks {faults.Callbacks.Count}/{Interactions}, edits {faults.Edits.Count}/{asks.Count}, connections {bot.Discord.ConnectionCount}, " +
            $"resumes {discord.Resumes}, identifies {discord.Identifies}, replayed {discord.Replayed}, 500s {faults.ServerErrors}, 429s {faults.RateLimits}, " +
            $"fake session {server.Exception?.InnerException?.GetType().Name ?? server.Status.ToString()}, clock {bot.Clock.GetUtcNow() - start}, next timer in {bot.Clock.NextTimerDue - bot.Clock.GetUtcNow()}, timers {bot.Clock.ActiveTimerCount}, handled {discord.HandledConnections}, idle {discord.Idle}, " +
            $"first missing {ids.FirstOrDefault(id => faults.Callbacks.GetValueOrDefault(id) == 0)}, log tail:\n" +
            string.Join("\n", bot.Logs.Entries.TakeLast(15).Select(e => e.Level + " " + e.Category + ": " + (e.Text.Length > 300 ? e.Text[..300] : e.Text)));
        for (var i = 0; i < Interactions; i++)
        {
            var id = "f" + i;
            ids.Add(id);
            var ask = i % 3 == 0;
            if (ask)
            {
                asks.Add(id);
            }

            var interaction = ask
                ? FakeInteractions.Command(id, "ask", [FakeInteractions.StringOption("question", "what does the psoas minor do? #" + i)])
                : FakeInteractions.Command(id, "muscle", [FakeInteractions.StringOption("name", "psoas minor")]);
            await discord.DispatchAsync("INTERACTION_CREATE", interaction);

            switch (i % 100)
            {
                case 17 or 67:
                    await discord.DropAsync();
                    await Wait.UntilAsync(() => discord.Idle, HangGuard, describe: State);
                    break;
                case 42 or 92:
                    await discord.CloseAsync(GatewayCloseCode.UnknownError);
                    await Wait.UntilAsync(() => discord.Idle, HangGuard, describe: State);
                    break;
                case 5 or 30 or 55 or 80:
                    await discord.SendGarbageAsync(Garbage[i / 5 % Garbage.Length]);
                    break;
            }
        }

        output.WriteLine($"sent in {stopwatch.Elapsed}: {State()}");
        try
        {
            try
            {
                await Wait.UntilAsync(
                    () => ids.All(id => faults.Callbacks.GetValueOrDefault(id) >= 1) && asks.All(id => faults.Edits.GetValueOrDefault(id) >= 1),
                    HangGuard);
            }
            catch (TimeoutException)
            {
                Assert.Fail("Not every interaction was answered: " + State());
            }

            output.WriteLine($"answered in {stopwatch.Elapsed}: {State()}");

            // Give stragglers (late replays, retries) a chance to show up as duplicates before counting.
            await discord.DropAsync();
            await Wait.UntilAsync(() => discord.Resumes > 0 && discord.Idle);
        }
        finally
        {
            await done.CancelAsync();
            await pump;
            await server.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        foreach (var group in bot.Logs.Entries.Where(e => e.Category.EndsWith("GatewayClient", StringComparison.Ordinal) && e.Level >= Microsoft.Extensions.Logging.LogLevel.Information)
            .GroupBy(e => e.Text.Split('|')[0].Trim()[..Math.Min(70, e.Text.Split('|')[0].Trim().Length)]))
        {
            output.WriteLine($"{group.Count(),4} x {group.Key}");
        }

        output.WriteLine($"done in {stopwatch.Elapsed}, fake clock moved {bot.Clock.GetUtcNow() - start}: {State()}");
        var missing = ids.Where(id => faults.Callbacks.GetValueOrDefault(id) == 0).ToList();
        var doubled = faults.Callbacks.Where(c => c.Value != 1).Select(c => $"{c.Key}x{c.Value}").ToList();
        var editsWrong = asks.Where(id => faults.Edits.GetValueOrDefault(id) != 1).Select(id => $"{id}x{faults.Edits.GetValueOrDefault(id)}").ToList();
        Assert.True(missing.Count == 0, "never answered: " + string.Join(", ", missing.Take(20)));
        Assert.True(doubled.Count == 0, "answered more than once: " + string.Join(", ", doubled.Take(20)));
        Assert.True(editsWrong.Count == 0, "/ask answer edited in other than once: " + string.Join(", ", editsWrong.Take(20)));
        Assert.Equal(ids.Order(), faults.Callbacks.Keys.Order());
        Assert.Empty(faults.Followups);

        // The faults really happened.
        Assert.True(faults.ServerErrors >= 100, $"{faults.ServerErrors} 500s");
        Assert.True(faults.RateLimits >= 100, $"{faults.RateLimits} 429s");
        Assert.True(discord.Resumes >= 30, $"{discord.Resumes} resumes");
        Assert.True(discord.Replayed > 0, "Discord replayed events after RESUME");
        Assert.Equal(1, discord.Identifies);
        Assert.DoesNotContain(BotHarness.Token, bot.Logs.AllText, StringComparison.Ordinal);
    }

    /// <summary>REST faults: the first attempt of some callbacks and edits fails with 500 or 429; retries succeed.</summary>
    private sealed class FaultScript
    {
        private readonly ConcurrentDictionary<string, int> _attempts = new();
        private int _serverErrors;
        private int _rateLimits;

        public ConcurrentDictionary<string, int> Callbacks { get; } = new();

        public ConcurrentDictionary<string, int> Edits { get; } = new();

        public ConcurrentQueue<string> Followups { get; } = new();

        public int ServerErrors => Volatile.Read(ref _serverErrors);

        public int RateLimits => Volatile.Read(ref _rateLimits);

        public FakeResponse? Respond(RecordedCall call)
        {
            var parts = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (call.Method == "POST" && parts is ["interactions", var id, _, "callback"])
            {
                return Fault(call, id) ?? Count(Callbacks, id, 204);
            }

            if (call.Method == "PATCH" && parts is ["webhooks", _, var token, "messages", "@original"])
            {
                var edited = token["itok-".Length..];
                return Fault(call, edited) ?? Count(Edits, edited, 200);
            }

            if (call.Method == "POST" && parts is ["webhooks", _, var followup])
            {
                Followups.Enqueue(followup);
            }

            return null;
        }

        private FakeResponse? Fault(RecordedCall call, string id)
        {
            var attempt = _attempts.AddOrUpdate(call.Method + id, 1, (_, n) => n + 1);
            var n = int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            if (attempt == 1 && n % 5 == 1)
            {
                Interlocked.Increment(ref _serverErrors);
                return new FakeResponse(500, """{"message":"500: Internal Server Error","code":0}""");
            }

            if (attempt <= 2 && n % 5 == 2)
            {
                Interlocked.Increment(ref _rateLimits);
                var retryAfter = attempt == 1 ? "0.25" : "1.5";
                return new FakeResponse(
                    429,
                    $$"""{"message":"You are being rate limited.","retry_after":{{retryAfter}},"global":false}""",
                    new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Scope"] = "user" });
            }

            return null;
        }

        private static FakeResponse Count(ConcurrentDictionary<string, int> counts, string id, int status)
        {
            counts.AddOrUpdate(id, 1, (_, c) => c + 1);
            return status == 204 ? new FakeResponse(204, "") : new FakeResponse(200, """{"id":"m1"}""");
        }
    }

    /// <summary>
    /// Plays Discord's session: numbers every dispatch, keeps the log and, on RESUME, replays from a little before
    /// the sequence the bot reports (so replays overlap what it already handled), then sends RESUMED.
    /// </summary>
    private sealed class ScriptedSession(FakeDiscord discord)
    {
        private const int ReplayOverlap = 10;

        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly List<(int Seq, string Json)> _log = [];
        private FakeGatewayConnection? _current;
        private int _seq;
        private int _resumes;
        private int _identifies;
        private int _replayed;
        private int _handled;
        private volatile bool _idle;
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes the next time a connection's handshake is over (read it before checking the state).</summary>
        public Task Changed => Volatile.Read(ref _changed).Task;

        public int Resumes => Volatile.Read(ref _resumes);

        public int Identifies => Volatile.Read(ref _identifies);

        public int Replayed => Volatile.Read(ref _replayed);

        /// <summary>Connections whose handshake (HELLO, then READY or the replay and RESUMED) is over, or failed.</summary>
        public int HandledConnections => Volatile.Read(ref _handled);

        /// <summary>True while a resumed connection is current and nothing is being replayed.</summary>
        public bool Idle => _idle;

        public async Task ServeAsync(CancellationToken cancellationToken)
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                FakeGatewayConnection connection;
                try
                {
                    connection = await discord.NextConnectionAsync(Wait.Guard, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    continue;
                }

                try
                {
                    await connection.SendHelloAsync(HeartbeatMs);
                    var hello = await connection.ExpectAnyAsync(Wait.Guard, GatewayOpcode.Identify, GatewayOpcode.Resume);
                    await _gate.WaitAsync(cancellationToken);
                    try
                    {
                        _idle = false;
                        if (GatewayScript.OpOf(hello) == GatewayOpcode.Identify)
                        {
                            Interlocked.Increment(ref _identifies);
                            await Send(connection, "READY", GatewayScript.ReadyData(discord.ResumeUrl, "session-fault"));
                        }
                        else
                        {
                            Interlocked.Increment(ref _resumes);
                            var from = GatewayScript.ReadResume(hello).Seq is { } seq ? seq - ReplayOverlap : 0;
                            foreach (var (s, json) in _log.Where(e => e.Seq > from))
                            {
                                await connection.SendTextAsync(json);
                                Interlocked.Increment(ref _replayed);
                            }

                            await Send(connection, "RESUMED", new { });
                        }

                        _current = connection;
                        _idle = true;
                    }
                    finally
                    {
                        _gate.Release();
                    }
                }
                catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException
                    or ObjectDisposedException or System.Threading.Channels.ChannelClosedException)
                {
                    // The bot gave up on this connection before its IDENTIFY or RESUME (the connection's frames end:
                    // ChannelClosedException), or the socket failed; the next connection follows. Letting any of these
                    // escape would end the fake session, and every later reconnect would wait forever.
                }
                finally
                {
                    Interlocked.Increment(ref _handled);
                    Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
            }
        }

        public async Task DispatchAsync(string type, object data)
        {
            await _gate.WaitAsync();
            try
            {
                var seq = ++_seq;
                var json = GatewayScript.Dispatch(type, seq, data);
                _log.Add((seq, json));
                await TrySendAsync(json);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task SendGarbageAsync(string text)
        {
            await _gate.WaitAsync();
            try
            {
                // Garbage is never logged, so it is never replayed.
                await TrySendAsync(text);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task DropAsync()
        {
            await _gate.WaitAsync();
            try
            {
                _current?.Abort();
                _current = null;
                _idle = false;
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task CloseAsync(GatewayCloseCode code)
        {
            await _gate.WaitAsync();
            try
            {
                if (_current is { } connection)
                {
                    _current = null;
                    _idle = false;
                    try
                    {
                        await connection.CloseAsync(code);
                    }
                    catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
                    {
                    }
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task Send(FakeGatewayConnection connection, string type, object data)
        {
            // READY and RESUMED are numbered but not logged: Discord never replays them.
            await connection.SendTextAsync(GatewayScript.Dispatch(type, ++_seq, data));
        }

        private async Task TrySendAsync(string json)
        {
            if (_current is not { } connection)
            {
                return; // Disconnected: the event waits in the log for the next RESUME.
            }

            try
            {
                await connection.SendTextAsync(json);
            }
            catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                _current = null;
                _idle = false;
            }
        }
    }
}
