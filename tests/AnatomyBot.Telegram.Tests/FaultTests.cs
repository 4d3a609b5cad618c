using System.Net;
using System.Net.Sockets;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Storage;
using AnatomyBot.Telegram.Tests.Infrastructure;
using AnatomyBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task Rate_limited_send_waits_retry_after_on_the_clock_then_succeeds()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.RateLimited(7));
        world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2);

        var calls = world.Server.Calls("sendMessage");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(7), $"retried after {calls[1].At - calls[0].At}");
        Assert.Equal(calls[0].Text, calls[1].Text);
    }

    [Fact]
    public async Task Server_error_is_retried_with_backoff_then_succeeds()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.ServerError());
        world.Server.AddFault("sendMessage", Fault.BadGateway());
        world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 3);

        var calls = world.Server.Calls("sendMessage");
        // Exponential back-off with equal jitter, on the fake clock: at least 0.5 s after the first failure (1 s, half
        // of it random), at least 1 s after the second (2 s); the message is the same each time.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(0.5), $"first retry after {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(1), $"second retry after {calls[2].At - calls[1].At}");
        Assert.Equal(calls[0].Text, calls[2].Text);
        Assert.Contains(adapter.Logs.Entries, e => e.Message.Contains("Server (500)"));
    }

    [Fact]
    public async Task Rate_limits_do_not_use_up_the_attempts_a_server_error_gets()
    {
        // Six 429s (as many as Telegram:MaxSendAttempts allows failures), then a 500: the 429s were waited out as
        // Telegram asked and are not failed attempts, so the 500 is still retried and the answer arrives.
        await using var world = await TestWorld.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            world.Server.AddFault("sendMessage", Fault.RateLimited(1));
        }

        world.Server.AddFault("sendMessage", Fault.ServerError());
        world.Server.Enqueue(Tg.Private("psoas?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.DeliveredCount == 1);

        var calls = world.Server.Calls("sendMessage");
        Assert.Equal(8, calls.Count);
        Assert.All(calls, c => Assert.Equal(calls[0].Text, c.Text));
        Assert.DoesNotContain(adapter.Logs.Entries, e => e.Message.Contains("giving up", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_send_accepted_with_an_unreadable_reply_counts_as_sent_and_is_never_repeated()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.GarbledAfterActing());
        world.Server.Enqueue(Tg.Private("psoas?"));
        var second = world.Server.Enqueue(Tg.Private("iliacus?"));
        await using var adapter = await world.StartAdapterAsync();

        // Updates are handled in order, so once the second is confirmed any retry of the first would have happened.
        await world.PumpUntilAsync(s => s.ConfirmedOffset > second);

        Assert.Equal(2, world.Server.Calls("sendMessage").Count);
        Assert.Equal(2, world.Server.DeliveredCount);
        Assert.Contains(adapter.Logs.Entries, e => e.Message.Contains("counting it as sent"));
    }

    [Fact]
    public async Task Polling_survives_500_429_and_409_from_getUpdates()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("getUpdates", Fault.ServerError());
        world.Server.AddFault("getUpdates", Fault.RateLimited(2));
        world.Server.AddFault("getUpdates", Fault.Conflict());
        world.Server.AddFault("getUpdates", Fault.MalformedJson());
        world.Server.Enqueue(Tg.Private("still there?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1);

        Assert.Contains(adapter.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("another instance is polling with this bot token, or a webhook is set"));
    }

    [Fact]
    public async Task Unauthorized_stops_the_adapter_and_the_host_with_a_clear_message()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine, token: "777:wrong-token");
        var lifetime = adapter.Services.GetRequiredService<IHostApplicationLifetime>();

        var stopped = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        await stopped.Task.WaitAsync(Wait.Guard);

        var critical = Assert.Single(adapter.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("token is wrong", critical.Message);
        Assert.Contains("Telegram__Token", critical.Message);
        Assert.DoesNotContain("wrong-token", adapter.Logs.AllText);
        Assert.Single(world.Server.Calls("getMe"));
        Assert.Empty(world.Server.Calls("getUpdates"));
    }

    [Fact]
    public async Task Unauthorized_can_stop_only_the_adapter_when_configured()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, world.Engine,
            token: "777:wrong-token", settings: new Dictionary<string, string?> { ["Telegram:StopHostOnFatalError"] = "false" });

        var lifetime = adapter.Services.GetRequiredService<TelegramAdapterLifetime>();
        await world.Server.WaitUntilAsync(_ => lifetime.Stopped.IsCancellationRequested);

        Assert.False(adapter.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task Chat_migration_rekeys_stored_rows_and_resends_to_the_new_id()
    {
        const long newId = -1009998887;
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.Migrated(newId));
        await using var adapter = await world.StartAdapterAsync();
        await adapter.Store.SaveSubscriptionAsync(Tg.GroupId, new TimeOnly(9, 0), "UTC", world.Clock.GetUtcNow(), default);
        await adapter.Store.RecordPollAsync("p1", Tg.GroupId, "q1", 0, world.Clock.GetUtcNow(), default);
        // Queued once the rows exist: queued before the start, the migration could rekey before they were saved.
        world.Server.Enqueue(Tg.Group("/ask psoas?"));

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2);

        var calls = world.Server.Calls("sendMessage");
        Assert.Equal(Tg.GroupId, calls[0].ChatId);
        Assert.Equal(newId, calls[1].ChatId);
        Assert.Null(await adapter.Store.GetSubscriptionAsync(Tg.GroupId, default));
        Assert.NotNull(await adapter.Store.GetSubscriptionAsync(newId, default));
        Assert.Equal(newId, TelegramKeys.ChatId((await adapter.Store.GetPollAsync("p1", default))!.Chat));
        Assert.Contains("q1", await adapter.Store.GetAskedQuestionsAsync(newId, default));
    }

    [Fact]
    public async Task Forbidden_marks_the_chat_gone_and_stops_posting_there()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendMessage", Fault.Forbidden());
        world.Server.Enqueue(Tg.Group("/ask psoas?"));
        await using var adapter = await world.StartAdapterAsync();

        await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 1);
        await world.Server.WaitUntilAsync(_ => adapter.Store.IsChatGoneAsync(Tg.GroupId, default).GetAwaiter().GetResult());

        var sender = adapter.Services.GetRequiredService<Sending.TelegramSender>();
        var result = await sender.SendHtmlAsync(Tg.GroupId, "hello", null, default);
        Assert.Equal(ApiErrorKind.Forbidden, result.Error!.Kind);
        Assert.Single(world.Server.Calls("sendMessage"));
    }

    [Fact]
    public async Task A_photo_is_uploaded_as_multipart_and_a_500_is_retried_with_the_same_bytes()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.AddFault("sendPhoto", Fault.ServerError());
        await using var adapter = await world.StartAdapterAsync();
        var sender = adapter.Services.GetRequiredService<Sending.TelegramSender>();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7];

        var sending = sender.SendPhotoAsync(Tg.UserId, png, "progress.png", "<b>Your progress</b>", default);
        // Pumped until the send returns, not just until the second call: any retry waits on the fake clock, and a test
        // that stops advancing it before the send is done waits for ever (what hung the first version of this test).
        await world.PumpUntilAsync(_ => sending.IsCompleted);
        var result = await sending;

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, world.Server.Calls("sendPhoto").Count);
        Assert.All(world.Server.Calls("sendPhoto"), call =>
        {
            Assert.Equal(Tg.UserId, call.ChatId);
            Assert.Equal("progress.png", call.Body["photo"]!["file_name"]!.GetValue<string>());
            Assert.Equal(png, Convert.FromBase64String(call.Body["photo"]!["base64"]!.GetValue<string>()));
            Assert.Equal("<b>Your progress</b>", call.Body["caption"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task Kicked_bot_marks_the_chat_gone_and_readding_revives_it()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.MyChatMember(Tg.GroupId, "kicked"));
        var last = world.Server.Enqueue(Tg.MyChatMember(-100555, "left"));
        await using var adapter = await world.StartAdapterAsync();
        await world.PumpUntilAsync(s => s.ConfirmedOffset > last);

        Assert.True(await adapter.Store.IsChatGoneAsync(Tg.GroupId, default));
        Assert.True(await adapter.Store.IsChatGoneAsync(-100555, default));

        last = world.Server.Enqueue(Tg.MyChatMember(Tg.GroupId, "member"));
        await world.PumpUntilAsync(s => s.ConfirmedOffset > last);
        Assert.False(await adapter.Store.IsChatGoneAsync(Tg.GroupId, default));
    }

    [Fact]
    public async Task Offset_is_stored_so_a_restart_neither_repeats_nor_skips()
    {
        await using var world = await TestWorld.CreateAsync();
        world.Server.Enqueue(Tg.Private("one"));
        var second = world.Server.Enqueue(Tg.Private("two"));
        await using (var first = await world.StartAdapterAsync())
        {
            await world.PumpUntilAsync(s => s.Calls("sendMessage").Count == 2);
            await world.Server.WaitUntilAsync(_ => first.Store.GetUpdateOffsetAsync(default).GetAwaiter().GetResult() == second + 1);
        }

        // Telegram still holds the updates until a getUpdates confirms them; the stored offset must do it.
        var third = world.Server.Enqueue(Tg.Private("three"));
        await using var restarted = await world.StartAdapterAsync();
        await world.PumpUntilAsync(s => s.ConfirmedOffset > third);

        Assert.Equal(["one", "two", "three"], world.Engine.Asked.Select(m => m.Text).ToArray());
        Assert.Equal(3, world.Server.Calls("sendMessage").Count);
        var firstPollAfterRestart = world.Server.Calls("getUpdates").Last(c => c.Body["offset"]?.GetValue<long>() is { } o && o <= third);
        Assert.Equal(third, firstPollAfterRestart.Body["offset"]!.GetValue<long>());
    }

    [Fact]
    public async Task Token_never_appears_in_logs_on_network_failures()
    {
        var clock = new FakeTimeProvider();
        var directory = Path.Combine(Path.GetTempPath(), "anatomybot-tg-" + Guid.NewGuid().ToString("N"));
        // A port that was just free: connections are refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        await using (var adapter = await AdapterHarness.StartAsync($"http://127.0.0.1:{port}", Path.Combine(directory, "bot.db"), clock))
        {
            await adapter.Logs.WaitForAsync(e => e.Message.Contains("getMe failed"), clock);
            await adapter.Logs.WaitForAsync(e => e.Message.Contains("getMe failed") && e != adapter.Logs.Entries.First(x => x.Message.Contains("getMe failed")), clock);
            Assert.Contains(adapter.Logs.Entries, e => e.Message.Contains("Network"));
            Assert.DoesNotContain(AdapterHarness.Token, adapter.Logs.AllText);
            Assert.DoesNotContain(AdapterHarness.Token.Split(':')[1], adapter.Logs.AllText);
        }

        Directory.Delete(directory, true);
    }

    [Fact]
    public async Task Client_redacts_the_token_from_exception_messages_that_carry_the_url()
    {
        var options = Options.Create(new TelegramOptions { Token = AdapterHarness.Token, ApiBaseUrl = "https://api.example" });
        using var meters = new AnatomyBot.Testing.TestMeterFactory();
        var metrics = new TelegramMetrics(meters);
        var client = new BotApi(new ThrowingFactory(), options, new TelegramHealth(TimeProvider.System, metrics), metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<BotApi>.Instance);

        var result = await client.GetMeAsync(default);

        Assert.Equal(ApiErrorKind.Network, result.Error!.Kind);
        Assert.DoesNotContain(AdapterHarness.Token, result.Error.ToString());
        Assert.Contains("https://api.example/bot<token>/getMe", result.Error.Description);
    }

    [Fact]
    public void Options_validation_names_the_key_to_fix_and_never_echoes_the_token()
    {
        var validator = new TelegramOptionsValidator();
        var missing = validator.Validate(null, new TelegramOptions());
        Assert.Contains("Telegram:Token", missing.FailureMessage);
        var malformed = validator.Validate(null, new TelegramOptions { Token = "secret value", PollTimeoutSeconds = 0, ApiBaseUrl = "ftp://x" });
        Assert.DoesNotContain("secret value", malformed.FailureMessage);
        Assert.Contains("Telegram:PollTimeoutSeconds", malformed.FailureMessage);
        Assert.Contains("Telegram:ApiBaseUrl", malformed.FailureMessage);
        Assert.True(validator.Validate(null, new TelegramOptions { Token = AdapterHarness.Token, Moderators = [1] }).Succeeded);
    }

    [Fact]
    public async Task Host_start_fails_with_the_key_name_when_the_token_is_missing()
    {
        await using var world = await TestWorld.CreateAsync();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            AdapterHarness.StartAsync(world.Server.BaseUrl, world.DatabasePath, world.Clock, token: ""));
        Assert.Contains("Telegram:Token", error.Message);
    }

    private sealed class ThrowingFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new ThrowingHandler());

        private sealed class ThrowingHandler : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                throw new HttpRequestException($"Failed to reach {request.RequestUri}");
        }
    }
}
