using AnatomyBot.Telegram.Storage;
using AnatomyBot.Testing.Postgres;
using Npgsql;

namespace AnatomyBot.Storage.Postgres.Tests;

/// <summary>
/// The store on a real PostgreSQL server, seen the way several replicas see it: separate stores (each with its own
/// connection pool, as separate processes have) on one database.
/// </summary>
public sealed class PostgresStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private readonly List<IDisposable> _owned = [];

    private async Task<PostgresTelegramStore> NewStoreAsync(string? connectionString = null)
    {
        var source = NpgsqlDataSource.Create(connectionString ?? await database.CreateAnotherAsync());
        var store = new PostgresTelegramStore(source);
        _owned.Add(store);
        _owned.Add(source);
        return store;
    }

    private async Task<(PostgresTelegramStore A, PostgresTelegramStore B)> TwoReplicasAsync()
    {
        var connectionString = await database.CreateAnotherAsync();
        return (await NewStoreAsync(connectionString), await NewStoreAsync(connectionString));
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
        var connectionString = await database.CreateAnotherAsync();
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewStoreAsync(connectionString)));

        await Task.WhenAll(stores.Select(s => s.MigrateAsync(default)));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand("SELECT string_agg(version::text, ',') FROM schema_version;", connection))
        {
            Assert.Equal(PostgresTelegramStore.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), await command.ExecuteScalarAsync());
        }

        await using (var command = new NpgsqlCommand("UPDATE schema_version SET version = 99;", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        var late = await NewStoreAsync(connectionString);
        var error = await Assert.ThrowsAsync<StoreUnusableException>(() => late.MigrateAsync(default));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Offsets_chats_subscriptions_polls_answers_and_scores_round_trip()
    {
        var store = await NewStoreAsync();
        Assert.Null(await store.GetUpdateOffsetAsync(default));
        await store.SetUpdateOffsetAsync(41, default);
        await store.SetUpdateOffsetAsync(42, default);
        Assert.Equal(42, await store.GetUpdateOffsetAsync(default));

        await store.MarkChatGoneAsync(-5, T0, default);
        Assert.True(await store.IsChatGoneAsync(-5, default));
        await store.MarkChatActiveAsync(-5, default);
        Assert.False(await store.IsChatGoneAsync(-5, default));

        await store.SaveSubscriptionAsync(-1, new TimeOnly(9, 30), "Europe/Berlin", T0, default);
        var subscription = await store.GetSubscriptionAsync(-1, default);
        Assert.Equal(new DailyQuizSubscription(-1, new TimeOnly(9, 30), "Europe/Berlin", T0, null, null), subscription);
        await store.MarkChatGoneAsync(-1, T0, default);
        Assert.Empty(await store.GetSubscriptionsAsync(default));
        await store.MarkChatActiveAsync(-1, default);
        Assert.Single(await store.GetSubscriptionsAsync(default));

        await store.RecordPollAsync(new PostedPoll("p1", -1, "q1", 2, 10, T0), default);
        Assert.Equal(new PostedPoll("p1", -1, "q1", 2, 10, T0), await store.GetPollAsync("p1", default));
        Assert.Null(await store.GetPollAsync("nope", default));
        Assert.Equal(["q1"], await store.GetAskedQuestionsAsync(-1, default));
        Assert.True(await store.RecordAnswerAsync("p1", 7, "Ana", true, default));
        Assert.False(await store.RecordAnswerAsync("p1", 7, "Ana", true, default));
        Assert.True(await store.RecordAnswerAsync("p1", 8, "Bo", false, default));
        Assert.False(await store.RecordAnswerAsync("unknown", 8, "Bo", true, default));
        Assert.Equal([new ScoreEntry(7, "Ana", 1), new ScoreEntry(8, "Bo", 0)], await store.GetLeaderboardAsync(-1, 10, default));
        await store.ResetQuizHistoryAsync(-1, default);
        Assert.Empty(await store.GetAskedQuestionsAsync(-1, default));

        Assert.True(await store.RemoveSubscriptionAsync(-1, default));
        Assert.False(await store.RemoveSubscriptionAsync(-1, default));
    }

    [PostgresFact]
    public async Task A_reserved_poll_is_completed_or_bound_to_the_first_answer()
    {
        var store = await NewStoreAsync();
        await store.ReservePollAsync(new PendingPoll("post-1", -1, "q1", 1, T0), default);
        Assert.Contains("q1", await store.GetAskedQuestionsAsync(-1, default));
        await store.CompletePollAsync("post-1", "poll-1", 55, T0, default);
        Assert.Equal(new PostedPoll("poll-1", -1, "q1", 1, 55, T0), await store.GetPollAsync("poll-1", default));

        await store.ReservePollAsync(new PendingPoll("post-2", -2, "q2", 0, T0), default);
        var bound = await store.BindPendingPollAsync("poll-2", 9, T0.AddMinutes(-1), default);
        Assert.Equal(new PostedPoll("poll-2", -2, "q2", 0, 0, T0), bound);
        Assert.Null(await store.BindPendingPollAsync("poll-3", 9, T0.AddMinutes(-1), default));
        await store.CompletePollAsync("post-2", "poll-2", 77, T0, default);
        Assert.Equal(77, (await store.GetPollAsync("poll-2", default))!.MessageId);
    }

    [PostgresFact]
    public async Task Chat_migration_moves_every_row_and_adds_scores()
    {
        var store = await NewStoreAsync();
        await store.SaveSubscriptionAsync(-1, new TimeOnly(9, 0), "UTC", T0, default);
        await store.RecordPollAsync(new PostedPoll("p1", -1, "q1", 0, 10, T0), default);
        await store.RecordPollAsync(new PostedPoll("p2", -2, "q2", 0, 11, T0), default);
        Assert.True(await store.RecordAnswerAsync("p1", 7, "Ana", true, default));
        Assert.True(await store.RecordAnswerAsync("p2", 7, "Ana", true, default));
        await store.MarkChatGoneAsync(-1, T0, default);

        await store.MigrateChatAsync(-1, -2, default);

        Assert.Null(await store.GetSubscriptionAsync(-1, default));
        Assert.Equal(new TimeOnly(9, 0), (await store.GetSubscriptionAsync(-2, default))!.Time);
        Assert.Equal(-2, (await store.GetPollAsync("p1", default))!.ChatId);
        Assert.Equal(["q1", "q2"], (await store.GetAskedQuestionsAsync(-2, default)).Order().ToArray());
        Assert.Empty(await store.GetLeaderboardAsync(-1, 10, default));
        Assert.Equal(2, Assert.Single(await store.GetLeaderboardAsync(-2, 10, default)).Score);
        Assert.False(await store.IsChatGoneAsync(-2, default));
    }

    [PostgresFact]
    public async Task The_daily_quiz_is_claimed_once_per_chat_and_day_across_replicas()
    {
        var (a, b) = await TwoReplicasAsync();
        await a.SaveSubscriptionAsync(-1, new TimeOnly(9, 0), "UTC", T0.AddDays(-1), default);
        var day = DateOnly.FromDateTime(T0.UtcDateTime);

        // Both replicas saw "not posted yet" and race for the claim, many times over on fresh chats.
        var wins = 0;
        for (var chat = -100L; chat > -120; chat--)
        {
            await a.SaveSubscriptionAsync(chat, new TimeOnly(9, 0), "UTC", T0.AddDays(-1), default);
            var results = await Task.WhenAll(
                a.TryClaimDailyPostAsync(chat, null, day, T0, default),
                b.TryClaimDailyPostAsync(chat, null, day, T0.AddMilliseconds(1), default));
            Assert.Equal(1, results.Count(r => r));
            wins++;
        }

        Assert.Equal(20, wins);
        Assert.True(await a.TryClaimDailyPostAsync(-1, null, day, T0, default));
        Assert.False(await b.TryClaimDailyPostAsync(-1, null, day, T0, default));
        var claimed = await b.GetSubscriptionAsync(-1, default);
        Assert.Equal(T0, claimed!.LastPostedAt);
        Assert.Equal(day, claimed.LastPostedLocalDate);
        Assert.True(await b.TryClaimDailyPostAsync(-1, T0, day.AddDays(1), T0.AddDays(1), default));
    }

    [PostgresFact]
    public async Task Inbox_updates_are_claimed_by_one_replica_at_a_time_and_retried_after_a_dead_claim_expires()
    {
        var (a, b) = await TwoReplicasAsync();
        for (var id = 1; id <= 30; id++)
        {
            Assert.True(await (id % 2 == 0 ? a : b).EnqueueWebhookUpdateAsync(id, $$"""{"update_id":{{id}}}""", T0, default));
        }

        Assert.False(await a.EnqueueWebhookUpdateAsync(3, "{}", T0, default));
        var lease = TimeSpan.FromSeconds(30);

        // Three replicas claim at the same moment: every update goes to exactly one of them.
        var claims = await Task.WhenAll(
            a.ClaimWebhookUpdatesAsync("r1", 10, T0, lease, default),
            b.ClaimWebhookUpdatesAsync("r2", 10, T0, lease, default),
            a.ClaimWebhookUpdatesAsync("r3", 10, T0, lease, default));
        var all = claims.SelectMany(c => c.Select(u => u.UpdateId)).ToList();
        Assert.Equal(30, all.Count);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), all.Order());
        Assert.All(claims, c => Assert.Equal(c.Select(u => u.UpdateId).Order(), c.Select(u => u.UpdateId)));
        Assert.Empty(await b.ClaimWebhookUpdatesAsync("r4", 10, T0.AddSeconds(29), lease, default));

        // r1 and r2 complete theirs; r3 dies. Its claims go to another replica once they expired, not before.
        foreach (var update in claims[0].Concat(claims[1]))
        {
            await b.CompleteWebhookUpdateAsync(update.UpdateId, T0, default);
        }

        Assert.Equal(claims[0].Count + claims[1].Count, (await Task.WhenAll(all.Select(id => a.IsUpdateHandledAsync(id, default)))).Count(h => h));
        Assert.Empty(await a.ClaimWebhookUpdatesAsync("r1", 10, T0.AddSeconds(29), lease, default));
        var retaken = await a.ClaimWebhookUpdatesAsync("r1", 10, T0.AddSeconds(31), lease, default);
        Assert.Equal(claims[2].Select(u => u.UpdateId), retaken.Select(u => u.UpdateId));
        Assert.Equal(claims[2].Count, await b.CountWebhookInboxAsync(default));

        // A replica restarted under the same name takes its own live claims back at once.
        Assert.Equal(retaken.Select(u => u.UpdateId), (await b.ClaimWebhookUpdatesAsync("r1", 10, T0.AddSeconds(32), lease, default)).Select(u => u.UpdateId));
    }

    [PostgresFact]
    public async Task A_redelivery_that_slips_in_after_completion_is_not_handed_out_again()
    {
        var (a, b) = await TwoReplicasAsync();
        await a.EnqueueWebhookUpdateAsync(5, "{}", T0, default);
        Assert.Single(await a.ClaimWebhookUpdatesAsync("r1", 10, T0, TimeSpan.FromSeconds(30), default));
        await a.CompleteWebhookUpdateAsync(5, T0, default);
        Assert.False(await b.EnqueueWebhookUpdateAsync(5, "{}", T0, default));
        Assert.Empty(await b.ClaimWebhookUpdatesAsync("r2", 10, T0.AddMinutes(5), TimeSpan.FromSeconds(30), default));
    }

    [PostgresFact]
    public async Task One_replica_holds_the_polling_lease_until_it_expires_or_is_released()
    {
        var (a, b) = await TwoReplicasAsync();
        var lease = TimeSpan.FromSeconds(9);

        var first = await Task.WhenAll(
            a.TryAcquireLeaseAsync("telegram-polling", "r1", T0, lease, default),
            b.TryAcquireLeaseAsync("telegram-polling", "r2", T0, lease, default));
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
}
