using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Rest;

/// <summary>An answer from the REST API; a failed call is a value, not an exception.</summary>
internal sealed record RestResponse(HttpStatusCode Status, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(Body) ? "null" : Body);
        return document.RootElement.Clone();
    }
}

/// <summary>
/// Discord REST v10 over HttpClient: bot authorization, rate-limit buckets, bounded retries on 429 and 5xx,
/// no retry on 401/403. Logs name route templates only, so neither the bot token nor interaction tokens leak.
/// </summary>
internal sealed class DiscordRestClient(Func<HttpClient> httpFactory, IOptions<DiscordOptions> options, RestRateLimiter limiter, TimeProvider time, ILogger<DiscordRestClient> logger)
{
    private const int MaxRateLimitRetries = 3;
    private const int MaxServerErrorRetries = 2;

    private readonly string _userAgent =
        $"DiscordBot ({options.Value.ProjectUrl}, {typeof(DiscordRestClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})";

    private readonly string _baseUrl = options.Value.ApiBaseUrl.TrimEnd('/');

    public Task<RestResponse> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/gateway/bot", "", "/gateway/bot", null, cancellationToken);

    public Task<RestResponse> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "/oauth2/applications/@me", "", "/oauth2/applications/@me", null, cancellationToken);

    public Task<RestResponse> BulkOverwriteCommandsAsync(string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        guildId is null
            ? SendAsync(HttpMethod.Put, "/applications/{app}/commands", applicationId, $"/applications/{E(applicationId)}/commands", commands, cancellationToken)
            : SendAsync(HttpMethod.Put, "/applications/{app}/guilds/{guild}/commands", guildId, $"/applications/{E(applicationId)}/guilds/{E(guildId)}/commands", commands, cancellationToken);

    public Task<RestResponse> CreateInteractionResponseAsync(string interactionId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/interactions/{id}/{token}/callback", interactionId, $"/interactions/{E(interactionId)}/{E(interactionToken)}/callback", body, cancellationToken);

    public Task<RestResponse> EditOriginalResponseAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, "/webhooks/{app}/{token}/messages/@original", applicationId + "/" + interactionToken, $"/webhooks/{E(applicationId)}/{E(interactionToken)}/messages/@original", body, cancellationToken);

    public Task<RestResponse> CreateFollowupAsync(string applicationId, string interactionToken, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/webhooks/{app}/{token}", applicationId + "/" + interactionToken, $"/webhooks/{E(applicationId)}/{E(interactionToken)}", body, cancellationToken);

    public Task<RestResponse> CreateMessageAsync(string channelId, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "/channels/{channel}/messages", channelId, $"/channels/{E(channelId)}/messages", body, cancellationToken);

    /// <param name="route">Path template (used for buckets and logs; never holds a token).</param>
    /// <param name="major">The major parameter that splits a bucket (channel, guild, webhook, interaction).</param>
    internal async Task<RestResponse> SendAsync(HttpMethod method, string route, string major, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        var routeKey = method.Method + " " + route;
        var json = body?.ToJsonString();
        var rateLimited = 0;
        var serverErrors = 0;
        while (true)
        {
            await limiter.AcquireAsync(routeKey, major, cancellationToken);
            using var request = new HttpRequestMessage(method, _baseUrl + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.BareToken);
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await httpFactory().SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                // The message of an HttpRequestException never holds headers; the route template holds no token.
                logger.LogWarning("Discord {Route} failed: {Error}", routeKey, ex.Message);
                return new RestResponse(0, ex.Message);
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                limiter.Update(routeKey, major, response.Headers);
                var status = (int)response.StatusCode;
                if (status == 429)
                {
                    BotMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
                    var (retryAfter, global) = ReadRetryAfter(response, text);
                    limiter.OnRateLimited(routeKey, major, retryAfter, global);
                    if (++rateLimited > MaxRateLimitRetries)
                    {
                        logger.LogWarning("Discord {Route} still rate limited after {Retries} retries; giving up", routeKey, MaxRateLimitRetries);
                        return new RestResponse(response.StatusCode, text);
                    }

                    logger.LogInformation("Discord {Route} rate limited ({Scope}); retrying after {RetryAfter:0.###} s", routeKey, global ? "global" : "route", retryAfter.TotalSeconds);
                    continue;
                }

                if (status >= 500 && ++serverErrors <= MaxServerErrorRetries)
                {
                    logger.LogWarning("Discord {Route} answered {Status}; retrying", routeKey, status);
                    await Task.Delay(TimeSpan.FromSeconds(serverErrors), time, cancellationToken);
                    continue;
                }

                if (status == 401)
                {
                    logger.LogError("Discord rejected the bot token on {Route} (401 Unauthorized): check Discord:Token", routeKey);
                }
                else if (status == 403)
                {
                    logger.LogWarning("Discord refused {Route} (403 Forbidden): the bot lacks a permission there", routeKey);
                }
                else if (status >= 400)
                {
                    logger.LogWarning("Discord {Route} answered {Status}: {Body}", routeKey, status, Truncate(text, 300));
                }

                return new RestResponse(response.StatusCode, text);
            }
        }
    }

    private static (TimeSpan RetryAfter, bool Global) ReadRetryAfter(HttpResponseMessage response, string body)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("retry_after", out var ra) && ra.ValueKind == JsonValueKind.Number)
            {
                seconds = ra.GetDouble();
            }

            if (document.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True)
            {
                global = true;
            }
        }
        catch (JsonException)
        {
            // Cloudflare-level 429s come without a JSON body; the Retry-After header still holds.
        }

        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var header))
        {
            seconds = header;
        }

        // Guard against nonsense so one bad answer cannot park the client for hours.
        var clamped = Math.Clamp(seconds ?? 1, 0, 600);
        return (TimeSpan.FromSeconds(clamped), global);
    }

    private static string E(string segment) => Uri.EscapeDataString(segment);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "...";
}
