using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// With Discord:AnswerMentions on: answers MESSAGE_CREATE that mention the bot or are DMs, with a reply to the message.
/// Each message becomes one typed request: an answer to the quiz question open in the channel, a typed command from
/// the catalogue (<c>/quiz</c>, <c>/leaderboard</c>, <c>/reload</c>...), or a question. A quiz asked for here is the same
/// stored quiz with buttons as /quiz, graded through the <see cref="QuizService"/> whether clicked or typed. Content
/// arrives for these without the MESSAGE_CONTENT intent.
/// </summary>
internal sealed class MentionHandler(
    IAnswerEngine engine,
    IKnowledgeReloader reloader,
    DiscordRestClient rest,
    QuizService quizzes,
    TypedQuizzes typed,
    IStorageDiagnostics storage,
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
            case QuizAnswerRequest answer when typed.Find(post.ChannelId) is { } open:
                await GradeAsync(post, message, open, answer.Answer, cancellationToken);
                break;
            case LeaderboardRequest:
                var entries = await quizzes.LeaderboardAsync(DiscordKeys.Chat(post.ChannelId), 10, cancellationToken);
                await SendAsync(post, MessageRenderer.TextMessage(InteractionHandler.LeaderboardText(entries)), cancellationToken);
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
        if (typed.Find(channelId) is { } open && quizzes.Question(open.QuestionId) is { } question && QuizAnswerText.ChosenOption(question, text) >= 0)
        {
            return new QuizAnswerRequest(text);
        }

        typed.Close(channelId);
        return CommandCatalogue.Parse(text, CommandDefinitions.Offered);
    }

    private async Task AnswerAsync(MentionPost post, ChatRequest request, CancellationToken cancellationToken)
    {
        var reply = engine.Answer(new IncomingMessage(request, Platform.Discord, post.UserId, post.ChannelId));
        if (reply.Intent == Intent.Quiz)
        {
            await QuizAsync(post, cancellationToken);
            return;
        }

        await SendAsync(post, MessageRenderer.ReplyMessage(reply), cancellationToken);
    }

    /// <summary>
    /// "quiz me" or "/quiz": the channel's next stored quiz with buttons, as /quiz posts it, and open for a typed answer
    /// too. Opened before it is sent, so an answer typed the moment it shows is graded.
    /// </summary>
    private async Task QuizAsync(MentionPost post, CancellationToken cancellationToken)
    {
        var start = await quizzes.StartAsync(DiscordKeys.Chat(post.ChannelId), cancellationToken);
        if (!start.IsReady)
        {
            await SendAsync(post, MessageRenderer.TextMessage(InteractionHandler.NoQuizQuestions), cancellationToken);
            return;
        }

        var body = InteractionHandler.QuizMessage(start.Question, start.Post.PostId);
        body["content"] = body["content"]!.GetValue<string>() + "\n\n" + TypedAnswerHint;
        typed.Open(post.ChannelId, start.Post);
        if (await SendAsync(post, body, cancellationToken))
        {
            await quizzes.CompleteAsync(start.Post, null, cancellationToken);
            BotMetrics.QuizPosts.Add(1, new KeyValuePair<string, object?>("platform", "discord"), new KeyValuePair<string, object?>("kind", "on-demand"));
        }
        else
        {
            typed.Close(post.ChannelId);
        }
    }

    /// <summary>Grades a typed answer to the channel's open quiz post; the first answer per user and post counts.</summary>
    private async Task GradeAsync(MentionPost post, Message message, QuizPost quiz, string answer, CancellationToken cancellationToken)
    {
        QuizGrade grade;
        try
        {
            var chosen = quizzes.Question(quiz.QuestionId) is { } question ? QuizAnswerText.ChosenOption(question, answer) : -1;
            grade = await quizzes.AnswerAsync(quiz, DiscordKeys.User(post.UserId), DisplayName(message), chosen, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storage.Classify(ex) != StorageFaultKind.None)
        {
            logger.LogWarning("Discord storage: recording a typed quiz answer failed ({Error}). {Location}", storage.Describe(ex), storage.Location);
            await SendAsync(post, MessageRenderer.TextMessage("Sorry, I couldn't record your answer just now. Please send it again in a moment."), cancellationToken);
            return;
        }

        var text = grade.Question is { } asked && grade.Status is QuizGradeStatus.Counted or QuizGradeStatus.AlreadyAnswered
            ? InteractionHandler.GradeText(asked, grade)
            : InteractionHandler.QuizGone;
        await SendAsync(post, MessageRenderer.TextMessage(text), cancellationToken);
    }

    /// <summary>The name shown on the leaderboard: global name, then username, then the id.</summary>
    private static string DisplayName(Message message) =>
        new[] { message.Author.GlobalName, message.Author.Username }.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? message.Author.Id;

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
