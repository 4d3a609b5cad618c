using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>Normalised text with word boundaries, so n-gram windows are spans of one string (no allocation).</summary>
internal sealed class TokenizedText
{
    private readonly int[] _starts;
    private readonly int[] _lengths;

    /// <summary>Each word as a string, made on first use: the router asks for the same words many times per question.</summary>
    private readonly string?[] _words;

    public TokenizedText(string normalized, int maxWords = 400)
    {
        Text = normalized;
        // One word more than there are spaces, less a trailing space (which ends the last word without starting one).
        var count = normalized.Length == 0 ? 0 : Math.Min(maxWords, normalized.AsSpan().Count(' ') + (normalized[^1] == ' ' ? 0 : 1));
        _starts = new int[count];
        _lengths = new int[count];
        var i = 0;
        for (var w = 0; w < count; w++)
        {
            var end = normalized.IndexOf(' ', i);
            if (end < 0)
            {
                end = normalized.Length;
            }

            _starts[w] = i;
            _lengths[w] = end - i;
            i = end + 1;
        }

        _words = new string?[count];
    }

    public static TokenizedText From(string? raw) => new(TextNormalizer.Normalize(raw)) { EndsWithQuestionMark = raw?.TrimEnd().EndsWith('?') == true };

    /// <summary>The raw text ended with "?" (normalising drops punctuation): "it pass through the psoas?" is asked.</summary>
    public bool EndsWithQuestionMark { get; init; }

    /// <summary>A statement asked with a tag ("..., right?", "... or not?"), the tag removed: a yes/no question (<see cref="QuestionForms"/>).</summary>
    public bool Tagged { get; init; }

    public string Text { get; }

    /// <summary>What <see cref="SafetyMatcher.Inspect"/> found in this text, and which matcher found it (the router asks twice per question).</summary>
    internal (SafetyMatcher Matcher, SafetyFinding Finding)? Inspected { get; set; }

    /// <summary>What each word is to an index (<see cref="KnowledgeIndex.Kinds"/>), and which index worked it out: the muscle and topic searches share it.</summary>
    internal (KnowledgeIndex Index, WordKind[] Kinds)? Kinds { get; set; }

    /// <summary>Whether the text asks for a number (<see cref="FactAnswerer.AsksNumber"/>): several rules of one answer ask.</summary>
    internal bool? AsksNumber { get; set; }

    public int Count => _starts.Length;

    public ReadOnlySpan<char> Word(int index) => Text.AsSpan(_starts[index], _lengths[index]);

    public string WordString(int index) => _words[index] ??= Text.Substring(_starts[index], _lengths[index]);

    /// <summary>Every word as a string, in order (made once: the rules of the router read the question's words many times).</summary>
    public IReadOnlyList<string> Words => _all ??= AllWords();

    private string[]? _all;

    private string[] AllWords()
    {
        var all = new string[Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = WordString(i);
        }

        return all;
    }

    /// <summary>Words <paramref name="start"/> .. start+count-1 joined by single spaces.</summary>
    public ReadOnlySpan<char> Window(int start, int count)
    {
        var last = start + count - 1;
        return Text.AsSpan(_starts[start], _starts[last] + _lengths[last] - _starts[start]);
    }
}
