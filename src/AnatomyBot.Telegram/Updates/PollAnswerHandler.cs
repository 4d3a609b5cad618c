using System.Globalization;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>Records a vote on one of the bot's quiz polls (first answer counts) for the chat's leaderboard.</summary>
internal sealed class PollAnswerHandler(ITelegramStore store, TimeProvider timeProvider, ILogger<PollAnswerHandler> logger)
{
    public async Task HandleAsync(PollAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.User is not { } user || answer.OptionIds is not { Length: > 0 })
        {
            return;
        }

        var poll = await store.GetPollAsync(answer.PollId, cancellationToken);
        if (poll is null)
        {
            // A quiz whose record was reserved but not completed (the process died right after the send).
            poll = await store.BindPendingPollAsync(answer.PollId, user.Id, timeProvider.GetUtcNow() - TimeSpan.FromDays(1), cancellationToken);
            if (poll is null)
            {
                logger.LogDebug("Ignoring an answer to unknown poll {PollId}", answer.PollId);
                return;
            }

            logger.LogInformation("Poll {PollId} was matched to the quiz {QuestionId} reserved for Telegram chat {ChatId}, whose record was not completed", answer.PollId, poll.QuestionId, poll.ChatId);
        }

        var correct = answer.OptionIds.Contains(poll.CorrectIndex);
        var displayName = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var name = string.IsNullOrWhiteSpace(displayName) ? user.Username ?? user.Id.ToString(CultureInfo.InvariantCulture) : displayName;
        await store.RecordAnswerAsync(answer.PollId, user.Id, name, correct, cancellationToken);
    }
}
