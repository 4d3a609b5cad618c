using System.Globalization;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>Grades a vote on one of the bot's quiz polls through the <see cref="QuizService"/> (first answer counts).</summary>
internal sealed class PollAnswerHandler(QuizService quizzes, ILogger<PollAnswerHandler> logger)
{
    public async Task HandleAsync(PollAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.User is not { } user || answer.OptionIds is not { Length: > 0 })
        {
            return;
        }

        // A poll whose record was reserved but not completed (the process died right after the send) is bound here.
        var post = await quizzes.FindPostAsync(answer.PollId, TelegramKeys.User(user.Id), cancellationToken);
        if (post is null)
        {
            logger.UnknownPollAnswer(answer.PollId);
            return;
        }

        var displayName = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var name = string.IsNullOrWhiteSpace(displayName) ? user.Username ?? user.Id.ToString(CultureInfo.InvariantCulture) : displayName;
        // Quiz polls take one option; the first is the choice.
        await quizzes.AnswerAsync(post, TelegramKeys.User(user.Id), name, answer.OptionIds[0], cancellationToken);
    }
}
