using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// The update inbox as one replica sees it: <see cref="GetPendingAsync"/> claims what it hands out (for
/// <c>Storage:ClaimSeconds</c>) instead of only reading it, so replicas draining one shared inbox never handle the same
/// update at once, and an update claimed by a replica that died goes to another once the claim expired (handled at most
/// once more). One update is claimed at a time (<see cref="MaxClaim"/>): the claim then only has to outlast the handling
/// of that one update, however slow a loaded machine makes the replica (a batch claimed at once could run out while its
/// last updates wait, and another replica would answer them too: the replicas proof saw that with batches of 10 and
/// 5-second claims), and a burst accepted by one replica is spread over all of them. Everything else is the shared
/// inbox itself.
/// </summary>
internal sealed class ReplicaUpdateInbox(PostgresUpdateInbox inbox, ReplicaIdentity replica, TimeProvider timeProvider, TimeSpan claim) : IUpdateInbox
{
    internal const int MaxClaim = 1;

    public Task<IReadOnlyList<InboxUpdate>> GetPendingAsync(string stream, int limit, CancellationToken cancellationToken) =>
        inbox.ClaimAsync(stream, replica.Id, Math.Min(limit, MaxClaim), timeProvider.GetUtcNow(), claim, cancellationToken);

    public Task<long?> GetOffsetAsync(string stream, CancellationToken cancellationToken) => inbox.GetOffsetAsync(stream, cancellationToken);

    public Task SetOffsetAsync(string stream, long offset, CancellationToken cancellationToken) => inbox.SetOffsetAsync(stream, offset, cancellationToken);

    public Task<bool> IsHandledAsync(string stream, long updateId, CancellationToken cancellationToken) => inbox.IsHandledAsync(stream, updateId, cancellationToken);

    public Task<bool> EnqueueAsync(string stream, long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken) =>
        inbox.EnqueueAsync(stream, updateId, json, at, cancellationToken);

    public Task<int> CountPendingAsync(string stream, CancellationToken cancellationToken) => inbox.CountPendingAsync(stream, cancellationToken);

    public Task CompleteAsync(string stream, long updateId, DateTimeOffset at, CancellationToken cancellationToken) =>
        inbox.CompleteAsync(stream, updateId, at, cancellationToken);
}
