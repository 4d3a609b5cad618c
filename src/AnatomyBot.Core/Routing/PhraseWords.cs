using System.Collections.Frozen;
using System.Runtime.Intrinsics;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The distinct words of a set of phrases, answering "does any of them match this word, exactly or (both at least four
/// letters) with a FuzzySharp ratio of at least the threshold". Only words whose length can reach the threshold are
/// looked at, and only those whose shared letters can reach it are scored.
/// </summary>
internal sealed class PhraseWords
{
    private const int FuzzyMinLength = 4;

    private readonly FrozenSet<string> _exact;

    /// <summary>The words of at least <see cref="FuzzyMinLength"/> letters, grouped by length: <c>_byLength[n]</c>.</summary>
    private readonly string[][] _byLength;

    /// <summary>Each word's letter counts (<see cref="FuzzyRatio.Letters"/>), parallel to <see cref="_byLength"/>.</summary>
    private readonly Vector256<byte>[][] _letters;

    private readonly int _threshold;

    public PhraseWords(IEnumerable<string> phrases, int threshold)
    {
        var words = phrases.SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);
        _exact = words.ToFrozenSet(StringComparer.Ordinal);
        var longest = words.Select(w => w.Length).DefaultIfEmpty(0).Max();
        _byLength = new string[longest + 1][];
        _letters = new Vector256<byte>[longest + 1][];
        for (var n = 0; n <= longest; n++)
        {
            _byLength[n] = [.. words.Where(w => w.Length == n && n >= FuzzyMinLength).Order(StringComparer.Ordinal)];
            _letters[n] = [.. _byLength[n].Select(w => FuzzyRatio.Letters(w))];
        }

        _threshold = threshold;
    }

    /// <summary>Whether <paramref name="word"/> is one of the phrases' words as it stands.</summary>
    public bool Contains(string word) => _exact.Contains(word);

    /// <summary>What <see cref="AnyAligns"/> answered for each word so far.</summary>
    private readonly WordMemo<bool> _aligns = new();

    /// <summary>Whether some phrase word is <paramref name="word"/>, or both have four letters or more and score at least the threshold.</summary>
    public bool AnyAligns(string word) => _aligns.Get(word, this, static (self, w) => self.Aligns(w));

    private bool Aligns(string word)
    {
        if (_exact.Contains(word))
        {
            return true;
        }

        if (word.Length < FuzzyMinLength)
        {
            return false;
        }

        var letters = FuzzyRatio.Letters(word);
        for (var n = FuzzyMinLength; n < _byLength.Length; n++)
        {
            if (FuzzyRatio.Ceiling(word.Length, n) < _threshold)
            {
                continue;
            }

            var candidates = _byLength[n];
            for (var c = 0; c < candidates.Length; c++)
            {
                // The letters two words share bound their longest common subsequence, hence the ratio: most words are
                // ruled out by that alone.
                if ((Math.Max(n, word.Length) > byte.MaxValue || FuzzyRatio.CeilingByLetters(letters, _letters[n][c], word.Length + n) >= _threshold)
                    && FuzzyRatio.Of(candidates[c], word) >= _threshold)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
