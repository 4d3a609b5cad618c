using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Sending;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Calls a Bot API method again, on <see cref="RetryPolicy"/>'s delays, until it succeeds or the adapter must stop (a
/// rejected token); each failure is logged and reported on the adapter's health.
/// </summary>
internal sealed class BotApiRetrier(TelegramHealth health, RetryPolicy policy, TelegramAdapterLifetime adapter, ILogger<BotApiRetrier> logger)
{
    public TimeProvider TimeProvider => policy.TimeProvider;

    /// <summary>The back-off of one run of failed calls; <see cref="RetryDelays.Reset"/> it after a success.</summary>
    public RetryDelays NewRun() => new(policy);

    /// <summary>The first delay of a run: the wait after a single failure.</summary>
    public TimeSpan FirstDelay() => policy.Delays().First();

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => policy.WaitAsync(delay, cancellationToken);

    /// <summary>True once the call succeeded (or the server lacks the method); false when the adapter must stop.</summary>
    public async Task<bool> CallUntilTrueAsync(string method, Func<CancellationToken, Task<TelegramResult<bool>>> call, CancellationToken cancellationToken)
    {
        using var retries = NewRun();
        while (true)
        {
            var result = await call(cancellationToken);
            if (result.IsSuccess || result.Error!.Kind == ApiErrorKind.NotImplemented)
            {
                // A method the server lacks is a degraded feature (BotApi logged it once), not a reason to stop.
                return true;
            }

            if (!await OnFailureAsync(method, result.Error!, retries, cancellationToken))
            {
                return false;
            }
        }
    }

    /// <summary>The call's result once it succeeded; null when the adapter must stop.</summary>
    public async Task<T?> CallUntilDoneAsync<T>(string method, Func<CancellationToken, Task<TelegramResult<T>>> call, CancellationToken cancellationToken)
        where T : class
    {
        using var retries = NewRun();
        while (true)
        {
            var result = await call(cancellationToken);
            if (result.IsSuccess)
            {
                return result.Value;
            }

            if (!await OnFailureAsync(method, result.Error!, retries, cancellationToken))
            {
                return null;
            }
        }
    }

    /// <summary>Logs and waits after a failed call; false when the adapter must stop.</summary>
    public async Task<bool> OnFailureAsync(string method, ApiError error, RetryDelays retries, CancellationToken cancellationToken)
    {
        var backoff = retries.Next(error.Kind);
        if (error.Kind != ApiErrorKind.Unauthorized)
        {
            health.Retrying(method, error);
        }

        switch (error.Kind)
        {
            case ApiErrorKind.Unauthorized:
                adapter.Fail(TelegramPollingService.UnauthorizedMessage);
                return false;
            case ApiErrorKind.Conflict:
                logger.Conflict();
                await policy.WaitAsync(backoff, cancellationToken);
                return true;
            case ApiErrorKind.RateLimited:
                var retryAfter = RetryPolicy.RetryAfter(error);
                logger.RateLimited(method, retryAfter);
                await policy.WaitAsync(retryAfter, cancellationToken);
                return true;
            default:
                logger.CallRetrying(method, error, backoff);
                await policy.WaitAsync(backoff, cancellationToken);
                return true;
        }
    }
}
