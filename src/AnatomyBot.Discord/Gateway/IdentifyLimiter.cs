using AnatomyBot.Discord.Protocol;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Gateway;

/// <summary>
/// Paces session starts (IDENTIFY) for every shard this process runs: at most one per
/// <see cref="Window"/> per rate-limit bucket (<c>shard_id % max_concurrency</c>), and none while the day's
/// session starts are used up (until Discord resets them). All waiting goes through the injected clock.
/// </summary>
internal sealed class IdentifyLimiter(TimeProvider time, ILogger<IdentifyLimiter> logger)
{
    /// <summary>Discord allows max_concurrency identifies per 5 seconds.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly Dictionary<int, DateTimeOffset> _nextTurn = [];
    private int _maxConcurrency = 1;
    private int _total = int.MaxValue;
    private int _remaining = int.MaxValue;
    private DateTimeOffset _resetAt;

    /// <summary>Called when a shard has to wait for Discord to reset the session starts, with when that is.</summary>
    public Action<int, DateTimeOffset> OnExhausted { get; set; } = (_, _) => { };

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

    /// <summary>Waits until <paramref name="shardId"/> may identify, and counts the session start.</summary>
    public async Task WaitTurnAsync(int shardId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (wait, exhausted) = TakeTurnOrWait(shardId);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            if (exhausted is { } resetAt)
            {
                OnExhausted(shardId, resetAt);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private (TimeSpan Wait, DateTimeOffset? ExhaustedUntil) TakeTurnOrWait(int shardId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 0)
            {
                if (now < _resetAt)
                {
                    logger.NoSessionStartsLeft(_total,
                        shardId,
                        _resetAt);
                    return (_resetAt - now, _resetAt);
                }

                _remaining = _total;
            }

            var bucket = shardId % _maxConcurrency;
            var turn = _nextTurn.TryGetValue(bucket, out var next) && next > now ? next : now;
            if (turn > now)
            {
                return (turn - now, null);
            }

            _nextTurn[bucket] = now + Window;
            _remaining--;
            return (TimeSpan.Zero, null);
        }
    }
}
