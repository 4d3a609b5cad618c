using System.Text.Json;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.Logging.Abstractions;

namespace AnatomyBot.Discord.Tests;

/// <summary>The gateway state machine against a scripted transport and a fake clock.</summary>
public sealed class GatewayClientTests : IAsyncDisposable
{
    private readonly ScriptedTransport _transport = new();
    private readonly FakeTimeProvider _clock = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly AnatomyBot.Testing.TestMeterFactory _meters = new();
    private readonly List<GatewayDispatch> _dispatches = [];
    private GatewayClient? _client;
    private Task<GatewayStopped>? _run;

    private GatewayClient Start(double jitter = 0.25, GatewayIntents intents = GatewayIntents.Guilds, int shardId = 0, int shardCount = 1)
    {
        _client = new GatewayClient(_transport, new GatewaySettings("secret-token", intents, shardId, shardCount), _clock, new DiscordRandom(new FixedRandom(jitter)), new DiscordMetrics(_meters), NullLogger<GatewayClient>.Instance);
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
        c.SendHello(40_000);
        await c.ExpectIdentifyAsync();
        c.SendReady(readySeq);
        await Wait.UntilAsync(() => _client!.Session.Id is not null);
        return c;
    }

    [Fact]
    public async Task Identify_carries_token_minimal_intents_shard_and_properties()
    {
        Start(intents: GatewaySettings.IntentsFor(answerMentions: false), shardId: 1, shardCount: 3);
        var c = await _transport.NextConnectionAsync();
        Assert.Equal("wss://gateway.test/?v=10&encoding=json", c.Uri.ToString());
        c.SendHello(41_250);
        var identify = await c.ExpectIdentifyAsync();
        Assert.Equal("secret-token", identify.Token);
        Assert.Equal(GatewayIntents.Guilds, identify.Intents);
        Assert.Equal([1, 3], identify.Shard);
        Assert.Equal("AnatomyBot", identify.Properties.Browser);
    }

    [Fact]
    public void Intents_never_include_message_content()
    {
        Assert.Equal(GatewayIntents.Guilds, GatewaySettings.IntentsFor(false));
        Assert.Equal(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages, GatewaySettings.IntentsFor(true));
        Assert.False(GatewaySettings.IntentsFor(true).HasFlag(GatewayIntents.MessageContent));
    }

    [Fact]
    public async Task First_heartbeat_waits_interval_times_jitter_then_every_interval_with_last_sequence()
    {
        Start(jitter: 0.25);
        var c = await _transport.NextConnectionAsync();
        c.SendHello(40_000);
        await c.ExpectIdentifyAsync();
        c.SendReady(1);
        c.SendDispatch("GUILD_CREATE", 5, new { id = "g1" });
        await Wait.UntilAsync(() => _client!.Session.Sequence == 5 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(10)));

        _clock.Advance(TimeSpan.FromMilliseconds(9_999));
        Assert.False(c.TryTakeSent(out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(5, await c.ExpectHeartbeatAsync());

        c.SendHeartbeatAck();
        c.SendDispatch("GUILD_CREATE", 6, new { id = "g2" });
        await Wait.UntilAsync(() => _client!.Session.Sequence == 6 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(40)));
        _clock.Advance(TimeSpan.FromMilliseconds(39_999));
        Assert.False(c.TryTakeSent(out _));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(6, await c.ExpectHeartbeatAsync());
    }

    [Fact]
    public async Task Heartbeat_before_any_dispatch_sends_null()
    {
        Start(jitter: 0);
        var c = await _transport.NextConnectionAsync();
        c.SendHello(40_000);
        // With zero jitter the heartbeat may go out before or after IDENTIFY; both are fine.
        Assert.Null(await c.ExpectHeartbeatAsync());
    }

    [Fact]
    public async Task Server_heartbeat_request_is_answered_at_once()
    {
        Start(jitter: 0.9);
        var c = await ReadySessionAsync(readySeq: 3);
        c.SendHeartbeatRequest();
        Assert.Equal(3, await c.ExpectHeartbeatAsync());
    }

