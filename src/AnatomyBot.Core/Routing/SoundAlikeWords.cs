using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A knowledge vocabulary by sound-alike key (<see cref="SpokenSpelling.VowelKey"/>): a typo spelt as the word sounds shares too few letter
/// triples with it for the trigram search ("paradocks" and "paradox", "burza" and "bursa") but has the same key. A key
/// two words of the vocabulary share is left out (unless only one is English), so a lookup never guesses between them.
/// </summary>
internal sealed class SoundAlikeWords
{
    /// <summary>Shorter words have keys too coarse to trust ("rest" and "raced").</summary>
    public const int MinLength = 5;

    private readonly FrozenDictionary<string, string> _byKey;

    public SoundAlikeWords(IEnumerable<string> vocabulary)
    {
        var byKey = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var word in vocabulary.Where(w => w.Length >= MinLength).Order(StringComparer.Ordinal))
        {
            var key = SpokenSpelling.VowelKey(word);
            if (!byKey.TryGetValue(key, out var other))
            {
                byKey[key] = word;
            }
            else if (other is not null)
            {
                // A misspelling the knowledge declares itself (the keyword "parodox") sounds like the word it stands for:
                // the English word is the one meant. Two English words, or two others, are a real clash.
                // A word and its own longer form ("bursa", "bursae") are one word: the shorter stands for both.
                var (wordEnglish, otherEnglish) = (IsEnglish(word), IsEnglish(other));
                byKey[key] = word.StartsWith(other, StringComparison.Ordinal) ? other
                    : other.StartsWith(word, StringComparison.Ordinal) ? word
                    : wordEnglish == otherEnglish ? null : wordEnglish ? word : other;
            }
        }

        _byKey = byKey.Where(p => p.Value is not null).ToFrozenDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);
    }

    private static bool IsEnglish(string word) => EverydayEnglish.Rank(word) != int.MaxValue;

    /// <summary>
    /// The vocabulary word <paramref name="word"/> sounds like, or null. Only a word the everyday-English list lacks: a
    /// real word spelt right ("rest", "form", "passes") is itself, never another word that sounds like it.
    /// </summary>
    public string? Of(string word) =>
        word.Length >= MinLength && MayBeTypo(word) ? _byKey.GetValueOrDefault(SpokenSpelling.VowelKey(word)) : null;

    /// <summary>Whether a word may be a typo of a knowledge word at all: not an English word spelt right, no digits, not absurdly long.</summary>
    public static bool MayBeTypo(string word) =>
        word.Length <= 24 && EverydayEnglish.Rank(word) == int.MaxValue && !word.Any(char.IsAsciiDigit);
}
