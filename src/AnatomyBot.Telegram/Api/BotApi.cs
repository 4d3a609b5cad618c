using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Api;

/// <summary>
/// The Bot API through Telegram.Bot's <see cref="TelegramBotClient"/>: the library builds the requests, talks HTTP
/// and reads the replies into its types; this class turns its exceptions into <see cref="TelegramResult{T}"/> values
/// (one attempt per call: retry decisions belong to the callers, on the injected clock), keeps the token out of every
/// text, and records methods the server does not implement as degraded features.
/// </summary>
internal sealed partial class BotApi(
    IHttpClientFactory httpClientFactory,
    IOptions<TelegramOptions> options,
    TelegramHealth health,
    TelegramMetrics metrics,
    ILogger<BotApi> logger)
{
    public const string HttpClientName = "AnatomyBot.Telegram";

    private readonly string _token = options.Value.Token;
    private readonly TelegramBotClientOptions _clientOptions = ClientOptions(options.Value);

    /// <summary>
    /// The library's options: base URL (a local Bot API server, an emulator or a test fake), test environment, and
    /// its own 429 retry switched off (<c>RetryThreshold</c> 0): it would wait with a real-time <c>Task.Delay</c>,
    /// while our retries run on the injected <see cref="TimeProvider"/>.
    /// </summary>
    internal static TelegramBotClientOptions ClientOptions(TelegramOptions options) =>
        new(options.Token, options.UsesOfficialServer ? null : options.ApiBaseUrl, options.UseTestEnvironment)
        {
            RetryThreshold = 0,
            RetryCount = 1,
        };

    /// <summary>A library client over a pooled HttpClient from the factory (cheap: it holds only references).</summary>
    public ITelegramBotClient Client => new TelegramBotClient(_clientOptions, httpClientFactory.CreateClient(HttpClientName));

    public Task<TelegramResult<User>> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync(new GetMeRequest(), cancellationToken);

    public Task<TelegramResult<bool>> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        CallAsync(new DeleteWebhookRequest(), cancellationToken);

    public Task<TelegramResult<ChatMember>> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        CallAsync(new GetChatMemberRequest { ChatId = chatId, UserId = userId }, cancellationToken);

    public Task<TelegramResult<bool>> AnswerCallbackQueryAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        CallAsync(new AnswerCallbackQueryRequest { CallbackQueryId = callbackQueryId }, cancellationToken);

    /// <summary>Whether the server answered that it does not implement <paramref name="method"/>.</summary>
    public bool IsUnsupported(string method) => health.IsDegraded(method);

    public async Task<TelegramResult<TResult>> CallAsync<TResult>(IRequest<TResult> request, CancellationToken cancellationToken)
    {
        var method = request.MethodName;
        TelegramResult<TResult> result;
        try
        {
            result = TelegramResult<TResult>.Ok(await Client.SendRequest(request, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ApiRequestException ex)
        {
            var retryAfter = ex.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : (TimeSpan?)null;
            result = TelegramResult<TResult>.Fail(new ApiError(
                KindFor(method, ex.ErrorCode, ex.Message, ex.Parameters?.MigrateToChatId),
                ex.ErrorCode,
                $"{method}: {Redact(ex.Message)}",
                retryAfter,
                ex.Parameters?.MigrateToChatId));
        }
        catch (RequestException ex) when (ex.HttpStatusCode == HttpStatusCode.OK)
        {
            // The server took the call. A method whose only result is "true" has done its job (some servers answer
            // setWebhook with result null); for the others the caller decides (a send is never repeated).
            if (typeof(TResult) == typeof(bool))
            {
                logger.UnreadableSuccess(method);
                return TelegramResult<TResult>.Ok((TResult)(object)true);
            }

            result = TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Unreadable, 200, $"{method}: the reply could not be read ({Reason(ex)})"));
        }
        catch (RequestException ex) when (ex.HttpStatusCode is { } status)
        {
            // A non-200 reply that is not a Bot API error object (an HTML error page, a bare 404).
            var code = (int)status;
            result = TelegramResult<TResult>.Fail(new ApiError(KindFor(method, code, "", null), code, $"{method}: HTTP {code} without a Bot API error ({Reason(ex)})"));
        }
        catch (RequestException ex)
        {
            // No answer at all: connection refused or reset, or the HttpClient timeout.
            result = TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Network, 0, $"{method}: {Reason(ex)}"));
        }

        switch (result.Error?.Kind)
        {
            case ApiErrorKind.RateLimited:
                metrics.RateLimited();
                break;
            case ApiErrorKind.NotImplemented when health.Degrade(method, Feature(method)):
                logger.MethodNotImplemented(method, result.Error, Feature(method));
                break;
        }

        return result;
    }

    /// <summary>Removes the token from any text that may end up in a log (exception messages can carry the URL).</summary>
    public string Redact(string text) => Redact(text, _token);

    internal static string Redact(string text, string token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "<token>", StringComparison.Ordinal);

    /// <summary>What a user or operator misses when the server lacks <paramref name="method"/>.</summary>
    internal static string Feature(string method) => method switch
    {
        "setMyCommands" => "the command menu",
        "getChatMember" => "the administrator check (only bot moderators can change a group's daily quiz)",
        "sendPoll" => "quiz polls",
        "answerCallbackQuery" => "button acknowledgements",
        "deleteWebhook" => "removing a stale webhook",
        "setWebhook" => "webhook registration",
        _ => method,
    };

    private string Reason(Exception ex)
    {
        var text = ex.InnerException is { } inner ? $"{ex.Message}: {inner.GetType().Name}: {inner.Message}" : ex.Message;
        return Redact(text);
    }

    internal static ApiErrorKind KindFor(string method, int code, string description, long? migrateToChatId) => code switch
    {
        429 => ApiErrorKind.RateLimited,
        401 => ApiErrorKind.Unauthorized,
        // The Bot API answers 404 to a token it cannot parse; on getMe that means the token is wrong.
        404 when method == "getMe" => ApiErrorKind.Unauthorized,
        404 or 405 or 501 => ApiErrorKind.NotImplemented,
        409 => ApiErrorKind.Conflict,
        403 => ApiErrorKind.Forbidden,
        400 when migrateToChatId is not null => ApiErrorKind.ChatMigrated,
        400 when MethodMissing().IsMatch(description) => ApiErrorKind.NotImplemented,
        >= 500 => ApiErrorKind.Server,
        _ => ApiErrorKind.BadRequest,
    };

    // How third-party servers word "no such method" in a 400; narrow on purpose ("chat not found" is a real error).
    [GeneratedRegex(@"method\b.*\bnot (found|implemented|supported)|(unknown|unsupported) method|not implemented", RegexOptions.IgnoreCase)]
    private static partial Regex MethodMissing();
}

/// <summary>
/// getUpdates with the result kept as raw JSON: the receive loop reads each update on its own, so one update the
/// library cannot read is skipped and confirmed instead of failing the whole batch.
/// </summary>
internal sealed class GetRawUpdatesRequest() : RequestBase<JsonElement>("getUpdates")
{
    public long? Offset { get; init; }

    public int? Timeout { get; init; }

    public IReadOnlyList<string>? AllowedUpdates { get; init; }
}
