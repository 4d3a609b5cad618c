using AnatomyBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Telegram allows one long poller per bot, so replicas sharing one database poll only while they hold the lease
/// <see cref="Name"/> (<see cref="IReplicaCoordination"/>): the others stand by and try to take it every third of
/// <c>Telegram:PollingLeaseSeconds</c>. The holder renews it as often. When a renewal finds another replica holding it,
/// or the database cannot be reached to renew it before it would expire, the holder stops polling at once (the
/// <see cref="Held.Token"/> is cancelled), so two replicas do not go on polling side by side. A holder that stops
/// gives the lease up, so a standby takes over at its next try; one that dies leaves it to expire. The new holder
/// starts from the stored offset: no update is lost, and at most the one in flight when the holder died is handled
/// twice. Every time is read from the injected clock. Without coordination (SQLite: one process) the lease is always
/// held.
/// </summary>
internal sealed class PollingLease(
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<PollingLease> logger,
    IReplicaCoordination? coordination = null,
    ReplicaIdentity? replica = null)
{
    internal const string Name = "telegram-polling";

    private readonly string _owner = replica?.Id ?? $"{Environment.MachineName}-{Environment.ProcessId}";
    private readonly TimeProvider _clock = clock;
    private readonly ILogger _logger = logger;
    private readonly IReplicaCoordination? _coordination = coordination;

    /// <summary>Whether replicas share the lease (a coordination service is registered); false with one process.</summary>
    public bool Shared => _coordination is not null;

    private TimeSpan Duration => TimeSpan.FromSeconds(options.Value.PollingLeaseSeconds);

    /// <summary>How often the holder renews and a standby tries to take the lease: a third of its duration.</summary>
    internal TimeSpan Interval => Duration / 3;

    /// <summary>
    /// Waits until this replica holds the lease (at once without coordination). <paramref name="standingBy"/> is told
    /// once, with a sentence for the health report, when another replica holds it. Database errors while standing by
    /// are logged and tried again at the next interval.
    /// </summary>
    public async Task<Held> AcquireAsync(Action<string> standingBy, CancellationToken cancellationToken)
    {
        if (_coordination is null)
        {
            return new Held(this, renew: false, cancellationToken);
        }

        var told = false;
        var failures = 0;
        while (true)
        {
            try
            {
                if (await _coordination.TryAcquireLeaseAsync(Name, _owner, _clock.GetUtcNow(), Duration, cancellationToken))
                {
                    _logger.LeaseTaken(_owner);
                    return new Held(this, renew: true, cancellationToken);
                }

                failures = 0;
                if (!told)
                {
                    told = true;
                    _logger.LeaseHeldElsewhere(Interval);
                    standingBy("standing by: another replica polls (it holds the polling lease)");
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (failures++ == 0)
                {
                    _logger.LeaseDatabaseUnreachable(ex, Interval);
                }
            }

            await Task.Delay(Interval, _clock, cancellationToken);
        }
    }

    /// <summary>
    /// The lease while this replica holds it: <see cref="Token"/> is cancelled when it is lost or the caller's token is.
    /// Disposing gives it up (unless lost) and stops the renewals.
    /// </summary>
    internal sealed class Held : IAsyncDisposable
    {
        private readonly PollingLease _lease;
        private readonly CancellationTokenSource _cancel;
        private readonly Task _renewing;
        private readonly bool _shared;
        private DateTimeOffset _until;

        internal Held(PollingLease lease, bool renew, CancellationToken cancellationToken)
        {
            _lease = lease;
            _shared = renew;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _until = lease._clock.GetUtcNow() + lease.Duration;
            _renewing = renew ? RenewAsync() : Task.CompletedTask;
        }

        public CancellationToken Token => _cancel.Token;

        /// <summary>Why the lease was lost, or null while it is held.</summary>
        public string? LostBecause { get; private set; }

        private async Task RenewAsync()
        {
            var lease = _lease;
            try
            {
                while (true)
                {
                    await Task.Delay(lease.Interval, lease._clock, _cancel.Token);
                    var now = lease._clock.GetUtcNow();
                    bool renewed;
                    try
                    {
                        renewed = await lease._coordination!.TryAcquireLeaseAsync(Name, lease._owner, now, lease.Duration, _cancel.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Keep polling while the lease still runs; stop before it expires, when another may take it.
                        if (lease._clock.GetUtcNow() + lease.Interval < _until)
                        {
                            lease._logger.LeaseRenewFailed(ex, lease.Interval);
                            continue;
                        }

                        Lose("the database could not be reached to renew it before it expires", ex);
                        return;
                    }

                    if (!renewed)
                    {
                        Lose("another replica holds it now", null);
                        return;
                    }

                    _until = now + lease.Duration;
                }
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // Disposed, or the host is stopping.
            }
        }

        private void Lose(string reason, Exception? error)
        {
            LostBecause = reason;
            _lease._logger.LeaseLost(error, reason);
            _cancel.Cancel();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_cancel.IsCancellationRequested)
            {
                await _cancel.CancelAsync();
            }

            await _renewing;
            if (_shared && LostBecause is null)
            {
                // Given up so a standby takes over at its next try instead of when the lease expires. Bounded: the host
                // is usually stopping, and an unreachable database must not hold that up (the lease then expires).
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _lease._coordination!.ReleaseLeaseAsync(Name, _lease._owner, bound.Token);
                    _lease._logger.LeaseGivenUp();
                }
                catch (Exception ex)
                {
                    _lease._logger.LeaseGiveUpFailed(ex);
                }
            }

            _cancel.Dispose();
        }
    }
}
