using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace AnatomyBot.Discord.Rest;

/// <summary>
/// Per-bucket REST rate limiting from the X-RateLimit-* headers. Routes are mapped to the bucket id Discord
/// reports; a bucket's state is kept per major parameter (channel, guild, webhook, interaction).
/// Limits are never hard-coded: an unknown bucket is tried and learned from the answer.
/// </summary>
internal sealed class RestRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _routeToBucket = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly object _globalGate = new();
    private DateTimeOffset _globalUntil;

    public async Task AcquireAsync(string route, string major, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = GlobalWait();
            if (wait <= TimeSpan.Zero)
            {
                var state = StateFor(route, major);
                wait = state?.TryTake(time.GetUtcNow()) ?? TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    public void Update(string route, string major, HttpResponseHeaders headers)
    {
        var bucket = Header(headers, "X-RateLimit-Bucket");
        if (bucket is null)
        {
            return;
        }

        _routeToBucket[route] = bucket;
        var remaining = Number(headers, "X-RateLimit-Remaining");
        var resetAfter = Number(headers, "X-RateLimit-Reset-After");
        var limit = Number(headers, "X-RateLimit-Limit");
        if (remaining is null || resetAfter is null)
        {
            return;
        }

        var state = _buckets.GetOrAdd(bucket + ":" + major, _ => new BucketState());
        state.Set((int)remaining.Value, (int?)limit, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter.Value));
    }

    /// <summary>A 429: block the whole client (global) or this route's bucket for <paramref name="retryAfter"/>.</summary>
    public void OnRateLimited(string route, string major, TimeSpan retryAfter, bool global)
    {
        var until = time.GetUtcNow() + retryAfter;
        if (global)
        {
            lock (_globalGate)
            {
                if (until > _globalUntil)
                {
                    _globalUntil = until;
                }
            }

            return;
        }

        var bucket = _routeToBucket.GetOrAdd(route, r => "route:" + r);
        _buckets.GetOrAdd(bucket + ":" + major, _ => new BucketState()).Set(0, null, until);
    }

    private TimeSpan GlobalWait()
    {
        lock (_globalGate)
        {
            return _globalUntil - time.GetUtcNow();
        }
    }

    private BucketState? StateFor(string route, string major) =>
        _routeToBucket.TryGetValue(route, out var bucket) && _buckets.TryGetValue(bucket + ":" + major, out var state)
            ? state
            : null;

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static double? Number(HttpResponseHeaders headers, string name) =>
        double.TryParse(Header(headers, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class BucketState
    {
        private readonly object _gate = new();
        private int _remaining = 1;
        private int? _limit;
        private DateTimeOffset _resetAt;

        public void Set(int remaining, int? limit, DateTimeOffset resetAt)
        {
            lock (_gate)
            {
                _remaining = remaining;
                _limit = limit ?? _limit;
                _resetAt = resetAt;
            }
        }

        /// <summary>Takes one request from the bucket, or says how long to wait for the reset.</summary>
        public TimeSpan TryTake(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (now >= _resetAt && _remaining <= 0)
                {
                    // The window passed: the real count comes back with the next answer.
                    _remaining = _limit ?? 1;
                }

                if (_remaining > 0)
                {
                    _remaining--;
                    return TimeSpan.Zero;
                }

                return _resetAt - now;
            }
        }
    }
}
