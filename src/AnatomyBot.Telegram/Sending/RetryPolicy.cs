using AnatomyBot.Core.Resilience;
using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Sending;

/// <summary>How long to wait before retrying a failed call. Waits run on the injected <see cref="TimeProvider"/>.</summary>
internal sealed class RetryPolicy(TimeProvider timeProvider, IOptions<TelegramOptions> options, TelegramRandom random)
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maxBackoff = TimeSpan.FromSeconds(options.Value.MaxBackoffSeconds);

    public TimeProvider TimeProvider => timeProvider;

    /// <summary>
    /// The waits after server and network failures, as a plain endless sequence (Core's <see cref="Backoff.Delays"/>):
    /// 1 s, 2 s, 4 s, ... capped at Telegram:MaxBackoffSeconds, with "equal jitter" (half fixed, half random) so many
    /// chats or instances do not retry in lockstep. Take the next one after each failure; a new sequence after a success.
    /// </summary>
    public IEnumerable<TimeSpan> Delays() => Backoff.Delays(_maxBackoff, random.Random.NextDouble);

    /// <summary>The wait a 429 asks for (its retry_after), or 1 s when it names none.</summary>
    public static TimeSpan RetryAfter(ApiError error) =>
        error.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRetryAfter;

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
}
