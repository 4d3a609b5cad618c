using System.Collections.Concurrent;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Api;

namespace AnatomyBot.Telegram;

/// <summary>
/// The adapter's state for /healthz ("telegram"): Starting until the first successful getMe, Connected while
/// polling (or the webhook registration) succeeds, Reconnecting while backing off, Failed when the token is
/// rejected, Stopped after shutdown. Details come from redacted error text and never contain the token; features
/// the server does not implement (a third-party Bot API server) are listed after the state's detail.
/// </summary>
internal sealed class TelegramHealth(TimeProvider timeProvider) : AdapterHealthTracker("telegram", timeProvider), IAdapterHealth
{
    private readonly ConcurrentDictionary<string, string> _degraded = new(StringComparer.Ordinal);
    private volatile bool _everConnected;

    /// <summary>The state's detail, then "degraded: ..." for each missing method.</summary>
    string? IAdapterHealth.Detail => _degraded.IsEmpty
        ? Detail
        : $"{Detail}; degraded: " + string.Join("; ", _degraded.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} not implemented by the server ({d.Value} unavailable)"));

    /// <summary>Records that the server lacks <paramref name="method"/>; true the first time (log it then, once).</summary>
    public bool Degrade(string method, string feature) => _degraded.TryAdd(method, feature);

    public bool IsDegraded(string method) => _degraded.ContainsKey(method);

    public IReadOnlyCollection<string> DegradedMethods => [.. _degraded.Keys];

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
        ApiErrorKind.NotImplemented => "not_implemented",
        _ => "bad_request",
    };
}
