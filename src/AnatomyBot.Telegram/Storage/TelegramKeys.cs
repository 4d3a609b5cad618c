using System.Globalization;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Telegram.Storage;

/// <summary>How Telegram's chats, users and update feed are named in the platform-neutral stores.</summary>
internal static class TelegramKeys
{
    /// <summary>The platform name in every stored key, and the update stream's name.</summary>
    public const string Platform = "telegram";

    public static ChatKey Chat(long chatId) => new(Platform, chatId.ToString(CultureInfo.InvariantCulture));

    public static UserKey User(long userId) => new(Platform, userId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The Telegram chat id of a stored chat key.</summary>
    public static long ChatId(ChatKey chat) => long.Parse(chat.Id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
