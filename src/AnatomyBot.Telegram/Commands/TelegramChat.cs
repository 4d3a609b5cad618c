using System.Globalization;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Sending;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Commands;

/// <summary>Where a request came from and how to answer it: the message, and the message an answer replies to, if any.</summary>
internal sealed record TelegramChat(Message Message, long? ReplyTo)
{
    /// <summary>A message's chat: in groups an answer replies to the question; in a private chat it needs not.</summary>
    public static TelegramChat Of(Message message) => new(message, message.Chat.Type == ChatType.Private ? null : message.Id);

    public long ChatId => Message.Chat.Id;

    public bool IsPrivate => Message.Chat.Type == ChatType.Private;

    /// <summary>The sender as the engine knows them: the user, or the chat an anonymous administrator posts as.</summary>
    public string UserId => (Message.From?.Id ?? Message.SenderChat?.Id ?? 0).ToString(CultureInfo.InvariantCulture);
}

/// <summary>Sends plain text (escaped) as the answer to a request.</summary>
internal static class TelegramChatReplies
{
    public static Task ReplyTextAsync(this TelegramSender sender, TelegramChat chat, string text, CancellationToken cancellationToken) =>
        sender.SendHtmlAsync(chat.ChatId, TelegramHtml.Escape(text), chat.ReplyTo, cancellationToken);
}
