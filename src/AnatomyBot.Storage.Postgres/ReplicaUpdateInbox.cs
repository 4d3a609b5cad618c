using AnatomyBot.Core.Storage;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// The update inbox as one replica sees it: <see cref="GetPendingAsync"/> claims what it hands out (for
/// <c>Storage:ClaimSeconds</c>) instead of only reading it, so replicas draining one shared inbox never handle the same
/// update at once, and an update claimed by a replica that died goes to another once the claim expired (handled at most
/// once more). At most <see cref="MaxClaim"/> updates are claimed at a time, so a burst accepted by one replica is
/// spread over the others; the Telegram webhook worker asks for one at a time, so a claim only has to outlast the
/// handling of one update. Everything else is the shared inbox itself.
/// </summary>
internal sealed class ReplicaUpdateInbox(PostgresUpdateInbox inbox, ReplicaIdentity replica, TimeProvider timeProvider, TimeSpan claim) : IUpdateInbox
{
    internal const int MaxClaim = 10;

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
