using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Sending;

namespace AnatomyBot.Telegram.Commands;

/// <summary><c>/quiz</c> (or "quiz me"): posts the chat's next quiz poll, or says why it cannot.</summary>
internal sealed class QuizCommand(QuizPoster quiz, TelegramSender sender)
{
    public async Task HandleAsync(TelegramChat chat, CancellationToken cancellationToken)
    {
        var result = await quiz.PostAsync(chat.ChatId, chat.ReplyTo, QuizPoster.OnDemand, null, cancellationToken);
        switch (result.Status)
        {
            case QuizPostStatus.EmptyBank:
                await sender.ReplyTextAsync(chat, "Sorry, there are no quiz questions yet.", cancellationToken);
                break;
            case QuizPostStatus.NoPolls:
                // Silence would look like the bot is broken; say why instead.
                await sender.ReplyTextAsync(chat, QuizPoster.NoPollsText, cancellationToken);
                break;
        }
    }
}
