using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Updates;

/// <summary>The bot added to or removed from a chat: the daily quiz stops or resumes posting there.</summary>
internal sealed class ChatMembershipHandler(IChatStore chats, DailyQuizScheduler scheduler, TimeProvider timeProvider, ILogger<ChatMembershipHandler> logger)
{
    public async Task HandleAsync(ChatMemberUpdated update, CancellationToken cancellationToken)
    {
        switch (update.NewChatMember.Status)
        {
            case ChatMemberStatus.Left:
            case ChatMemberStatus.Kicked:
                logger.RemovedFromChat(update.Chat.Id);
                await chats.MarkChatGoneAsync(TelegramKeys.Chat(update.Chat.Id), timeProvider.GetUtcNow(), cancellationToken);
                scheduler.NotifyChanged();
                break;
            case ChatMemberStatus.Member:
            case ChatMemberStatus.Administrator:
            case ChatMemberStatus.Restricted:
            case ChatMemberStatus.Creator:
                await chats.MarkChatActiveAsync(TelegramKeys.Chat(update.Chat.Id), cancellationToken);
                scheduler.NotifyChanged();
                break;
        }
    }
}
