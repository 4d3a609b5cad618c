using AnatomyBot.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AnatomyBot.Telegram.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Tests;

/// <summary>Webhook mode: the endpoint on a loopback Kestrel listener, the adapter talking to the fake Bot API.</summary>
public sealed class WebhookTests
{
    private const string Secret = "s3cr3t_Webhook-Token";
    private const string PublicUrl = "https://bot.example.org/telegram/hook";

    internal static Dictionary<string, string?> WebhookSettings() => new()
    {
        ["Telegram:Webhook:Url"] = PublicUrl,
        ["Telegram:Webhook:SecretToken"] = Secret,
        ["Telegram:PerChatIntervalMilliseconds"] = "0",
    };

    /// <summary>A Kestrel listener (like the host's) with only the webhook endpoint, backed by the adapter's services.</summary>
    internal sealed class Listener : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Listener(WebApplication app, string baseUrl)
        {
            _app = app;
            Url = baseUrl + "/telegram/hook";
        }

        public string Url { get; }

        public HttpClient Http { get; } = new();

        public static async Task<Listener> StartAsync(IServiceProvider adapterServices)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            app.MapTelegramWebhook(adapterServices);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Listener(app, address.TrimEnd('/'));
        }

        public async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret = Secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url)
            {
                Content = new StringContent(update.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            if (secret is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            }

            using var response = await Http.SendAsync(request);
            return response.StatusCode;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    internal static JsonObject Update(long updateId, JsonObject update)
    {
        update["update_id"] = updateId;
        return update;
    }

    [Fact]
    public async Task Start_registers_the_webhook_with_the_secret_and_does_not_poll()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync(settings: WebhookSettings());
        await world.WaitUntilAsync(s => s.Calls("setWebhook").Count == 1);

        var body = world.Server.Calls("setWebhook")[0].Body;
        Assert.Equal(PublicUrl, body["url"]!.GetValue<string>());
        Assert.Equal(Secret, body["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "poll_answer", "my_chat_member", "callback_query"], body["allowed_updates"]!.AsArray().Select(a => a!.GetValue<string>()));
        await HealthTests.WaitForStateAsync(adapter.Services.GetServices<Core.Observability.IAdapterHealth>().Single(), Core.Observability.AdapterState.Connected);
        Assert.Empty(world.Server.Calls("getUpdates"));
        Assert.Empty(world.Server.Calls("deleteWebhook"));
        Assert.DoesNotContain(Secret, adapter.Logs.AllText);
    }

    [Fact]
    public async Task Polling_mode_deletes_any_webhook_before_polling()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync();
        await world.WaitUntilAsync(s => s.Calls("getUpdates").Count >= 1);

        var methods = world.Server.Calls().Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("deleteWebhook") >= 0 && methods.IndexOf("deleteWebhook") < methods.IndexOf("getUpdates"), string.Join(",", methods));
        Assert.Empty(world.Server.Calls("setWebhook"));
    }

    [Fact]
    public async Task Requests_without_the_right_secret_get_401_and_are_not_handled()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync(settings: WebhookSettings());
        await using var listener = await Listener.StartAsync(adapter.Services);

        Assert.Equal(HttpStatusCode.Unauthorized, await listener.PostAsync(Update(1, Tg.Private("no secret")), secret: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await listener.PostAsync(Update(2, Tg.Private("wrong secret")), secret: "not-it"));
        Assert.Equal(HttpStatusCode.Unauthorized, await listener.PostAsync(Update(3, Tg.Private("prefix")), secret: Secret[..^1]));

        // A good request afterwards is the only one answered.
        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(Update(4, Tg.Private("the real one"))));
        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        Assert.Equal(["the real one"], world.Engine.Asked.Select(m => m.Text));
        // Anyone who finds the URL can send these: logged at debug, never as warnings.
        Assert.Equal(3, adapter.Logs.Entries.Count(e => e.Level == LogLevel.Debug && e.Message.Contains("Refused a Telegram webhook request")));
        Assert.DoesNotContain(adapter.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.DoesNotContain(Secret, adapter.Logs.AllText);
    }

    [Fact]
    public async Task An_update_with_the_right_secret_gets_200_and_is_answered()
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync(settings: WebhookSettings());
        await using var listener = await Listener.StartAsync(adapter.Services);

        Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(Update(10, Tg.Private("where does the iliacus insert?"))));

        await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
        var send = world.Server.Calls("sendMessage")[0];
        Assert.Equal(Tg.UserId, send.ChatId);
        Assert.Contains("where does the iliacus insert?", send.Text);
    }

    [Fact]
    public async Task A_repeated_update_id_is_handled_once_even_after_a_restart()
    {
        await using var world = await TestWorld.CreateAsync();
        var update = Update(77, Tg.Private("only once please"));
        await using (var adapter = await world.StartAdapterAsync(settings: WebhookSettings()))
        await using (var listener = await Listener.StartAsync(adapter.Services))
        {
            var first = listener.PostAsync(update);
            var second = listener.PostAsync(update);
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await Task.WhenAll(first, second));
            await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 1);
            await WaitHandledAsync(adapter, 77);
            Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(update));
        }

        await using (var restarted = await world.StartAdapterAsync(settings: WebhookSettings()))
        await using (var listener = await Listener.StartAsync(restarted.Services))
        {
            Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(update));
            Assert.Equal(HttpStatusCode.OK, await listener.PostAsync(Update(78, Tg.Private("a new one"))));
            await world.WaitUntilAsync(s => s.Calls("sendMessage").Count == 2);
        }

        Assert.Equal(["only once please", "a new one"], world.Engine.Asked.Select(m => m.Text));
        Assert.Equal(2, world.Server.Calls("sendMessage").Count);
    }

    [Fact]
    public async Task A_burst_is_acknowledged_at_once_and_shutdown_drains_every_accepted_update()
    {
        await using var world = await TestWorld.CreateAsync();
        using var gate = new ManualResetEventSlim(false);
        world.Engine.Respond = m =>
        {
            // Holds the worker so the whole burst is queued when shutdown starts.
            gate.Wait(Wait.Guard);
            return FakeEngine.TextReply("You asked: " + m.Text);
        };
        const int burst = 40;
        var adapter = await world.StartAdapterAsync(settings: WebhookSettings());
        await using var listener = await Listener.StartAsync(adapter.Services);
        await world.WaitUntilAsync(s => s.Calls("setWebhook").Count == 1);

        var statuses = await Task.WhenAll(Enumerable.Range(1, burst).Select(i => listener.PostAsync(Update(1000 + i, Tg.Private($"question {i}", userId: 50_000 + i)))));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Empty(world.Server.Calls("sendMessage"));

        using var timeout = new CancellationTokenSource(Wait.Guard);
        var stopping = adapter.Host.StopAsync(timeout.Token);
        gate.Set();
        await stopping;
        adapter.Host.Dispose();

        var sends = world.Server.Calls("sendMessage");
        Assert.Equal(burst, sends.Count);
        Assert.Equal(Enumerable.Range(1, burst).Select(i => 50_000L + i).Order(), sends.Select(c => c.ChatId).Order());
    }

    private static Task WaitHandledAsync(AdapterHarness adapter, long updateId) =>
        Wait.UntilAsync(() => adapter.Store.IsUpdateHandledAsync(updateId, default));
}

