using System.Collections.Immutable;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Sending;

namespace AnatomyBot.Telegram.Commands;

/// <summary>
/// <c>/quiz</c> (or "quiz me", "quiz me on the iliacus"): posts the chat's next quiz poll, from the questions the request
/// asked about when it named a muscle (<paramref name="scope"/>), or says why it cannot.
/// </summary>
internal sealed class QuizCommand(QuizPoster quiz, TelegramSender sender)
{
    public async Task HandleAsync(TelegramChat chat, ImmutableArray<string> scope, CancellationToken cancellationToken)
    {
        var result = await quiz.PostAsync(chat.ChatId, chat.ReplyTo, QuizPoster.OnDemand, null, scope, cancellationToken);
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
