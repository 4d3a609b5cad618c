namespace AnatomyBot.Telegram.Storage;

/// <summary>
/// Who this process is among the replicas sharing a store: the owner name of its inbox claims and leases. With the
/// SQLite store there is one process, "local", which takes its own claims back at once after a restart. A shared store
/// registers one per process (<c>Storage:ReplicaId</c>, by default host name and process id).
/// </summary>
public sealed record ReplicaIdentity(string Id)
{
    public static ReplicaIdentity Local { get; } = new("local");
}
