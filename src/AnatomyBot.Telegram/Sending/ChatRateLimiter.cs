using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Sending;

/// <summary>
/// Paces outgoing messages: at most one per Telegram:PerChatIntervalMilliseconds per chat and
/// Telegram:GroupMessagesPerMinute per group (negative chat ids). A message over the limit gets a later slot
/// (it is queued, never dropped); slots are handed out in call order so a chat's messages keep their order.
/// </summary>
internal sealed class ChatRateLimiter(TimeProvider timeProvider, IOptions<TelegramOptions> options)
{
    private static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);
    private readonly TimeSpan _perChat = TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMilliseconds);
    private readonly int _groupPerMinute = options.Value.GroupMessagesPerMinute;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatSlots> _chats = [];

    /// <summary>Reserves the next slot for <paramref name="chatId"/> and returns how long to wait for it.</summary>
    public TimeSpan Reserve(long chatId)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var slots))
            {
                slots = new ChatSlots();
                _chats[chatId] = slots;
            }

            var at = now;
            if (slots.Last is { } last && last + _perChat > at)
            {
                at = last + _perChat;
            }

            if (chatId < 0)
            {
                while (slots.Window.Count > 0 && slots.Window.Peek() + GroupWindow <= now)
                {
                    slots.Window.Dequeue();
                }

                // The window holds the reserved slots of the last minute (and any queued later ones):
                // the new slot must be a minute after the slot _groupPerMinute places back.
                if (slots.Window.Count >= _groupPerMinute)
                {
                    var earliest = slots.Window.ElementAt(slots.Window.Count - _groupPerMinute) + GroupWindow;
                    if (earliest > at)
                    {
                        at = earliest;
                    }
                }

                slots.Window.Enqueue(at);
            }

            slots.Last = at;
            PruneIdle(now);
            return at - now;
        }
    }

    public Task WaitTurnAsync(long chatId, CancellationToken cancellationToken)
    {
        var delay = Reserve(chatId);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
    }

    /// <summary>Moves a chat's reservations to its new id after a group became a supergroup.</summary>
    public void Rekey(long oldChatId, long newChatId)
    {
        lock (_gate)
        {
            if (_chats.Remove(oldChatId, out var slots))
            {
                _chats[newChatId] = slots;
            }
        }
    }

    private void PruneIdle(DateTimeOffset now)
    {
        if (_chats.Count < 1024)
        {
            return;
        }

        foreach (var (id, slots) in _chats.ToArray())
        {
            if (slots.Last is { } last && last + GroupWindow < now)
            {
                _chats.Remove(id);
            }
        }
    }

    private sealed class ChatSlots
    {
        public DateTimeOffset? Last { get; set; }

        public Queue<DateTimeOffset> Window { get; } = new();
    }
}
