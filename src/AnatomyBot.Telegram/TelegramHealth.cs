using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Api;

namespace AnatomyBot.Telegram;

/// <summary>
/// The adapter's state for /healthz ("telegram"): Starting until the first successful getMe, Connected while
/// polling (or the webhook registration) succeeds, Reconnecting while backing off, Failed when the token is
/// rejected, Stopped after shutdown. Details come from redacted error text and never contain the token.
/// </summary>
internal sealed class TelegramHealth(TimeProvider timeProvider) : AdapterHealthTracker("telegram", timeProvider)
{
    private volatile bool _everConnected;

    public void Connected(string detail)
    {
        _everConnected = true;
        Set(AdapterState.Connected, detail);
    }

    /// <summary>A call failed and will be retried: still Starting before the first success, Reconnecting after.</summary>
    public void Retrying(string method, ApiError error) =>
        Set(_everConnected ? AdapterState.Reconnecting : AdapterState.Starting, $"{method} failed ({error.Kind}, {error.StatusCode}); retrying with back-off");

    /// <summary>The metric tag for a failed getUpdates: a 200 whose body could not be read is "malformed".</summary>
    public static string KindTag(ApiError error) => error.StatusCode == 200 ? "malformed" : error.Kind switch
    {
        ApiErrorKind.RateLimited => "rate_limited",
        ApiErrorKind.Server => "server",
        ApiErrorKind.Network => "network",
        ApiErrorKind.Unauthorized => "unauthorized",
        ApiErrorKind.Conflict => "conflict",
        ApiErrorKind.ChatMigrated => "chat_migrated",
        ApiErrorKind.Forbidden => "forbidden",
        _ => "bad_request",
    };
}
