using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Postgres;
using AnatomyBot.Testing.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AnatomyBot.Storage.Postgres.Tests;

/// <summary>
/// Telegram long polling with replicas: Telegram adapters in their own hosts (each with its own connection pool) on one
/// database of a real PostgreSQL server and one fake Bot API, all on one fake clock. Only the holder of the polling lease
/// polls; another takes over from the stored offset when it stops, when its lease expires (it died) or when it loses it.
/// </summary>
public sealed class PollingLeaseTests(PostgresClassDatabase fixture) : IClassFixture<PostgresClassDatabase>
{
    private const string Lease = "telegram-polling";

    /// <summary>Telegram:PollingLeaseSeconds here: renewed, and tried by standbys, every 2 s of the fake clock.</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);

    private static Task<AdapterHarness> StartReplicaAsync(TestWorld world, string database, string name, bool start = true)
    {
        var storage = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = database,
            ["Storage:ReplicaId"] = name,
        }).Build();
        return AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine,
            settings: new Dictionary<string, string?> { ["Telegram:PollingLeaseSeconds"] = "6" },
            start: start,
            configure: services => services.AddPostgresStorage(storage));
    }

    private static string Detail(AdapterHarness replica) =>
        replica.Services.GetServices<IAdapterHealth>().Single(h => h.Name == "telegram").Detail ?? "";

    /// <summary>Waits for the replica's Telegram health, moving the fake clock on in small steps meanwhile (renewals, tries).</summary>
    private static Task PumpUntilDetailAsync(TestWorld world, AdapterHarness replica, Func<string, bool> condition) =>
        Wait.UntilAsync(() => condition(Detail(replica)), onIdle: () => world.Clock.Advance(Step),
            describe: () => $"the replica's Telegram health says '{Detail(replica)}'", pollMilliseconds: 20);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);

    private static bool IsStandingBy(string detail) => detail.StartsWith("standing by", StringComparison.Ordinal);

    private static long[] Enqueue(TestWorld world, long firstChat, int count) =>
        [.. Enumerable.Range(0, count).Select(i => firstChat + i).Select(chat => { world.Server.Enqueue(Tg.Private("psoas", chat)); return chat; })];

    /// <summary>Waits until every chat got an answer, moving the fake clock on in small steps meanwhile.</summary>
    private static Task PumpUntilAnsweredAsync(TestWorld world, IEnumerable<long> chats)
    {
        var expected = chats.ToHashSet();
        return world.PumpUntilAsync(s => expected.IsSubsetOf(s.Calls("sendMessage").Select(c => c.ChatId)), Step);
    }

    private static void AnsweredOnce(TestWorld world, IEnumerable<long> chats)
    {
        var answers = world.Server.Calls("sendMessage").Select(c => c.ChatId).ToList();
        foreach (var chat in chats)
        {
            Assert.Equal(1, answers.Count(a => a == chat));
        }
    }

    /// <summary>Runs <paramref name="sql"/> on the polling lease's row (parameter <c>@n</c>, its name) from outside the replicas.</summary>
    private static async Task<int> OnLeaseAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("n", Lease);
        return await command.ExecuteNonQueryAsync();
    }

    [PostgresFact]
    public async Task One_replica_polls_and_a_standby_takes_over_from_the_stored_offset_when_it_stops()
    {
        var database = await fixture.CreateAnotherAsync();
        await using var world = await TestWorld.CreateAsync();
        await using var first = await StartReplicaAsync(world, database, "r1");
        await PumpUntilDetailAsync(world, first, d => d == "polling");
        await using var second = await StartReplicaAsync(world, database, "r2");
        await PumpUntilDetailAsync(world, second, IsStandingBy);

        var before = Enqueue(world, 5001, 5);
        await PumpUntilAnsweredAsync(world, before);
        // Confirmed to Telegram (the next getUpdates carries the stored offset), so the stop below interrupts no update
        // (one not yet answered at a stop is handled by the next poller; one answered keeps its offset: CleanStopTests).
        await world.PumpUntilAsync(s => s.PendingUpdates == 0, Step);
        // Both running, the standby never polled beside the holder.
        Assert.Equal(1, world.Server.MostPollsInFlight);

        // A clean stop gives the lease up: the standby takes it at its next try and goes on from the stored offset.
        using (var guard = new CancellationTokenSource(Wait.Guard))
        {
            await first.Host.StopAsync(guard.Token);
        }

        await PumpUntilDetailAsync(world, second, d => d == "polling");
        var after = Enqueue(world, 6001, 5);
        await PumpUntilAnsweredAsync(world, after);

        AnsweredOnce(world, [.. before, .. after]);
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("took the Telegram polling lease", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_replica_that_died_holding_the_lease_is_replaced_when_the_lease_expires()
    {
        var database = await fixture.CreateAnotherAsync();
        await using var world = await TestWorld.CreateAsync();
        await using var replica = await StartReplicaAsync(world, database, "r2", start: false);
        await replica.Services.GetRequiredService<IStorageSchema>().MigrateAsync(default);
        // A replica took the lease at the current time and died: nobody renews it.
        Assert.True(await replica.Services.GetRequiredService<IReplicaCoordination>()
            .TryAcquireLeaseAsync(Lease, "dead", world.Clock.GetUtcNow(), LeaseDuration, default));
        var expires = world.Clock.GetUtcNow() + LeaseDuration;
        await replica.Host.StartAsync();
        // The first try needs no timer: the clock stays put until it failed, however long the start takes.
        await Wait.UntilAsync(() => IsStandingBy(Detail(replica)), describe: () => $"the replica's Telegram health says '{Detail(replica)}'");
        var chats = Enqueue(world, 7001, 3);

        await PumpUntilAnsweredAsync(world, chats);
        AnsweredOnce(world, chats);
        Assert.Equal("polling", Detail(replica));
        // Nobody polled while the dead replica's lease ran; the standby took over at its first try after it expired.
        var firstPoll = world.Server.Calls("getUpdates")[0].At;
        Assert.True(firstPoll >= expires, $"polled at {firstPoll:O}, before the dead replica's lease expired at {expires:O}");
    }

    [PostgresFact]
    public async Task A_poller_that_finds_another_replica_holding_the_lease_stops_polling_until_it_can_take_it_back()
    {
        var database = await fixture.CreateAnotherAsync();
        await using var world = await TestWorld.CreateAsync();
        await using var replica = await StartReplicaAsync(world, database, "r1");
        await PumpUntilDetailAsync(world, replica, d => d == "polling");

        // As if this replica had stalled past its lease and another had taken it meanwhile.
        Assert.Equal(1, await OnLeaseAsync(database, "UPDATE leases SET owner = 'other', until_ms = until_ms + 3600000 WHERE name = @n;"));

        await PumpUntilDetailAsync(world, replica, IsStandingBy);
        Assert.Contains(replica.Logs.Entries, e => e.Message.Contains("lost the Telegram polling lease (another replica holds it now)", StringComparison.Ordinal));

        Assert.Equal(1, await OnLeaseAsync(database, "DELETE FROM leases WHERE name = @n;"));

        var chats = Enqueue(world, 8001, 3);
        await PumpUntilAnsweredAsync(world, chats);
        AnsweredOnce(world, chats);
        // Taken at start, lost, taken back.
        Assert.Equal(2, replica.Logs.Entries.Count(e => e.Message.Contains("took the Telegram polling lease", StringComparison.Ordinal)));
    }
}
