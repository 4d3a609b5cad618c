using Microsoft.Extensions.Logging;

namespace AnatomyBot;

/// <summary>
/// The log lines of this project, source-generated (no formatting or boxing unless the level is on). Event ids are
/// stable (100-102 answers, 200-201 the HTTP listener, 300-399 the run): operators filter on them; the message templates are the ones log searches already use.
/// </summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Information,
        Message = "Answered {Platform} chat {ChatId}: intent {Intent}, entity {Entity}, {ElapsedMs:0.###} ms, disclaimer {Disclaimer}")]
    public static partial void Answered(this ILogger logger, string platform, string chatId, string intent, string? entity, double elapsedMs, bool disclaimer);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Question from {Platform} chat {ChatId}: {Text}")]
    public static partial void QuestionText(this ILogger logger, string platform, string chatId, string text);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "The engine failed on a question from {Platform} chat {ChatId}: {Error}")]
    public static partial void EngineFailed(this ILogger logger, string platform, string chatId, string error);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information, Message = "HTTP endpoints /healthz and /metrics listening on {Addresses}")]
    public static partial void HttpListening(this ILogger logger, string addresses);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information, Message = "HTTP listener off (Http:Enabled is false)")]
    public static partial void HttpDisabled(this ILogger logger);

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Telegram adapter {Telegram}, Discord adapter {Discord}.")]
    public static partial void Adapters(this ILogger logger, string telegram, string discord);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "AnatomyBot stopped in {ElapsedMs:0} ms")]
    public static partial void Stopped(this ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "AnatomyBot ready in {ElapsedMs:0} ms: knowledge version {Version} ({Muscles} muscles, {Topics} topics, {Quiz} quiz questions), HTTP {Http}")]
    public static partial void Ready(this ILogger logger, double elapsedMs, string version, int muscles, int topics, int quiz, string http);

    [LoggerMessage(EventId = 303, Level = LogLevel.Critical, Message = "The bot stopped on an unexpected error: {Error}")]
    public static partial void StoppedOnError(this ILogger logger, string error);
}
