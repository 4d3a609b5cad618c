using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>Normalised text with word boundaries, so n-gram windows are spans of one string (no allocation).</summary>
internal sealed class TokenizedText
{
    private readonly int[] _starts;
    private readonly int[] _lengths;

    public TokenizedText(string normalized, int maxWords = 400)
    {
        Text = normalized;
        var starts = new List<int>();
        var lengths = new List<int>();
        var i = 0;
        while (i < normalized.Length && starts.Count < maxWords)
        {
            var end = normalized.IndexOf(' ', i);
            if (end < 0)
            {
                end = normalized.Length;
            }

            starts.Add(i);
            lengths.Add(end - i);
            i = end + 1;
        }

        _starts = [.. starts];
        _lengths = [.. lengths];
    }

    public static TokenizedText From(string? raw) => new(TextNormalizer.Normalize(raw)) { EndsWithQuestionMark = raw?.TrimEnd().EndsWith('?') == true };

    /// <summary>The raw text ended with "?" (normalising drops punctuation): "it pass through the psoas?" is asked.</summary>
    public bool EndsWithQuestionMark { get; init; }

    public string Text { get; }

    public int Count => _starts.Length;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(_starts[index], _lengths[index]);

    public string WordString(int index) => Text.Substring(_starts[index], _lengths[index]);

    /// <summary>Words <paramref name="start"/> .. start+count-1 joined by single spaces.</summary>
    public ReadOnlySpan<char> Window(int start, int count)
    {
        var last = start + count - 1;
        return Text.AsSpan(_starts[start], _starts[last] + _lengths[last] - _starts[start]);
    }
}

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
