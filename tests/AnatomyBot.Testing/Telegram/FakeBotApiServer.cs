using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Testing.Telegram;

/// <summary>One recorded Bot API call: method, token used, parsed body, and the fake clock's time when it arrived.</summary>
public sealed record RecordedCall(string Method, string Token, JsonObject Body, DateTimeOffset At)
{
    public long ChatId => Body["chat_id"]!.GetValue<long>();

    public string Text => Body["text"]!.GetValue<string>();
}

/// <summary>
/// A scripted answer replacing the normal one for the next call of a method. With <paramref name="Acted"/> the fake
/// first does what was asked (a message is delivered) and only the reply is replaced.
/// </summary>
public sealed record Fault(int Status, string Body, bool Acted = false)
{
    public static Fault RateLimited(int retryAfter) => Error(429, $"Too Many Requests: retry after {retryAfter}", new JsonObject { ["retry_after"] = retryAfter });

    public static Fault ServerError() => Error(500, "Internal Server Error");

    public static Fault BadGateway() => new(502, "<html>Bad Gateway</html>");

    public static Fault Unauthorized() => Error(401, "Unauthorized");

    public static Fault Conflict() => Error(409, "Conflict: terminated by other getUpdates request");

    public static Fault Forbidden() => Error(403, "Forbidden: bot was kicked from the group chat");

    public static Fault Migrated(long newChatId) =>
        Error(400, "Bad Request: group chat was upgraded to a supergroup chat", new JsonObject { ["migrate_to_chat_id"] = newChatId });

    public static Fault BadRequest(string description) => Error(400, "Bad Request: " + description);

    public static Fault MalformedJson() => new(200, "{\"ok\": true, \"result\": [ {\"update_id\": ");

    /// <summary>The call is carried out (a message is delivered), but the 200 reply is garbled.</summary>
    public static Fault GarbledAfterActing() => new(200, "{\"ok\": true, \"result\": {\"message_id\": ", Acted: true);

    /// <summary>Drops the connection without an answer (before the server acted on the request).</summary>
    public static Fault Drop() => new(0, "");

    private static Fault Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null)
        {
            body["parameters"] = parameters;
        }

        return new Fault(code, body.ToJsonString());
    }
}

