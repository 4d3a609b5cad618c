using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Storage.Postgres;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (1200-1299): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Listening for reloads of other replicas again; reloading once for any sent meanwhile")]
    public static partial void ListeningAgain(this ILogger logger);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Replica {Replica} listens for knowledge reloads of the other replicas")]
    public static partial void Listening(this ILogger logger, string replica);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Lost the connection that listens for other replicas' reloads ({Error}); reconnecting in {Delay}")]
    public static partial void ListenConnectionLost(this ILogger logger, string error, TimeSpan delay);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Knowledge reloaded because replica {From} reloaded: version {Version}")]
    public static partial void ReloadedForReplica(this ILogger logger, string from, string version);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Replica {From} reloaded, but the knowledge here did not reload ({Count} error(s), first: {Error}); the previous knowledge keeps serving")]
    public static partial void ReloadForReplicaRefused(this ILogger logger, string from, int count, KnowledgeError? error);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Error, Message = "Reloading because replica {From} reloaded failed: {Error}")]
    public static partial void ReloadForReplicaFailed(this ILogger logger, string from, string error);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Reloaded here, but could not tell the other replicas to reload ({Error}); reload them one by one")]
    public static partial void BroadcastFailed(this ILogger logger, string error);
}
