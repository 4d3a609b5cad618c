using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Gateway;

/// <summary>
/// Paces session starts (IDENTIFY) for every shard this process runs: at most one per <see cref="Window"/> per
/// rate-limit bucket (<c>shard_id % max_concurrency</c>; turns <see cref="Turn"/> apart), and none while the day's
/// session starts are used up (until Discord resets them). The bucket turns are taken through <see cref="ITurnClaims"/>: with the PostgreSQL store they
/// are shared, so processes running other shards of the bot keep to the same pace; with SQLite (one process) or no
/// store they are this process's. A turn the store cannot give (it is down) is taken in this process alone, with a
/// warning. All waiting goes through the injected clock.
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, ILogger<IdentifyLimiter> logger, ITurnClaims? turns = null)
{
    /// <summary>Discord allows max_concurrency identifies per 5 seconds.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How far apart a bucket's turns are: <see cref="Window"/> and half a second, so that IDENTIFYs still reach Discord
    /// at least 5 s apart when one leaves later after its turn than the next does (a process starting cold, a slow round
    /// trip to the shared store: up to 0.35 s was seen with two processes starting together on a busy machine).
    /// </summary>
    public static readonly TimeSpan Turn = Window + TimeSpan.FromMilliseconds(500);

    private readonly object _gate = new();
    private readonly InProcessTurnClaims _local = new();
    private int _maxConcurrency = 1;
    private int _total = int.MaxValue;
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetAt;

    /// <summary>Called when a shard has to wait for Discord to reset the session starts, with when that is.</summary>
    public Action<int, DateTimeOffset> OnExhausted { get; set; } = (_, _) => { };

    /// <summary>The name of the pace of <paramref name="bucket"/>, the same in every process of the bot.</summary>
    public static string PaceOf(int bucket) => "discord-identify/" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Takes the budget from <c>GET /gateway/bot</c>.</summary>
    public void Update(SessionStartLimit limit)
    {
        lock (_gate)
        {
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _total = limit.Total;
            _remaining = limit.Remaining;
            _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
        }
    }

    /// <summary>
    /// Waits until <paramref name="shardId"/> may identify: a session start from the budget, then its bucket's turn.
    /// Returns when the turn was taken.
    /// </summary>
    public async Task<DateTimeOffset> WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        int bucket;
        while (true)
        {
            var (wait, exhausted, maxConcurrency) = TakeSessionStartOrWait(shardId);
            if (wait <= TimeSpan.Zero)
            {
                bucket = shardId % maxConcurrency;
                break;
            }

            if (exhausted is { } resetAt)
            {
                OnExhausted(shardId, resetAt);
            }

            await Task.Delay(wait, time, cancellationToken);
        }

        while (true)
        {
            var now = time.GetUtcNow();
            if (await TryTakeTurnAsync(PaceOf(bucket), now, cancellationToken) is not { } next)
            {
                return now;
            }

            if (next > now)
            {
                await Task.Delay(next - now, time, cancellationToken);
            }
        }
    }

    private async Task<DateTimeOffset?> TryTakeTurnAsync(string pace, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (turns is null)
        {
            return await _local.TryTakeTurnAsync(pace, now, Turn, cancellationToken);
        }

        try
        {
            return await turns.TryTakeTurnAsync(pace, now, Turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.SharedTurnFailed(pace, ex.Message);
            return await _local.TryTakeTurnAsync(pace, now, Turn, cancellationToken);
        }
    }

    private (TimeSpan Wait, DateTimeOffset? ExhaustedUntil, int MaxConcurrency) TakeSessionStartOrWait(int shardId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0)
            {
                if (now < _resetAt)
                {
                    logger.NoSessionStartsLeft(_total, shardId, _resetAt);
                    return (_resetAt - now, _resetAt, _maxConcurrency);
                }

                _remaining = _total;
            }

            _remaining--;
            return (TimeSpan.Zero, null, _maxConcurrency);
        }
    }
}