/// <summary>
/// A loopback Bot API emulator (Kestrel on 127.0.0.1, port 0): scripted updates served by getUpdates with real
/// offset semantics and long polling, canned replies for the send methods, scripted faults, and a record of every call.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const long BotId = 999_000_111;
    public const string BotUsername = "AnatomyTestBot";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly List<RecordedCall> _delivered = [];
    private readonly List<string> _pollIds = [];
    private readonly Dictionary<string, int> _callCounts = [];
    private readonly List<JsonNode> _updates = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Fault>> _faults = new();
    private readonly ConcurrentDictionary<(long Chat, long User), string> _members = new();
    private TaskCompletionSource _updatesArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _callArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextUpdateId = 1;
    private long _nextMessageId = 100;
    private long _nextPollId = 1;
    private int _pollsInFlight;
    private int _mostPollsInFlight;

    private FakeBotApiServer(WebApplication app, string token, TimeProvider clock)
    {
        _app = app;
        Token = token;
        Clock = clock;
    }

    public string Token { get; }

    public TimeProvider Clock { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>Highest offset any getUpdates call confirmed (everything below it was dropped).</summary>
    public long ConfirmedOffset { get; private set; }

    /// <summary>
    /// The most getUpdates calls that were ever being answered at the same time: 1 while one poller at a time polls
    /// (Telegram itself would end the older of two overlapping polls with 409 Conflict).
    /// </summary>
    public int MostPollsInFlight => Volatile.Read(ref _mostPollsInFlight);

    public static async Task<FakeBotApiServer> StartAsync(string token, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeBotApiServer(app, token, clock);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public IReadOnlyList<RecordedCall> Calls(string? method = null)
    {
        lock (_gate)
        {
            return _calls.Where(c => method is null || c.Method == method).ToList();
        }
    }

    /// <summary>
    /// Scripted faults by position: called with the method and its 1-based call number (after queued faults);
    /// a non-null fault replaces the normal answer.
    /// </summary>
    public Func<string, int, Fault?>? FaultScript { get; set; }

    /// <summary>sendMessage calls that succeeded (the message was "delivered"), in order.</summary>
    public IReadOnlyList<RecordedCall> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    /// <summary>Raised after a sendMessage succeeded (for load measurements that need exact timing).</summary>
    public event Action<RecordedCall>? MessageDelivered;

    public int DeliveredCount
    {
        get
        {
            lock (_gate)
            {
                return _delivered.Count;
            }
        }
    }

    /// <summary>The ids of the polls sent so far, in order (what a poll_answer update names).</summary>
    public IReadOnlyList<string> PollIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _pollIds];
            }
        }
    }

    public void AddFault(string method, Fault fault) => _faults.GetOrAdd(method, _ => new ConcurrentQueue<Fault>()).Enqueue(fault);

    public void SetMemberStatus(long chatId, long userId, string status) => _members[(chatId, userId)] = status;

    /// <summary>Queues an update (its update_id is assigned here) and returns the id.</summary>
    public long Enqueue(JsonObject update)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add(update);
            _updatesArrived.TrySetResult();
            return id;
        }
    }

    /// <summary>Queues raw JSON as the next update (for malformed updates); returns the id it was given.</summary>
    public long EnqueueRaw(Func<long, string> json)
    {
        lock (_gate)
        {
            var id = _nextUpdateId++;
            _updates.Add(JsonNode.Parse(json(id))!);
            _updatesArrived.TrySetResult();
            return id;
        }
    }

    public long PendingUpdates
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds over the recorded calls.</summary>
    public async Task WaitUntilAsync(Func<FakeBotApiServer, bool> condition, TimeSpan? timeout = null, Action? onIdle = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(2));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The fake Bot API did not see the expected calls. Calls so far: "
                    + string.Join(", ", Calls().Select(c => c.Method)));
            }

            Task arrived;
            lock (_gate)
            {
                arrived = _callArrived.Task;
            }

            onIdle?.Invoke();
            await Task.WhenAny(arrived, Task.Delay(20));
        }
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        RecordedCall call;
        int callNumber;
        lock (_gate)
        {
            call = new RecordedCall(method, token, body, Clock.GetUtcNow());
            _calls.Add(call);
            callNumber = _callCounts[method] = _callCounts.GetValueOrDefault(method) + 1;
            var previous = _callArrived;
            _callArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        if (token != Token)
        {
            await WriteAsync(context, Fault.Unauthorized());
            return;
        }

        var fault = _faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var queued) ? queued : FaultScript?.Invoke(method, callNumber);
        if (fault is not null && !fault.Acted)
        {
            await WriteAsync(context, fault);
            return;
        }

        JsonNode? result = method switch
        {
            "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Anatomy", ["username"] = BotUsername },
            "getUpdates" => await CountedPollAsync(body, context.RequestAborted),
            "sendMessage" => SendMessage(body),
            "sendPoll" => SendPoll(body),
            "sendPhoto" => SendPhoto(body),
            "getChatMember" => new JsonObject
            {
                ["status"] = _members.GetValueOrDefault((body["chat_id"]!.GetValue<long>(), body["user_id"]!.GetValue<long>()), "member"),
                ["user"] = new JsonObject { ["id"] = body["user_id"]!.GetValue<long>(), ["is_bot"] = false, ["first_name"] = "Someone" },
            },
            "setMyCommands" or "answerCallbackQuery" or "setWebhook" or "deleteWebhook" => true,
            _ => null,
        };

        if (result is null)
        {
            await WriteAsync(context, Fault.BadRequest("unknown or invalid call to " + method));
            return;
        }

        if (method == "sendMessage")
        {
            lock (_gate)
            {
                _delivered.Add(call);
            }

            MessageDelivered?.Invoke(call);
        }

        if (fault is not null)
        {
            await WriteAsync(context, fault);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString());
    }

    private async Task<JsonNode> CountedPollAsync(JsonObject body, CancellationToken aborted)
    {
        var inFlight = Interlocked.Increment(ref _pollsInFlight);
        try
        {
            for (var most = Volatile.Read(ref _mostPollsInFlight); inFlight > most; most = Volatile.Read(ref _mostPollsInFlight))
            {
                Interlocked.CompareExchange(ref _mostPollsInFlight, inFlight, most);
            }

            return await GetUpdatesAsync(body, aborted);
        }
        finally
        {
            Interlocked.Decrement(ref _pollsInFlight);
        }
    }

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"]?.GetValue<long>() ?? 0;
        var timeout = body["timeout"]?.GetValue<int>() ?? 0;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(timeout);
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (offset > 0)
                {
                    // Offset semantics: everything below the offset is confirmed and forgotten.
                    _updates.RemoveAll(u => u["update_id"]!.GetValue<long>() < offset);
                    ConfirmedOffset = Math.Max(ConfirmedOffset, offset);
                }

                if (_updates.Count > 0)
                {
                    return new JsonArray(_updates.Take(100).Select(u => u.DeepClone()).ToArray());
                }

                if (_updatesArrived.Task.IsCompleted)
                {
                    _updatesArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = _updatesArrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return new JsonArray();
            }

            try
            {
                await arrived.WaitAsync(left, aborted);
            }
            catch (TimeoutException)
            {
                return new JsonArray();
            }
            catch (OperationCanceledException)
            {
                return new JsonArray();
            }
        }
    }

    private JsonObject? SendMessage(JsonObject body)
    {
        var text = body["text"]?.GetValue<string>();
        if (body["chat_id"] is null || string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            return null;
        }

        return Message(body["chat_id"]!.GetValue<long>(), new JsonObject { ["text"] = text });
    }

    /// <summary>A photo upload: needs a chat and an uploaded file that is a PNG or JPEG.</summary>
    private JsonObject? SendPhoto(JsonObject body)
    {
        if (body["chat_id"] is null || body["photo"] is not JsonObject photo || photo["base64"] is not JsonValue data)
        {
            return null;
        }

        var bytes = Convert.FromBase64String(data.GetValue<string>());
        var isImage = bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }) || bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8 });
        if (!isImage)
        {
            return null;
        }

        var chatId = body["chat_id"]!.GetValue<long>();
        return new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "group" : "private" },
            ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-" + bytes.Length, ["file_unique_id"] = "u" + bytes.Length, ["width"] = 800, ["height"] = 480, ["file_size"] = bytes.Length }),
            ["caption"] = body["caption"]?.DeepClone(),
        };
    }

    private JsonObject? SendPoll(JsonObject body)
    {
        if (body["chat_id"] is null || body["question"] is null || body["options"] is not JsonArray options)
        {
            return null;
        }

        var pollId = "poll-" + Interlocked.Increment(ref _nextPollId);
        lock (_gate)
        {
            _pollIds.Add(pollId);
        }

        var poll = new JsonObject
        {
            ["id"] = pollId,
            ["question"] = body["question"]!.GetValue<string>(),
            ["options"] = new JsonArray(options.Select(o => (JsonNode)new JsonObject { ["text"] = o!["text"]!.GetValue<string>(), ["voter_count"] = 0 }).ToArray()),
            ["total_voter_count"] = 0,
            ["is_closed"] = false,
            ["is_anonymous"] = body["is_anonymous"]?.GetValue<bool>() ?? true,
            ["type"] = body["type"]?.GetValue<string>() ?? "regular",
            ["allows_multiple_answers"] = false,
        };
        if (body["correct_option_ids"] is JsonArray ids)
        {
            poll["correct_option_ids"] = ids.DeepClone();
        }

        return Message(body["chat_id"]!.GetValue<long>(), new JsonObject { ["poll"] = poll });
    }

    private JsonObject Message(long chatId, JsonObject extra)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = Clock.GetUtcNow().ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Anatomy", ["username"] = BotUsername },
        };
        foreach (var (key, value) in extra)
        {
            message[key] = value?.DeepClone();
        }

        return message;
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var obj = new JsonObject();
            foreach (var (key, value) in form)
            {
                var text = value.ToString();
                // Multipart fields are text; ids are numbers in the JSON form of the same call.
                obj[key] = text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text)
                    : long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number)
                    : JsonValue.Create(text);
            }

            // Uploaded files (sendPhoto): kept as base64 with their name, so tests can check the bytes. A field may name
            // its file part as "attach://<part>" (how Telegram.Bot sends uploads); the Bot API resolves it, and so does
            // this fake, so the field holds the file either way.
            var files = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files[file.Name] = new JsonObject { ["file_name"] = file.FileName, ["base64"] = Convert.ToBase64String(buffer.ToArray()) };
            }

            foreach (var (key, value) in obj.ToList())
            {
                if (value is JsonValue reference && reference.TryGetValue<string>(out var text) && text.StartsWith("attach://", StringComparison.Ordinal)
                    && files.Remove(text["attach://".Length..], out var attached))
                {
                    obj[key] = attached;
                }
            }

            foreach (var (name, file) in files)
            {
                obj[name] = file;
            }

            return obj;
        }

        using var reader = new StreamReader(request.Body);
        var raw = await reader.ReadToEndAsync();
        if (string.IsNullOrWhiteSpace(raw))
        {
            return [];
        }

        return JsonNode.Parse(raw) as JsonObject ?? [];
    }

    private static async Task WriteAsync(HttpContext context, Fault fault)
    {
        if (fault.Status == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(fault.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
