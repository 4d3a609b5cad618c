using System.Text;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;

namespace AnatomyBot.Telegram.Commands;

/// <summary><c>/leaderboard</c> (<c>/top</c>): the chat's ten best quiz scores.</summary>
internal sealed class LeaderboardCommand(QuizService quizzes, TelegramSender sender)
{
    public async Task HandleAsync(TelegramChat chat, CancellationToken cancellationToken)
    {
        var entries = await quizzes.LeaderboardAsync(TelegramKeys.Chat(chat.ChatId), 10, cancellationToken);
        if (entries.Count == 0)
        {
            await sender.ReplyTextAsync(chat, "No quiz answers yet in this chat. Try /quiz!", cancellationToken);
            return;
        }

        var html = new StringBuilder("\U0001F3C6 <b>Leaderboard</b>");
        for (var i = 0; i < entries.Count; i++)
        {
            html.Append('\n').Append(i + 1).Append(". ").Append(TelegramHtml.Escape(entries[i].DisplayName))
                .Append(" \u2014 ").Append(entries[i].Correct);
        }

        await sender.SendHtmlAsync(chat.ChatId, html.ToString(), chat.ReplyTo, cancellationToken);
    }
}
