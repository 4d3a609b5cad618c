using System.Text.Json;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Discord.Tests;

/// <summary>The gateway state machine against a scripted transport and a fake clock.</summary>
public sealed class GatewayClientTests : IAsyncDisposable
{
    private readonly ScriptedTransport _transport = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly List<GatewayDispatch> _dispatches = [];
    private GatewayClient? _client;
    private Task<GatewayStopped>? _run;

    private GatewayClient Start(double jitter = 0.25, int intents = GatewaySettings.Guilds, int shardId = 0, int shardCount = 1)
    {
        _client = new GatewayClient(_transport, new GatewaySettings("secret-token", intents, shardId, shardCount), _clock, new FixedRandom(jitter), NullLogger<GatewayClient>.Instance);
        _client.OnDispatch = (d, _) =>
        {
            lock (_dispatches)
            {
                _dispatches.Add(d);
            }

            return Task.CompletedTask;
        };
        _run = _client.RunAsync(new Uri("wss://gateway.test"), _cts.Token);
        return _client;
    }

    private async Task<ScriptedConnection> ReadySessionAsync(int readySeq = 1)
    {
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        await c.ExpectAsync(2);
        c.Ready(readySeq);
        await Wait.UntilAsync(() => _client!.SessionId is not null);
        return c;
    }

