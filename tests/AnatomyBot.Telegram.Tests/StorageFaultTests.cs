using System.Net;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Telegram.Webhook;
using AnatomyBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Tests;

/// <summary>
/// Storage faults as an operator meets them, against the real SQLite store: a second connection holding the write
/// lock past the busy timeout, a corrupt or non-database file, a path that cannot be a database, a read-only file.
/// </summary>
public sealed class StorageFaultTests
{
    private static Dictionary<string, string?> ShortBusyTimeout(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Storage:BusyTimeoutSeconds"] = "1";
        settings["Telegram:PerChatIntervalMilliseconds"] = "0";
        return settings;
    }

    private static IAdapterHealth Health(AdapterHarness adapter) =>
        Assert.Single(adapter.Services.GetServices<IAdapterHealth>(), h => h.Name == "telegram");

    /// <summary>The engine, asked <paramref name="text"/>, lets a second connection take the database's write lock.</summary>
    private static StrongBox<WriteLock?> LockWhenAsked(TestWorld world, string text)
    {
        var held = new StrongBox<WriteLock?>();
        world.Engine.Respond = m =>
        {
            if (m.Text == text)
            {
                held.Value = WriteLock.Take(world.DatabasePath);
            }

            return FakeEngine.TextReply("You asked: " + m.Text);
        };
        return held;
    }

    private static void AssertAnsweredOnce(TestWorld world, params string[] texts)
    {
        var answered = world.Server.Calls("sendMessage").Select(c => c.Text).ToList();
        foreach (var text in texts)
        {
            Assert.True(answered.Count(a => a.Contains(text, StringComparison.Ordinal)) == 1,
                $"'{text}' was answered {answered.Count(a => a.Contains(text, StringComparison.Ordinal))} time(s); answers: {string.Join(" | ", answered)}");
        }
    }

