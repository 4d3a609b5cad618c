using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>What the safety rules found in a question.</summary>
internal sealed record SafetyFinding(bool TouchesPain, bool IsPersonal, IReadOnlyList<RedFlag> RedFlags);

/// <summary>Whole-word matching of the pain vocabulary and red-flag groups from the safety file.</summary>
internal sealed class SafetyMatcher
{
    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "my", "me", "mine", "myself", "id", "ill",
    };

    private readonly PhraseSet _pain;
    private readonly PhraseSet _flagTerms;
    private readonly (RedFlag Flag, string[][] Groups)[] _flags;

    public SafetyMatcher(SafetyRules rules)
    {
        Rules = rules;
        _pain = new PhraseSet(rules.PainTerms.IsDefault ? [] : rules.PainTerms);
        var flags = rules.RedFlags.IsDefault ? [] : rules.RedFlags.ToArray();
        _flags = flags
            .Select(f => (f, f.AllOf.IsDefault
                ? Array.Empty<string[]>()
                : f.AllOf.Select(g => (g.IsDefault ? [] : g.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToArray())).ToArray()))
            .ToArray();
        _flagTerms = new PhraseSet(_flags.SelectMany(f => f.Groups.SelectMany(g => g)));
    }

    public SafetyRules Rules { get; }

    public bool TouchesPain(TokenizedText text) => _pain.AnyIn(text);

    public bool TouchesPain(string answerText) => _pain.AnyIn(new TokenizedText(TextNormalizer.Normalize(answerText, 20_000), 5000));

    public SafetyFinding Inspect(TokenizedText question)
    {
        var pain = _pain.AnyIn(question);
        var personal = false;
        for (var i = 0; i < question.Count && !personal; i++)
        {
            personal = PersonalWords.Contains(question.WordString(i));
        }

        var flags = new List<RedFlag>();
        if (_flags.Length > 0)
        {
            var present = _flagTerms.FoundIn(question);
            if (present.Count > 0)
            {
                foreach (var (flag, groups) in _flags)
                {
                    if (groups.Length > 0 && groups.All(g => g.Any(present.Contains)))
                    {
                        flags.Add(flag);
                    }
                }
            }
        }

        return new SafetyFinding(pain || flags.Count > 0, personal, flags);
    }
}
