namespace AnatomyBot.Telegram.Storage;

/// <summary>
/// Port: what several replicas sharing one store need to share work safely. Implemented by the PostgreSQL store; the
/// SQLite store, which serves one process, does not implement it, and the adapter then neither claims nor leases.
/// </summary>
public interface IReplicaCoordination
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> inbox updates for <paramref name="owner"/> until <paramref name="now"/> +
    /// <paramref name="lease"/>, in update_id order: updates nobody holds, those whose claim expired (the replica that
    /// held them died or hangs) and those <paramref name="owner"/> already holds. Two replicas never get the same
    /// update while a claim is live; an update is handed out again only after its claim expired.
    /// </summary>
    Task<IReadOnlyList<InboxUpdate>> ClaimWebhookUpdatesAsync(string owner, int limit, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="owner"/> until <paramref name="now"/> +
    /// <paramref name="duration"/>. True when <paramref name="owner"/> holds it afterwards: it was free, had expired,
    /// or was already theirs.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (a replica stopping cleanly), so another takes over at once. No-op when not held.</summary>
    Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken);
}
