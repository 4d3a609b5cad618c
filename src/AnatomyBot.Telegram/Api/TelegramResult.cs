namespace AnatomyBot.Telegram.Api;

/// <summary>What went wrong with a Bot API call; decides the retry policy.</summary>
internal enum ApiErrorKind
{
    /// <summary>429: wait <see cref="ApiError.RetryAfter"/> and retry.</summary>
    RateLimited,
    /// <summary>5xx or an error reply that cannot be read: back off with jitter and retry.</summary>
    Server,
    /// <summary>Connection failure or timeout: back off with jitter and retry.</summary>
    Network,
    /// <summary>401 (or 404 from getMe): the token is wrong. Fatal.</summary>
    Unauthorized,
    /// <summary>409: a webhook is set or another instance polls with the same token.</summary>
    Conflict,
    /// <summary>400 with migrate_to_chat_id: the group became a supergroup with a new id.</summary>
    ChatMigrated,
    /// <summary>403: the bot was removed or blocked; stop posting there.</summary>
    Forbidden,
    /// <summary>Other 4xx: the request itself is wrong; retrying does not help.</summary>
    BadRequest,
    /// <summary>
    /// The server does not implement the method (404 or 501 after getMe worked, or a "method not found" style error):
    /// a degraded feature, never retried.
    /// </summary>
    NotImplemented,
    /// <summary>
    /// HTTP 200, but the reply could not be read. The server accepted the call: a send counts as sent and is never
    /// retried; a read (getMe, getUpdates) is retried with back-off.
    /// </summary>
    Unreadable,
}

internal sealed record ApiError(ApiErrorKind Kind, int StatusCode, string Description, TimeSpan? RetryAfter = null, long? MigrateToChatId = null)
{
    public override string ToString() => StatusCode > 0 ? $"{Kind} ({StatusCode}): {Description}" : $"{Kind}: {Description}";
}

/// <summary>
/// A Bot API outcome: a value or a typed error, never an exception for expected failures. A success may carry no
/// value when the server accepted the call but its reply could not be read (<see cref="IsUnread"/>).
/// </summary>
internal readonly record struct TelegramResult<T>(T? Value, ApiError? Error, bool IsUnread = false)
{
    public bool IsSuccess => Error is null;

    public static TelegramResult<T> Ok(T value) => new(value, null);

    /// <summary>The server answered 200 but the reply could not be read: done, without a value.</summary>
    public static TelegramResult<T> Accepted() => new(default, null, IsUnread: true);

    public static TelegramResult<T> Fail(ApiError error) => new(default, error);
}
