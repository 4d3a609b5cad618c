using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Rest;

/// <summary>An answer from the REST API; a failed call is a value, not an exception.</summary>
internal sealed record RestResponse(HttpStatusCode Status, string Body)
{
    /// <summary>Set on a 429.</summary>
    public RateLimitAnswer? RateLimit { get; init; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body as <typeparamref name="T"/> when the call succeeded and the body has that shape.</summary>
    public bool TryRead<T>(JsonTypeInfo<T> type, [NotNullWhen(true)] out T? value)
    {
        value = default;
        return IsSuccess && DiscordJson.TryRead(Body, type, out value);
    }
}

/// <summary>
/// A REST route: its template (names the rate-limit bucket and the logs; never holds a token) and the major
/// parameter that splits a bucket (channel, guild, webhook, interaction).
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Major)
{
    public string Key => Method.Method + " " + Template;
}

/// <summary>
/// Discord REST v10 over HttpClient: bot authorization, rate-limit buckets, bounded retries on 429 and 5xx,
/// no retry on 401/403. Logs name route templates only, so neither the bot token nor interaction tokens leak.
/// </summary>
internal sealed class DiscordRestClient(
    Func<HttpClient> httpFactory, IOptions<DiscordOptions> options, RestRateLimiter limiter, TimeProvider time, DiscordMetrics metrics, ILogger<DiscordRestClient> logger)
{
    private const int MaxRateLimitRetries = 3;
    private const int MaxServerErrorRetries = 2;
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly string _userAgent =
        $"DiscordBot ({options.Value.ProjectUrl}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    private readonly string _baseUrl = options.Value.ApiBaseUrl.TrimEnd('/');

    public Task<RestResponse> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(new(HttpMethod.Get, "/gateway/bot", ""), "/gateway/bot", null, cancellationToken);

    public Task<RestResponse> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(new(HttpMethod.Get, "/oauth2/applications/@me", ""), "/oauth2/applications/@me", null, cancellationToken);

    public Task<RestResponse> BulkOverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        guildId is null
            ? SendAsync(new(HttpMethod.Put, "/applications/{app}/commands", applicationId), $"/applications/{Segment(applicationId)}/commands", commands.ToJsonString(), cancellationToken)
            : SendAsync(new(HttpMethod.Put, "/applications/{app}/guilds/{guild}/commands", guildId), $"/applications/{Segment(applicationId)}/guilds/{Segment(guildId)}/commands", commands.ToJsonString(), cancellationToken);

    public Task<RestResponse> CreateInteractionResponseAsync(string interactionId, string interactionToken, InteractionResponse body, CancellationToken cancellationToken) =>
        SendAsync(
            new(HttpMethod.Post, "/interactions/{id}/{token}/callback", interactionId),
            $"/interactions/{Segment(interactionId)}/{Segment(interactionToken)}/callback",
            JsonSerializer.Serialize(body, Json.InteractionResponse),
            cancellationToken);

    /// <summary>Edits the interaction's first answer; with <paramref name="file"/> the edit attaches it (multipart).</summary>
    public Task<RestResponse> EditOriginalResponseAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken, RestFile? file = null) =>
        SendAsync(new(HttpMethod.Patch, "/webhooks/{app}/{token}/messages/@original", applicationId + "/" + interactionToken), $"/webhooks/{Segment(applicationId)}/{Segment(interactionToken)}/messages/@original", Attach(body, file), cancellationToken, file);

    /// <summary>A follow-up message to an interaction; with <paramref name="file"/> it carries the file (multipart).</summary>
    public Task<RestResponse> CreateFollowupAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken, RestFile? file = null) =>
        SendAsync(new(HttpMethod.Post, "/webhooks/{app}/{token}", applicationId + "/" + interactionToken), $"/webhooks/{Segment(applicationId)}/{Segment(interactionToken)}", Attach(body, file), cancellationToken, file);

    /// <summary>A message in a channel; with <paramref name="file"/> it carries the file (multipart).</summary>
    public Task<RestResponse> CreateMessageAsync(string channelId, JsonObject body, CancellationToken cancellationToken, RestFile? file = null) =>
        SendAsync(new(HttpMethod.Post, "/channels/{channel}/messages", channelId), $"/channels/{Segment(channelId)}/messages", Attach(body, file), cancellationToken, file);

    /// <summary>
    /// The message JSON, naming the attached file (Discord matches <c>attachments[].id</c> to the <c>files[n]</c>
    /// part); the caller's object is left as it was.
    /// </summary>
    private static string Attach(JsonObject body, RestFile? file)
    {
        if (file is null)
        {
            return body.ToJsonString();
        }

        var copy = (JsonObject)body.DeepClone();
        copy["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.FileName });
        return copy.ToJsonString();
    }

    /// <summary>Sends one call, retrying what Discord asks to retry (429 after its wait, 5xx a few times), and returns the final answer.</summary>
    internal async Task<RestResponse> SendAsync(RestRoute route, string path, string? json, CancellationToken cancellationToken, RestFile? file = null)
    {
        var retries = new Retries();
        while (true)
        {
            await limiter.AcquireAsync(route.Key, route.Major, cancellationToken);
            var response = await SendOnceAsync(route, path, json, file, cancellationToken);
            if (!await ShouldRetryAsync(route, response, retries, cancellationToken))
            {
                LogFailure(route, response);
                return response;
            }
        }
    }

    /// <summary>One HTTP exchange; learns the bucket from the answer's headers. A network failure is status 0.</summary>
    private async Task<RestResponse> SendOnceAsync(RestRoute route, string path, string? json, RestFile? file, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(route.Method, _baseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BareToken);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (file is not null)
        {
            // Built per attempt: a content is consumed by its send.
            var content = new MultipartFormDataContent();
            content.Add(new StringContent(json ?? "{}", Encoding.UTF8, "application/json"), "payload_json");
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(bytes, "files[0]", file.FileName);
            request.Content = content;
        }
        else if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        try
        {
            using var response = await httpFactory().SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            limiter.Update(route.Key, route.Major, response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var (retryAfter, global) = ReadRetryAfter(response, text);
                limiter.OnRateLimited(route.Key, route.Major, retryAfter, global);
                return new RestResponse(response.StatusCode, text) { RateLimit = new RateLimitAnswer(retryAfter, global) };
            }

            return new RestResponse(response.StatusCode, text);
        }
        catch (HttpRequestException ex)
        {
            // The message of an HttpRequestException never holds headers; the route template holds no token.
            logger.RestFailed(route.Key, ex.Message);
            return new RestResponse(0, ex.Message);
        }
    }

    /// <summary>429: retry once the limiter allows (a few times); 5xx: retry after 1, 2 s; anything else is final.</summary>
    private async Task<bool> ShouldRetryAsync(RestRoute route, RestResponse response, Retries retries, CancellationToken cancellationToken)
    {
        if (response.RateLimit is { } rateLimit)
        {
            metrics.RateLimited();
            if (++retries.RateLimited > MaxRateLimitRetries)
            {
                logger.RestRateLimitGivenUp(route.Key, MaxRateLimitRetries);
                return false;
            }

            logger.RestRateLimited(route.Key, rateLimit.Global ? "global" : "route", rateLimit.RetryAfter.TotalSeconds);
            return true;
        }

        if ((int)response.Status >= 500 && ++retries.ServerErrors <= MaxServerErrorRetries)
        {
            logger.RestRetrying(route.Key, (int)response.Status);
            await Task.Delay(TimeSpan.FromSeconds(retries.ServerErrors), time, cancellationToken);
            return true;
        }

        return false;
    }

    private void LogFailure(RestRoute route, RestResponse response)
    {
        switch (response.Status)
        {
            case HttpStatusCode.Unauthorized:
                logger.TokenRejected(route.Key);
                break;
            case HttpStatusCode.Forbidden:
                logger.RestForbidden(route.Key);
                break;
            case HttpStatusCode.TooManyRequests:
                break;
            case >= HttpStatusCode.BadRequest:
                logger.RestRefused(route.Key, (int)response.Status, Truncate(response.Body, 300));
                break;
        }
    }

    private static (TimeSpan RetryAfter, bool Global) ReadRetryAfter(HttpResponseMessage response, string body)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        if (DiscordJson.TryRead(body, Json.RateLimitBody, out var answer))
        {
            seconds = answer.RetryAfter;
            global |= answer.Global == true;
        }

        // Cloudflare-level 429s come without a JSON body; the Retry-After header still holds.
        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            seconds = header;
        }

        // Guard against nonsense so one bad answer cannot park the client for hours.
        var clamped = Math.Clamp(seconds ?? 1, 0, 600);
        return (TimeSpan.FromSeconds(clamped), global);
    }

    /// <summary>A value as one URL path segment (ids are digits, interaction tokens may hold anything).</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "...";

    private sealed class Retries
    {
        public int RateLimited { get; set; }

        public int ServerErrors { get; set; }
    }
}

/// <summary>What a 429 said: how long to wait, and whether the whole client is limited.</summary>
internal sealed record RateLimitAnswer(TimeSpan RetryAfter, bool Global);

/// <summary>A file to attach to a message (e.g. the /progress chart).</summary>
internal sealed record RestFile(string FileName, byte[] Bytes, string ContentType = "image/png");
