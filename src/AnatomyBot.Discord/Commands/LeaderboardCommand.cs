using System.Text;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rendering;

namespace AnatomyBot.Discord.Commands;

/// <summary><c>/leaderboard</c>: the channel's ten best quiz scores, right answers out of answers given.</summary>
internal sealed class LeaderboardCommand(QuizService quizzes)
{
    public async Task HandleAsync(DiscordChat chat, CancellationToken cancellationToken)
    {
        var entries = await quizzes.LeaderboardAsync(DiscordKeys.Chat(chat.ChannelId), 10, cancellationToken);
        await chat.ReplyTextAsync(Text(entries), privately: false, cancellationToken);
    }

    internal static string Text(IReadOnlyList<ScoreEntry> entries)
    {
        if (entries.Count == 0)
        {
            return "No quiz answers yet in this channel. Try /quiz!";
        }

        var text = new StringBuilder("\U0001F3C6 **Leaderboard**");
        for (var i = 0; i < entries.Count; i++)
        {
            text.Append('\n').Append(i + 1).Append(". ").Append(DiscordText.EscapeUserText(entries[i].DisplayName))
                .Append(" \u2014 ").Append(entries[i].Correct).Append('/').Append(entries[i].Answered);
        }

        return text.ToString();
    }
}
