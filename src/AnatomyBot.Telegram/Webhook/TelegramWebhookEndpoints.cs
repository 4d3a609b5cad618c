using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AnatomyBot.Telegram.Updates;
using AnatomyBot.Telegram.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram;

public static class TelegramWebhookEndpoints
{
    internal const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>
    /// Maps <c>POST</c> on the path of <c>Telegram:Webhook:Url</c>, taking updates from Telegram. Maps nothing when the
    /// Telegram adapter is not registered or webhook mode is off. <paramref name="services"/> is the provider the
    /// adapter was registered in (the bot's host), when the endpoints live in another application; by default the
    /// endpoints' own.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        services ??= endpoints.ServiceProvider;
        var queue = services.GetService<TelegramWebhookQueue>();
        if (queue is null || !queue.Enabled)
        {
            return endpoints;
        }

        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value.Webhook;
        var logger = services.GetRequiredService<ILogger<TelegramWebhookQueue>>();
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.SecretToken));
        var path = new Uri(options.Url).AbsolutePath;
        endpoints.MapPost(path, context => HandleAsync(context, queue, expected, logger));
        return endpoints;
    }

    internal static async Task HandleAsync(HttpContext context, TelegramWebhookQueue queue, byte[] expectedHash, ILogger logger)
    {
        var cancellationToken = context.RequestAborted;
        if (!SecretMatches(context, expectedHash, logger))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var document = await ReadBodyAsync(context, logger, cancellationToken);
        if (document is null)
        {
            return;
        }

        if (UpdateDispatcher.UpdateId(document.RootElement) is not { } updateId)
        {
            logger.WebhookNoUpdateId();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var outcome = await queue.AcceptAsync(updateId, document.RootElement, cancellationToken);
        if (outcome == WebhookAcceptance.Duplicate)
        {
            logger.WebhookDuplicate(updateId);
        }

        // 200 only once the update is stored: Telegram never resends what it was told was accepted.
        context.Response.StatusCode = outcome == WebhookAcceptance.Unavailable
            ? (int)HttpStatusCode.ServiceUnavailable
            : StatusCodes.Status200OK;
    }

    /// <summary>Whether the request carries the webhook's secret token (compared in constant time).</summary>
    private static bool SecretMatches(HttpContext context, byte[] expectedHash, ILogger logger)
    {
        var given = context.Request.Headers[SecretHeader];
        // Hashing first makes the comparison constant-time in the secret's length too.
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given.Count == 1 ? given[0] ?? "" : ""));
        if (CryptographicOperations.FixedTimeEquals(givenHash, expectedHash))
        {
            return true;
        }

        // Debug, not warning: anyone who finds the URL can send these, and each would otherwise write a log line.
        logger.WebhookSecretRefused(context.Connection.RemoteIpAddress, given.Count == 0 ? "missing" : "wrong");
        return false;
    }

    /// <summary>The body as JSON; null (with the response status set, unless the sender went away) when it is not.</summary>
    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            logger.WebhookBodyNotJson();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return null;
        }
        catch (BadHttpRequestException ex)
        {
            // 413 (body over the listener's limit) or 408 (a sender too slow): expected abuse, so no stack trace.
            logger.WebhookBadRequest(context.Connection.RemoteIpAddress, ex.StatusCode, ex.Message);
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = ex.StatusCode;
            }

            return null;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            logger.WebhookAborted();
            return null;
        }
    }
}
