namespace AnatomyBot.Core.Storage;

/// <summary>An update stored before the platform was told it arrived, waiting to be handled.</summary>
public sealed record InboxUpdate(long UpdateId, string Json);

/// <summary>
/// Port: durable receipt of platform updates, per <c>stream</c> (the adapter's name for its update feed, e.g.
/// "telegram"): the long-polling offset, the inbox of webhook deliveries stored before they are acknowledged, and the
/// record of updates already handled (platforms repeat deliveries they think failed).
/// </summary>
public interface IUpdateInbox
{
    /// <summary>The offset to ask for next (last handled id + 1), or null before the first update.</summary>
    Task<long?> GetOffsetAsync(string stream, CancellationToken cancellationToken);

    Task SetOffsetAsync(string stream, long offset, CancellationToken cancellationToken);

    /// <summary>Whether the update was already handled.</summary>
    Task<bool> IsHandledAsync(string stream, long updateId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an update in the inbox, durably. False when it is already in the inbox or was already handled (a repeated
    /// delivery).
    /// </summary>
    Task<bool> EnqueueAsync(string stream, long updateId, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The oldest inbox updates, in update id order; they stay in the inbox until completed.</summary>
    Task<IReadOnlyList<InboxUpdate>> GetPendingAsync(string stream, int limit, CancellationToken cancellationToken);

    /// <summary>How many updates wait in the inbox.</summary>
    Task<int> CountPendingAsync(string stream, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an update handled and removes it from the inbox, in one transaction; records of handled updates older than
    /// two days are pruned.
    /// </summary>
    Task CompleteAsync(string stream, long updateId, DateTimeOffset at, CancellationToken cancellationToken);
}
