using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// With Discord:AnswerMentions on: answers MESSAGE_CREATE that mention the bot or are DMs, with a reply to the message.
/// Each message becomes one typed request: an answer to the quiz question open in the channel, a typed command from
/// the catalogue (<c>/quiz</c>, <c>/reload</c>...), or a question. Content arrives for these without the
/// MESSAGE_CONTENT intent.
/// </summary>
internal sealed class MentionHandler(
    IAnswerEngine engine,
    IKnowledgeReloader reloader,
    DiscordRestClient rest,
    QuizBook quizzes,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<MentionHandler> logger)
{
    internal const string TypedAnswerHint = "Click an answer, or reply with its number.";

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
        var post = new MentionPost(message.ChannelId, message.Id, message.Author.Id);
        var content = message.Content ?? "";
        var self = identity.BotUserId ?? "";
        var text = content.Replace($"<@{self}>", " ", StringComparison.Ordinal).Replace($"<@!{self}>", " ", StringComparison.Ordinal).Trim();
        if (text.Length > CommandDefinitions.MaxQuestionLength)
        {
            text = text[..CommandDefinitions.MaxQuestionLength];
        }

        switch (Classify(post.ChannelId, text))
        {
            case QuizAnswerRequest answer when quizzes.Typed(post.ChannelId) is { } open:
                await GradeAsync(post, open.Question, open.PostId, answer.Answer, cancellationToken);
                break;
            case ReloadRequest:
                await ReloadAsync(post, cancellationToken);
                break;
            case var request:
                await AnswerAsync(post, request, cancellationToken);
                break;
        }
    }

    /// <summary>The message as one typed request: an answer to the channel's open quiz, a typed command, or a question.</summary>
    private ChatRequest Classify(string channelId, string text)
    {
        if (quizzes.Typed(channelId) is { } open && QuizAnswerText.ChosenOption(open.Question, text) >= 0)
        {
            return new QuizAnswerRequest(text);
        }

        quizzes.CloseTyped(channelId);
        return CommandCatalogue.Parse(text, CommandDefinitions.Offered);
    }

    private async Task AnswerAsync(MentionPost post, ChatRequest request, CancellationToken cancellationToken)
    {
        var reply = engine.Answer(new IncomingMessage(request, Platform.Discord, post.UserId, post.ChannelId));
        if (reply.Intent == Intent.Quiz && quizzes.Choose(post.ChannelId, reply.Quiz) is { } quiz)
        {
            // "quiz me" or "/quiz": the same question with buttons as /quiz, and a typed answer is graded too.
            // Open before it is sent, so an answer typed the moment it shows is graded; the asking message's id
            // names this post when counting one answer per user.
            var body = InteractionHandler.QuizMessage(quiz);
            body["content"] = body["content"]!.GetValue<string>() + "\n\n" + TypedAnswerHint;
            quizzes.SetTyped(post.ChannelId, quiz, post.MessageId);
            if (await SendAsync(post, body, cancellationToken))
            {
                BotMetrics.QuizPosts.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("kind", "on-demand"));
            }
            else
            {
                quizzes.CloseTyped(post.ChannelId);
            }

            return;
        }

        await SendAsync(post, MessageRenderer.ReplyMessage(reply), cancellationToken);
    }

    private async Task GradeAsync(MentionPost post, QuizQuestion question, string quizPostId, string typed, CancellationToken cancellationToken)
    {
        var chosen = QuizAnswerText.ChosenOption(question, typed);
        var answer = quizzes.Answer(quizPostId, question, post.UserId, chosen);
        await SendAsync(post, MessageRenderer.TextMessage(InteractionHandler.GradeText(question, answer)), cancellationToken);
    }

    /// <summary>
    /// A typed <c>/reload</c>: a message carries no member permissions, so only the moderators listed in
    /// Discord:Moderators may reload this way (server managers use the /reload slash command).
    /// </summary>
    private async Task ReloadAsync(MentionPost post, CancellationToken cancellationToken)
    {
        if (!options.Value.IsModerator(post.UserId))
        {
            logger.LogWarning("Refused a typed /reload from user {UserId} in channel {ChannelId}: not a moderator", post.UserId, post.ChannelId);
            await SendAsync(post, MessageRenderer.TextMessage("Only moderators can reload the knowledge: a typed /reload works for those listed in Discord:Moderators; server managers can use the /reload slash command."), cancellationToken);
            return;
        }

        logger.LogInformation("Typed /reload requested by user {UserId} in channel {ChannelId}", post.UserId, post.ChannelId);
        string text;
        try
        {
            var result = await reloader.ReloadAsync(cancellationToken);
            logger.LogInformation("Typed /reload by user {UserId}: {Outcome}", post.UserId, result.Succeeded ? "succeeded" : $"failed with {result.Errors.Length} error(s)");
            text = ReloadText.Format(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Typed /reload by user {UserId} failed", post.UserId);
            text = "Reload failed unexpectedly; the previous knowledge is still being served. See the bot's log.";
        }

        await SendAsync(post, MessageRenderer.TextMessage(text), cancellationToken);
    }

    /// <summary>Sends a reply to the message; false when the send failed (logged).</summary>
    private async Task<bool> SendAsync(MentionPost post, JsonObject body, CancellationToken cancellationToken)
    {
        body["message_reference"] = new JsonObject { ["message_id"] = post.MessageId, ["fail_if_not_exists"] = false };
        var response = await rest.CreateMessageAsync(post.ChannelId, body, cancellationToken);
        if (!response.IsSuccess)
        {
            logger.LogWarning("Answering a mention in channel {ChannelId} failed with {Status}", post.ChannelId, (int)response.Status);
        }

        return response.IsSuccess;
    }

    private sealed record MentionPost(string ChannelId, string MessageId, string UserId);
}
