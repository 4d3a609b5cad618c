using System.Text.Json;
using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// With Discord:AnswerMentions on: answers MESSAGE_CREATE that mention the bot or are DMs, as free-text
/// questions, with a reply to the message. Content arrives for these without the MESSAGE_CONTENT intent. A request for a
/// quiz ("quiz me") gets the same stored quiz with buttons as /quiz, so the answer is graded.
/// </summary>
internal sealed class MentionHandler(IAnswerEngine engine, QuizService quizzes, DiscordRestClient rest, DiscordSession session, ILogger<MentionHandler> logger)
{
    public bool ShouldAnswer(JsonElement message)
    {
        var self = session.BotUserId;
        if (self is null || !message.TryGetProperty("author", out var author))
        {
            return false;
        }

        if ((author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
            || (author.TryGetProperty("id", out var aid) && aid.GetString() == self))
        {
            return false;
        }

        var isDm = !message.TryGetProperty("guild_id", out var g) || g.ValueKind != JsonValueKind.String;
        if (isDm)
        {
            return true;
        }

        if (message.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array
            && mentions.EnumerateArray().Any(m => m.TryGetProperty("id", out var id) && id.GetString() == self))
        {
            return true;
        }

        var content = message.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
        return content.Contains($"<@{self}>", StringComparison.Ordinal) || content.Contains($"<@!{self}>", StringComparison.Ordinal);
    }

    public async Task HandleAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var channel = message.GetProperty("channel_id").GetString()!;
        var messageId = message.GetProperty("id").GetString()!;
        var user = message.GetProperty("author").GetProperty("id").GetString() ?? "";
        var content = message.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
        var self = session.BotUserId ?? "";
        var question = content.Replace($"<@{self}>", " ", StringComparison.Ordinal).Replace($"<@!{self}>", " ", StringComparison.Ordinal).Trim();
        if (question.Length > CommandDefinitions.MaxQuestionLength)
        {
            question = question[..CommandDefinitions.MaxQuestionLength];
        }

        var reply = engine.Answer(new IncomingMessage(question, Platform.Discord, user, channel));
        var start = reply.Intent == Intent.Quiz ? await quizzes.StartAsync(DiscordKeys.Chat(channel), cancellationToken) : null;
        var body = start is { IsReady: true }
            ? InteractionHandler.QuizMessage(start.Question, start.Post.PostId)
            : start is not null ? MessageRenderer.TextMessage(InteractionHandler.NoQuizQuestions) : MessageRenderer.ReplyMessage(reply);
        body["message_reference"] = new JsonObject { ["message_id"] = messageId, ["fail_if_not_exists"] = false };
        var response = await rest.CreateMessageAsync(channel, body, cancellationToken);
        if (!response.IsSuccess)
        {
            logger.LogWarning("Answering a mention in channel {ChannelId} failed with {Status}", channel, (int)response.Status);
        }
        else if (start is { IsReady: true })
        {
            await quizzes.CompleteAsync(start.Post, null, cancellationToken);
            BotMetrics.QuizPosts.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("kind", "on-demand"));
        }
    }
}
