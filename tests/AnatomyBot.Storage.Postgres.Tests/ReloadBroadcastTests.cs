using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AnatomyBot.Storage.Postgres.Tests;

/// <summary>A reload on one replica reloads the others, through LISTEN/NOTIFY on a real server.</summary>
public sealed class ReloadBroadcastTests(PostgresClassDatabase database) : IClassFixture<PostgresClassDatabase>
{
    private sealed class CountingReloader(bool succeeds = true) : IKnowledgeReloader
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task<ReloadResult> ReloadAsync(CancellationToken cancellationToken)
        {
            var count = Interlocked.Increment(ref _count);
            return Task.FromResult(succeeds
                ? ReloadResult.Success(new ReloadReport(1, 1, 1, 1, [], [], [], $"v{count}"))
                : ReloadResult.Failure([new KnowledgeError("topics/x.yaml", 3, "title", "missing")]));
        }
    }

    [PostgresFact]
    public async Task A_moderators_reload_on_one_replica_reloads_every_other_replica_once()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var local = new[] { new CountingReloader(), new CountingReloader(), new CountingReloader() };
        var broadcasts = local.Select((reloader, i) => new ReloadBroadcast(source, reloader, new ReplicaIdentity($"r{i}"),
            TimeProvider.System, NullLogger<ReloadBroadcast>.Instance)).ToArray();
        foreach (var broadcast in broadcasts)
        {
            await broadcast.StartAsync(default);
        }

        try
        {
            await Task.WhenAll(broadcasts.Select(b => b.Listening.WaitAsync(Wait.Guard)));
            var moderatorsReload = new BroadcastingKnowledgeReloader(local[0], () => broadcasts[0], NullLogger<BroadcastingKnowledgeReloader>.Instance);

            var result = await moderatorsReload.ReloadAsync(default);

            Assert.True(result.Succeeded);
            await Wait.UntilAsync(() => local[1].Count == 1 && local[2].Count == 1);
            Assert.Equal(1, local[0].Count);
        }
        finally
        {
            foreach (var broadcast in broadcasts)
            {
                await broadcast.StopAsync(default);
                broadcast.Dispose();
            }
        }

        Assert.All(local.Skip(1), r => Assert.Equal(1, r.Count));
    }

    [PostgresFact]
    public async Task A_reload_that_failed_here_is_not_broadcast()
    {
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        var failing = new CountingReloader(succeeds: false);
        using var sender = new ReloadBroadcast(source, failing, new ReplicaIdentity("a"), TimeProvider.System, NullLogger<ReloadBroadcast>.Instance);
        await using var listener = await source.OpenConnectionAsync();
        var notices = new System.Collections.Concurrent.ConcurrentQueue<string>();
        listener.Notification += (_, e) => notices.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ReloadBroadcast.Channel};", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }

        var result = await new BroadcastingKnowledgeReloader(failing, () => sender, NullLogger<BroadcastingKnowledgeReloader>.Instance).ReloadAsync(default);
        Assert.False(result.Succeeded);

        // A marker sent afterwards arrives after anything the failed reload might have sent (notices keep commit order).
        await using (var marker = new NpgsqlCommand($"NOTIFY {ReloadBroadcast.Channel}, 'marker';", listener))
        {
            await marker.ExecuteNonQueryAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!notices.Contains("marker"))
        {
            await listener.WaitAsync(timeout.Token);
        }

        Assert.Equal(["marker"], notices);
    }
}