    [Fact]
    public async Task Identify_carries_token_minimal_intents_shard_and_properties()
    {
        Start(intents: GatewaySettings.IntentsFor(answerMentions: false), shardId: 1, shardCount: 3);
        var c = await _transport.NextConnectionAsync();
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", c.Uri.ToString());
        c.Hello(41_250);
        var identify = (await c.ExpectAsync(2)).GetProperty("d");
        Assert.Equal("secret-token", identify.GetProperty("token").GetString());
        Assert.Equal(1, identify.GetProperty("intents").GetInt32());
        Assert.Equal([1, 3], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("AnatomyBot", identify.GetProperty("properties").GetProperty("browser").GetString());
    }

    [Fact]
    public void Intents_never_include_message_content()
    {
        Assert.Equal(1, GatewaySettings.IntentsFor(false));
        Assert.Equal(1 | (1 << 9) | (1 << 12), GatewaySettings.IntentsFor(true));
        Assert.Equal(0, GatewaySettings.IntentsFor(true) & (1 << 15));
    }

    [Fact]
    public async Task First_heartbeat_waits_interval_times_jitter_then_every_interval_with_last_sequence()
    {
        Start(jitter: 0.25);
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        await c.ExpectAsync(2);
        c.Ready(1);
        c.Dispatch("GUILD_CREATE", 5, new { id = "g1" });
        await Wait.UntilAsync(() => _client!.LastSequence == 5 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(10)));

        _clock.Advance(TimeSpan.FromMilliseconds(9_999));
        Assert.False(c.TryTakeSent(out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var first = await c.ExpectAsync(1);
        Assert.Equal(5, first.GetProperty("d").GetInt64());

        c.Op(11, null);
        c.Dispatch("GUILD_CREATE", 6, new { id = "g2" });
        await Wait.UntilAsync(() => _client!.LastSequence == 6 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(40)));
        _clock.Advance(TimeSpan.FromMilliseconds(39_999));
        Assert.False(c.TryTakeSent(out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await c.ExpectAsync(1);
        Assert.Equal(6, second.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task Heartbeat_before_any_dispatch_sends_null()
    {
        Start(jitter: 0);
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        // With zero jitter the heartbeat may go out before or after IDENTIFY; both are fine.
        var beat = await c.ExpectAsync(1);
        Assert.Equal(JsonValueKind.Null, beat.GetProperty("d").ValueKind);
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        Start(jitter: 0.9);
        var c = await ReadySessionAsync(readySeq: 3);
        c.Op(1, null);
        var beat = await c.ExpectAsync(1);
        Assert.Equal(3, beat.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task Missing_ack_closes_with_non_1000_code_and_resumes_with_last_sequence()
    {
        Start(jitter: 0.5);
        var c = await _transport.NextConnectionAsync();
        c.Hello(1_000);
        await c.ExpectAsync(2);
        c.Ready(1);
        c.Dispatch("GUILD_CREATE", 2, new { id = "g1" });
        // Wait for the exact timers: the HELLO timeout or a limiter may be armed too, and advancing before the
        // heartbeat loop armed its wait would skip past it.
        await Wait.UntilAsync(() => _client!.LastSequence == 2 && _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(500)));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await c.ExpectAsync(1);
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(1_000)));

        _clock.Advance(TimeSpan.FromMilliseconds(1_000)); // no ACK came: zombie
        var code = await c.ClientClose.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(1000, code);
        Assert.NotEqual(1001, code);

        var resumed = await _transport.NextConnectionAsync();
        Assert.Equal("wss://resume.test/?v=10&encoding=json", resumed.Uri.ToString());
        resumed.Hello(1_000);
        var resume = (await resumed.ExpectAsync(6)).GetProperty("d");
        Assert.Equal("secret-token", resume.GetProperty("token").GetString());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"op":"ten","d":null}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"soon"}}""")]
    [InlineData("""{"op":0,"s":null,"t":"READY","d":{"unexpected":true}}""")]
    public async Task Malformed_frame_is_skipped_without_losing_the_session(string garbage)
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 3);
        c.Incoming.Writer.TryWrite(GatewayFrame.Message(garbage));
        c.Dispatch("MESSAGE_CREATE", 4, new { id = "after-garbage" });
        await Wait.UntilAsync(() =>
        {
            lock (_dispatches)
            {
                return _dispatches.Any(d => d.Sequence == 4);
            }
        });
        Assert.Equal(1, _transport.ConnectCount);
        Assert.Equal("session-1", _client!.SessionId);
        Assert.False(c.ClientClose.Task.IsCompleted);
    }

    [Fact]
    public async Task Op7_reconnects_and_resumes()
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 4);
        c.Op(7, null);
        var code = await c.ClientClose.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEqual(1000, code);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://resume.test", next.Uri.ToString());
        next.Hello(40_000);
        var resume = await next.ExpectAsync(6);
        Assert.Equal(4, resume.GetProperty("d").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Op9_true_resumes()
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 7);
        c.Op(9, true);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://resume.test", next.Uri.ToString());
        next.Hello(40_000);
        Assert.Equal(7, (await next.ExpectAsync(6)).GetProperty("d").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Op9_false_waits_one_to_five_seconds_then_identifies_on_the_main_gateway()
    {
        Start(jitter: 0.25); // 1 + 4 * 0.25 = 2 s
        var c = await ReadySessionAsync();
        c.Op(9, false);
        // The heartbeat timer of the old connection may still be armed; wait for the 2 s invalid-session delay itself.
        await Wait.UntilAsync(() => c.ClientClose.Task.IsCompleted && _clock.HasTimerDueIn(TimeSpan.FromSeconds(2)));
        _clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.False(_transport.HasPendingConnection);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://gateway.test", next.Uri.ToString());
        next.Hello(40_000);
        var identify = await next.ExpectAsync(2);
        Assert.Equal("secret-token", identify.GetProperty("d").GetProperty("token").GetString());
        Assert.Null(_client!.SessionId);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4002)]
    [InlineData(4008)]
    [InlineData(null)]
    public async Task Resumable_close_codes_and_drops_resume(int? closeCode)
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 9);
        c.Close(closeCode);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://resume.test", next.Uri.ToString());
        next.Hello(40_000);
        Assert.Equal(9, (await next.ExpectAsync(6)).GetProperty("d").GetProperty("seq").GetInt64());
    }

    [Theory]
    [InlineData(4001)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task Reidentify_close_codes_start_a_fresh_session(int closeCode)
    {
        Start();
        var c = await ReadySessionAsync();
        c.Close(closeCode);
        await Wait.UntilAsync(() => _transport.HasPendingConnection || _clock.ActiveTimerCount > 0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://gateway.test", next.Uri.ToString());
        next.Hello(40_000);
        await next.ExpectAsync(2);
    }

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4012, "version")]
    [InlineData(4013, "intents")]
    [InlineData(4014, "Privileged")]
    public async Task Fatal_close_codes_stop_with_a_message_and_never_reconnect(int closeCode, string hint)
    {
        Start();
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        await c.ExpectAsync(2);
        c.Close(closeCode);
        var stopped = await _run!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(closeCode, stopped.CloseCode);
        Assert.Contains(hint, stopped.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-token", stopped.Message, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, _transport.ConnectCount);
    }

    [Fact]
    public async Task Failed_connects_back_off_with_growing_capped_delays()
    {
        _transport.FailNextConnects = 3;
        Start(jitter: 1.0);
        await Wait.UntilAsync(() => _transport.ConnectCount == 1 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(1, _transport.ConnectCount);
        _clock.Advance(TimeSpan.FromMilliseconds(1)); // 1 s after the first failure
        await Wait.UntilAsync(() => _transport.ConnectCount == 2 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(2)));
        _clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.Equal(2, _transport.ConnectCount);
        _clock.Advance(TimeSpan.FromMilliseconds(1)); // 2 s
        await Wait.UntilAsync(() => _transport.ConnectCount == 3 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(4)));
        _clock.Advance(TimeSpan.FromSeconds(4));
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        await c.ExpectAsync(2);

        var client = _client!;
        Assert.Equal(TimeSpan.Zero, client.Backoff(0));
        Assert.Equal(GatewayClient.MaxBackoff, client.Backoff(50));
    }

    [Fact]
    public async Task A_connection_without_hello_is_dropped_and_retried()
    {
        Start();
        var silent = await _transport.NextConnectionAsync();
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(GatewayClient.HelloTimeout));
        _clock.Advance(GatewayClient.HelloTimeout);
        Assert.NotEqual(1000, await silent.ClientClose.Task.WaitAsync(TimeSpan.FromSeconds(10)));

        // No session was established: the first backoff (1 s x (0.5 + 0.5 x 0.25) = 0.625 s) applies.
        var backoff = TimeSpan.FromSeconds(0.625);
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(backoff));
        _clock.Advance(backoff);
        var next = await _transport.NextConnectionAsync();
        next.Hello(40_000);
        await next.ExpectAsync(2);
    }

    [Fact]
    public async Task Dispatches_arrive_in_order_with_their_data()
    {
        Start();
        var c = await ReadySessionAsync();
        c.Dispatch("INTERACTION_CREATE", 2, new { id = "i1" });
        await Wait.UntilAsync(() => { lock (_dispatches) { return _dispatches.Count == 2; } });
        Assert.Equal(["READY", "INTERACTION_CREATE"], _dispatches.Select(d => d.Type));
        Assert.Equal("i1", _dispatches[1].Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Oversized_payloads_are_refused()
    {
        var client = Start();
        var c = await _transport.NextConnectionAsync();
        c.Hello(40_000);
        await c.ExpectAsync(2);
        var payload = new System.Text.Json.Nodes.JsonObject { ["op"] = 3, ["d"] = new string('x', 5000) };
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(payload, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (OperationCanceledException)
            {
            }
        }

        _client?.Dispose();
        _cts.Dispose();
    }
}

public sealed class SendLimiterTests
{
    [Fact]
    public async Task At_most_120_sends_per_60_seconds()
    {
        var clock = new FakeTimeProvider();
        var limiter = new SendLimiter(clock);
        for (var i = 0; i < 120; i++)
        {
            await limiter.WaitAsync(CancellationToken.None);
        }

        var next = limiter.WaitAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(next.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
