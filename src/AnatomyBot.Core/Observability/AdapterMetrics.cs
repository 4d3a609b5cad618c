using System.Diagnostics.Metrics;

namespace AnatomyBot.Core.Observability;

/// <summary>
/// The instruments every chat adapter records, created on the "AnatomyBot" meter of the host's
/// <see cref="IMeterFactory"/> and tagged with the adapter's platform name. Adapters share one instrument per name (the
/// meter returns the same instrument for the same name), and each adapter derives its own class for the instruments
/// only it has.
/// </summary>
public class AdapterMetrics
{
    private readonly KeyValuePair<string, object?> _platform;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _storageErrors;
    private readonly UpDownCounter<long> _storageDegraded;
    private readonly Counter<long> _quizPosts;

    public AdapterMetrics(IMeterFactory meterFactory, string platform)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(BotMetrics.MeterName);
        _platform = new("platform", platform);
        _rateLimited = Meter.CreateCounter<long>("anatomybot_rate_limited_total", description: "429 responses received");
        _storageErrors = Meter.CreateCounter<long>("anatomybot_storage_errors_total", description: "Storage operations that failed");
        _storageDegraded = Meter.CreateUpDownCounter<long>("anatomybot_storage_degraded", description: "1 while the store refuses writes (retrying)");
        _quizPosts = Meter.CreateCounter<long>("anatomybot_quiz_posts_total", description: "Quiz questions posted");
    }

    /// <summary>The "AnatomyBot" meter, for an adapter's own instruments.</summary>
    protected Meter Meter { get; }

    /// <summary>The platform answered HTTP 429.</summary>
    public void RateLimited() => _rateLimited.Add(1, _platform);

    /// <summary>A storage operation failed (locked past the busy timeout, disk full, read-only, corrupt).</summary>
    public void StorageError(string operation) => _storageErrors.Add(1, _platform, new("operation", operation));

    /// <summary>The store started (true) or stopped (false) refusing writes that are being retried.</summary>
    public void StorageDegraded(bool degraded) => _storageDegraded.Add(degraded ? 1 : -1, _platform);

    /// <summary>A quiz question was posted; <paramref name="kind"/> is on-demand or daily.</summary>
    public void QuizPosted(string kind) => _quizPosts.Add(1, _platform, new("kind", kind));
}
