using System.Collections.Concurrent;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// One per-word result remembered (for a knowledge snapshot, or for the process when it depends on the fixed vocabulary
/// only): a question's words are mostly words asked before, and the fuzzy checks behind them cost far more than a
/// lookup. Bounded whatever students type: at most <c>capacity</c> words, each at most <see cref="MaxWordLength"/>
/// letters; any other word is worked out each time, to the same result.
/// </summary>
internal sealed class WordMemo<T>(int capacity = WordMemo<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 20_000;

    /// <summary>Longer "words" (pasted junk, URLs without their markers) are not worth keeping.</summary>
    public const int MaxWordLength = 40;

    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>The remembered result for <paramref name="word"/>, or <paramref name="compute"/>'s (remembered while there is room).</summary>
    public T Get<TState>(string word, TState state, Func<TState, string, T> compute)
    {
        if (_known.TryGetValue(word, out var value))
        {
            return value;
        }

        value = compute(state, word);
        if (word.Length <= MaxWordLength && Volatile.Read(ref _count) < capacity && _known.TryAdd(word, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
