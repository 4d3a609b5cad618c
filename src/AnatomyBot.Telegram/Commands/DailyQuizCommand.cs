using AnatomyBot.Core.Quiz;
using AnatomyBot.Telegram.Moderation;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Commands;

/// <summary>
/// <c>/dailyquiz</c>: shows the chat's daily quiz, or (chat administrators and bot moderators) sets it to a time and
/// zone or turns it off.
/// </summary>
internal sealed class DailyQuizCommand(
    IDailyQuizStore daily,
    DailyQuizScheduler scheduler,
    ChatAdminChecker admins,
    TimeProvider timeProvider,
    TelegramSender sender,
    IOptions<TelegramOptions> options,
    ILogger<DailyQuizCommand> logger)
{
    internal const string Usage = DailyQuizSettings.Usage;

    private readonly HashSet<long> _moderators = [.. options.Value.Moderators];
    private readonly DailyQuizSettings _settings = new(daily, timeProvider);

    public async Task HandleAsync(TelegramChat chat, string arguments, CancellationToken cancellationToken)
    {
        var key = TelegramKeys.Chat(chat.ChatId);
        if (arguments.Length == 0)
        {
            await sender.ReplyTextAsync(chat, await _settings.ShowAsync(key, cancellationToken), cancellationToken);
            return;
        }

        var allowed = await CanManageAsync(chat, cancellationToken);
        if (allowed != true)
        {
            var refusal = allowed is null
                ? "Sorry, I couldn't check whether you administer this chat (this Telegram server did not tell me), so only a bot moderator can change the daily quiz here right now."
                : "Sorry, only an administrator of this chat or a bot moderator can change the daily quiz.";
            await sender.ReplyTextAsync(chat, refusal, cancellationToken);
            return;
        }

        var change = await _settings.ChangeAsync(key, arguments, cancellationToken);
        if (change.Changed)
        {
            scheduler.NotifyChanged();
            logger.DailyQuizChanged(chat.ChatId, arguments, chat.Message.From?.Id);
        }

        await sender.ReplyTextAsync(chat, change.Text, cancellationToken);
    }

    /// <summary>True or false; null when the administrator check could not be made.</summary>
    private async Task<bool?> CanManageAsync(TelegramChat chat, CancellationToken cancellationToken)
    {
        var message = chat.Message;
        if (message.Chat.Type == ChatType.Private)
        {
            return true;
        }

        // Anonymous administrators post as the group itself.
        if (message.SenderChat?.Id == message.Chat.Id)
        {
            return true;
        }

        if (message.From is not { } user)
        {
            return false;
        }

        return _moderators.Contains(user.Id) ? true : await admins.IsAdminAsync(message.Chat.Id, user.Id, cancellationToken);
    }
}