    [Fact]
    public async Task Webhook_worker_survives_a_store_locked_past_the_busy_timeout_and_nothing_is_lost_or_repeated()
    {
        await using var world = await TestWorld.CreateAsync();
        using var metrics = new MetricRecorder();
        // Another process takes the write lock while "two" is being handled: marking it handled fails.
        var held = LockWhenAsked(world, "two");
        await using var adapter = await world.StartAdapterAsync(settings: ShortBusyTimeout(WebhookTests.WebhookSettings()));
        await using var listener = await WebhookTests.Listener.StartAsync(adapter.Services);
        var health = Health(adapter);
        await HealthTests.WaitForStateAsync(health, AdapterState.Connected);

        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(1, Tg.Private("one", userId: 501))));
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(2, Tg.Private("two", userId: 502))));
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 2);
        await HealthTests.WaitForStateAsync(health, AdapterState.Degraded);
        Assert.Contains("storage", health.Detail);

        // While the store refuses writes nothing is acknowledged that is not stored: Telegram gets 503 and retries.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await listener.PostAsync(WebhookTests.Update(3, Tg.Private("three", userId: 503))));

        held.Value!.Dispose();
        await HealthTests.WaitForStateAsync(health, AdapterState.Connected, world);
        // Telegram's retries: update 3 again (now stored) and update 2 again (already handled).
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(3, Tg.Private("three", userId: 503))));
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(2, Tg.Private("two", userId: 502))));
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(4, Tg.Private("four", userId: 504))));
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 4);
        var queue = adapter.Services.GetRequiredService<TelegramWebhookQueue>();
        await Wait.UntilAsync(() => queue.Pending == 0);

        AssertAnsweredOnce(world, "one", "two", "three", "four");
        Assert.Equal(0, await adapter.Store.CountWebhookInboxAsync(default));
        Assert.True(await adapter.Store.IsUpdateHandledAsync(2, default));
        Assert.Contains(adapter.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Storage:Path", StringComparison.Ordinal));
        Assert.DoesNotContain(adapter.Logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.True(metrics.Sum("anatomybot_storage_errors_total") >= 1);
        Assert.Equal(0, metrics.Sum("anatomybot_storage_degraded"));
        Assert.Equal(0, metrics.Sum("anatomybot_telegram_webhook_worker_restarts_total"));
    }

    [Fact]
    public async Task Webhook_inbox_left_by_a_dead_process_is_drained_at_the_next_start()
    {
        await using var world = await TestWorld.CreateAsync();
        await using (var first = await world.StartAdapterAsync(settings: WebhookTests.WebhookSettings()))
        {
            await first.Store.MigrateAsync(default);
        }

        // What a process killed right after answering 200 leaves behind: stored updates, not handled.
        using (var store = TelegramStoreView.Open(world.DatabasePath))
        {
            for (var i = 1; i <= 3; i++)
            {
                Assert.True(await store.EnqueueWebhookUpdateAsync(i, WebhookTests.Update(i, Tg.Private($"stored {i}", userId: 600 + i)).ToJsonString(), world.Clock.GetUtcNow(), default));
            }

            Assert.False(await store.EnqueueWebhookUpdateAsync(2, "{}", world.Clock.GetUtcNow(), default));
        }

        await using var restarted = await world.StartAdapterAsync(settings: WebhookTests.WebhookSettings());
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 3);
        await Wait.UntilAsync(() => restarted.Store.CountWebhookInboxAsync(default).GetAwaiter().GetResult() == 0);

        Assert.Equal(["stored 1", "stored 2", "stored 3"], world.Engine.Asked.Select(m => m.Text));
    }

    [Fact]
    public async Task Polling_keeps_answering_while_the_offset_cannot_be_stored_and_a_restart_repeats_nothing()
    {
        await using var world = await TestWorld.CreateAsync();
        using var metrics = new MetricRecorder();
        var held = LockWhenAsked(world, "one");
        world.Server.Enqueue(Tg.Private("one", userId: 701));
        world.Server.Enqueue(Tg.Private("two", userId: 702));
        var last = world.Server.Enqueue(Tg.Private("three", userId: 703));
        await using (var adapter = await world.StartAdapterAsync(settings: ShortBusyTimeout()))
        {
            var health = Health(adapter);

            // Questions need no write: all are answered while the lock is held, and Telegram confirms each one.
            await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 3 && s.ConfirmedOffset > last);
            Assert.Equal(AdapterState.Degraded, health.State);
            Assert.Contains("store the update offset", health.Detail);
            Assert.False(adapter.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

            held.Value!.Dispose();
            last = world.Server.Enqueue(Tg.Private("four", userId: 704));
            await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 4);
            await HealthTests.WaitForStateAsync(health, AdapterState.Connected, world);
            await Wait.UntilAsync(() => adapter.Store.GetUpdateOffsetAsync(default).GetAwaiter().GetResult() == last + 1);
        }

        var fifth = world.Server.Enqueue(Tg.Private("five", userId: 705));
        await using (var restarted = await world.StartAdapterAsync(settings: ShortBusyTimeout()))
        {
            await world.PumpUntilAsync(s => s.ConfirmedOffset > fifth);
        }

        Assert.Equal(["one", "two", "three", "four", "five"], world.Engine.Asked.Select(m => m.Text));
        AssertAnsweredOnce(world, "one", "two", "three", "four", "five");
        Assert.True(metrics.Sum("anatomybot_storage_errors_total", ("operation", "store the update offset")) >= 1);
    }

    [Theory]
    [InlineData("not-a-database")]
    [InlineData("damaged")]
    public async Task An_unusable_database_file_stops_the_host_with_a_message_naming_Storage_Path(string kind)
    {
        await using var world = await TestWorld.CreateAsync();
        if (kind == "damaged")
        {
            using (var store = TelegramStoreView.Open(world.DatabasePath))
            {
                await store.MigrateAsync(default);
                for (var i = 0; i < 200; i++)
                {
                    await store.SaveSubscriptionAsync(-1000 - i, new TimeOnly(9, 0), "UTC", world.Clock.GetUtcNow(), default);
                }
            }

            DatabaseFiles.Damage(world.DatabasePath);
        }
        else
        {
            DatabaseFiles.WriteGarbage(world.DatabasePath);
        }

        await using var adapter = await world.StartAdapterAsync();
        var stopping = new TaskCompletionSource();
        adapter.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
        await stopping.Task.WaitAsync(Wait.Guard);

        var critical = Assert.Single(adapter.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("Storage:Path", critical.Message);
        Assert.Contains(world.DatabasePath, critical.Message);
        Assert.Contains("restore the file from a backup", critical.Message);
        Assert.Equal(AdapterState.Failed, Health(adapter).State);
        Assert.Empty(world.Server.Calls("getUpdates"));
        // One critical line says what to do; no loop dies with a stack trace.
        Assert.DoesNotContain(adapter.Logs.Entries, e => e.Exception is not null || e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task A_storage_path_that_is_a_directory_or_under_a_file_stops_the_host_with_the_key_named()
    {
        await using var world = await TestWorld.CreateAsync();
        var underFile = Path.Combine(world.Directory, "plain-file");
        await File.WriteAllTextAsync(underFile, "x");
        foreach (var path in new[] { world.Directory, Path.Combine(underFile, "bot.db") })
        {
            await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, path, world.Clock, world.Engine);
            var stopping = new TaskCompletionSource();
            adapter.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            await stopping.Task.WaitAsync(Wait.Guard);
            Assert.Contains(adapter.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("Storage:Path", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_read_only_database_degrades_the_adapter_but_questions_are_still_answered()
    {
        await using var world = await TestWorld.CreateAsync();
        await using (var first = await world.StartAdapterAsync())
        {
            await world.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);
            await first.Store.SetUpdateOffsetAsync(1, default);
        }

        SqliteConnection.ClearAllPools();
        if (!DatabaseFiles.MakeReadOnly(world.DatabasePath))
        {
            // Root without CAP_LINUX_IMMUTABLE: the file cannot be made read-only for this process.
            return;
        }

        try
        {
            var last = world.Server.Enqueue(Tg.Private("read only?", userId: 801));
            await using var adapter = await world.StartAdapterAsync(settings: ShortBusyTimeout());
            await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1 && s.ConfirmedOffset > last);
            Assert.Equal(AdapterState.Degraded, Health(adapter).State);
            Assert.Contains("readonly", Health(adapter).Detail, StringComparison.OrdinalIgnoreCase);
            Assert.False(adapter.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        }
        finally
        {
            DatabaseFiles.MakeWritable(world.DatabasePath);
        }
    }
}

/// <summary>The webhook worker is supervised: a failure restarts it with back-off, and the inbox is still drained.</summary>
public sealed class WebhookWorkerSupervisionTests
{
    [Fact]
    public async Task A_worker_that_fails_restarts_itself_reports_degraded_meanwhile_and_drains_the_inbox()
    {
        await using var world = await TestWorld.CreateAsync();
        using var metrics = new MetricRecorder();
        // A bug, not a storage fault: the worker's read of the inbox throws twice.
        var (store, faults) = FaultyStore.Create(world.DatabasePath, nameof(IUpdateInbox.GetPendingAsync), 2,
            () => new InvalidOperationException("scripted worker bug"));
        await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine,
            settings: WebhookTests.WebhookSettings(), configure: services => services.AddSingleton(store));
        await using var listener = await WebhookTests.Listener.StartAsync(adapter.Services);
        var health = Assert.Single(adapter.Services.GetServices<IAdapterHealth>(), h => h.Name == "telegram");

        await Wait.UntilAsync(() => faults.Thrown >= 1);
        await HealthTests.WaitForStateAsync(health, AdapterState.Degraded);
        Assert.Contains("webhook worker failed", health.Detail);
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(WebhookTests.Update(1, Tg.Private("still handled?", userId: 901))));

        // The restarts wait on the fake clock; moving it lets the worker come back and drain what was accepted.
        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1);
        await HealthTests.WaitForStateAsync(health, AdapterState.Connected, world);

        Assert.Equal(2, faults.Thrown);
        Assert.Equal(2, metrics.Sum("anatomybot_telegram_webhook_worker_restarts_total"));
        Assert.Equal(2, adapter.Logs.Entries.Count(e => e.Level == LogLevel.Error && e.Message.Contains("webhook worker failed; restarting", StringComparison.Ordinal)));
        Assert.Equal(["still handled?"], world.Engine.Asked.Select(m => m.Text));
    }
}
