using AnatomyBot.Commands;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Hosting;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Observability;

/// <summary>
/// Wraps the engine so every answered question is counted (platform, intent), timed and logged, without the engine
/// knowing about metrics or logs. The user's text is logged only at Debug and truncated; Information carries the
/// platform, chat and intent.
/// </summary>
internal sealed class MeteredAnswerEngine(
    IAnswerEngine inner,
    TimeProvider timeProvider,
    BotMetrics metrics,
    ILogger<MeteredAnswerEngine> logger,
    SecretRedactor? redactor = null) : IAnswerEngine
{
    /// <summary>Longest excerpt of a question written to the Debug log.</summary>
    public const int MaxLoggedTextLength = 80;

    public Reply Answer(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var platform = message.Platform;
        var started = timeProvider.GetTimestamp();
        Reply reply;
        try
        {
            reply = inner.Answer(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Failed(platform);
            logger.EngineFailed(platform, message.ChatId, ex.GetType().Name);
            throw;
        }

        var elapsed = timeProvider.GetElapsedTime(started);
        var intent = AnswerJson.IntentName(reply.Intent);
        metrics.Answered(platform, intent, elapsed, reply.Disclaimer is not null);
        logger.Answered(platform, message.ChatId, intent, reply.Entity, elapsed.TotalMilliseconds, reply.Disclaimer is not null);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // A user may paste anything, the bot's own token included.
            // A command's request prints its type and argument ("MuscleCardRequest { Name = psoas }").
            var asked = message.Request is AskRequest ask ? ask.Text : message.Request.ToString();
            var text = redactor?.Redact(asked) ?? asked;
            logger.QuestionText(platform, message.ChatId, Excerpt(text));
        }

        return reply;
    }

    /// <summary>At most <see cref="MaxLoggedTextLength"/> characters on one line, control characters replaced.</summary>
    internal static string Excerpt(string text)
    {
        var cut = text.Length > MaxLoggedTextLength;
        var span = cut ? text.AsSpan(0, MaxLoggedTextLength) : text.AsSpan();
        if (cut && char.IsHighSurrogate(span[^1]))
        {
            span = span[..^1];
        }

        var chars = span.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars) + (cut ? "…" : string.Empty);
    }
}
