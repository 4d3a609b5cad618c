using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Conversation;

/// <summary>What a chat was last about: the subject a follow-up ("what about its nerve supply?") refers to.</summary>
public sealed record ConversationContext(string? MuscleId, MuscleAttribute? Attribute, string? TopicId)
{
    /// <summary>
    /// The chat's last question raised a red flag: a follow-up that refers back to it ("which stretch should i do for
    /// it", "how many reps") gets the urgent notice again, never exercise advice.
    /// </summary>
    public bool RedFlag { get; init; }

    /// <summary>The ids of the subject's facts already shown in this chat: "tell me more" continues after them.</summary>
    public ImmutableArray<string> ShownFacts { get; init; } = [];

    /// <summary>
    /// The ids of facts that answered the last question but did not fit its reply (any subject: a second heading
    /// counts too): "tell me more" shows them before the subject's other facts.
    /// </summary>
    internal ImmutableArray<string> LeftOut { get; init; } = [];

    /// <summary>
    /// The last answer carried the medical disclaimer (a pain or an injury came up): "tell me more" about it keeps the
    /// disclaimer, even when the next facts hold no pain word.
    /// </summary>
    internal bool Disclaimed { get; init; }

    /// <summary>
    /// The one muscle the last question named when a topic answered it ("where is the psoas major" gets the location
    /// topic): "what nerve supplies it?" then asks that muscle's attribute, not the topic's.
    /// </summary>
    internal string? NamedMuscleId { get; init; }

    /// <summary>
    /// The question a topic or a muscle's attribute answered ("what shape is the iliacus", "does the psoas major reach
    /// T12?"): "and the psoas?" then asks it again of that muscle (Routing.TopicMuscleSwap; after an attribute only a
    /// yes/no question or "same thing?"). Kept over such follow-ups, so "and the psoas minor?" after them asks it once more.
    /// </summary>
    internal string? Question { get; init; }

    /// <summary>Whether the context holds a subject to follow up on (a red flag alone holds none).</summary>
    public bool HasSubject => MuscleId is not null || Attribute is not null || TopicId is not null;
}

/// <summary>
/// Per-chat follow-up context: the last muscle, attribute or topic, forgotten after <see cref="Lifetime"/>
/// and bounded to <see cref="Capacity"/> chats (the least recently used chat is dropped first). Thread-safe.
/// </summary>
public sealed class ConversationMemory
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);
    public const int DefaultCapacity = 10_000;

    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Key, ConversationContext Context, DateTimeOffset At)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, ConversationContext Context, DateTimeOffset At)> _order = new();

    public ConversationMemory(TimeProvider time, int capacity = DefaultCapacity, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        Capacity = capacity;
        Lifetime = lifetime ?? DefaultLifetime;
    }

    public int Capacity { get; }

    public TimeSpan Lifetime { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public ConversationContext? Get(string chat)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(chat, out var node))
            {
                return null;
            }

            if (_time.GetUtcNow() - node.Value.At > Lifetime)
            {
                _order.Remove(node);
                _entries.Remove(chat);
                return null;
            }

            return node.Value.Context;
        }
    }

    public void Set(string chat, ConversationContext context)
    {
        lock (_gate)
        {
            if (_entries.Remove(chat, out var old))
            {
                _order.Remove(old);
            }

            _entries[chat] = _order.AddFirst((chat, context, _time.GetUtcNow()));
            while (_entries.Count > Capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }
}
