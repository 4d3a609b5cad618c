using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing.Retrieval;

/// <summary>What a passage of the fact index holds.</summary>
internal enum PassageKind
{
    MuscleFact,
    Disagreement,
    TopicFact,
}

/// <summary>
/// One retrievable fact with its context: a muscle attribute fact, a disagreement note or a topic fact.
/// <see cref="Id"/> is stable across reloads while the fact stays at its place (e.g. <c>psoas-minor.insertion.2</c>,
/// <c>strengthening.3</c>) and is what <c>ask --json</c> reports in <c>facts</c>.
/// </summary>
internal sealed record FactPassage(
    int Ordinal,
    string Id,
    PassageKind Kind,
    int Muscle,
    MuscleAttribute? Attribute,
    int Topic,
    Fact Fact,
    string Heading,
    string ContextText)
{
    /// <summary>For a topic disagreement: the facts giving each side (shown under the note).</summary>
    public ImmutableArray<Fact> Values { get; init; } = [];

    /// <summary>For a topic disagreement: the note itself (the passage's fact also holds the values, for ranking).</summary>
    public string? Note { get; init; }

    /// <summary>The text a sentence embedding sees: heading and fact.</summary>
    public string EmbeddingText => Heading + ": " + Fact.Text.Trim();
}

/// <summary>A passage and its lexical score; <see cref="Coverage"/> is the share of the question's term weight it explains (0-1).</summary>
internal readonly record struct PassageHit(int Passage, double Score, double Coverage, double Own);

/// <summary>A content word of a question after stemming, synonyms and typo correction.</summary>
internal readonly record struct QueryTerm(string Word, string? Term, double Idf, bool Corrected)
{
    /// <summary>Share of its weight a matching fact earns: an everyday word ("even", "exactly", "make") explains little of a question.</summary>
    public double Share => Vocabulary.NamesNoSubject(Word) ? FactIndex.GeneralWordShare : 1;
}

/// <summary>
/// The fact-level index: every fact becomes a passage scored with BM25 over two fields (the fact's own words
/// and its context: muscle name and attribute words, or topic title, keywords and example questions). Terms are
/// stemmed and folded through the knowledge's synonym groups; unknown words are corrected against the index's
/// own vocabulary.
/// </summary>
internal sealed class FactIndex
{
    /// <summary>The part of every disagreement passage's id that says so ("psoas-minor.origin.disagreement", "rest.disagreement.1").</summary>
    public const string DisagreementIdPart = ".disagreement";

    private const double K1 = 1.2;
    private const double B = 0.6;
    private const double ContextWeight = 0.45;
    private const double CorrectedWeight = 0.8;
    private const int MaxQueryWords = 32;

    /// <summary>What an everyday word that a fact happens to use earns that fact (see <see cref="QueryTerm.Share"/>).</summary>
    public const double GeneralWordShare = 0.3;

    private static readonly FrozenDictionary<MuscleAttribute, string> AttributeWords = new Dictionary<MuscleAttribute, string>
    {
        [MuscleAttribute.Pronunciation] = "pronunciation pronounce say",
        [MuscleAttribute.Origin] = "origin originate arise start proximal attachment",
        [MuscleAttribute.Insertion] = "insertion insert attach distal attachment end",
        [MuscleAttribute.Action] = "action function movement",
        [MuscleAttribute.Innervation] = "innervation nerve supply spinal level",
        [MuscleAttribute.BloodSupply] = "blood supply artery vessel",
        [MuscleAttribute.Variations] = "variation absent missing people",
        [MuscleAttribute.Relations] = "relation next near",
        [MuscleAttribute.Clinical] = "clinical",
    }.ToFrozenDictionary();

    /// <summary>Per-thread scratch for <see cref="Search"/>, sized to the largest index seen; null while a search on the thread uses it.</summary>
    [ThreadStatic]
    private static SearchScratch? t_scratch;

    /// <summary>Each term's postings with the BM25 saturation of both fields worked out at build time (it depends only on the passage).</summary>
    private readonly FrozenDictionary<string, Posting[]> _postings;
    private readonly FrozenDictionary<string, double> _idf;
    private readonly FrozenDictionary<string, string> _canonical;
    private readonly FrozenDictionary<string, string> _wordTerms;
    private readonly TrigramIndex _words;

