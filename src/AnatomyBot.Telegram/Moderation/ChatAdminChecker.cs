using System.Collections.Concurrent;
using AnatomyBot.Telegram.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Moderation;

/// <summary>
/// Asks Telegram whether a user administers a chat (getChatMember), caching answers briefly. Null when it could not
/// tell (the call failed, or the server does not implement getChatMember).
/// </summary>
internal sealed class ChatAdminChecker(
    BotApi client,
    TimeProvider timeProvider,
    IOptions<TelegramOptions> options,
    ILogger<ChatAdminChecker> logger)
{
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(options.Value.AdminCacheSeconds);
    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Until)> _cache = new();

    public async Task<bool?> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue((chatId, userId), out var cached) && cached.Until > now)
        {
            return cached.IsAdmin;
        }

        if (client.IsUnsupported("getChatMember"))
        {
            return null;
        }

        var result = await client.GetChatMemberAsync(chatId, userId, cancellationToken);
        if (!result.IsSuccess)
        {
            // Not cached: the next attempt asks again.
            logger.AdminCheckFailed(userId, chatId, result.Error);
            return null;
        }

        var isAdmin = result.Value!.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        if (_cache.Count > 10_000)
        {
            _cache.Clear();
        }

        _cache[(chatId, userId)] = (isAdmin, now + _ttl);
        return isAdmin;
    }
}
