using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Commands;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// With Discord:AnswerMentions on: turns a MESSAGE_CREATE that mentions the bot or is a DM into one typed request for
/// <see cref="DiscordRequestRouter"/> (an answer to the quiz post open in the channel, a typed command from the
/// catalogue, or a question), answered with a reply to the message. Content arrives for these without the
/// MESSAGE_CONTENT intent.
/// </summary>
internal sealed class MentionHandler(
    DiscordRequestRouter requests,
    QuizService quizzes,
    IStorageDiagnostics storage,
    DiscordRestClient rest,
    DiscordBotIdentity identity,
    ILogger<MentionHandler> logger)
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
        var self = identity.BotUserId ?? "";
        var text = (message.Content ?? "").Replace($"<@{self}>", " ", StringComparison.Ordinal).Replace($"<@!{self}>", " ", StringComparison.Ordinal).Trim();
        var request = await ClassifyAsync(DiscordKeys.Chat(message.ChannelId), DiscordText.Cut(text, CommandCatalogue.MaxQuestionLength), cancellationToken);
        await requests.RouteAsync(new MessageChat(message, rest, logger), request, cancellationToken);
    }

    /// <summary>The message as one typed request: an answer to the channel's open quiz, a typed command, or a question.</summary>
    private async Task<ChatRequest> ClassifyAsync(ChatKey chat, string text, CancellationToken cancellationToken)
    {
        try
        {
            if (await quizzes.TypedAnswerPostAsync(chat, cancellationToken) is { } open)
            {
                if (quizzes.Question(open.QuestionId) is { } question && QuizAnswerText.ChosenOption(question, text) >= 0)
                {
                    return new QuizAnswerRequest(text);
                }

                // Anything but an answer closes the channel's typed quiz: a later "B" is a question again.
                await quizzes.CloseTypedAnswersAsync(chat, open.PostId, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storage.Classify(ex) != StorageFaultKind.None)
        {
            // Without the store there is no quiz to grade against: the message is answered as what it says.
            logger.OpenQuizStorageFailed(storage.Describe(ex), storage.Location);
        }

        return CommandCatalogue.Parse(text, CommandDefinitions.Offered);
    }
}