    /// <summary>The same words in a fixed order, for the one-edit scan the letter-triple search cannot do ("piont").</summary>
    private readonly string[] _wordsInOrder;

    /// <summary>The fact vocabulary by sound-alike key: "paradocks" is paradox, though it shares few letter triples with it.</summary>
    private readonly SoundAlikeWords _wordsBySound;

    private readonly bool[] _holdsNumber;
    private readonly bool[] _holdsDuration;

    /// <summary>What <see cref="QueryTerms"/> made of each word asked so far in this snapshot (a question's words are analysed once).</summary>
    private readonly WordMemo<QueryTerm[]> _wordAnalysis = new();

    public FactIndex(KnowledgeSnapshot snapshot, Muscle[] muscles, Topic[] topics)
    {
        _canonical = BuildCanonical(snapshot.Synonyms.IsDefault ? [] : snapshot.Synonyms);
        var passages = new List<FactPassage>();
        for (var m = 0; m < muscles.Length; m++)
        {
            AddMusclePassages(passages, muscles[m], m);
        }

        for (var t = 0; t < topics.Length; t++)
        {
            AddTopicPassages(passages, topics[t], t);
        }

        Passages = [.. passages];
        var (counts, wordTerms, length) = CountTerms();
        var averageLength = Passages.Length == 0 ? 1 : Math.Max(1, length.Average());
        _postings = counts.ToFrozenDictionary(p => p.Key, p => p.Value.Select(e => Posting.Of(e.Key, e.Value.Text, e.Value.Context, length[e.Key], averageLength)).ToArray(), StringComparer.Ordinal);
        var n = Math.Max(1, Passages.Length);
        _idf = _postings.ToFrozenDictionary(p => p.Key, p => Math.Log(1 + ((n - p.Value.Length + 0.5) / (p.Value.Length + 0.5))), StringComparer.Ordinal);
        MaxIdf = Math.Log(1 + ((n - 0.5) / 1.5));
        _wordTerms = wordTerms.ToFrozenDictionary(StringComparer.Ordinal);
        _holdsNumber = [.. Passages.Select(p => FactAnswerer.HoldsNumber(p.Fact.Text))];
        _holdsDuration = [.. Passages.Select(p => FactAnswerer.HoldsDuration(p.Fact.Text))];
        _words = new TrigramIndex([.. _wordTerms.Keys.Where(w => w.Length >= 4)]);
        _wordsInOrder = [.. _wordTerms.Keys.Where(w => w.Length >= 4).Order(StringComparer.Ordinal)];
        _wordsBySound = new SoundAlikeWords(_wordTerms.Keys);
        _byTopic = GroupPassages(topics.Length, p => p.Topic);
        _byMuscle = GroupPassages(muscles.Length, p => p.Muscle);
        _byAttribute = GroupPassages(Enum.GetValues<MuscleAttribute>().Max(a => (int)a) + 1, p => p.Muscle >= 0 && p.Attribute is { } a ? (int)a : -1);
        _holdingNumbers = [.. Passages.Where(p => _holdsNumber[p.Ordinal]).Select(p => p.Ordinal)];
        var notes = Passages.Where(p => p.Kind == PassageKind.Disagreement).ToList();
        _topicDisagreements = notes.ToLookup(p => p.Topic);
        _attributeDisagreements = notes.ToLookup(p => (p.Muscle, p.Attribute));
        _titleTerms = [.. topics.Select(t => ContentTerms(t.Title).ToFrozenSet(StringComparer.Ordinal))];
        _contextOnly = counts.Where(c => c.Value.Values.All(e => e.Text == 0)).Select(c => c.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Terms no fact's own text uses, only headings, keywords or example questions ("parodox", a listed misspelling).</summary>
    private readonly FrozenSet<string> _contextOnly;

    /// <summary>Whether no fact's own text uses <paramref name="term"/> (see <see cref="_contextOnly"/>).</summary>
    public bool OnlyInContext(string term) => _contextOnly.Contains(term);

    private readonly FrozenSet<string>[] _titleTerms;

    /// <summary>Whether <paramref name="term"/> is a content term of the topic's title ("paradox" of "The psoas paradox").</summary>
    public bool InTitle(int topic, string term)
    {
        if ((uint)topic >= (uint)_titleTerms.Length)
        {
            return false;
        }

        if (_titleTerms[topic].Contains(term))
        {
            return true;
        }

        // "paradoxical" of "paradox": a longer form the stemmer leaves apart.
        foreach (var titled in _titleTerms[topic])
        {
            if (titled.Length >= 5 && term.StartsWith(titled, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private readonly int[][] _byTopic;
    private readonly int[][] _byMuscle;
    private readonly int[][] _byAttribute;
    private readonly int[] _holdingNumbers;

    /// <summary>The passages of a topic (its facts and disagreement notes), in passage order.</summary>
    public int[] OfTopic(int topic) => (uint)topic < (uint)_byTopic.Length ? _byTopic[topic] : [];

    /// <summary>The passages of a muscle (its facts and disagreement notes), in passage order.</summary>
    public int[] OfMuscle(int muscle) => (uint)muscle < (uint)_byMuscle.Length ? _byMuscle[muscle] : [];

    /// <summary>The muscle passages of an attribute, every muscle's, in passage order.</summary>
    public int[] OfAttribute(MuscleAttribute attribute) => (uint)attribute < (uint)_byAttribute.Length ? _byAttribute[(int)attribute] : [];

    /// <summary>The passages whose fact holds a count, measure or share (<see cref="HoldsNumber"/>).</summary>
    public int[] HoldingNumbers => _holdingNumbers;

    /// <summary>The passage numbers in each of <paramref name="groups"/> groups, by the group a passage is in (-1: none).</summary>
    private int[][] GroupPassages(int groups, Func<FactPassage, int> groupOf)
    {
        var lists = Enumerable.Range(0, groups).Select(_ => new List<int>()).ToArray();
        foreach (var p in Passages)
        {
            if (groupOf(p) is var g && g >= 0 && g < groups)
            {
                lists[g].Add(p.Ordinal);
            }
        }

        return [.. lists.Select(l => l.ToArray())];
    }

    private readonly ILookup<int, FactPassage> _topicDisagreements;
    private readonly ILookup<(int Muscle, MuscleAttribute? Attribute), FactPassage> _attributeDisagreements;

    /// <summary>A topic's disagreement notes, in passage order.</summary>
    public IEnumerable<FactPassage> TopicDisagreements(int topic) => _topicDisagreements[topic];

    /// <summary>The disagreement notes of one muscle's attribute, in passage order.</summary>
    public IEnumerable<FactPassage> AttributeDisagreements(int muscle, MuscleAttribute attribute) => _attributeDisagreements[(muscle, attribute)];

    /// <summary>A muscle's passages: each attribute's facts (in attribute order), then that attribute's disagreement notes.</summary>
    private static void AddMusclePassages(List<FactPassage> passages, Muscle muscle, int m)
    {
        foreach (var (attribute, facts) in muscle.Attributes.OrderBy(a => a.Key))
        {
            var key = KeyOf(attribute);
            var heading = $"{Vocabulary.AttributeLabels[attribute]} of the {muscle.Name.ToLowerInvariant()}";
            var context = muscle.Name + " " + AttributeWords[attribute];
            for (var f = 0; f < facts.Length; f++)
            {
                passages.Add(new FactPassage(passages.Count, $"{muscle.Id}.{key}.{f + 1}", PassageKind.MuscleFact, m, attribute, -1, facts[f], heading, context));
            }

            foreach (var disagreement in muscle.Disagreements.IsDefault ? [] : muscle.Disagreements)
            {
                if (disagreement.Attribute == attribute)
                {
                    passages.Add(new FactPassage(passages.Count, $"{muscle.Id}.{key}{DisagreementIdPart}", PassageKind.Disagreement, m, attribute, -1,
                        new Fact(disagreement.Note, []), heading, context + " sources disagree differ"));
                }
            }
        }
    }

    /// <summary>A topic's passages: its facts, then its disagreements (the note with every side's text, for ranking).</summary>
    private static void AddTopicPassages(List<FactPassage> passages, Topic topic, int t)
    {
        var context = string.Join(' ', new[] { topic.Title }
            .Concat(topic.Keywords.IsDefault ? [] : topic.Keywords)
            .Concat(topic.Questions.IsDefault ? [] : topic.Questions));
        var facts = topic.Facts.IsDefault ? [] : topic.Facts;
        for (var f = 0; f < facts.Length; f++)
        {
            passages.Add(new FactPassage(passages.Count, $"{topic.Id}.{f + 1}", PassageKind.TopicFact, -1, null, t, facts[f], topic.Title, context));
        }

        var disagreements = topic.Disagreements.IsDefault ? [] : topic.Disagreements;
        for (var d = 0; d < disagreements.Length; d++)
        {
            var values = disagreements[d].Values.IsDefault ? [] : disagreements[d].Values;
            var text = string.Join(' ', values.Select(v => v.Text).Prepend(disagreements[d].Note));
            passages.Add(new FactPassage(passages.Count, $"{topic.Id}{DisagreementIdPart}.{d + 1}", PassageKind.Disagreement, -1, null, t,
                new Fact(text, [.. values.SelectMany(v => v.Sources.IsDefault ? [] : v.Sources).Distinct()]), topic.Title, context + " sources disagree differ")
            {
                Values = values,
                Note = disagreements[d].Note,
            });
        }
    }

    /// <summary>
    /// Each term's occurrences per passage in the fact's own words and in its context, the word each term came from, and
    /// each passage's length (context words weigh <see cref="ContextWeight"/>).
    /// </summary>
    private (Dictionary<string, Dictionary<int, (float Text, float Context)>> Counts, Dictionary<string, string> WordTerms, double[] Length) CountTerms()
    {
        var postings = new Dictionary<string, Dictionary<int, (float Text, float Context)>>(StringComparer.Ordinal);
        var wordTerms = new Dictionary<string, string>(StringComparer.Ordinal);
        var length = new double[Passages.Length];
        void Add(int passage, string word, bool isContext)
        {
            var term = Term(word);
            wordTerms.TryAdd(word, term);
            if (!postings.TryGetValue(term, out var list))
            {
                postings[term] = list = [];
            }

            var current = list.GetValueOrDefault(passage);
            list[passage] = isContext ? (current.Text, current.Context + 1) : (current.Text + 1, current.Context);
            length[passage] += isContext ? ContextWeight : 1;
        }

        void Count(int passage, string text, bool isContext)
        {
            // Each region once: "T12-L5" names both the thoracic and the lumbar spine.
            var regions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in TextNormalizer.Normalize(text, 20_000).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Vocabulary.StopWords.Contains(word) || word.Length < 2)
                {
                    continue;
                }

                if (!isContext && RegionOfLevel(word) is { } region)
                {
                    regions.Add(region);
                }

                Add(passage, word, isContext);
            }

            // "the transverse processes of L1-L5" are the lumbar transverse processes: a fact that names a spinal level
            // also answers to its region's name, once, as context ("which muscle comes off the lumbar transverse processes").
            foreach (var region in regions.Order(StringComparer.Ordinal))
            {
                if (!(postings.TryGetValue(Term(region), out var named) && named.TryGetValue(passage, out var count) && count.Text > 0))
                {
                    Add(passage, region, isContext: true);
                }
            }
        }

        foreach (var passage in Passages)
        {
            Count(passage.Ordinal, passage.Fact.Text, isContext: false);
            Count(passage.Ordinal, passage.ContextText, isContext: true);
        }

        return (postings, wordTerms, length);
    }

    public ImmutableArray<FactPassage> Passages { get; }

    /// <summary>The region a spinal level names ("l3" lumbar, "t12" thoracic, "s1" sacral); null for any other word.</summary>
    private static string? RegionOfLevel(string word)
    {
        if (word.Length is < 2 or > 3 || !char.IsAsciiDigit(word[1]) || (word.Length == 3 && !char.IsAsciiDigit(word[2])))
        {
            return null;
        }

        var level = int.Parse(word.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        return word[0] switch
        {
            'l' when level is >= 1 and <= 5 => "lumbar",
            't' when level is >= 1 and <= 12 => "thoracic",
            's' when level is >= 1 and <= 5 => "sacral",
            _ => null,
        };
    }

    /// <summary>Whether the passage's fact holds a count, measure or share (worked out once per snapshot, not per question).</summary>
    public bool HoldsNumber(int passage) => _holdsNumber[passage];

    /// <summary>Whether the passage's fact holds a length of time (<see cref="FactAnswerer.HoldsDuration"/>).</summary>
    public bool HoldsDuration(int passage) => _holdsDuration[passage];

    private IReadOnlySet<string>?[]? _factTerms;

    /// <summary>
    /// The index terms of a passage's fact text (each word stemmed and folded through the synonyms), worked out once per
    /// passage and snapshot, on first use. Racing threads at worst both work it out, to the same set.
    /// </summary>
    public IReadOnlySet<string> FactTerms(int passage)
    {
        var all = _factTerms ??= new IReadOnlySet<string>?[Passages.Length];
        if (Volatile.Read(ref all[passage]) is { } known)
        {
            return known;
        }

        var terms = WordsOf(Passages[passage].Fact).Select(Term).ToHashSet(StringComparer.Ordinal);
        Volatile.Write(ref all[passage], terms);
        return terms;
    }

    private readonly ConcurrentDictionary<Fact, IReadOnlySet<string>> _contentTerms = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The index terms of a fact's longer content words (more than three letters, no stop words), to tell whether two
    /// facts say the same thing; worked out once per fact and snapshot, on first use.
    /// </summary>
    public IReadOnlySet<string> ContentTerms(Fact fact) => _contentTerms.GetOrAdd(fact, f => ContentTerms(f.Text));

    /// <summary>The content terms of any text (an editors' note): words over three letters, no stop words, folded to terms. Not cached.</summary>
    public HashSet<string> ContentTerms(string text) =>
        TextNormalizer.Normalize(text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3 && !Vocabulary.StopWords.Contains(w)).Select(Term).ToHashSet(StringComparer.Ordinal);

    private static string[] WordsOf(Fact fact) => TextNormalizer.Normalize(fact.Text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Weight of a term seen in a single passage: the most a word can say.</summary>
    public double MaxIdf { get; }

    public static string KeyOf(MuscleAttribute attribute) => attribute switch
    {
        MuscleAttribute.BloodSupply => "blood_supply",
        _ => attribute.ToString().ToLowerInvariant(),
    };

    /// <summary>Stem, then fold through the synonym groups.</summary>
    public string Term(string word)
    {
        if (_canonical.TryGetValue(word, out var direct))
        {
            return direct;
        }

        var stem = Stemmer.Stem(word);
        return _canonical.TryGetValue(stem, out var canonical) ? canonical : stem;
    }

    public bool Knows(string word) => _wordTerms.ContainsKey(word) || _idf.ContainsKey(Term(word));

    /// <summary>
    /// Whether some fact's own text (not only its context: a topic's title or keywords) holds the word's term. "units" of
    /// "motor units" is only a keyword of the common tendon ("a single unit"): no fact says anything of units.
    /// </summary>
    public bool InFactText(string word)
    {
        if (!_postings.TryGetValue(Term(word), out var postings))
        {
            return false;
        }

        foreach (var posting in postings)
        {
            if (posting.HasText)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether some fact uses the word as written, or its singular ("relaxed" is not "relaxants", though both stem to relax).</summary>
    public bool UsesWord(string word) =>
        _wordTerms.ContainsKey(word) || (word.Length > 3 && word[^1] == 's' && _wordTerms.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(word.AsSpan(0, word.Length - 1)));

    /// <summary>The question's content words as index terms; words the index does not know are corrected when a close one exists.</summary>
    public List<QueryTerm> QueryTerms(IEnumerable<string> words)
    {
        var terms = new List<QueryTerm>(words.TryGetNonEnumeratedCount(out var count) ? Math.Min(count, MaxQueryWords) : 0);
        // A question is a few dozen words; beyond that it is pasted text, and its head is what was asked.
        foreach (var word in words.Take(MaxQueryWords))
        {
            foreach (var term in Analyse(word))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>The terms one word of a question stands for (none, one, or two for words run together), worked out once per snapshot.</summary>
    private QueryTerm[] Analyse(string word) => _wordAnalysis.Get(word, this, static (index, w) => index.AnalyseWord(w));

    private QueryTerm[] AnalyseWord(string word)
    {
        if (Vocabulary.StopWords.Contains(word) || word.Length < 2)
        {
            return [];
        }

        var term = Term(word);
        if (_idf.TryGetValue(term, out var idf))
        {
            return [new QueryTerm(word, term, idf, false)];
        }

        if (!Vocabulary.IsPlainEnglish(word) && _wordsBySound.Of(word) is { } sounded)
        {
            // Spelt as a knowledge word sounds ("burza", "paradocks", "palpasion"): that word, at its full weight, as sure
            // as the word spelt right; a trigram or edit-distance guess below stays a guess and weighs less.
            var soundedTerm = _wordTerms[sounded];
            return [new QueryTerm(word, soundedTerm, _idf[soundedTerm], true)];
        }

        // A word the router knows as English (a cue, an everyday word, a measure) is not a typo of a knowledge
        // word: "present" is not "prevent", "weigh" is not "weight".
        var corrected = Vocabulary.IsPlainEnglish(word) ? null : Correct(word) ?? SlipOf(word);
        // Nor is one of the most frequent English words, spelt right, another word that starts differently ("in general"
        // is not "several"); its own forms still count ("opposing" for "opposite", "earliest" for "earlier"). Nor is any
        // English word another of its length with another first letter ("vein" is not "rein", "drains" not "trains"): a
        // slip of the first letter that makes a real word is rarer than the word meant.
        if (corrected is not null && EverydayEnglish.Rank(word) != int.MaxValue
            && ((EverydayEnglish.Rank(word) < RoutingThresholds.EverydayWordRank && !corrected.AsSpan().StartsWith(word.AsSpan(0, 2), StringComparison.Ordinal))
                || (corrected.Length == word.Length && corrected[0] != word[0])))
        {
            corrected = null;
        }

        if (corrected is null && Split(word) is { } parts)
        {
            // Two words run together ("trigerpoint"): each half as its own (corrected) term.
            return [new QueryTerm(word, parts.Left, _idf[parts.Left] * CorrectedWeight, true), new QueryTerm(word, parts.Right, _idf[parts.Right] * CorrectedWeight, true)];
        }

        if (corrected is null && (Vocabulary.NamesNoSubject(word) || Vocabulary.CueWords.Contains(word)))
        {
            // An everyday word or attribute cue no fact uses ("habits", "present") names no subject: it must not dilute the
            // share of the question the facts explain.
            return [];
        }

        return [corrected is null
            ? new QueryTerm(word, null, MaxIdf, false)
            : new QueryTerm(word, corrected, _idf[corrected] * CorrectedWeight, true)];
    }

    /// <summary>BM25 over every passage that shares a term with the question, best first.</summary>
    public List<PassageHit> Search(IReadOnlyList<QueryTerm> terms, Func<FactPassage, bool>? filter = null, int limit = 24)
    {
        // Scores live in scratch arrays indexed by passage (only the passages a term's postings reach are touched, read
        // and reset); the additions run in the same order as ever, so every score is bit for bit what it was.
        var scratch = t_scratch is { } s && s.Fits(Passages.Length) ? s : new SearchScratch(Passages.Length);
        t_scratch = null;
        try
        {
            var total = Accumulate(terms, scratch);
            return total <= 0 ? [] : Ranked(scratch, filter, limit, total);
        }
        finally
        {
            scratch.Reset();
            t_scratch = scratch;
        }
    }

    /// <summary>Adds each distinct term's BM25 share to the passages its postings reach; returns the question's total term weight.</summary>
    private double Accumulate(IReadOnlyList<QueryTerm> terms, SearchScratch scratch)
    {
        var total = 0.0;
        for (var t = 0; t < terms.Count; t++)
        {
            var term = terms[t];
            var key = term.Term ?? term.Word;
            if (SeenBefore(terms, t, key))
            {
                continue;
            }

            total += term.Idf;
            if (term.Term is null || !_postings.TryGetValue(term.Term, out var postings))
            {
                continue;
            }

            var weight = term.Idf * term.Share;
            foreach (var posting in postings)
            {
                var passage = posting.Passage;
                scratch.Touch(passage);
                scratch.Scores[passage] += weight * posting.Norm;
                if (posting.HasText)
                {
                    // The fact's own words: what tells facts of one topic apart (they share its context).
                    scratch.Own[passage] += weight * posting.OwnNorm;
                }
            }
        }

        return total;
    }

    /// <summary>The touched passages the filter keeps, best score first, at most <paramref name="limit"/>, with their coverage.</summary>
    private List<PassageHit> Ranked(SearchScratch scratch, Func<FactPassage, bool>? filter, int limit, double total)
    {
        var ranked = new (int Passage, double Score)[scratch.TouchedCount];
        var kept = 0;
        foreach (var passage in scratch.Touched)
        {
            if (filter is null || filter(Passages[passage]))
            {
                ranked[kept++] = (passage, scratch.Scores[passage]);
            }
        }

        // Best score first, then the lower passage: a total order, so any sort gives the same list.
        BestFirst.Sort(ranked.AsSpan(0, kept));

        // BM25's saturation gives at most (K1 + 1) per term; coverage divides by that ceiling.
        var ceiling = total * (K1 + 1) * 0.75;
        var hits = new List<PassageHit>(Math.Min(kept, Math.Max(0, limit)));
        for (var i = 0; i < kept && i < limit; i++)
        {
            var (passage, score) = ranked[i];
            hits.Add(new PassageHit(passage, score, Math.Min(1, score / ceiling), Math.Min(1, scratch.Own[passage] / ceiling)));
        }

        return hits;
    }

    /// <summary>Whether an earlier term has the same key (a question's repeated word counts once).</summary>
    private static bool SeenBefore(IReadOnlyList<QueryTerm> terms, int index, string key)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(terms[i].Term ?? terms[i].Word, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One passage in a term's postings: BM25's saturated term frequency over both fields (<see cref="Norm"/>) and over the
    /// fact's own words alone (<see cref="OwnNorm"/>, when the fact itself uses the term). Worked out with the same
    /// expression a search used to evaluate, so every score is bit for bit the same.
    /// </summary>
    private readonly record struct Posting(int Passage, double Norm, double OwnNorm, bool HasText)
    {
        public static Posting Of(int passage, float text, float context, double length, double averageLength)
        {
            var tf = text + (ContextWeight * context);
            var norm = tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / averageLength))));
            var ownNorm = text > 0 ? text * (K1 + 1) / (text + (K1 * (1 - B + (B * length / averageLength)))) : 0;
            return new Posting(passage, norm, ownNorm, text > 0);
        }
    }

    /// <summary>Scores per passage and the passages touched, all zero between searches.</summary>
    private sealed class SearchScratch(int size)
    {
        private readonly bool[] _marked = new bool[size];
        private readonly int[] _touched = new int[size];

        public double[] Scores { get; } = new double[size];

        public double[] Own { get; } = new double[size];

        public int TouchedCount { get; private set; }

        public ReadOnlySpan<int> Touched => _touched.AsSpan(0, TouchedCount);

        public bool Fits(int passages) => Scores.Length >= passages;

        public void Touch(int passage)
        {
            if (!_marked[passage])
            {
                _marked[passage] = true;
                _touched[TouchedCount++] = passage;
            }
        }

        public void Reset()
        {
            foreach (var passage in Touched)
            {
                Scores[passage] = 0;
                Own[passage] = 0;
                _marked[passage] = false;
            }

            TouchedCount = 0;
        }
    }

    /// <summary>Best score first, then the lower passage number.</summary>
    internal sealed class BestFirst : IComparer<(int Passage, double Score)>
    {
        public static readonly BestFirst Instance = new();

        public int Compare((int Passage, double Score) x, (int Passage, double Score) y) =>
            x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Passage.CompareTo(y.Passage);

        /// <summary>
        /// Sorts in <see cref="Compare"/>'s order (a total order, so the result is the same list): the negated scores as
        /// plain keys (a primitive sort, no comparer call per comparison; sorting every scored fact was 5 % of an answer),
        /// then each run of equal scores by passage.
        /// </summary>
        public static void Sort(Span<(int Passage, double Score)> items)
        {
            var n = items.Length;
            if (n < 2)
            {
                return;
            }

            foreach (var item in items)
            {
                if (double.IsNaN(item.Score))
                {
                    // A primitive sort puts NaN first, Compare last: no score is NaN, but the order must not depend on that.
                    items.Sort(Instance);
                    return;
                }
            }

            double[]? rentedKeys = null;
            int[]? rentedOrder = null;
            (int, double)[]? rentedCopy = null;
            var keys = n <= 256 ? stackalloc double[n] : (rentedKeys = ArrayPool<double>.Shared.Rent(n)).AsSpan(0, n);
            var order = n <= 256 ? stackalloc int[n] : (rentedOrder = ArrayPool<int>.Shared.Rent(n)).AsSpan(0, n);
            for (var i = 0; i < n; i++)
            {
                keys[i] = -items[i].Score;
                order[i] = i;
            }

            keys.Sort(order);
            for (var start = 0; start < n;)
            {
                var end = start + 1;
                while (end < n && keys[end] == keys[start])
                {
                    end++;
                }

                // Equal scores (0.0 and -0.0 among them, as Compare has it) go by the lower passage; such runs are short.
                for (var i = start + 1; i < end; i++)
                {
                    var moving = order[i];
                    var at = i;
                    while (at > start && items[order[at - 1]].Passage > items[moving].Passage)
                    {
                        order[at] = order[at - 1];
                        at--;
                    }

                    order[at] = moving;
                }

                start = end;
            }

            var copy = n <= 128 ? stackalloc (int, double)[n] : (rentedCopy = ArrayPool<(int, double)>.Shared.Rent(n)).AsSpan(0, n);
            items.CopyTo(copy);
            for (var i = 0; i < n; i++)
            {
                items[i] = copy[order[i]];
            }

            if (rentedKeys is not null)
            {
                ArrayPool<double>.Shared.Return(rentedKeys);
                ArrayPool<int>.Shared.Return(rentedOrder!);
            }

            if (rentedCopy is not null)
            {
                ArrayPool<(int, double)>.Shared.Return(rentedCopy);
            }
        }
    }

    /// <summary>Two knowledge words run together, each exact or one typo away; null when no split gives two.</summary>
    private (string Left, string Right)? Split(string word)
    {
        if (word.Length is < 8 or > 24 || word.Any(char.IsAsciiDigit))
        {
            return null;
        }

        for (var at = 4; at <= word.Length - 4; at++)
        {
            if (KnownOrCorrected(word[..at]) is { } left && KnownOrCorrected(word[at..]) is { } right)
            {
                return (left, right);
            }
        }

        return null;
    }

    private string? KnownOrCorrected(string part)
    {
        if (Vocabulary.StopWords.Contains(part))
        {
            return null;
        }

        var term = Term(part);
        return _idf.ContainsKey(term) ? term : Correct(part);
    }

    private string? Correct(string word)
    {
        // Garbage (very long tokens, digits) is not a typo of a knowledge word: skip the fuzzy search.
        if (word.Length is < 4 or > 24 || word.Any(char.IsAsciiDigit))
        {
            return null;
        }

        // Of the close candidates, the fewest edits away: "streth" is "stretch" (one letter), not "strength", which
        // shares more letter triples.
        var hits = _words.Search(word, 5, 60);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var hit in hits)
        {
            var candidate = _words[hit.Key];
            if (hit.Score >= (word.Length >= 7 ? 80 : 84) || EditDistance.Within(word, candidate, EditDistance.Allowed(word)))
            {
                var distance = EditDistance.Between(word, candidate);
                if (distance < bestDistance)
                {
                    (best, bestDistance) = (candidate, distance);
                }
            }
        }

        return best is null ? null : _wordTerms[best];
    }

    /// <summary>
    /// A swap or slip in a short word leaves few letter triples in common ("piont" and "point" share none), so the
    /// trigram search of <see cref="Correct"/> misses it. A whole word (not half of a run-together one) that is no
    /// English word at all and one edit from a knowledge word is that word mistyped; a real word stays itself.
    /// Memoised per word with the rest of its analysis, so the scan runs once per word.
    /// </summary>
    private string? SlipOf(string word)
    {
        if (word.Length is < 4 or > 24 || word.Any(char.IsAsciiDigit) || EverydayEnglish.Rank(word) != int.MaxValue)
        {
            return null;
        }

        string? best = null;
        foreach (var candidate in _wordsInOrder)
        {
            if (EditDistance.Within(word, candidate, 1) && (best is null || _idf[_wordTerms[candidate]] < _idf[_wordTerms[best]]))
            {
                best = candidate;
            }
        }

        return best is null ? null : _wordTerms[best];
    }

    private static FrozenDictionary<string, string> BuildCanonical(ImmutableArray<ImmutableArray<string>> groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (group.IsDefaultOrEmpty)
            {
                continue;
            }

            var canonical = Stemmer.Stem(group[0]);
            foreach (var word in group)
            {
                map.TryAdd(word, canonical);
                map.TryAdd(Stemmer.Stem(word), canonical);
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
