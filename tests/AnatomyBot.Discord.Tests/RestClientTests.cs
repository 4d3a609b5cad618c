using System.Text.Json.Nodes;
using AnatomyBot.Discord.Rest;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Tests.Fakes;
using AnatomyBot.Testing.Discord;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Tests;

/// <summary>The REST client over real HTTP against the fake Discord, on a fake clock.</summary>
public sealed class RestClientTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly LogCapture _logs = new();
    private readonly HttpClient _http = new();
    private readonly AnatomyBot.Testing.TestMeterFactory _meters = new();
    private FakeDiscord _discord = null!;

    private async Task<DiscordRestClient> CreateAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var options = Options.Create(new DiscordOptions { Token = BotHarness.Token, ApiBaseUrl = _discord.ApiBase });
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        return new DiscordRestClient(() => _http, options, new RestRateLimiter(_clock), _clock, new DiscordMetrics(_meters), factory.CreateLogger<DiscordRestClient>());
    }

    private static InteractionResponse Pong => new(InteractionCallbackType.ChannelMessageWithSource, new JsonObject { ["content"] = "hi" });

    [Fact]
    public async Task A_429_on_a_callback_waits_retry_after_on_the_clock_then_retries()
    {
        var rest = await CreateAsync();
        var first = true;
        _discord.Responder = c =>
        {
            if (!first)
            {
                return null;
            }

            first = false;
            return new FakeResponse(429, """{"message":"You are being rate limited.","retry_after":2.5,"global":false}""");
        };

        var call = rest.CreateInteractionResponseAsync("i1", "tok", Pong, CancellationToken.None);
        await Wait.UntilAsync(() => _discord.Calls.Count == 1 && _clock.HasTimerDueIn(TimeSpan.FromMilliseconds(2_500)));
        _clock.Advance(TimeSpan.FromMilliseconds(2_499));
        Assert.False(call.IsCompleted);
        Assert.Single(_discord.Calls);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await call.WaitAsync(Wait.Guard);
        Assert.True(response.IsSuccess);
        Assert.Equal(2, _discord.Calls.Count);
        Assert.Equal(_discord.Calls[0].Body, _discord.Calls[1].Body);
    }

    [Fact]
    public async Task A_follow_up_with_a_file_is_multipart_and_a_retry_sends_the_file_again()
    {
        var rest = await CreateAsync();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
        var first = true;
        _discord.Responder = _ =>
        {
            if (!first)
            {
                return null;
            }

            first = false;
            return new FakeResponse(500, "{}");
        };

        var body = new JsonObject { ["flags"] = 64 };
        var call = rest.CreateFollowupAsync("app", "tok", body, CancellationToken.None, new RestFile("progress.png", png));
        // The 5xx retry waits a second on the clock.
        await Wait.UntilAsync(() => _discord.Calls.Count == 1 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var response = await call.WaitAsync(Wait.Guard);

        Assert.True(response.IsSuccess);
        Assert.Equal(2, _discord.Calls.Count);
        foreach (var sent in _discord.Calls)
        {
            Assert.Equal(("POST", "/webhooks/app/tok"), (sent.Method, sent.Path));
            AssertAttached(sent, png);
            Assert.Equal(64, sent.Json.GetProperty("flags").GetInt32());
        }

        Assert.Null(body["attachments"]);
    }

    [Fact]
    public async Task An_edited_answer_and_a_channel_message_can_carry_a_file()
    {
        var rest = await CreateAsync();
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 9];

        var edited = await rest.EditOriginalResponseAsync("app", "tok", new JsonObject { ["content"] = "**Your progress**" }, CancellationToken.None, new RestFile("progress.png", png));
        var posted = await rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "chart" }, CancellationToken.None, new RestFile("progress.png", png));
        var plain = await rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "text only" }, CancellationToken.None);

        Assert.True(edited.IsSuccess && posted.IsSuccess && plain.IsSuccess);
        Assert.Equal(("PATCH", "/webhooks/app/tok/messages/@original"), (_discord.Calls[0].Method, _discord.Calls[0].Path));
        Assert.Equal("**Your progress**", _discord.Calls[0].Json.GetProperty("content").GetString());
        AssertAttached(_discord.Calls[0], png);
        Assert.Equal(("POST", "/channels/c1/messages"), (_discord.Calls[1].Method, _discord.Calls[1].Path));
        AssertAttached(_discord.Calls[1], png);
        Assert.Empty(_discord.Calls[2].Files);
        Assert.False(_discord.Calls[2].Json.TryGetProperty("attachments", out _));
    }

    /// <summary>One file in <c>files[0]</c>, named in the JSON's <c>attachments</c> as Discord requires.</summary>
    private static void AssertAttached(RecordedCall sent, byte[] png)
    {
        var upload = Assert.Single(sent.Files);
        Assert.Equal(("files[0]", "progress.png", "image/png"), (upload.Field, upload.FileName, upload.ContentType));
        Assert.Equal(png, upload.Bytes);
        var attachment = Assert.Single(sent.Json.GetProperty("attachments").EnumerateArray());
        Assert.Equal(0, attachment.GetProperty("id").GetInt32());
        Assert.Equal("progress.png", attachment.GetProperty("filename").GetString());
    }

    [Fact]
    public async Task A_global_429_holds_every_route()
    {
        var rest = await CreateAsync();
        var first = true;
        _discord.Responder = c =>
        {
            if (!first)
            {
                return null;
            }

            first = false;
            return new FakeResponse(429, """{"message":"global","retry_after":1,"global":true}""", new Dictionary<string, string> { ["X-RateLimit-Global"] = "true" });
        };

        var a = rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "a" }, CancellationToken.None);
        await Wait.UntilAsync(() => _discord.Calls.Count == 1 && _clock.HasTimerDueIn(TimeSpan.FromSeconds(1)));
        var b = rest.CreateMessageAsync("c2", new JsonObject { ["content"] = "b" }, CancellationToken.None);
        await Wait.UntilAsync(() => _clock.ActiveTimerCount > 1);
        Assert.Single(_discord.Calls);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(a, b).WaitAsync(Wait.Guard);
        Assert.Equal(3, _discord.Calls.Count);
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_until_reset_after()
    {
        var rest = await CreateAsync();
        _discord.Responder = c => new FakeResponse(200, """{"id":"m"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "abc",
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "3.0",
        });
        await rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "1" }, CancellationToken.None);
        var second = rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "2" }, CancellationToken.None);
        await Wait.UntilAsync(() => _clock.HasTimerDueIn(TimeSpan.FromSeconds(3)));
        Assert.Single(_discord.Calls);

        // Another channel is another bucket instance (major parameter): not held.
        await rest.CreateMessageAsync("c2", new JsonObject { ["content"] = "3" }, CancellationToken.None).WaitAsync(Wait.Guard);
        Assert.Equal(2, _discord.Calls.Count);

        _clock.Advance(TimeSpan.FromSeconds(3));
        await second.WaitAsync(Wait.Guard);
        Assert.Equal(3, _discord.Calls.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Unauthorized_and_forbidden_are_not_retried(int status)
    {
        var rest = await CreateAsync();
        _discord.Responder = _ => new FakeResponse(status, """{"message":"no","code":0}""");
        var response = await rest.CreateMessageAsync("c1", new JsonObject { ["content"] = "x" }, CancellationToken.None);
        Assert.Equal(status, (int)response.Status);
        Assert.Single(_discord.Calls);
        Assert.DoesNotContain("SECRET-bot-token", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_persistent_429_gives_up_after_bounded_retries()
    {
        var rest = await CreateAsync();
        _discord.Responder = _ => new FakeResponse(429, """{"message":"slow down","retry_after":0,"global":false}""");
        var response = await rest.CreateInteractionResponseAsync("i1", "tok", Pong, CancellationToken.None).WaitAsync(Wait.Guard);
        Assert.Equal(429, (int)response.Status);
        Assert.Equal(4, _discord.Calls.Count);
    }

    [Fact]
    public async Task Requests_carry_bot_authorization_user_agent_and_json()
    {
        var rest = await CreateAsync();
        await rest.BulkOverwriteCommandsAsync("app1", null, [new JsonObject { ["name"] = "help" }], CancellationToken.None);
        var call = Assert.Single(_discord.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal("/applications/app1/commands", call.Path);
        Assert.Equal("Bot " + BotHarness.Token, call.Authorization);
        Assert.Matches(@"^DiscordBot \(https://[^,]+, [0-9.]+\)$", call.UserAgent);
        Assert.Equal("help", call.Json[0].GetProperty("name").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _meters.Dispose();
        if (_discord is not null)
        {
            await _discord.DisposeAsync();
        }
    }
}
