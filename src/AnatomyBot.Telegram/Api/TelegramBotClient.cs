using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Api;

/// <summary>
/// The Bot API over HTTP: one typed request per method, one attempt per call, results as values.
/// Retry decisions belong to the callers (<see cref="Sending.RetryPolicy"/>), which know whether waiting makes sense.
/// </summary>
internal sealed class TelegramBotClient(IHttpClientFactory httpClientFactory, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "AnatomyBot.Telegram";

    private readonly string _token = options.Value.Token;
    private readonly string _baseUrl = options.Value.ApiBaseUrl.TrimEnd('/');

    public Task<TelegramResult<TgUser>> GetMeAsync(CancellationToken cancellationToken) =>
        SendAsync(new GetMeRequest(), cancellationToken);

    public Task<TelegramResult<JsonElement>> GetUpdatesAsync(GetUpdatesRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    public Task<TelegramResult<TgMessage>> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    public Task<TelegramResult<TgMessage>> SendPollAsync(SendPollRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    public Task<TelegramResult<bool>> SetMyCommandsAsync(SetMyCommandsRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    public Task<TelegramResult<TgChatMember>> GetChatMemberAsync(long chatId, long userId, CancellationToken cancellationToken) =>
        SendAsync(new GetChatMemberRequest(chatId, userId), cancellationToken);

    public Task<TelegramResult<bool>> AnswerCallbackQueryAsync(string callbackQueryId, CancellationToken cancellationToken) =>
        SendAsync(new AnswerCallbackQueryRequest(callbackQueryId), cancellationToken);

    public Task<TelegramResult<bool>> SetWebhookAsync(SetWebhookRequest request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    public Task<TelegramResult<bool>> DeleteWebhookAsync(bool dropPendingUpdates, CancellationToken cancellationToken) =>
        SendAsync(new DeleteWebhookRequest(dropPendingUpdates), cancellationToken);

    public async Task<TelegramResult<TResult>> SendAsync<TResult>(TelegramRequest<TResult> request, CancellationToken cancellationToken)
    {
        var http = httpClientFactory.CreateClient(HttpClientName);
        var url = $"{_baseUrl}/bot{_token}/{request.MethodName}";
        try
        {
            using var content = JsonContent.Create(request, request.GetType(), options: TelegramJson.Options);
            using var response = await http.PostAsync(url, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var result = Interpret<TResult>(request.MethodName, response.StatusCode, body);
            if (result.Error?.Kind == ApiErrorKind.RateLimited)
            {
                BotMetrics.RateLimited.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            // TaskCanceledException without our token cancelled is HttpClient's own timeout.
            return TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Network, 0, Redact(ex.Message)));
        }
    }

    /// <summary>Removes the token from any text that may end up in a log (exception messages can carry the URL).</summary>
    public string Redact(string text) => Redact(text, _token);

    internal static string Redact(string text, string token) =>
        string.IsNullOrEmpty(token) ? text : text.Replace(token, "<token>", StringComparison.Ordinal);

    private TelegramResult<TResult> Interpret<TResult>(string method, HttpStatusCode status, string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            var kind = (int)status >= 500 || status == HttpStatusCode.OK ? ApiErrorKind.Server : KindFor(method, (int)status, null);
            return TelegramResult<TResult>.Fail(new ApiError(kind, (int)status, $"{method}: the reply is not valid JSON"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                if (!root.TryGetProperty("result", out var result))
                {
                    return TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Server, (int)status, $"{method}: the reply has no result"));
                }

                try
                {
                    var value = typeof(TResult) == typeof(JsonElement)
                        ? (TResult)(object)result.Clone()
                        : result.Deserialize<TResult>(TelegramJson.Options);
                    return value is null
                        ? TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Server, (int)status, $"{method}: the result is null"))
                        : TelegramResult<TResult>.Ok(value);
                }
                catch (JsonException ex)
                {
                    return TelegramResult<TResult>.Fail(new ApiError(ApiErrorKind.Server, (int)status, $"{method}: unexpected result ({Redact(ex.Message)})"));
                }
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var ci) ? ci : (int)status;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString() ?? ""
                : "";
            TgResponseParameters? parameters = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    parameters = p.Deserialize<TgResponseParameters>(TelegramJson.Options);
                }
                catch (JsonException)
                {
                    parameters = null;
                }
            }

            var error = new ApiError(
                KindFor(method, code, parameters),
                code,
                $"{method}: {Redact(description)}",
                parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(Math.Max(0, seconds)) : null,
                parameters?.MigrateToChatId);
            return TelegramResult<TResult>.Fail(error);
        }
    }

    private static ApiErrorKind KindFor(string method, int code, TgResponseParameters? parameters) => code switch
    {
        429 => ApiErrorKind.RateLimited,
        401 => ApiErrorKind.Unauthorized,
        // The Bot API answers 404 to a token it cannot parse; on getMe that means the token is wrong.
        404 when method == "getMe" => ApiErrorKind.Unauthorized,
        409 => ApiErrorKind.Conflict,
        403 => ApiErrorKind.Forbidden,
        400 when parameters?.MigrateToChatId is not null => ApiErrorKind.ChatMigrated,
        >= 500 => ApiErrorKind.Server,
        _ => ApiErrorKind.BadRequest,
    };
}
