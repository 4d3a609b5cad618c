using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Storage;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Commands;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Handles one update: a message addressed to the bot becomes one typed request (a command from the catalogue, or
/// the question's text) for <see cref="TelegramRequestRouter"/>; poll answers, membership changes and suggestion
/// buttons go to their own handlers.
/// </summary>
internal sealed class TelegramUpdateHandler(
    TelegramRequestRouter requests,
    PollAnswerHandler pollAnswers,
    ChatMembershipHandler membership,
    IChatStore chats,
    BotApi client,
    BotIdentity bot,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, CancellationToken cancellationToken)
    {
        if (update.Message is { } message)
        {
            await OnMessageAsync(message, cancellationToken);
        }
        else if (update.PollAnswer is { } answer)
        {
            await pollAnswers.HandleAsync(answer, cancellationToken);
        }
        else if (update.MyChatMember is { } member)
        {
            await membership.HandleAsync(member, cancellationToken);
        }
        else if (update.CallbackQuery is { } callback)
        {
            await OnCallbackAsync(callback, cancellationToken);
        }
        else
        {
            logger.UpdateIgnored(update.Id);
        }
    }

    private async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        var chatId = message.Chat.Id;
        if (message.MigrateToChatId is { } newId)
        {
            logger.GroupUpgraded(chatId, newId);
            await chats.MoveChatAsync(TelegramKeys.Chat(chatId), TelegramKeys.Chat(newId), cancellationToken);
            return;
        }

        if (message.From?.Id == bot.Me.Id)
        {
            return;
        }

        var addressed = MessageAddressing.Classify(message, bot.Me);
        if (addressed.Kind == AddressKind.Ignored)
        {
            return;
        }

        if (await chats.IsChatGoneAsync(TelegramKeys.Chat(chatId), cancellationToken))
        {
            // A message from the chat means the bot is back in it (re-added or unblocked).
            await chats.MarkChatActiveAsync(TelegramKeys.Chat(chatId), cancellationToken);
        }

        var request = addressed.Kind == AddressKind.Command
            ? CommandCatalogue.Request(addressed.Command, addressed.Text, TelegramRequestRouter.Offered)
            : new AskRequest(addressed.Text);
        await requests.RouteAsync(TelegramChat.Of(message), request, cancellationToken);
    }

    private async Task OnCallbackAsync(CallbackQuery callback, CancellationToken cancellationToken)
    {
        // Answering stops the button's spinner (when the server can); a did-you-mean button then asks its
        // suggestion in the chat it was shown in.
        if (!client.IsUnsupported("answerCallbackQuery"))
        {
            await client.AnswerCallbackQueryAsync(callback.Id, cancellationToken);
        }

        if (callback.Data is { } data && data.StartsWith(ReplyRenderer.SuggestionPrefix, StringComparison.Ordinal) && callback.Message is { } shown)
        {
            var asked = new Message { Chat = shown.Chat, From = callback.From };
            await requests.RouteAsync(new TelegramChat(asked, ReplyTo: null), new AskRequest(data[ReplyRenderer.SuggestionPrefix.Length..]), cancellationToken);
        }
    }
}
