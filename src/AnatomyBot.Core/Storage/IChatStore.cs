namespace AnatomyBot.Core.Storage;

/// <summary>Port: which chats the bot can still post to, and moving a chat's rows when the platform gives it a new id.</summary>
public interface IChatStore
{
    Task<bool> IsChatGoneAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>The bot was removed from the chat (or blocked): scheduled posts skip it.</summary>
    Task MarkChatGoneAsync(ChatKey chat, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The bot is back in the chat (re-added, or someone wrote again).</summary>
    Task MarkChatActiveAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>
    /// Moves every row of <paramref name="oldChat"/> to <paramref name="newChat"/> in one transaction (a Telegram group upgraded to
    /// a supergroup): rows already present under the new id win, except scores, which add up.
    /// </summary>
    Task MoveChatAsync(ChatKey oldChat, ChatKey newChat, CancellationToken cancellationToken);
}
