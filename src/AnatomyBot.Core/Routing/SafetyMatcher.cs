using System.Collections.Frozen;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>What the safety rules found in a question.</summary>
/// <remarks><see cref="AsksAboutRedFlag"/>: a study question about a red-flag symptom ("can the psoas cause foot drop?"), answered without the urgent line.</remarks>
internal sealed record SafetyFinding(bool TouchesPain, bool IsPersonal, IReadOnlyList<RedFlag> RedFlags, bool AsksAboutRedFlag = false);

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
        // Hand trials, 1 Dec 2026: "my psoas is killin me", "my hip flexors are screaming", "my back is playing up".
        "killin", "killin me", "killing", "screaming", "screamin", "screams", "murdering me", "destroying me",
        "acting up", "playing up", "flaring up", "flared up", "flare up", "flares up", "bothering me", "bugging me",
        "giving me grief", "giving me trouble", "giving me hell", "throbbin",
        // Sixth blind trial's summary, 1 Dec 2026: "feels burny".
        "burny", "burnin", "in agony",
        // Nineteenth blind trial, 3 Dec 2026: "psoas be wrecking me since i started deadlifts". A verb of harm with
        // "me" after it says it hurts, whatever its tense.
        "wrecking me", "wreckin me", "wrecks me", "wrecked me", "destroys me", "destroyed me", "destroyin me",
        "murders me", "murderin me", "ruining me", "ruinin me", "ruins me", "torturing me", "torturin me",
        "crippling me", "cripplin me", "hammering me", "battering me", "slaying me", "doing me in",
    ];

    /// <summary>
    /// A body part said to be worn out in slang ("my hip flexor is absolutely cooked", "psoas totally fried", "my legs are
    /// toast"): one of <see cref="SlangBodyWords"/>, then at most <see cref="MaxSlangLinkWords"/> of
    /// <see cref="SlangLinkWords"/>, then one of <see cref="WornOutWords"/>. The words alone are everyday English ("the
    /// chicken is cooked", "a shot of espresso", "back to the question, I'm fried"), so only the three in that order count,
    /// and not after a meat ("chicken thighs are cooked"); the body part after the state ("fried hips") and a state far
    /// from it are not caught. Gym words for muscular ("jacked", "shredded") are left out, and "wrecked" and "busted"
    /// are pain slang of their own (<see cref="Slang"/>).
    /// </summary>
    private static readonly FrozenSet<string> SlangBodyWords = new[]
    {
        "hip", "hips", "groin", "groins", "back", "psoas", "flexor", "flexors", "iliopsoas", "iliacus", "leg", "legs",
        "thigh", "thighs", "knee", "knees", "glute", "glutes", "spine", "pelvis",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SlangLinkWords = new[]
    {
        "is", "are", "was", "were", "feels", "feel", "felt", "be", "been", "got", "gets", "getting", "so", "totally",
        "absolutely", "completely", "properly", "literally", "proper", "well", "just", "now", "still", "all", "bit", "a",
        "kinda", "pretty", "utterly", "fully", "lowkey", "deadass", "actually", "honestly", "rn",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> WornOutWords = new[]
    {
        "cooked", "fried", "toast", "toasted", "shot", "trashed", "smashed", "destroyed", "knackered", "kaput", "ruined",
        "mangled", "borked", "buggered", "munted", "wonky",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Meats whose cuts share a body part's name ("chicken thighs are cooked").</summary>
    private static readonly FrozenSet<string> FoodWords = new[]
    {
        "chicken", "turkey", "duck", "lamb", "pork", "beef", "veal", "goat", "frog", "frogs", "crab", "pig", "pigs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The most link words between a body part and its worn-out state ("is absolutely properly cooked").</summary>
    private const int MaxSlangLinkWords = 3;

    private readonly PhraseSet _pain;

    /// <summary>The one-word pain nouns and verbs of the safety file's other languages ("pijn", "dard"): they say "it hurts".</summary>
    private readonly FrozenSet<string> _otherLanguageWords;
    private readonly PhraseSet _answerPain;
    private readonly PhraseSet _flagTerms;

    /// <summary>Everyday phrases ("fell asleep", "weight training") whose words are hidden from the red-flag terms.</summary>
    private readonly PhraseSet _notFlags;
    private readonly (RedFlag Flag, string[][] Groups)[] _flags;

    /// <summary>Red-flag terms with a gap ("can't ... weight"): each term with its parts in order, and a set of their first parts to skip questions that hold none.</summary>
    private readonly (string Term, string[] Parts)[] _gapTerms;
    private readonly PhraseSet _gapOpeners;
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
        var otherLanguages = rules.OtherLanguagePainTerms.IsDefault ? [] : rules.OtherLanguagePainTerms;
        _pain = new PhraseSet(painTerms.Concat(Slang).Concat(otherLanguages));
        _otherLanguageWords = otherLanguages.Select(TextNormalizer.Normalize)
            .Where(t => t.Length > 0 && !t.Contains(' ', StringComparison.Ordinal))
            .ToFrozenSet(StringComparer.Ordinal);
        _answerPain = new PhraseSet(painTerms);
        var flags = rules.RedFlags.IsDefault ? [] : rules.RedFlags.ToArray();
        _flags = flags
            .Select(f => (f, f.AllOf.IsDefault
                ? Array.Empty<string[]>()
                : f.AllOf.Select(g => (g.IsDefault ? [] : g.Select(FlagTerm).Where(t => t.Length > 0).ToArray())).ToArray()))
            .ToArray();
        var flagTerms = _flags.SelectMany(f => f.Groups.SelectMany(g => g)).Distinct(StringComparer.Ordinal).ToArray();
        _flagTerms = new PhraseSet(flagTerms.Where(t => !t.Contains(GapKey, StringComparison.Ordinal)));
        _notFlags = new PhraseSet(rules.NotRedFlags.IsDefault ? [] : rules.NotRedFlags);
        _gapTerms = flagTerms.Where(t => t.Contains(GapKey, StringComparison.Ordinal)).Select(t => (t, t.Split(GapKey))).ToArray();
        _gapOpeners = new PhraseSet(_gapTerms.Select(g => g.Parts[0]));
        _flagWords = flagTerms.SelectMany(t => t.Split(' ')).Where(w => w != GapMark).ToFrozenSet(StringComparer.Ordinal);
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

    /// <summary>How a red-flag term marks a gap: "can't ... weight" matches "can't put any weight" and "can't take weight".</summary>
    public const string GapMark = "...";

    /// <summary>How many words a gap may hold: enough for "can't put any weight through", too few to join two clauses.</summary>
    public const int MaxGapWords = 3;

    private const string GapKey = " " + GapMark + " ";

    /// <summary>A red-flag term normalised; a term with gaps keeps them as " ... " between its normalised parts.</summary>
    private static string FlagTerm(string term)
    {
        if (!term.Contains(GapMark, StringComparison.Ordinal))
        {
            return TextNormalizer.Normalize(term);
        }

        return string.Join(GapKey, term.Split(GapMark).Select(static p => TextNormalizer.Normalize(p)).Where(p => p.Length > 0));
    }

    /// <summary>Whether a word belongs to the safety vocabulary (pain terms, slang, red-flag terms), spelt right or not.</summary>
    public bool IsSafetyWord(string word) => _safetyWords.Get(word, this, static (self, w) =>
        self._pain.Contains(w) || self._flagTerms.Contains(w) || Slang.Any(s => s.StartsWith(w + " ", StringComparison.Ordinal))
        || self.PainTermFor(w) is not null);

    /// <summary>
    /// Whether <paramref name="word"/> stands in the text inside a pain phrase of several words ("sharp grabbing", "it
    /// smarts", "my psoas is cooked"): there it says how something hurts, and is no subject of its own, though the word
    /// alone is none of ours.
    /// A pain term of its own ("abscess") is left to the callers' own reading (a condition can be the subject asked).
    /// </summary>
    public bool InPainPhrase(TokenizedText text, string word)
    {
        if (_pain.Contains(word))
        {
            return false;
        }

        // "psoas totally fried": the worn-out word says how the body part feels.
        if (SaysWornOut(text, word))
        {
            return true;
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) != word)
            {
                continue;
            }

            for (var start = Math.Max(0, i - MaxPhraseWords + 1); start <= i; start++)
            {
                if (_pain.LongestAt(text, start) is var length && length > 1 && length > i - start)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The most words a pain phrase is searched back for (<see cref="InPainPhrase"/>).</summary>
    private const int MaxPhraseWords = 5;

    /// <summary>What <see cref="IsSafetyWord"/> and <see cref="PainTermFor"/> answered for each word so far.</summary>
    private readonly WordMemo<bool> _safetyWords = new();
    private readonly WordMemo<string?> _painTerms = new();

    public bool TouchesPain(TokenizedText text) => _pain.AnyIn(text) || SaysBodyWornOut(text);

    /// <summary>Whether <paramref name="word"/> says, in this text, that a body part is worn out ("fried" in "psoas totally fried").</summary>
    public static bool SaysWornOut(TokenizedText text, string word) => WornOutWords.Contains(word) && SaysBodyWornOut(text);

    /// <summary>Whether the text says a body part is worn out in slang ("my legs are cooked"): see <see cref="SlangBodyWords"/>.</summary>
    private static bool SaysBodyWornOut(TokenizedText text)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            // "chicken thighs are cooked": meat, not the asker's body.
            if (!SlangBodyWords.Contains(text.WordString(i)) || (i > 0 && FoodWords.Contains(text.WordString(i - 1))))
            {
                continue;
            }

            for (var j = i + 1; j < text.Count && j <= i + MaxSlangLinkWords + 1; j++)
            {
                var word = text.WordString(j);
                if (WornOutWords.Contains(word))
                {
                    return true;
                }

                if (!SlangLinkWords.Contains(word))
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word is a pain or condition term misspelt as far as a typo may go ("absess" is abscess): such a word
    /// names what is asked even when it is also near an everyday word ("absess" and "assess").
    /// </summary>
    public bool NearsAPainTerm(string word)
    {
        foreach (var term in _fuzzyTerms)
        {
            if (EditDistance.Within(word, term, EditDistance.Allowed(word)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A word of the question that says "it hurts" in slang or misspelt ("killin", "screaming", "tweaked", "hurst") and that
    /// no fact uses. Names of conditions ("abscess", "appendicitis") are not among them: the sources not covering one is
    /// the answer.
    /// </summary>
    public bool IsUnknownPainWord(string word) => _unknownPain.Get(word, this, static (self, w) =>
        w.Length > 2 && !self._knownWord(w) && (self.SaysPain(w) || (self.PainTermFor(w) is { } term && self.SaysPain(term))));

    /// <summary>Whether a word says "it hurts" ("hurt", "sore", "achy", "pijn"), spelt as the question has it.</summary>
    public bool SaysPain(string word) => SaysItHurts.Contains(word) || _otherLanguageWords.Contains(word);

    /// <summary>Words that describe pain or a strain, as opposed to naming a condition.</summary>
    private static readonly FrozenSet<string> SaysItHurts = new[]
    {
        "pain", "pains", "painful", "hurt", "hurts", "hurting", "hurted", "hurtin", "hurty", "sore", "soreness", "ache", "aches",
        "ached", "aching", "achy", "achey", "achin", "killing", "killin", "kills", "screaming", "screamin", "screams",
        "tweaked", "tweak", "twinge", "twinges", "twinged", "niggle", "niggles", "niggling", "throbbing", "throbbin", "throbs",
        "stabbing", "burning", "burny", "burnin", "ouch", "ow", "owie", "agonising", "agonizing", "agony", "strained", "sprained", "pulled",
        "injured", "injury", "cramp", "cramps", "cramping", "spasm", "spasms", "stiff", "stiffness", "tender", "flaring",
        "flared", "bugging", "bothering", "murdering", "destroying", "wrecked", "busted",
        // The lead's probes, 2 Dec 2026: "sharp pang in my groin" asked for suggestions. Slang that is an everyday word
        // too ("jab", "zing", "grumbling") is left out. The one-word pain words of other languages are the safety file's.
        "pang", "pangs", "jabbing", "zinging", "searing", "gnawing", "shooting", "throb", "throbbed", "stings", "stinging",
        "smarts", "smarting", "crick", "cricked",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly WordMemo<bool> _unknownPain = new();

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
        var pain = _pain.AnyIn(corrected) || SaysBodyWornOut(corrected);
        var personal = false;
        for (var i = 0; i < question.Count && !personal; i++)
        {
            personal = PersonalWords.Contains(question.WordString(i));
        }

        var flags = new List<RedFlag>();
        if (_flags.Length > 0)
        {
            var flagText = _notFlags.AnyIn(corrected) ? WithoutEverydayPhrases(corrected) : corrected;
            var present = _flagTerms.FoundIn(flagText);
            if (_gapTerms.Length > 0 && _gapOpeners.AnyIn(flagText))
            {
                foreach (var (term, parts) in _gapTerms)
                {
                    if (InOrder(flagText, parts, 0, 0, flagText.Count))
                    {
                        present.Add(term);
                    }
                }
            }

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

        // "can the psoas cause loss of bladder control?" asks about a red flag; it reports none. The urgent line is for a
        // report: a study question is answered as one, with the disclaimer (pain stays true).
        var touches = pain || flags.Count > 0;
        var studies = flags.Count > 0 && AsksAboutRatherThanReports(question);
        if (studies)
        {
            flags.Clear();
        }

        return new SafetyFinding(touches, personal, flags, studies);
    }

    /// <summary>Stands for each word of an everyday phrase: no red-flag term holds it, and the words around keep their places.</summary>
    private const string HiddenWord = "_";

    /// <summary>
    /// The text with the words of its everyday phrases hidden: "i fell asleep and my back hurts" is no fall, and "wont take
    /// any weight training" is no leg that won't take weight. Only the phrase's own words go; "fell asleep at the wheel,
    /// crashed and can't walk" keeps its crash.
    /// </summary>
    private TokenizedText WithoutEverydayPhrases(TokenizedText text)
    {
        var words = new string[text.Count];
        for (var i = 0; i < text.Count; i++)
        {
            var length = _notFlags.LongestAt(text, i);
            for (var j = 0; j < length; j++)
            {
                words[i + j] = HiddenWord;
            }

            if (length == 0)
            {
                words[i] = text.WordString(i);
            }
            else
            {
                i += length - 1;
            }
        }

        return new TokenizedText(string.Join(' ', words));
    }

    /// <summary>Words that open a general question ("can the psoas cause ...", "which nerve problem causes ...").</summary>
    private static readonly FrozenSet<string> StudyOpeners = new[]
    {
        "can", "could", "does", "do", "is", "are", "which", "what", "whats", "why", "how", "when", "where", "will", "would",
        "may", "might", "explain", "describe", "name", "list",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that tie a question to someone's own situation, now: a person ("my", "we", "he", "his"), a time ("now",
    /// "since", "yesterday"), a condition ("if", "when i"), worry or a request for help ("serious", "emergency", "should",
    /// "need a doctor", "can it wait").
    /// Any of them keeps the red flag: when in doubt, the urgent line.
    /// </summary>
    private static readonly FrozenSet<string> ReportWords = new[]
    {
        "i", "im", "ive", "id", "ill", "my", "me", "mine", "myself", "we", "us", "our", "ours", "ourselves",
        "he", "she", "him", "his", "her", "hers", "himself", "herself", "hes", "shes", "son", "daughter", "friend", "wife",
        "husband", "mum", "mom", "dad", "child", "kid", "baby", "patient", "client",
        "now", "since", "today", "tonight", "yesterday", "currently", "recently", "lately", "anymore", "ago", "started",
        "starting", "keeps", "kept", "still", "suddenly", "this", "these", "if", "help", "worried", "worry", "worrying",
        "scared", "afraid", "serious", "emergency", "urgent", "normal", "should", "ok", "okay", "bad", "dangerous",
        // Whether it needs care or can wait is a question someone with the symptom asks: "does sudden loss of bladder
        // control need a doctor?", "can numbness in both legs wait until monday?".
        "sudden", "need", "needs", "doctor", "gp", "hospital", "ambulance", "er", "wait",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"is it", "could it be", "can this be": a question about a present situation ("is it my psoas?").</summary>
    private static readonly FrozenSet<string> SituationPronouns = new[] { "it", "this", "that" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a question that holds red-flag words asks about them in general rather than reporting them: it opens as a
    /// question ("can", "which", "why"), holds no word of a person, a time, a condition or worry, and does not ask "is it
    /// ...?" of a situation ("is it true that ..." and "is it possible ..." are general).
    /// </summary>
    private static bool AsksAboutRatherThanReports(TokenizedText question)
    {
        if (question.Count < 3 || !StudyOpeners.Contains(question.WordString(0)))
        {
            return false;
        }

        for (var i = 0; i < question.Count; i++)
        {
            if (ReportWords.Contains(question.WordString(i)))
            {
                return false;
            }
        }

        var second = question.WordString(1);
        return !SituationPronouns.Contains(second)
            || question.WordString(2) is "true" or "possible" or "common" or "known" or "typical" or "likely" or "rare";
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

    /// <summary>
    /// Whether the parts of a gapped term, from <paramref name="part"/> on, appear in order: the part starts somewhere in
    /// [<paramref name="from"/>, <paramref name="to"/>), and each next one at most <see cref="MaxGapWords"/> words after it.
    /// </summary>
    private static bool InOrder(TokenizedText text, string[] parts, int part, int from, int to)
    {
        if (part == parts.Length)
        {
            return true;
        }

        var words = 1 + parts[part].AsSpan().Count(' ');
        for (var i = from; i < to && i + words <= text.Count; i++)
        {
            if (text.Window(i, words).SequenceEqual(parts[part])
                && InOrder(text, parts, part + 1, i + words, Math.Min(text.Count, i + words + MaxGapWords + 1)))
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
        // The anatomy adjective ("is the iliacus supplied by the sciatic nerve?"), one letter short of "sciatica";
        // "sciatic pain" is a pain term of its own.
        "sciatic",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "abscent" is two edits from abscess but one from absent: a word nearer an everyday English word (or one itself)
    /// than the pain term is that word misspelt, and raises no disclaimer. Ties stay pain ("hurst": hurts or burst), and
    /// so do the pain term's own forms ("sores", "fractures", "irritating"). A tie with a frequent everyday word that
    /// begins as the misspelling does and is more frequent than the pain term goes to that word: "sorce" is "source",
    /// not "sore"; "hurst" stays "hurts" ("burst" begins otherwise), "brused" stays "bruised" ("brushed" is not frequent).
    /// </summary>
    private bool MisspeltEverydayWord(string word, string painTerm)
    {
        var distance = EditDistance.Between(word, painTerm);
        Func<string, bool> except = w => _pain.Contains(w) || SameStem(w, painTerm);
        return EverydayEnglish.HasWordNearer(word, distance, except)
            || EverydayEnglish.HasMoreFrequentLookalike(word, distance, EverydayEnglish.Rank(painTerm), except);
    }

    /// <summary>Endings that make forms of one word ("fracture", "fractures", "fractured"; "irritating", "irritation").</summary>
    private static readonly FrozenSet<string> FormEndings = new[]
    {
        "", "s", "es", "d", "ed", "ing", "e", "er", "ers", "ly", "y", "ful", "ion", "ions", "ness",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether two words are forms of one stem of at least three letters, each ending in a form ending ("fractures" and
    /// "fracture", "irritating" and "irritation"). "painted" is not "pained": their tails "ted" and "ed" are no pair of
    /// endings of "pain".
    /// </summary>
    private static bool SameStem(string word, string term)
    {
        var shared = word.AsSpan().CommonPrefixLength(term);
        for (var stem = shared; stem >= 3; stem--)
        {
            if (FormEndings.Contains(word[stem..]) && FormEndings.Contains(term[stem..]))
            {
                return true;
            }
        }

        return false;
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
