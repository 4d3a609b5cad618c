using System.Collections.Immutable;
using System.Text;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>
/// The problems found by one load, bounded: a folder of broken files can produce millions of findings, and keeping
/// (or logging) all of them once took a running bot to several gigabytes. The first <see cref="MaxKept"/> are kept,
/// the rest only counted, and every message is cleaned so that file content reaches no log or chat except as a
/// short, escaped snippet.
/// </summary>
internal sealed class ProblemList
{
    public const int MaxKept = 200;
    public const int MaxMessageLength = 300;

    private readonly List<KnowledgeError> _kept = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Count { get; private set; }

    public void Add(KnowledgeError error)
    {
        Count++;
        if (_kept.Count < MaxKept)
        {
            _kept.Add(error with { Field = Clean(error.Field, 80), Message = Clean(error.Message, MaxMessageLength) });
        }
    }

    /// <summary>The kept problems by file and line, then one line saying how many more there were.</summary>
    public ImmutableArray<KnowledgeError> ToOrderedArray()
    {
        var ordered = _kept
            .OrderBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ToImmutableArray();
        var dropped = Count - _kept.Count;
        return dropped == 0
            ? ordered
            : ordered.Add(new KnowledgeError(string.Empty, 0, "(more)",
                $"{dropped} more problem(s) not listed; fix the ones above first, then check again"));
    }

    /// <summary>Control characters become '?', and long text is cut with an ellipsis.</summary>
    internal static string Clean(string text, int maxLength)
    {
        var clean = new StringBuilder(Math.Min(text.Length, maxLength + 3));
        foreach (var c in text)
        {
            if (clean.Length >= maxLength)
            {
                clean.Append("...");
                break;
            }

            clean.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' ? '?' : c);
        }

        return clean.ToString();
    }
}