    [Fact]
    public async Task Missing_ack_closes_with_non_1000_code_and_resumes_with_last_sequence()
    {
        Start(jitter: 0.5);
        var c = await _transport.NextConnectionAsync();
        c.SendHello(1_000);
        await c.ExpectIdentifyAsync();
        c.SendReady(1);
        c.SendDispatch("GUILD_CREATE", 2, new { id = "g1" });
        // Wait for the exact timers: the HELLO timeout or a limiter may be armed too, and advancing before the
        // heartbeat loop armed its wait would skip past it.
        await Wait.UntilAsync(() => _client!.Session.Sequence == 2 && _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(500)));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        await c.ExpectHeartbeatAsync();
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(1_000)));

        _clock.Advance(TimeSpan.FromMilliseconds(1_000)); // no ACK came: zombie
        var code = await c.ClientClose.Task.WaitAsync(Wait.Guard);
        Assert.NotEqual(GatewayCloseCode.NormalClosure, code);
        Assert.NotEqual(GatewayCloseCode.GoingAway, code);

        var resumed = await _transport.NextConnectionAsync();
        Assert.Equal("wss://resume.test/?v=10&encoding=json", resumed.Uri.ToString());
        resumed.SendHello(1_000);
        var resume = await resumed.ExpectResumeAsync();
        Assert.Equal("secret-token", resume.Token);
        Assert.Equal(GatewayScript.DefaultSessionId, resume.SessionId);
        Assert.Equal(2, resume.Seq);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"op":"ten","d":null}""")]
    [InlineData("""{"d":null}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":"soon"}}""")]
    [InlineData("""{"op":10,"d":{"heartbeat_interval":0}}""")]
    [InlineData("""{"op":0,"s":null,"t":"READY","d":{"unexpected":true}}""")]
    public async Task Malformed_frame_is_skipped_without_losing_the_session(string garbage)
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 3);
        c.SendText(garbage);
        c.SendDispatch("MESSAGE_CREATE", 4, new { id = "after-garbage" });
        await Wait.UntilAsync(() =>
        {
            lock (_dispatches)
            {
                return _dispatches.Any(d => d.Sequence == 4);
            }
        });
        Assert.Equal(1, _transport.ConnectCount);
        Assert.Equal(GatewayScript.DefaultSessionId, _client!.Session.Id);
        Assert.False(c.ClientClose.Task.IsCompleted);
    }

    [Fact]
    public async Task Op7_reconnects_and_resumes()
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 4);
        c.SendReconnect();
        var code = await c.ClientClose.Task.WaitAsync(Wait.Guard);
        Assert.NotEqual(GatewayCloseCode.NormalClosure, code);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith(ScriptedConnection.ResumeUrl, next.Uri.ToString());
        next.SendHello(40_000);
        Assert.Equal(4, (await next.ExpectResumeAsync()).Seq);
    }

    [Fact]
    public async Task Op9_true_resumes()
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 7);
        c.SendInvalidSession(resumable: true);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith(ScriptedConnection.ResumeUrl, next.Uri.ToString());
        next.SendHello(40_000);
        Assert.Equal(7, (await next.ExpectResumeAsync()).Seq);
    }

    [Fact]
    public async Task Op9_false_waits_one_to_five_seconds_then_identifies_on_the_main_gateway()
    {
        Start(jitter: 0.25); // 1 + 4 * 0.25 = 2 s
        var c = await ReadySessionAsync();
        c.SendInvalidSession(resumable: false);
        // The heartbeat timer of the old connection may still be armed; wait for the 2 s invalid-session delay itself.
        await Wait.UntilAsync(() => c.ClientClose.Task.IsCompleted && _clock.HasTimerDueIn(TimeSpan.FromSeconds(2)));
        _clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.False(_transport.HasPendingConnection);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://gateway.test", next.Uri.ToString());
        next.SendHello(40_000);
        Assert.Equal("secret-token", (await next.ExpectIdentifyAsync()).Token);
        Assert.Null(_client!.Session.Id);
    }

    [Theory]
    [InlineData(GatewayCloseCode.UnknownError)]
    [InlineData(GatewayCloseCode.DecodeError)]
    [InlineData(GatewayCloseCode.RateLimited)]
    [InlineData(null)]
    public async Task Resumable_close_codes_and_drops_resume(GatewayCloseCode? closeCode)
    {
        Start();
        var c = await ReadySessionAsync(readySeq: 9);
        c.Close(closeCode);
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith(ScriptedConnection.ResumeUrl, next.Uri.ToString());
        next.SendHello(40_000);
        Assert.Equal(9, (await next.ExpectResumeAsync()).Seq);
    }

    [Theory]
    [InlineData(GatewayCloseCode.UnknownOpcode)]
    [InlineData(GatewayCloseCode.NotAuthenticated)]
    [InlineData(GatewayCloseCode.AlreadyAuthenticated)]
    [InlineData(GatewayCloseCode.InvalidSequence)]
    [InlineData(GatewayCloseCode.SessionTimedOut)]
    public async Task Reidentify_close_codes_start_a_fresh_session(GatewayCloseCode closeCode)
    {
        Start();
        var c = await ReadySessionAsync();
        c.Close(closeCode);
        await Wait.UntilAsync(() => _transport.HasPendingConnection || _clock.ActiveTimerCount > 0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = await _transport.NextConnectionAsync();
        Assert.StartsWith("wss://gateway.test", next.Uri.ToString());
        next.SendHello(40_000);
        await next.ExpectIdentifyAsync();
    }

    [Theory]
    [InlineData(GatewayCloseCode.AuthenticationFailed, "Discord:Token")]
    [InlineData(GatewayCloseCode.InvalidShard, "Discord:Shards")]
    [InlineData(GatewayCloseCode.ShardingRequired, "Discord:ShardCount")]
    [InlineData(GatewayCloseCode.InvalidApiVersion, "version")]
    [InlineData(GatewayCloseCode.InvalidIntents, "intents")]
    [InlineData(GatewayCloseCode.DisallowedIntents, "Privileged")]
    public async Task Fatal_close_codes_stop_with_a_message_and_never_reconnect(GatewayCloseCode closeCode, string hint)
    {
        Start();
        var c = await _transport.NextConnectionAsync();
        c.SendHello(40_000);
        await c.ExpectIdentifyAsync();
        c.Close(closeCode);
        var stopped = await _run!.WaitAsync(Wait.Guard);
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
        c.SendHello(40_000);
        await c.ExpectIdentifyAsync();
    }

    [Fact]
    public void Reconnect_delays_start_at_zero_then_double_up_to_the_cap()
    {
        var delays = new ReconnectStrategy(new DiscordRandom(new FixedRandom(1.0))).Delays().Take(10).ToList();
        Assert.Equal([0, 1, 2, 4, 8, 16, 32, 60, 60, 60], delays.Select(d => d.TotalSeconds));
        var halved = new ReconnectStrategy(new DiscordRandom(new FixedRandom(0))).Delays().Skip(1).First();
        Assert.Equal(TimeSpan.FromSeconds(0.5), halved);
    }

    [Fact]
    public async Task A_connection_without_hello_is_dropped_and_retried()
    {
        Start();
        var silent = await _transport.NextConnectionAsync();
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(GatewayClient.HelloTimeout));
        _clock.Advance(GatewayClient.HelloTimeout);
        Assert.NotEqual(GatewayCloseCode.NormalClosure, await silent.ClientClose.Task.WaitAsync(Wait.Guard));

        // No session was established: the first backoff (1 s x (0.5 + 0.5 x 0.25) = 0.625 s) applies.
        var backoff = TimeSpan.FromSeconds(0.625);
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(backoff));
        _clock.Advance(backoff);
        var next = await _transport.NextConnectionAsync();
        next.SendHello(40_000);
        await next.ExpectIdentifyAsync();
    }

    [Fact]
    public async Task Dispatches_arrive_in_order_with_their_data()
    {
        Start();
        var c = await ReadySessionAsync();
        c.SendDispatch("INTERACTION_CREATE", 2, new { id = "i1" });
        await Wait.UntilAsync(() => { lock (_dispatches) { return _dispatches.Count == 2; } });
        Assert.Equal(["READY", "INTERACTION_CREATE"], _dispatches.Select(d => d.Type));
        Assert.Equal("i1", _dispatches[1].Data.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Oversized_payloads_are_refused()
    {
        var client = Start();
        var c = await _transport.NextConnectionAsync();
        c.SendHello(40_000);
        await c.ExpectIdentifyAsync();
        var oversized = new GatewayCommand<Resume>(GatewayOpcode.Resume, new Resume(new string('x', 5000), "s", 1));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(oversized, DiscordJsonContext.Default.GatewayCommandResume, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(Wait.Guard);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _client?.Dispose();
        _cts.Dispose();
        _meters.Dispose();
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
        await next.WaitAsync(Wait.Guard);
    }
}
