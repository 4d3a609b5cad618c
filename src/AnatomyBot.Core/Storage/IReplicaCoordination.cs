namespace AnatomyBot.Core.Storage;

/// <summary>
/// Who this process is among the replicas sharing one store: the owner of its inbox claims and leases. A replica
/// restarted under the same id takes its own live claims back at once; two running replicas must never share one.
/// </summary>
public sealed record ReplicaIdentity(string Id);

/// <summary>
/// Port: what several replicas sharing one store need to split work safely. Implemented by the PostgreSQL provider;
/// the SQLite provider serves one process and does not register it, and adapters then neither claim nor lease.
/// </summary>
public interface IReplicaCoordination
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> inbox updates of <paramref name="stream"/> for <paramref name="owner"/> until
    /// <paramref name="now"/> + <paramref name="claim"/>, in update id order: updates nobody holds, those whose claim
    /// expired (the replica that held them died or hangs) and those <paramref name="owner"/> already holds. Replicas
    /// claiming at once get different updates; an update is handed out again only after its claim expired.
    /// </summary>
    Task<IReadOnlyList<InboxUpdate>> ClaimAsync(string stream, string owner, int limit, DateTimeOffset now, TimeSpan claim, CancellationToken cancellationToken);

    /// <summary>
    /// Takes or renews the lease <paramref name="name"/> for <paramref name="owner"/> until <paramref name="now"/> +
    /// <paramref name="duration"/>. True when <paramref name="owner"/> holds it afterwards: it was free, had expired, or
    /// was already theirs.
    /// </summary>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives a lease up (a replica stopping cleanly), so another takes over at once. No-op when not held.</summary>
    Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken);
}
