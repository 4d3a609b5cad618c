using System.Collections.Frozen;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>What the safety rules found in a question.</summary>
internal sealed record SafetyFinding(bool TouchesPain, bool IsPersonal, IReadOnlyList<RedFlag> RedFlags);

/// <summary>
/// Matching of the pain vocabulary and red-flag groups from the safety file: whole words and phrases, plus
/// misspellings ("hurst", "injurd") and everyday slang ("killing me", "tweaked"). A misspelling only counts for
/// a word the knowledge itself does not use, so anatomy words never raise a false alarm.
/// </summary>
internal sealed class SafetyMatcher
{
    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "i", "im", "ive", "my", "me", "mine", "myself", "id", "ill",
    };

    /// <summary>Everyday ways of saying "it hurts" or "I got hurt" that no anatomy text uses.</summary>
    private static readonly string[] Slang =
    [
        "killing me", "kills me", "kills", "tweaked", "tweak", "broke my", "broken", "broke", "messed up my",
        "screwed up my", "wrecked my", "banged up", "busted", "ouch", "ow", "owie", "agonising", "agonizing",
        "sprang", "popped", "twinge", "twinges", "stabbing", "hurtin", "hurty", "sore af", "pulled something",
        "threw out my back", "threw my back out", "put my back out", "abscess", "infection", "infected", "fracture",
        "fractured", "tumor", "tumour", "cancer", "hernia", "niggle", "niggles", "niggling", "wrecked", "burning",
        "dislocated", "dislocate", "dislocation", "giving way", "gives way", "appendicitis",
    ];

    /// <summary>
    /// Common pain words in Spanish, French, German, Portuguese and Italian: the bot answers in English only, but a
    /// question in another language that speaks of pain still gets the disclaimer. Matched exactly on the question (never
    /// as a misspelling, never in answers): "mal" only as a word of its own ("j'ai mal a la hanche"), and none of them an
    /// English word ("doi", "male" and "lesion" are left out).
    /// </summary>
    private static readonly string[] OtherLanguages =
    [
        "dolor", "dolores", "duele", "duelen", "me duele", "lesionado", "lesionada",
        "douleur", "douleurs", "jai mal", "mal a", "mal au", "mal aux", "blessure", "blesse", "blessee",
        "schmerz", "schmerzen", "schmerzt", "schmerzhaft", "verletzt", "verletzung",
        "dor", "dores", "doendo", "machucado", "lesao",
        "dolore", "dolori", "fa male", "mi fa male", "infortunio",
    ];

    private readonly PhraseSet _pain;
    private readonly PhraseSet _answerPain;
    private readonly PhraseSet _flagTerms;
    private readonly (RedFlag Flag, string[][] Groups)[] _flags;
    private readonly string[] _fuzzyTerms;
    private readonly PhraseSet _crisisTerms;
    private readonly string[][][] _crisisSigns;

    /// <summary>Every word of a red-flag term: spelt as a rule lists it, never read as a misspelt pain word ("pooped" is not "popped").</summary>
    private readonly FrozenSet<string> _flagWords;
    private readonly Func<string, bool> _knownWord;

    public SafetyMatcher(SafetyRules rules, Func<string, bool>? knownWord = null)
    {
        Rules = rules;
        var painTerms = rules.PainTerms.IsDefault ? [] : rules.PainTerms;
        _pain = new PhraseSet(painTerms.Concat(Slang).Concat(OtherLanguages));
        _answerPain = new PhraseSet(painTerms);
        var flags = rules.RedFlags.IsDefault ? [] : rules.RedFlags.ToArray();
        _flags = flags
            .Select(f => (f, f.AllOf.IsDefault
                ? Array.Empty<string[]>()
                : f.AllOf.Select(g => (g.IsDefault ? [] : g.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToArray())).ToArray()))
            .ToArray();
        _flagTerms = new PhraseSet(_flags.SelectMany(f => f.Groups.SelectMany(g => g)));
        _flagWords = _flags.SelectMany(f => f.Groups.SelectMany(g => g)).SelectMany(t => t.Split(' ')).ToFrozenSet(StringComparer.Ordinal);
        _fuzzyTerms = painTerms.Select(TextNormalizer.Normalize)
            .Where(t => t.Length >= 4 && !t.Contains(' ', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        _knownWord = knownWord ?? (_ => false);
        var signs = rules.Crisis.Signs.IsDefault ? [] : rules.Crisis.Signs.ToArray();
        _crisisSigns = signs
            .Select(f => f.AllOf.IsDefault
                ? []
                : f.AllOf.Select(g => (g.IsDefault ? [] : g.Select(TextNormalizer.Normalize).Where(t => t.Length > 0).ToArray())).ToArray())
            .ToArray();
        _crisisTerms = new PhraseSet(_crisisSigns.SelectMany(s => s.SelectMany(g => g)));
    }

    public SafetyRules Rules { get; }

    /// <summary>Whether a word belongs to the safety vocabulary (pain terms, slang, red-flag terms), spelt right or not.</summary>
    public bool IsSafetyWord(string word) => _safetyWords.Get(word, this, static (self, w) =>
        self._pain.Contains(w) || self._flagTerms.Contains(w) || Slang.Any(s => s.StartsWith(w + " ", StringComparison.Ordinal))
        || self.PainTermFor(w) is not null);

    /// <summary>What <see cref="IsSafetyWord"/> and <see cref="PainTermFor"/> answered for each word so far.</summary>
    private readonly WordMemo<bool> _safetyWords = new();
    private readonly WordMemo<string?> _painTerms = new();

    public bool TouchesPain(TokenizedText text) => _pain.AnyIn(text);

    // Answers are checked against the knowledge's own vocabulary only: slang never appears in a fact.
    public bool TouchesPain(string answerText) => _answerPain.AnyIn(new TokenizedText(TextNormalizer.Normalize(answerText, 20_000), 5000));

    public SafetyFinding Inspect(TokenizedText question)
    {
        if (question.Inspected is { } known && ReferenceEquals(known.Matcher, this))
        {
            return known.Finding;
        }

        var finding = Find(question);
        question.Inspected = (this, finding);
        return finding;
    }

    /// <summary>"I", "my", "me" and their forms: the question is about the asker's own body.</summary>
    public static bool IsPersonalWord(string word) => PersonalWords.Contains(word);

    private SafetyFinding Find(TokenizedText question)
    {
        var corrected = Corrected(question);
        var pain = _pain.AnyIn(corrected);
        var personal = false;
        for (var i = 0; i < question.Count && !personal; i++)
        {
            personal = PersonalWords.Contains(question.WordString(i));
        }

        var flags = new List<RedFlag>();
        if (_flags.Length > 0)
        {
            var present = _flagTerms.FoundIn(corrected);
            if (present.Count > 0)
            {
                foreach (var (flag, groups) in _flags)
                {
                    if (groups.Length > 0 && EveryGroupPresent(groups, present))
                    {
                        flags.Add(flag);
                    }
                }
            }
        }

        return new SafetyFinding(pain || flags.Count > 0, personal, flags);
    }

    /// <summary>
    /// Suicide or self-harm, on the words as typed (never the pain-corrected text: no misspelling guess may raise it, and
    /// "killing me" is pain slang, not "killing myself"). Most questions hold no crisis term, so the set is only built then.
    /// Checked before anything else, so it scans the crisis terms only, not the whole safety vocabulary.
    /// </summary>
    public bool SpeaksOfCrisis(TokenizedText question)
    {
        if (_crisisSigns.Length == 0 || !_crisisTerms.AnyIn(question))
        {
            return false;
        }

        var present = _crisisTerms.FoundIn(question);
        foreach (var groups in _crisisSigns)
        {
            if (groups.Length > 0 && EveryGroupPresent(groups, present))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether each group has a term in <paramref name="present"/> (plain loops: every question with a flag term asks this of every flag).</summary>
    private static bool EveryGroupPresent(string[][] groups, HashSet<string> present)
    {
        foreach (var group in groups)
        {
            var any = false;
            foreach (var term in group)
            {
                if (present.Contains(term))
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Everyday words one or two letters from a pain term that are never its misspelling ("numbers", "limb").</summary>
    private static readonly FrozenSet<string> NotMisspeltPain = new[]
    {
        "numbers", "number", "numbered", "limb", "limbs", "lifts", "lifted", "lifting", "sorted", "stain", "strait",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "abscent" is two edits from abscess but one from absent: a word nearer an everyday English word (or one itself)
    /// than the pain term is that word misspelt, and raises no disclaimer. Ties stay pain ("hurst": hurts or burst), and
    /// so do the pain term's own forms ("sores", "fractures", "irritating").
    /// </summary>
    private bool MisspeltEverydayWord(string word, string painTerm) =>
        EverydayEnglish.HasWordNearer(word, EditDistance.Between(word, painTerm), w => _pain.Contains(w) || SameStem(w, painTerm));

    /// <summary>Whether two words differ only in their last three letters or fewer ("fractures" and "fracture").</summary>
    private static bool SameStem(string word, string term)
    {
        var shared = 0;
        while (shared < word.Length && shared < term.Length && word[shared] == term[shared])
        {
            shared++;
        }

        return shared >= Math.Max(3, term.Length - 3);
    }

    /// <summary>The question with misspelt pain words replaced by the term they most resemble.</summary>
    private TokenizedText Corrected(TokenizedText question)
    {
        string[]? words = null;
        for (var i = 0; i < question.Count && i < 200; i++)
        {
            if (PainTermFor(question.WordString(i)) is { } best)
            {
                words ??= Enumerable.Range(0, question.Count).Select(question.WordString).ToArray();
                words[i] = best;
            }
        }

        return words is null ? question : new TokenizedText(string.Join(' ', words));
    }

    /// <summary>The pain term a word is a misspelling of ("hurst" is "hurts"), or null: worked out once per word and snapshot.</summary>
    private string? PainTermFor(string word) => _painTerms.Get(word, this, static (self, w) => self.MisspeltPainTerm(w));

    private string? MisspeltPainTerm(string word)
    {
        if (word.Length < 4 || Vocabulary.StopWords.Contains(word) || Vocabulary.GeneralWords.Contains(word) || NotMisspeltPain.Contains(word)
            || _pain.Contains(word) || _flagWords.Contains(word) || _knownWord(word))
        {
            return null;
        }

        string? best = null;
        var bestDistance = word.Length >= 7 ? 2 : 1;
        foreach (var term in _fuzzyTerms)
        {
            // The first two letters must agree ("sore" is not "score", "strain" is not "straight"), and the
            // edit distance (a transposition counts once) must be small: "hurst" is "hurts", "hurtle" is not "hurted".
            var swapped = word.Length == term.Length && word[0] == term[0] && word[1] == term[2] && word[2] == term[1];
            if (term[0] != word[0] || (term[1] != word[1] && !swapped) || Math.Abs(term.Length - word.Length) > bestDistance)
            {
                continue;
            }

            var distance = EditDistance.Between(word, term);
            if (distance <= bestDistance && (best is null || distance < EditDistance.Between(word, best)))
            {
                best = term;
            }
        }

        return best is not null && !MisspeltEverydayWord(word, best) ? best : null;
    }
}
