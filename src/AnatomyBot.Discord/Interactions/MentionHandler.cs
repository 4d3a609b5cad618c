using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// With Discord:AnswerMentions on: answers MESSAGE_CREATE that mention the bot or are DMs, as free-text
/// questions, with a reply to the message. Content arrives for these without the MESSAGE_CONTENT intent. A request for a
/// quiz ("quiz me") gets the same stored quiz with buttons as /quiz, so the answer is graded.
/// </summary>
internal sealed class MentionHandler(IAnswerEngine engine, QuizService quizzes, DiscordRestClient rest, DiscordBotIdentity identity, ILogger<MentionHandler> logger)
{
    public bool ShouldAnswer(Message message)
    {
        var self = identity.BotUserId;
        if (self is null || message.Author.Bot == true || message.Author.Id == self)
        {
            return false;
        }

        var isDm = message.GuildId is null;
        if (isDm || message.Mentions?.Any(m => m.Id == self) == true)
        {
            return true;
        }

        var content = message.Content ?? "";
        return content.Contains($"<@{self}>", StringComparison.Ordinal) || content.Contains($"<@!{self}>", StringComparison.Ordinal);
    }

    public async Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        var channel = message.ChannelId;
        var content = message.Content ?? "";
        var self = identity.BotUserId ?? "";
        var question = content.Replace($"<@{self}>", " ", StringComparison.Ordinal).Replace($"<@!{self}>", " ", StringComparison.Ordinal).Trim();
        if (question.Length > CommandDefinitions.MaxQuestionLength)
        {
            question = question[..CommandDefinitions.MaxQuestionLength];
        }

        var reply = engine.Answer(new IncomingMessage(question, Platform.Discord, message.Author.Id, channel));
        var start = reply.Intent == Intent.Quiz ? await quizzes.StartAsync(DiscordKeys.Chat(channel), cancellationToken) : null;
        var body = start is { IsReady: true }
            ? InteractionHandler.QuizMessage(start.Question, start.Post.PostId)
            : start is not null ? MessageRenderer.TextMessage(InteractionHandler.NoQuizQuestions) : MessageRenderer.ReplyMessage(reply);
        body["message_reference"] = new JsonObject { ["message_id"] = message.Id, ["fail_if_not_exists"] = false };
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
