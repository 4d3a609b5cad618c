using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Sending;

/// <summary>How long to wait before retrying a failed call. Waits run on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class RetryPolicy(TimeProvider timeProvider, IOptions<TelegramOptions> options)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(options.Value.MaxBackoffSeconds);

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>
    /// Exponential back-off (1 s, 2 s, 4 s, ...) capped at Telegram:MaxBackoffSeconds, with "equal jitter"
    /// (half fixed, half random) so many chats or instances do not retry in lockstep.
    /// </summary>
    public TimeSpan Backoff(int attempt) => Core.Resilience.Backoff.Exponential(attempt, _maxBackoff, Random.Shared.NextDouble());

    /// <summary>The delay before retrying <paramref name="error"/>, or null when retrying is pointless.</summary>
    public TimeSpan? DelayFor(ApiError error, int attempt) => error.Kind switch
    {
        ApiErrorKind.RateLimited => error.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRetryAfter,
        ApiErrorKind.Server or ApiErrorKind.Network => Backoff(attempt),
        _ => null,
    };

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
}
