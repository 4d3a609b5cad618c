using System.Collections.Concurrent;
using AnatomyBot.Core.Observability;
using AnatomyBot.Telegram.Api;

namespace AnatomyBot.Telegram;

/// <summary>
/// The adapter's state for /healthz ("telegram"): Starting until the first successful getMe, Connected while
/// polling (or the webhook registration) succeeds, Reconnecting while backing off, Failed when the token is
/// rejected or the store is unusable, Stopped after shutdown. On top of that: Degraded while the store refuses
/// writes (they are retried; questions are still answered), and Failed while the webhook worker is not running
/// (a dead worker is never reported healthy). Details come from redacted error text and never contain the token;
/// features the server does not implement (a third-party Bot API server) are listed after the state's detail.
/// </summary>
internal sealed class TelegramHealth : AdapterHealthTracker, IAdapterHealth
{
    private readonly TimeProvider _timeProvider;
    private readonly TelegramMetrics _metrics;
    private readonly ConcurrentDictionary<string, string> _degraded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private volatile bool _everConnected;
    private string? _storageProblem;
    private DateTimeOffset _storageSince;
    private Func<(AdapterState State, string Detail)?>? _worker;

    public TelegramHealth(TimeProvider timeProvider, TelegramMetrics metrics)
        : base("telegram", timeProvider)
    {
        _timeProvider = timeProvider;
        _metrics = metrics;
    }

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

    /// <summary>A store operation failed and is being retried.</summary>
    public void StorageDegraded(string detail)
    {
        lock (_gate)
        {
            if (_storageProblem is null)
            {
                _storageSince = _timeProvider.GetUtcNow();
                _metrics.StorageDegraded(true);
            }

            _storageProblem = detail;
        }
    }

    /// <summary>A store operation succeeded after failures.</summary>
    public void StorageRecovered()
    {
        lock (_gate)
        {
            if (_storageProblem is not null)
            {
                _storageProblem = null;
                _metrics.StorageDegraded(false);
            }
        }
    }

    public bool IsStorageDegraded => Volatile.Read(ref _storageProblem) is not null;

    /// <summary>
    /// Lets the webhook worker report itself: the function returns a state and why (Failed when it is not running,
    /// Degraded while it restarts after a failure), or null while it works.
    /// </summary>
    public void WatchWorker(Func<(AdapterState State, string Detail)?> worker) => _worker = worker;

    AdapterState IAdapterHealth.State => Effective().State;

    /// <summary>The state's detail, then "degraded: ..." for each method the server lacks.</summary>
    string? IAdapterHealth.Detail
    {
        get
        {
            var detail = Effective().Detail;
            return _degraded.IsEmpty
                ? detail
                : $"{detail}; degraded: " + string.Join("; ", _degraded.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} not implemented by the server ({d.Value} unavailable)"));
        }
    }

    DateTimeOffset? IAdapterHealth.StateSince => Effective().Since;

    private (AdapterState State, string? Detail, DateTimeOffset? Since) Effective()
    {
        var state = State;
        if (state is AdapterState.Failed or AdapterState.Stopped)
        {
            return (state, Detail, StateSince);
        }

        if (_worker?.Invoke() is { } worker && (worker.State == AdapterState.Failed || state == AdapterState.Connected))
        {
            return (worker.State, worker.Detail, StateSince);
        }

        lock (_gate)
        {
            if (_storageProblem is { } storage && state == AdapterState.Connected)
            {
                return (AdapterState.Degraded, storage, _storageSince);
            }
        }

        return (state, Detail, StateSince);
    }

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