public sealed class WebhookOptionsTests
{
    private static IReadOnlyList<string> Errors(string url, string secret)
    {
        var options = new TelegramOptions { Token = "123:abc", Webhook = new TelegramWebhookOptions { Url = url, SecretToken = secret } };
        var result = new TelegramOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }

    [Fact]
    public void Webhook_settings_are_validated_with_messages_naming_the_key()
    {
        Assert.Empty(Errors("", ""));
        Assert.Empty(Errors("https://bot.example.org:8443/tg", "abc_DEF-123"));
        Assert.Contains(Errors("http://bot.example.org/tg", "abc"), e => e.StartsWith("Telegram:Webhook:Url", StringComparison.Ordinal));
        Assert.Contains(Errors("/relative", "abc"), e => e.StartsWith("Telegram:Webhook:Url", StringComparison.Ordinal));
        Assert.Contains(Errors("https://bot.example.org/tg", ""), e => e.StartsWith("Telegram:Webhook:SecretToken is required", StringComparison.Ordinal));
        var bad = Errors("https://bot.example.org/tg", "has space!");
        Assert.Contains(bad, e => e.StartsWith("Telegram:Webhook:SecretToken", StringComparison.Ordinal));
        Assert.DoesNotContain(bad, e => e.Contains("has space!", StringComparison.Ordinal));
        Assert.Contains(Errors("https://bot.example.org/tg", new string('a', 257)), e => e.StartsWith("Telegram:Webhook:SecretToken", StringComparison.Ordinal));
        Assert.Empty(Errors("https://bot.example.org/tg", new string('a', 256)));
    }
}

/// <summary>
/// Abuse of the webhook URL is expected: refused requests are logged at debug, and a 413 (body over the listener's
/// limit) or 408 (a sender too slow) is answered with that status and one debug line, never a stack trace.
/// </summary>
public sealed class WebhookRejectionLoggingTests
{
    [Theory]
    [InlineData(413, "Request body too large. The max request body size is 1048576 bytes.")]
    [InlineData(408, "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.")]
    public async Task Oversized_and_slow_bodies_get_their_status_and_one_debug_line_without_a_stack_trace(int status, string message)
    {
        await using var world = await TestWorld.CreateAsync();
        await using var adapter = await world.StartAdapterAsync(settings: WebhookTests.WebhookSettings());
        var queue = adapter.Services.GetRequiredService<Webhook.TelegramWebhookQueue>();
        var logger = adapter.Services.GetRequiredService<ILogger<Webhook.TelegramWebhookQueue>>();
        const string secret = "s3cr3t_Webhook-Token";
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers[TelegramWebhookEndpoints.SecretHeader] = secret;
        // Kestrel raises this from the body stream when its limits are hit.
        context.Request.Body = new FaultingStream(new Microsoft.AspNetCore.Http.BadHttpRequestException(message, status));

        await TelegramWebhookEndpoints.HandleAsync(context, queue, System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)), logger);

        Assert.Equal(status, context.Response.StatusCode);
        var line = Assert.Single(adapter.Logs.Entries, e => e.Message.Contains("Refused a Telegram webhook request", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), line.Message);
        Assert.DoesNotContain(adapter.Logs.Entries, e => e.Exception is not null || e.Level >= LogLevel.Warning);
        Assert.Equal(0, queue.Pending);
    }

    private sealed class FaultingStream(Exception fault) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => 0; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw fault;
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => throw fault;
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw fault;
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
