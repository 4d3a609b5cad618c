using AnatomyBot.Core.Conversation;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Storage;
using AnatomyBot.Telegram.Sending;

namespace AnatomyBot.Telegram.Commands;

/// <summary>
/// The requests the engine answers (questions, muscle cards, help, sources), rendered as Telegram HTML; a question
/// the engine reads as "quiz me" posts the chat's quiz poll instead.
/// </summary>
internal sealed class AnswerCommand(IAnswerEngine engine, TelegramSender sender, QuizCommand quiz)
{
    public async Task HandleAsync(TelegramChat chat, ChatRequest request, CancellationToken cancellationToken)
    {
        var reply = engine.Answer(new IncomingMessage(request, TelegramKeys.Platform, chat.UserId, chat.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (reply.Intent == Intent.Quiz)
        {
            await quiz.HandleAsync(chat, reply.QuizScope, cancellationToken);
            return;
        }

        await sender.SendHtmlAsync(chat.ChatId, ReplyRenderer.Render(reply), chat.ReplyTo, cancellationToken, ReplyRenderer.SuggestionKeyboard(reply));
    }
}
