using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Testing.Telegram;

/// <summary>
/// A loopback Bot API server that behaves like the minimal third-party emulators people test bots with, not like
/// Telegram: getMe without <c>is_bot</c>, every <c>date</c> in milliseconds, unknown extra fields, only getMe,
/// getUpdates, sendMessage, deleteWebhook and setWebhook (the rest answer 404 "method not found"), long polls
/// answered at once even when nothing is pending, and setWebhook answered with <c>result: null</c>.
/// </summary>
public sealed class MinimalBotApiServer : IAsyncDisposable
{
    public const long BotId = 777_000_333;
    public const string BotUsername = "EmuBot";

    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<JsonObject> _updates = [];
    private long _nextUpdateId = 1;
    private long _nextMessageId = 1;

    private MinimalBotApiServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Highest offset a getUpdates call confirmed.</summary>
    public long ConfirmedOffset { get; private set; }

    public static async Task<MinimalBotApiServer> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new MinimalBotApiServer(app, clock);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public IReadOnlyList<RecordedCall> Calls(string? method = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => method is null || c.Method == method).ToList();
        }
    }

    public long MillisecondsNow => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>A text message from a user the way an emulator writes it: no is_bot, date in ms, no entities.</summary>
    public long EnqueueText(string text, long chatId, long userId, string chatType)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = MillisecondsNow,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
            ["from"] = new JsonObject { ["id"] = userId, ["first_name"] = "Emu user" },
            ["text"] = text,
            ["emulator_trace"] = new JsonObject { ["source"] = "ui" },
        };
        lock (_gate)
        {
            var id = _nextUpdateId++;
            _updates.Add(new JsonObject { ["update_id"] = id, ["message"] = message, ["emulated"] = true });
            return id;
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        lock (_gate)
        {
            _calls.Add(new RecordedCall(method, token, body, _clock.GetUtcNow()));
        }

        JsonNode? result;
        switch (method)
        {
            case "getMe":
                result = new JsonObject { ["id"] = BotId, ["first_name"] = "Emu", ["username"] = BotUsername };
                break;
            case "getUpdates":
                result = GetUpdates(body);
                break;
            case "sendMessage":
                result = new JsonObject
                {
                    ["message_id"] = Interlocked.Increment(ref _nextMessageId),
                    ["date"] = MillisecondsNow,
                    ["chat"] = new JsonObject { ["id"] = body["chat_id"]!.GetValue<long>(), ["type"] = body["chat_id"]!.GetValue<long>() < 0 ? "group" : "private" },
                    ["from"] = new JsonObject { ["id"] = BotId, ["first_name"] = "Emu", ["username"] = BotUsername },
                    ["text"] = body["text"]!.GetValue<string>(),
                };
                break;
            case "deleteWebhook":
                result = true;
                break;
            case "setWebhook":
                result = null;
                break;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method not found" });
                return;
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["result"] = result });
    }

    // No long polling: whatever is pending, or an empty list at once.
    private JsonArray GetUpdates(JsonObject body)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        lock (_gate)
        {
            _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
            ConfirmedOffset = Math.Max(ConfirmedOffset, offset);
            return new JsonArray(_updates.Select(u => u.DeepClone()).ToArray());
        }
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(raw) ? [] : JsonNode.Parse(raw) as JsonObject ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
