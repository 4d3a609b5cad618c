using Microsoft.Extensions.Logging;

namespace AnatomyBot.Embeddings;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (1100-1199): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class EmbeddingsLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Sentence model loaded ({Model}); semantic retrieval is on.")]
    public static partial void ModelLoaded(this ILogger logger, string model);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The sentence model failed to load ({Reason}); answering with lexical retrieval only.")]
    public static partial void ModelFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "The embedding cache {Path} cannot be written ({Reason}); vectors are kept in memory only.")]
    public static partial void CacheNotWritable(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "The embedding cache {Path} cannot be read ({Reason}); facts are embedded afresh.")]
    public static partial void CacheNotReadable(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The int8 sentence model {Path} is broken ({Reason}); rewriting it from the library's model.")]
    public static partial void Int8ModelBroken(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "The int8 sentence model {Path} cannot be written ({Reason}); it is rewritten in memory at every start.")]
    public static partial void Int8ModelNotWritable(this ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information, Message = "Sentence model {Precision}: model ready in {PrepareMilliseconds} ms ({Source}), ONNX session in {SessionMilliseconds} ms.")]
    public static partial void ModelPrepared(this ILogger logger, string precision, long prepareMilliseconds, string source, long sessionMilliseconds);
}
