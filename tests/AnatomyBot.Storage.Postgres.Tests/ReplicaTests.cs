using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Testing.Postgres;
using Npgsql;

namespace AnatomyBot.Storage.Postgres.Tests;

/// <summary>
/// What replicas share, seen the way separate processes see it: separate provider instances, each with its own
/// connection pool, on one database of a real PostgreSQL server.
/// </summary>
public sealed class ReplicaTests(PostgresClassDatabase fixture) : IClassFixture<PostgresClassDatabase>, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private const string Stream = "telegram";
    private readonly List<IDisposable> _owned = [];

    private sealed record Replica(PostgresDatabase Database, PostgresUpdateInbox Inbox, PostgresDailyQuizStore Daily, PostgresQuizStore Quiz);

    private Replica Open(string connectionString)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        var database = new PostgresDatabase(source);
        _owned.Add(database);
        _owned.Add(source);
        return new Replica(database, new PostgresUpdateInbox(database), new PostgresDailyQuizStore(database), new PostgresQuizStore(database));
    }

    private async Task<Replica[]> ReplicasAsync(int count)
    {
        var connectionString = await fixture.CreateAnotherAsync();
        return Enumerable.Range(0, count).Select(_ => Open(connectionString)).ToArray();
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    [PostgresFact]
    public async Task Replicas_starting_together_migrate_once_and_a_newer_schema_is_refused()
    {
        var connectionString = await fixture.CreateAnotherAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => Open(connectionString)).ToArray();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Database.MigrateAsync(default))));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("SELECT string_agg(version::text, ',') FROM schema_version;", connection))
        {
            Assert.Equal(PostgresDatabase.LatestVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), await command.ExecuteScalarAsync());
        }

        await using (var command = new NpgsqlCommand("UPDATE schema_version SET version = 99;", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var late = Open(connectionString);
        var error = await Assert.ThrowsAsync<StorageUnusableException>(() => late.Database.MigrateAsync(default));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_daily_quiz_is_claimed_once_per_chat_and_day_by_racing_replicas()
    {
        var replicas = await ReplicasAsync(3);
        var day = DateOnly.FromDateTime(T0.UtcDateTime);
        for (var chat = 1; chat <= 20; chat++)
        {
            var key = new ChatKey("telegram", $"-{chat}");
            await replicas[0].Daily.SaveSubscriptionAsync(key, new TimeOnly(9, 0), "UTC", T0.AddDays(-1), default);
            // Every replica saw "not posted today" and claims at once.
            var results = await Task.WhenAll(replicas.Select((r, i) => Task.Run(() => r.Daily.TryClaimDailyPostAsync(key, null, day, T0.AddMilliseconds(i), default))));
            Assert.Equal(1, results.Count(won => won));
        }
    }

    [PostgresFact]
    public async Task Inbox_updates_are_claimed_by_one_replica_at_a_time_and_a_dead_replicas_claims_are_retried_after_they_expire()
    {
        var replicas = await ReplicasAsync(3);
        for (var id = 1; id <= 30; id++)
        {
            Assert.True(await replicas[id % 3].Inbox.EnqueueAsync(Stream, id, $$"""{"update_id":{{id}}}""", T0, default));
        }

        var claim = TimeSpan.FromSeconds(30);
        var claims = await Task.WhenAll(replicas.Select((r, i) => Task.Run(() => r.Inbox.ClaimAsync(Stream, $"r{i}", 10, T0, claim, default))));
        var all = claims.SelectMany(c => c.Select(u => u.UpdateId)).ToList();
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Order());
        Assert.All(claims, c => Assert.Equal(c.Select(u => u.UpdateId).Order(), c.Select(u => u.UpdateId)));
        Assert.Empty(await replicas[0].Inbox.ClaimAsync(Stream, "r9", 10, T0.AddSeconds(29), claim, default));

        // r0 and r1 complete theirs; r2 dies. Its claims go to another replica once they expired, not before.
        foreach (var update in claims[0].Concat(claims[1]))
        {
            await replicas[1].Inbox.CompleteAsync(Stream, update.UpdateId, T0, default);
        }

        Assert.Empty(await replicas[0].Inbox.ClaimAsync(Stream, "r0", 10, T0.AddSeconds(29), claim, default));
        var retaken = await replicas[0].Inbox.ClaimAsync(Stream, "r0", 10, T0.AddSeconds(31), claim, default);
        Assert.Equal(claims[2].Select(u => u.UpdateId), retaken.Select(u => u.UpdateId));
        Assert.Equal(claims[2].Count, await replicas[1].Inbox.CountPendingAsync(Stream, default));

        // A replica restarted under the same id takes its own live claims back at once.
        Assert.Equal(retaken.Select(u => u.UpdateId),
            (await replicas[2].Inbox.ClaimAsync(Stream, "r0", 10, T0.AddSeconds(32), claim, default)).Select(u => u.UpdateId));
    }

    [PostgresFact]
    public async Task Replicas_draining_one_inbox_get_different_updates_in_small_claims()
    {
        var replicas = await ReplicasAsync(2);
        for (var id = 1; id <= 25; id++)
        {
            await replicas[0].Inbox.EnqueueAsync(Stream, id, "{}", T0, default);
        }

        var a = new ReplicaUpdateInbox(replicas[0].Inbox, new ReplicaIdentity("a"), TimeProvider.System, TimeSpan.FromSeconds(30));
        var b = new ReplicaUpdateInbox(replicas[1].Inbox, new ReplicaIdentity("b"), TimeProvider.System, TimeSpan.FromSeconds(30));
        var first = await a.GetPendingAsync(Stream, 100, default);
        var second = await b.GetPendingAsync(Stream, 100, default);
        Assert.Equal(Enumerable.Range(1, ReplicaUpdateInbox.MaxClaim).Select(i => (long)i), first.Select(u => u.UpdateId));
        Assert.Equal(Enumerable.Range(ReplicaUpdateInbox.MaxClaim + 1, ReplicaUpdateInbox.MaxClaim).Select(i => (long)i), second.Select(u => u.UpdateId));
        // Handed out again to the same replica (a restarted worker) until completed.
        Assert.Equal(first, await a.GetPendingAsync(Stream, 100, default));
    }

    [PostgresFact]
    public async Task A_redelivery_that_slips_in_after_completion_is_not_handed_out_again()
    {
        var replicas = await ReplicasAsync(2);
        await replicas[0].Inbox.EnqueueAsync(Stream, 5, "{}", T0, default);
        Assert.Single(await replicas[0].Inbox.ClaimAsync(Stream, "r0", 10, T0, TimeSpan.FromSeconds(30), default));
        await replicas[0].Inbox.CompleteAsync(Stream, 5, T0, default);
        Assert.False(await replicas[1].Inbox.EnqueueAsync(Stream, 5, "{}", T0, default));
        Assert.Empty(await replicas[1].Inbox.ClaimAsync(Stream, "r1", 10, T0.AddMinutes(5), TimeSpan.FromSeconds(30), default));
    }

    [PostgresFact]
    public async Task Replicas_take_the_turns_of_a_pace_between_them_one_per_interval()
    {
        var replicas = await ReplicasAsync(3);
        var turns = replicas.Select((r, i) => new PostgresTurnClaims(r.Database, new($"r{i}"))).ToArray();
        var interval = TimeSpan.FromSeconds(5);

        Assert.Null(await turns[0].TryTakeTurnAsync("discord-identify/0", T0, interval, default));
        Assert.Equal(T0 + interval, await turns[1].TryTakeTurnAsync("discord-identify/0", T0.AddSeconds(1), interval, default));
        Assert.Null(await turns[1].TryTakeTurnAsync("discord-identify/1", T0.AddSeconds(1), interval, default)); // another bucket
        Assert.Null(await turns[1].TryTakeTurnAsync("discord-identify/0", T0 + interval, interval, default));
        // Not even the replica that held the turn before takes it early.
        Assert.Equal(T0 + (2 * interval), await turns[0].TryTakeTurnAsync("discord-identify/0", T0 + interval, interval, default));

        // Replicas racing for the next turn: one takes it, the others learn when the one after is due.
        var at = T0 + (2 * interval);
        var results = await Task.WhenAll(Enumerable.Range(0, 9).Select(i => Task.Run(() => turns[i % 3].TryTakeTurnAsync("discord-identify/0", at, interval, default))));
        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(at + interval, r));

        // A turn is no lease: it never takes the polling lease's place, nor the other way round.
        Assert.True(await replicas[0].Inbox.TryAcquireLeaseAsync("discord-identify/0", "r0", at, interval, default));
    }

    [PostgresFact]
    public async Task One_replica_holds_a_lease_until_it_expires_or_is_released()
    {
        var replicas = await ReplicasAsync(2);
        var (a, b) = (replicas[0].Inbox, replicas[1].Inbox);
        var lease = TimeSpan.FromSeconds(9);

        var first = await Task.WhenAll(
            Task.Run(() => a.TryAcquireLeaseAsync("telegram-polling", "r1", T0, lease, default)),
            Task.Run(() => b.TryAcquireLeaseAsync("telegram-polling", "r2", T0, lease, default)));
        Assert.Equal(1, first.Count(held => held));
        var (holder, other) = first[0] ? ("r1", "r2") : ("r2", "r1");

        Assert.True(await a.TryAcquireLeaseAsync("telegram-polling", holder, T0.AddSeconds(3), lease, default));
        Assert.False(await b.TryAcquireLeaseAsync("telegram-polling", other, T0.AddSeconds(11), lease, default));
        // The holder died after its renewal at +3 s: the lease runs to +12 s, then the other replica takes it.
        Assert.True(await b.TryAcquireLeaseAsync("telegram-polling", other, T0.AddSeconds(12.1), lease, default));
        Assert.False(await a.TryAcquireLeaseAsync("telegram-polling", holder, T0.AddSeconds(13), lease, default));

        await b.ReleaseLeaseAsync("telegram-polling", other, default);
        Assert.True(await a.TryAcquireLeaseAsync("telegram-polling", holder, T0.AddSeconds(14), lease, default));
    }

    [PostgresFact]
    public async Task Two_replicas_binding_the_same_pending_poll_bind_it_once()
    {
        var replicas = await ReplicasAsync(2);
        var chat = new ChatKey("telegram", "-1");
        await replicas[0].Quiz.ReservePostAsync(new QuizPost("post-1", chat, "q1", 1, T0), default);
        var user = new UserKey("telegram", "7");
        var bound = await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Quiz.BindPendingPostAsync("poll-1", user, T0.AddHours(-1), default))));
        Assert.Single(bound, b => b is not null);
        Assert.Equal("poll-1", (await replicas[1].Quiz.GetPostAsync("post-1", default))!.ExternalId);
    }
}
