using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>A set of normalised phrases (one or more words) found by whole-word windows.</summary>
internal sealed class PhraseSet
{
    private readonly HashSet<string> _phrases;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The first word of every phrase: a window can only be a phrase if it starts with one of these.</summary>
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWords;

    public PhraseSet(IEnumerable<string> phrases)
    {
        _phrases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            var normalized = TextNormalizer.Normalize(phrase);
            if (normalized.Length > 0)
            {
                _phrases.Add(normalized);
                MaxWords = Math.Max(MaxWords, normalized.Count(c => c == ' ') + 1);
            }
        }

        _lookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = new HashSet<string>(_phrases.Select(p => p.Split(' ')[0]), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int MaxWords { get; }

    public bool Contains(string normalizedPhrase) => _phrases.Contains(normalizedPhrase);

    public bool AnyIn(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!_firstWords.Contains(text.Word(i)))
            {
                continue;
            }

            for (var n = 1; n <= MaxWords && i + n <= text.Count; n++)
            {
                if (_lookup.Contains(text.Window(i, n)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How many words the longest phrase of the set starting at word <paramref name="start"/> has; 0 for none.</summary>
    public int LongestAt(TokenizedText text, int start)
    {
        if (!_firstWords.Contains(text.Word(start)))
        {
            return 0;
        }

        for (var n = Math.Min(MaxWords, text.Count - start); n >= 1; n--)
        {
            if (_lookup.Contains(text.Window(start, n)))
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary>Every phrase of the set present in the text.</summary>
    public HashSet<string> FoundIn(TokenizedText text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            if (!_firstWords.Contains(text.Word(i)))
            {
                continue;
            }

            for (var n = 1; n <= MaxWords && i + n <= text.Count; n++)
            {
                if (_lookup.TryGetValue(text.Window(i, n), out var phrase))
                {
                    found.Add(phrase);
                }
            }
        }

        return found;
    }
}
