using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Gateway;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AnatomyBot.Discord.Tests;

/// <summary>Shards: the settings, identify pacing, the session start budget and routing, against the loopback fake Discord.</summary>
public sealed class ShardingTests
{
    private const int NoHeartbeatDue = 1_000_000_000;

    [Theory]
    [InlineData("0-3", 4, null)]
    [InlineData("0,2", 4, null)]
    [InlineData("1", 2, null)]
    [InlineData("0-1,3", 4, null)]
    [InlineData("a-b", 4, "Discord:Shards must list shard ids such as 0-3 or 0,2 (got 'a-b').")]
    [InlineData("3-1", 4, "Discord:Shards has the range 3-1 backwards; write 1-3.")]
    [InlineData("0,1,1", 4, "Discord:Shards lists shard 1 twice.")]
    [InlineData("0-4", 4, "Discord:Shards lists shard 4, but Discord:ShardCount is 4: shard ids run from 0 to 3.")]
    [InlineData("0-1", null, "Discord:Shards needs Discord:ShardCount as well: every process must use the same total to agree on which shard serves which server.")]
    [InlineData(null, 0, "Discord:ShardCount must be at least 1 (got 0); leave it unset to use the count Discord recommends.")]
    public void Shard_settings_are_checked_at_start_with_messages_naming_the_key(string? shards, int? count, string? error)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "abc.def", Shards = shards, ShardCount = count });
        if (error is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Equal([error], result.Failures!);
        }
    }

    [Fact]
    public void The_old_shard_id_setting_is_refused_with_what_replaced_it()
    {
        var result = new DiscordOptionsValidator(legacyShardIdSet: true).Validate(null, new DiscordOptions { Token = "abc.def" });
        Assert.Contains(result.Failures!, f => f.StartsWith("Discord:ShardId is no longer read: set Discord:Shards", StringComparison.Ordinal));
    }

    [Fact]
    public void Guild_ids_map_to_shards_as_discord_routes_them()
    {
        Assert.Equal(0, FakeDiscord.ShardOf("81384788765712384", 1));
        Assert.Equal((int)((81384788765712384UL >> 22) % 4), FakeDiscord.ShardOf("81384788765712384", 4));
        Assert.Equal(0, FakeDiscord.ShardOf(null, 4)); // DMs
        for (var shard = 0; shard < 4; shard++)
        {
            Assert.Equal(shard, FakeDiscord.ShardOf(FakeDiscord.GuildOnShard(shard, 4, n: 7), 4));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Shards_identify_no_faster_than_max_concurrency_per_five_seconds_on_the_clock(int maxConcurrency)
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.SessionStartLimit = new SessionStartLimit(1000, 1000, 0, maxConcurrency);
        await using var bot = await BotHarness.StartAsync(new() { ["Discord:ShardCount"] = "4" }, useGatewayBot: true, sharedDiscord: discord);
        var connections = await HelloToAllAsync(bot, 4);

        var identified = new List<int>();
        for (var round = 0; round < 4 / maxConcurrency; round++)
        {
            if (round > 0)
            {
                // The next turn is 5.5 s after the last (5 s and a margin): nothing can go out a millisecond before it.
                await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(IdentifyLimiter.Turn));
                bot.Clock.Advance(IdentifyLimiter.Turn - TimeSpan.FromMilliseconds(1));
                Assert.Equal(identified.Count, connections.Count(c => c.Identified is not null));
                bot.Clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            await Wait.UntilAsync(() => connections.Count(c => c.Identified is not null) == identified.Count + maxConcurrency);
            var batch = connections.Where(c => c.Identified is not null).Select(c => c.Identified!.Shard[0]).Except(identified).ToList();
            Assert.Equal(maxConcurrency, batch.Count);
            Assert.Equal(maxConcurrency, batch.Select(shard => shard % maxConcurrency).Distinct().Count()); // one per rate-limit bucket
            identified.AddRange(batch);
        }

        Assert.Equal([0, 1, 2, 3], identified.Order());
        Assert.All(connections, c => Assert.Equal(4, c.Identified!.Shard[1]));
    }

    [Fact]
    public async Task Processes_sharing_the_stores_turns_identify_one_per_bucket_per_five_seconds_between_them()
    {
        // Two processes (two limiters) running shards 0-1 and 2-3 of 4 with max_concurrency 2 share one store's turns:
        // the in-process turns stand in for PostgreSQL's, whose sharing by replicas the PostgreSQL tests check.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero));
        var shared = new InProcessTurnClaims();
        var limit = new SessionStartLimit(1000, 1000, 0, 2);
        var processA = new IdentifyLimiter(clock, NullLogger<IdentifyLimiter>.Instance, shared);
        var processB = new IdentifyLimiter(clock, NullLogger<IdentifyLimiter>.Instance, shared);
        processA.Update(limit);
        processB.Update(limit);

        await processA.WaitTurnAsync(0, default).WaitAsync(Wait.Guard); // bucket 0
        await processA.WaitTurnAsync(1, default).WaitAsync(Wait.Guard); // bucket 1
        var shard2 = processB.WaitTurnAsync(2, default); // bucket 0, taken by process A
        var shard3 = processB.WaitTurnAsync(3, default); // bucket 1, taken by process A

        await Wait.UntilAsync(() => clock.HasTimerDueIn(IdentifyLimiter.Turn) && clock.ActiveTimerCount == 2);
        clock.Advance(IdentifyLimiter.Turn - TimeSpan.FromMilliseconds(1));
        Assert.False(shard2.IsCompleted || shard3.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(shard2, shard3).WaitAsync(Wait.Guard);
    }

    [Fact]
    public async Task A_store_that_cannot_give_a_turn_leaves_the_pacing_to_this_process_with_a_warning()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero));
        var down = new Mock<ITurnClaims>();
        down.Setup(t => t.TryTakeTurnAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("the database is down"));
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var limiter = new IdentifyLimiter(clock, loggers.CreateLogger<IdentifyLimiter>(), down.Object);

        await limiter.WaitTurnAsync(0, default).WaitAsync(Wait.Guard);
        var second = limiter.WaitTurnAsync(1, default); // max_concurrency 1: the same bucket, paced here
        await Wait.UntilAsync(() => clock.HasTimerDueIn(IdentifyLimiter.Turn));
        Assert.False(second.IsCompleted);
        clock.Advance(IdentifyLimiter.Turn);
        await second.WaitAsync(Wait.Guard);

        var warning = Assert.Single(logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Text).Distinct(),
            t => t.Contains("discord-identify/0", StringComparison.Ordinal));
        Assert.Contains("the database is down", warning, StringComparison.Ordinal);
        Assert.Contains("pacing this process's session starts alone", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_session_starts_left_waits_for_the_reset_with_a_clear_message_and_then_identifies()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.SessionStartLimit = new SessionStartLimit(1000, 0, 60_000, 1);
        await using var bot = await BotHarness.StartAsync(useGatewayBot: true, sharedDiscord: discord);
        var connection = (await HelloToAllAsync(bot, 1))[0];

        var health = Assert.Single(bot.Services.GetServices<IAdapterHealth>(), h => h.Name == "discord");
        await Wait.UntilAsync(() => bot.Clock.HasTimerDueIn(TimeSpan.FromSeconds(60)));
        var message = Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Critical).Text;
        Assert.Contains("no session starts left for this bot (0 of 1000)", message, StringComparison.Ordinal);
        Assert.Contains("2026-01-01 00:01:00Z", message, StringComparison.Ordinal);
        Assert.Equal(AdapterState.Reconnecting, health.State);
        Assert.Contains("no more session starts until 2026-01-01 00:01:00Z", health.Detail, StringComparison.Ordinal);

        bot.Clock.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        Assert.Null(connection.Identified);
        bot.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var identify = await connection.ExpectIdentifyAsync();
        Assert.Equal(new[] { 0, 1 }, identify.Shard);
        await connection.SendReadyAsync(1, bot.Discord.ResumeUrl);
        await Wait.UntilAsync(() => health.State == AdapterState.Connected);
    }

    [Fact]
    public async Task Two_hosts_with_two_shards_each_answer_only_their_guilds_interactions_exactly_once()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.SessionStartLimit = new SessionStartLimit(1000, 1000, 0, 16);
        var engines = new[] { new FakeEngine(), new FakeEngine() };
        await using var hostA = await BotHarness.StartAsync(Shards("0-1"), useGatewayBot: true, engine: engines[0], sharedDiscord: discord);
        await using var hostB = await BotHarness.StartAsync(Shards("2-3"), useGatewayBot: true, engine: engines[1], sharedDiscord: discord);

        var byShard = new Dictionary<int, FakeGatewayConnection>();
        for (var i = 0; i < 4; i++)
        {
            var connection = await discord.AcceptSessionAsync(NoHeartbeatDue);
            byShard.Add(connection.Identified!.Shard[0], connection);
            Assert.Equal(4, connection.Identified.Shard[1]);
        }

        Assert.Equal([0, 1, 2, 3], byShard.Keys.Order());

        // Discord sends each guild's events on the shard (guild_id >> 22) % 4 only; DMs on shard 0.
        var sent = new List<(string Id, int Shard)>();
        var seq = 10;
        for (var n = 0; n < 10; n++)
        {
            for (var shard = 0; shard < 4; shard++)
            {
                var id = $"s{shard}n{n}";
                var guild = FakeDiscord.GuildOnShard(shard, 4, n);
                Assert.Equal(shard, FakeDiscord.ShardOf(guild, 4));
                await byShard[shard].SendInteractionAsync(++seq, FakeInteractions.Command(id, "help", userId: "user-" + id, guildId: guild));
                sent.Add((id, shard));
            }
        }

        await discord.WaitForCallsAsync(c => c.Path.EndsWith("/callback", StringComparison.Ordinal), sent.Count);
        foreach (var (id, _) in sent)
        {
            Assert.Single(discord.Calls, c => c.Path == FakeInteractions.CallbackPath(id));
        }

        string[] AnsweredBy(FakeEngine engine) => [.. engine.Asked.Select(m => m.UserId["user-".Length..]).Order()];
        Assert.Equal(sent.Where(s => s.Shard < 2).Select(s => s.Id).Order(), AnsweredBy(engines[0]));
        Assert.Equal(sent.Where(s => s.Shard >= 2).Select(s => s.Id).Order(), AnsweredBy(engines[1]));

        // Each host registered the commands once; per-shard health shows in the adapter's detail.
        Assert.Equal(2, discord.Calls.Count(c => c.Method == "PUT"));
        var health = Assert.Single(hostA.Services.GetServices<IAdapterHealth>(), h => h.Name == "discord");
        Assert.Equal(AdapterState.Connected, health.State);
        Assert.Equal("shard 0: gateway ready; shard 1: gateway ready", health.Detail);
    }

    private static Dictionary<string, string?> Shards(string shards) => new() { ["Discord:ShardCount"] = "4", ["Discord:Shards"] = shards };

    private static async Task<List<FakeGatewayConnection>> HelloToAllAsync(BotHarness bot, int count)
    {
        var connections = new List<FakeGatewayConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = await bot.Discord.NextConnectionAsync();
            await connection.SendHelloAsync(NoHeartbeatDue);
            connections.Add(connection);
        }

        return connections;
    }
}
