using System.Collections.Frozen;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Text;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>A muscle named in a question: where (word span) and how sure (FuzzySharp ratio, 100 = exact).</summary>
internal readonly record struct MuscleMention(int Muscle, int Start, int Count, int Score, string Phrase, bool Ambiguous = false)
{
    public int End => Start + Count;
}

/// <summary>What a question's word is to the index: a stop word, a word of a muscle name, of a topic's vocabulary, an attribute cue, a word of a topic phrase.</summary>
[Flags]
internal enum WordKind : byte
{
    None = 0,
    Stop = 1,
    Muscle = 2,
    Topic = 4,
    Cue = 8,
    TopicPhrase = 16,
}

/// <summary>A topic keyword or title found in a question.</summary>
internal readonly record struct TopicMention(int Topic, int Start, int Count, double Score);

/// <summary>
/// Everything the router looks up, built once per knowledge snapshot: exact phrase dictionaries (n-gram
/// windows of a question are span lookups), trigram indexes for fuzzy candidates, and topic word statistics.
/// </summary>
internal sealed class KnowledgeIndex
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _musclePhraseLookup;
    private readonly string[] _musclePhrases;
    private readonly int[] _musclePhraseOwner;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _topicPhraseLookup;
    private readonly string[] _topicPhrases;
    private readonly int[][] _topicPhraseOwners;
    private readonly double[] _topicPhraseWeight;
    private readonly PhraseWords _topicPhraseWords;
    private readonly FrozenDictionary<string, int[]> _wordTopics;
    private readonly FrozenDictionary<string, double> _idf;
    private readonly FrozenDictionary<string, int> _exactQuestions;
    private readonly HashSet<string> _muscleWords;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _muscleWordLookup;
    private readonly FrozenSet<string> _clippedMuscleWords;
    private readonly double _maxIdf;
    private readonly (string Key, string Label, int Muscle, int Kind)[] _completions;
    private readonly byte[] _factPain;

    private KnowledgeIndex(KnowledgeSnapshot snapshot)
    {
        Snapshot = snapshot;
        Muscles = snapshot.Muscles.IsDefault ? [] : [.. snapshot.Muscles];
        Topics = snapshot.Topics.IsDefault ? [] : [.. snapshot.Topics];
        MuscleById = Muscles.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal);
        TopicById = Topics.GroupBy(t => t.Id).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Facts = new FactIndex(snapshot, Muscles, Topics);
        Safety = new SafetyMatcher(snapshot.Safety, Facts.Knows);
        _factPain = new byte[Facts.Passages.Length];

        (_musclePhrases, _musclePhraseOwner, _musclePhraseLookup, MuscleMaxWords, _completions) = BuildMusclePhrases(Muscles);
        MuscleFuzzy = new TrigramIndex(_musclePhrases);
        _muscleWords = new HashSet<string>(_musclePhrases.SelectMany(p => p.Split(' ')), StringComparer.Ordinal);
        _muscleWordLookup = _muscleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _clippedMuscleWords = ClippedMuscleWords(_muscleWords);
        _nameCores = [.. Muscles.SelectMany(m => m.Name.ToLowerInvariant().Split(' ')).Where(w => w is not ("major" or "minor")).Distinct()];
        (_topicPhrases, _topicPhraseOwners, _topicPhraseLookup, TopicMaxWords) = BuildTopicPhrases(Topics);
        _topicPhraseWeight = [.. _topicPhrases.Select((phrase, i) => PhraseWeight(phrase, _topicPhraseOwners[i].Length))];
        TopicFuzzy = new TrigramIndex(_topicPhrases);
        _topicPhraseWords = new PhraseWords(_topicPhrases, RoutingThresholds.PhraseWordAlign);
        GroupNames = Muscles.Where(m => m.IsGroup).Select(m => TextNormalizer.Normalize(m.Name, 200)).ToFrozenSet(StringComparer.Ordinal);
        _factWordPairs = new Lazy<FrozenSet<string>>(() => BuildFactWordPairs(Facts.Passages.Select(p => p.Fact.Text + " " + p.Heading)));
        (_wordTopics, _idf, _maxIdf, _exactQuestions) = BuildTopicVocabulary(Topics);
        VocabularyFuzzy = new TrigramIndex([.. _wordTopics.Keys.Where(w => w.Length >= 5)]);
        _topicWordsBySound = new SoundAlikeWords(_wordTopics.Keys);
        _longTopicWords = [.. _wordTopics.Keys.Where(w => w.Length >= SoundAlikeWords.MinLength).Order(StringComparer.Ordinal)];
        _topicNames = TopicNames(Topics);
    }

    /// <summary>Each topic's normalised title and its id with spaces, mapped to the first topic that has it.</summary>
    private readonly FrozenDictionary<string, int> _topicNames;

    private static FrozenDictionary<string, int> TopicNames(Topic[] topics)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Length; t++)
        {
            names.TryAdd(TextNormalizer.Normalize(topics[t].Title), t);
            names.TryAdd(topics[t].Id.Replace('-', ' '), t);
        }

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="word"/> is one of the topic's keywords as written ("parodox" of the psoas paradox).</summary>
    public bool IsKeywordOf(string word, int topic) =>
        _topicPhraseLookup.TryGetValue(word, out var phrase) && Array.IndexOf(_topicPhraseOwners[phrase], topic) >= 0;

    /// <summary>The topic whose normalised title or id (hyphens as spaces) is <paramref name="words"/>, or null.</summary>
    public int? TopicTitled(string words) => _topicNames.TryGetValue(words, out var t) ? t : null;

    /// <summary>
    /// Muscle names: name, id words and aliases, first claimant wins (the loader rejects real clashes); with the
    /// autocomplete entries, misspelt aliases completing to the real name.
    /// </summary>
    private static (string[] Phrases, int[] Owners, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup, int MaxWords, (string Key, string Label, int Muscle, int Kind)[] Completions)
        BuildMusclePhrases(Muscle[] muscles)
    {
        var musclePhrases = new Dictionary<string, int>(StringComparer.Ordinal);
        var completions = new List<(string, string, int, int)>();
        var maxWords = 0;
        for (var m = 0; m < muscles.Length; m++)
        {
            var muscle = muscles[m];
            var names = new List<string> { muscle.Name, muscle.Id.Replace('-', ' ') };
            if (!muscle.Aliases.IsDefault)
            {
                names.AddRange(muscle.Aliases);
            }

            foreach (var name in names)
            {
                var key = TextNormalizer.Normalize(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (musclePhrases.TryAdd(key, m))
                {
                    maxWords = Math.Max(maxWords, WordCount(key));
                    var nameKey = TextNormalizer.Normalize(muscle.Name);
                    var isName = key == nameKey;
                    // Misspellings ("illiacus") complete to the real name; real alternatives show both.
                    var misspelling = !isName && !key.Contains(nameKey, StringComparison.Ordinal)
                        && FuzzyRatio.Of(key, nameKey) >= RoutingThresholds.AliasIsMisspelling;
                    var label = isName || misspelling ? muscle.Name : $"{muscle.Name} ({name.Trim()})";
                    completions.Add((key, label, m, isName ? 0 : misspelling ? 2 : 1));
                }
            }
        }

        string[] phrases = [.. musclePhrases.Keys];
        return (phrases, [.. musclePhrases.Values], PhraseLookup(phrases), maxWords, [.. completions.OrderBy(c => c.Item1, StringComparer.Ordinal)]);
    }

    /// <summary>Topic phrases (title, id words, keywords) with every topic that uses each.</summary>
    private static (string[] Phrases, int[][] Owners, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup, int MaxWords)
        BuildTopicPhrases(Topic[] topics)
    {
        var topicPhraseOwners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Length; t++)
        {
            var topic = topics[t];
            var phrases = new List<string> { topic.Title, topic.Id.Replace('-', ' ') };
            if (!topic.Keywords.IsDefault)
            {
                phrases.AddRange(topic.Keywords);
            }

            foreach (var phrase in phrases)
            {
                var key = TextNormalizer.Normalize(phrase);
                if (key.Length == 0 || Vocabulary.StopWords.Contains(key))
                {
                    continue;
                }

                AddOwner(topicPhraseOwners, key, t);
                // "hip flexors other than iliopsoas": lazy and non-native phrasing leaves out the articles a long keyword
                // spells ("hip flexors other than the iliopsoas"); the phrase without them is the keyword too. A question
                // that adds an article the keyword lacks, or leaves one out of a short keyword, is not caught.
                if (WithoutArticles(key) is { } bare)
                {
                    AddOwner(topicPhraseOwners, bare, t);
                }
            }
        }

        string[] keys = [.. topicPhraseOwners.Keys];
        var maxWords = keys.Select(WordCount).DefaultIfEmpty(0).Max();
        return (keys, [.. topicPhraseOwners.Values.Select(o => o.ToArray())], PhraseLookup(keys), maxWords);
    }

    private static void AddOwner(Dictionary<string, List<int>> owners, string key, int topic)
    {
        if (!owners.TryGetValue(key, out var list))
        {
            owners[key] = list = [];
        }

        if (!list.Contains(topic))
        {
            list.Add(topic);
        }
    }

    private static readonly FrozenSet<string> Articles = new[] { "the", "a", "an" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a keyword needs before its articles may go: a short one without them matches too loosely ("front of hip").</summary>
    private const int MinWordsWithoutArticles = 5;

    /// <summary>The phrase without its articles when it has one between two other words, else null.</summary>
    private static string? WithoutArticles(string key)
    {
        var words = key.Split(' ');
        if (words.Length < MinWordsWithoutArticles)
        {
            return null;
        }

        var kept = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            if (!(Articles.Contains(words[i]) && i > 0 && i < words.Length - 1))
            {
                kept.Add(words[i]);
            }
        }

        return kept.Count == words.Length || kept.Count < 2 ? null : string.Join(' ', kept);
    }

    /// <summary>A phrase's position in <paramref name="phrases"/>, looked up by span (n-gram windows allocate nothing).</summary>
    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> PhraseLookup(string[] phrases)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < phrases.Length; i++)
        {
            index[phrases[i]] = i;
        }

        return index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Topic vocabulary for free phrasing: which topics use a word (title, keywords, example questions), each word's
    /// rarity across topics (IDF), and the example questions themselves.
    /// </summary>
    private static (FrozenDictionary<string, int[]> WordTopics, FrozenDictionary<string, double> Idf, double MaxIdf, FrozenDictionary<string, int> ExactQuestions)
        BuildTopicVocabulary(Topic[] topics)
    {
        var wordTopics = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var exactQuestions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < topics.Length; t++)
        {
            var topic = topics[t];
            var texts = new List<string> { topic.Title, topic.Id.Replace('-', ' ') };
            texts.AddRange(topic.Keywords.IsDefault ? [] : topic.Keywords);
            foreach (var question in topic.Questions.IsDefault ? [] : topic.Questions)
            {
                texts.Add(question);
                exactQuestions.TryAdd(TextNormalizer.Normalize(question), t);
            }

            foreach (var text in texts)
            {
                foreach (var word in ContentWords(TextNormalizer.Normalize(text)))
                {
                    if (!wordTopics.TryGetValue(word, out var set))
                    {
                        wordTopics[word] = set = [];
                    }

                    set.Add(t);
                }
            }
        }

        var n = Math.Max(1, topics.Length);
        return (
            wordTopics.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal),
            wordTopics.ToFrozenDictionary(p => p.Key, p => Math.Log((n + 1.0) / (p.Value.Count + 0.5)), StringComparer.Ordinal),
            Math.Log((n + 1.0) / 0.5),
            exactQuestions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public KnowledgeSnapshot Snapshot { get; }

    public Muscle[] Muscles { get; }

    public Topic[] Topics { get; }

    public FrozenDictionary<string, Muscle> MuscleById { get; }

    public FrozenDictionary<string, Topic> TopicById { get; }

    public SafetyMatcher Safety { get; }

    /// <summary>Every fact as a retrievable passage with BM25 scoring.</summary>
    public FactIndex Facts { get; }

    public TrigramIndex MuscleFuzzy { get; }

    public TrigramIndex TopicFuzzy { get; }

    public TrigramIndex VocabularyFuzzy { get; }

    public int MuscleMaxWords { get; }

    public int TopicMaxWords { get; }

    public static KnowledgeIndex Build(KnowledgeSnapshot snapshot) => new(snapshot);

    private int[][]? _passageMuscles;

    /// <summary>
    /// The muscles a passage's fact names outright (longest name wins: "psoas major" is not also the group's "psoas");
    /// computed on first use, once per knowledge snapshot.
    /// </summary>
    public int[] MusclesNamedIn(int passage)
    {
        var all = _passageMuscles ??= [.. Facts.Passages.Select(p => MusclesNamedIn(p.Fact.Text))];
        return all[passage];
    }

    private int[][]? _headingMuscles;

    /// <summary>The muscles a passage's heading names outright ("Strengthening the iliopsoas"); computed on first use, once per snapshot.</summary>
    public int[] MusclesNamedInHeading(int passage)
    {
        var all = _headingMuscles ??= [.. Facts.Passages.Select(p => MusclesNamedIn(p.Heading))];
        return all[passage];
    }

    private int[][]? _topicMuscles;

    /// <summary>
    /// The muscle a topic's "related" list names when it names exactly one (the psoas paradox: the psoas major), a group
    /// counting as its part when the list names both (trunk flexion: the iliopsoas and the psoas major give the psoas
    /// major), else none: a topic fact that names no muscle is about that one muscle, while a topic related to several
    /// parts (palpation: the psoas major and the iliacus) leaves open which one a fact is about. Computed on first use,
    /// once per snapshot.
    /// </summary>
    public int[] TopicMuscle(int topic)
    {
        var all = _topicMuscles ??= [.. Topics.Select(OnlyRelatedMuscle)];
        return all[topic];
    }

    private int[] OnlyRelatedMuscle(Topic topic)
    {
        var related = new List<int>();
        foreach (var id in topic.Related.IsDefault ? [] : topic.Related)
        {
            if (MuscleById.TryGetValue(id, out var muscle) && Array.IndexOf(Muscles, muscle) is var at and >= 0 && !related.Contains(at))
            {
                related.Add(at);
            }
        }

        // A group listed beside its own part says no more than the part does.
        related.RemoveAll(m => Muscles[m].IsGroup && related.Exists(p => p != m && !Muscles[m].Parts.IsDefault && Muscles[m].Parts.Contains(Muscles[p].Id)));
        return related.Count == 1 ? [related[0]] : [];
    }

    /// <summary>The muscles a text names outright, longest name first ("psoas major", not also the group's "psoas").</summary>
    public int[] MusclesNamedIn(string fact)
    {
        var hits = FindMuscles(new TokenizedText(TextNormalizer.Normalize(fact, 4000)), 100, maxFuzzyWords: 0);
        return [.. hits.Where(h => !hits.Any(o => o.Count > h.Count && o.Start <= h.Start && o.End >= h.End)).Select(h => h.Muscle).Distinct()];
    }

    /// <summary>
    /// Whether a fact's own text uses the pain vocabulary, worked out once per fact and snapshot (lazily: most facts
    /// are never asked about). Racing threads at worst both work it out, to the same answer.
    /// </summary>
    public bool FactTouchesPain(int passage)
    {
        var known = Volatile.Read(ref _factPain[passage]);
        if (known == 0)
        {
            known = Safety.TouchesPain(Facts.Passages[passage].Fact.Text) ? (byte)2 : (byte)1;
            Volatile.Write(ref _factPain[passage], known);
        }

        return known == 2;
    }

    /// <summary>
    /// What each word of <paramref name="text"/> is to this index, looked up once per question: the muscle and topic window
    /// searches, the cue search and the topic words all ask the same few sets about the same words.
    /// </summary>
    public WordKind[] Kinds(TokenizedText text)
    {
        if (text.Kinds is { } known && ReferenceEquals(known.Index, this))
        {
            return known.Kinds;
        }

        var kinds = new WordKind[text.Count];
        for (var i = 0; i < kinds.Length; i++)
        {
            var word = text.WordString(i);
            kinds[i] = (Vocabulary.StopWords.Contains(word) ? WordKind.Stop : WordKind.None)
                | (_muscleWords.Contains(word) ? WordKind.Muscle : WordKind.None)
                | (_wordTopics.ContainsKey(word) ? WordKind.Topic : WordKind.None)
                | (Vocabulary.CueWords.Contains(word) ? WordKind.Cue : WordKind.None)
                | (_topicPhraseWords.Contains(word) ? WordKind.TopicPhrase : WordKind.None);
        }

        text.Kinds = (this, kinds);
        return kinds;
    }

    public bool IsMuscleWord(string word) => _muscleWords.Contains(word);

    /// <summary>
    /// A clipped muscle word ("pso" of "psoas", "min" of "minor", "ilio" of "iliopsoas"): the start of a name the student
    /// abbreviated or whose rest voice typing split off ("pso as"), never a subject of its own. Three letters at least;
    /// not a word of anatomy in its own right that a name happens to start with (<see cref="WordsNotClips"/>).
    /// </summary>
    public bool IsClippedMuscleWord(string word) => _clippedMuscleWords.Contains(word);

    /// <summary>Words a muscle's name starts with that are words of their own: "ilia", the hip bones (plural of ilium).</summary>
    private static readonly string[] WordsNotClips = ["ilia"];

    /// <summary>Every start of three letters or more of a muscle word, shorter than the word, but <see cref="WordsNotClips"/>; built once.</summary>
    private static FrozenSet<string> ClippedMuscleWords(IEnumerable<string> muscleWords)
    {
        var clips = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in muscleWords)
        {
            for (var length = 3; length < word.Length; length++)
            {
                clips.Add(word[..length]);
            }
        }

        clips.ExceptWith(WordsNotClips);
        return clips.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The muscle name word of seven letters or more ("iliacus", "iliopsoas") that <paramref name="word"/> is a typo of
    /// (two edits at most, one for shorter words), or null: for words voice typing split and the join left misspelt
    /// ("illy a cus", "ilio so as").
    /// </summary>
    public string? NearLongMuscleWord(string word)
    {
        if (word.Length < 6)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in _muscleWords)
        {
            if (name.Length < 7 || name[0] != word[0] || Math.Abs(name.Length - word.Length) > 2)
            {
                continue;
            }

            var distance = EditDistance.Between(word, name);
            if (distance <= EditDistance.Allowed(word) && distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return best;
    }

    /// <summary>Per word no fact uses, whether it names a subject the sources may not cover (the rule is the router's; it is worked out once per word and snapshot).</summary>
    public WordMemo<bool> UnknownSubjectWords { get; } = new();

    /// <summary>
    /// Every pair of adjacent words in a fact's text or heading, normalised ("psoas syndrome", "iliopsoas bursa"), built
    /// once per snapshot on first use: a named finding is covered when the facts hold its two words together
    /// (<see cref="NamedFindings"/>). A set, so a student's phrase costs one lookup whatever was asked before.
    /// </summary>
    public FrozenSet<string> FactWordPairs => _factWordPairs.Value;

    private readonly Lazy<FrozenSet<string>> _factWordPairs;

    private static FrozenSet<string> BuildFactWordPairs(IEnumerable<string> texts)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var words = TextNormalizer.Normalize(text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 1; i < words.Length; i++)
            {
                pairs.Add(words[i - 1] + " " + words[i]);
            }
        }

        return pairs.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The group muscles' names, normalised once per snapshot ("iliopsoas"): a question that uses one names the group itself.</summary>
    public FrozenSet<string> GroupNames { get; }

    /// <summary>Whether a normalised phrase is one of the topics' own phrases (a title, an id's words, a keyword).</summary>
    public bool IsTopicPhrase(string normalized) => _topicPhraseLookup.ContainsKey(normalized);

    public bool IsTopicWord(string word) => _wordTopics.ContainsKey(word);

    public int? ExactQuestionTopic(string normalized) => _exactQuestions.TryGetValue(normalized, out var t) ? t : null;

    /// <summary>
    /// Muscle names in the question: exact window hits and fuzzy hits (trigram candidates scored by FuzzySharp).
    /// Returns every hit at or above <paramref name="minScore"/>; the caller resolves overlaps.
    /// </summary>
    public List<MuscleMention> FindMuscles(TokenizedText text, int minScore, int maxFuzzyWords = RoutingThresholds.MaxFuzzyWords)
    {
        var hits = new List<MuscleMention>();
        var maxWords = Math.Max(1, MuscleMaxWords);
        var fuzzyWords = Math.Min(text.Count, maxFuzzyWords);
        // A fact's text (no fuzzy windows) asks only whether its words name muscles; a question has its kinds worked out once.
        var kinds = fuzzyWords > 0 ? Kinds(text) : null;
        Span<sbyte> muscleWord = kinds is null && text.Count <= 512 ? stackalloc sbyte[text.Count] : kinds is null ? new sbyte[text.Count] : [];
        muscleWord.Clear();
        bool IsMuscleWordAt(int at, Span<sbyte> known)
        {
            if (kinds is not null)
            {
                return (kinds[at] & WordKind.Muscle) != 0;
            }

            if (known[at] == 0)
            {
                known[at] = _muscleWordLookup.Contains(text.Word(at)) ? (sbyte)1 : (sbyte)-1;
            }

            return known[at] > 0;
        }

        for (var i = 0; i < text.Count; i++)
        {
            for (var n = 1; n <= maxWords && i + n <= text.Count; n++)
            {
                // Every word of a name is a muscle word: a window past a word that is none cannot be a name.
                if (!IsMuscleWordAt(i + n - 1, muscleWord))
                {
                    break;
                }

                if (_musclePhraseLookup.TryGetValue(text.Window(i, n), out var phrase))
                {
                    hits.Add(new MuscleMention(_musclePhraseOwner[phrase], i, n, 100, _musclePhrases[phrase]));
                }
            }
        }

        // Fuzzy windows: a typo can also stretch or merge words ("psoasmajor", "ilio psoas"). Only windows
        // holding a word the knowledge base does not know can hide a typo; the rest cost nothing.
        for (var i = 0; i < fuzzyWords; i++)
        {
            for (var n = 1; n <= maxWords && i + n <= fuzzyWords; n++)
            {
                // Known words can still hide a typo when they are all muscle words but not a name together: a misspelt
                // alias ("psoaz", an alias of the group) next to "minor" is "psoas minor", not the group.
                var allMuscleWords = AllOfKind(kinds!, i, n, WordKind.Muscle);
                if (!(AnyUnknown(kinds!, i, n) || (n >= 2 && allMuscleWords)) || !WorthFuzzy(text, kinds!, i, n))
                {
                    continue;
                }

                if ((allMuscleWords && _musclePhraseLookup.ContainsKey(text.Window(i, n))) || QualifiesAnotherName(text, kinds!, i, n))
                {
                    continue;
                }

                var found = MuscleFuzzy.Search(text.Window(i, n), 12, minScore);
                for (var h = 0; h < found.Count; h++)
                {
                    var hit = found[h];
                    var owner = _musclePhraseOwner[hit.Key];
                    // A typo equally close to two muscles ("psoas maior") is a question, not an answer.
                    var ambiguous = hit.Score < 100 && found.Any(o => _musclePhraseOwner[o.Key] != owner && o.Score >= hit.Score - 1);
                    hits.Add(new MuscleMention(owner, i, n, hit.Score, MuscleFuzzy[hit.Key], ambiguous));
                }
            }
        }

        return hits;
    }

    /// <summary>
    /// "teres minor", "pectoralis minor", "zygomaticus major": a qualifier of our names spelt right beside a word that
    /// looks like none of their other words is another muscle's name. The qualifier alone must not carry a fuzzy match
    /// to ours ("psoaz minor" still does: "psoaz" looks like "psoas").
    /// </summary>
    private bool QualifiesAnotherName(TokenizedText text, WordKind[] kinds, int start, int count)
    {
        var qualified = false;
        for (var k = start; k < start + count; k++)
        {
            qualified |= text.Word(k) is "major" or "minor";
        }

        if (!qualified)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            if ((kinds[k] & (WordKind.Muscle | WordKind.Stop)) != 0)
            {
                continue;
            }

            var looksOurs = false;
            foreach (var core in _nameCores)
            {
                looksOurs |= FuzzyRatio.Of(text.Word(k), core) >= RoutingThresholds.QualifiedNameLooksOurs;
            }

            if (!looksOurs)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of our muscles' names besides the qualifiers ("psoas", "iliacus", "iliopsoas").</summary>
    private readonly string[] _nameCores;

    /// <summary>Topic titles and keywords in the question, exact or with a typo.</summary>
    public List<TopicMention> FindTopicPhrases(TokenizedText text, int maxFuzzyWords = RoutingThresholds.MaxFuzzyWords)
    {
        var hits = new List<TopicMention>();
        var maxWords = Math.Max(1, TopicMaxWords);
        var kinds = Kinds(text);
        for (var i = 0; i < text.Count; i++)
        {
            for (var n = 1; n <= maxWords && i + n <= text.Count; n++)
            {
                // Every word of a topic phrase is a topic-phrase word, the last one perhaps in the plural ("stretches"): a
                // window past any other word cannot be one.
                var lastIsPhraseWord = (kinds[i + n - 1] & WordKind.TopicPhrase) != 0;
                if ((lastIsPhraseWord && _topicPhraseLookup.TryGetValue(text.Window(i, n), out var phrase)) || PluralOf(text.Window(i, n), out phrase))
                {
                    foreach (var owner in _topicPhraseOwners[phrase])
                    {
                        hits.Add(new TopicMention(owner, i, n, _topicPhraseWeight[phrase]));
                    }
                }

                if (!lastIsPhraseWord)
                {
                    break;
                }
            }
        }

        var verb = HowToVerb(text);
        if ((verb < 0 || !AddHowTo(text, verb, hits)) && ProcedureActivity(text) is var activity && activity >= 0)
        {
            // "steps for stretching the psoas", "psoas stretch how to", "walk me through the first stretch": the how-to
            // asked in other words, or after the activity.
            verb = activity;
            AddHowTo(text, verb, hits);
        }

        var fuzzyWords = Math.Min(text.Count, maxFuzzyWords);
        Span<sbyte> aligns = fuzzyWords <= 256 ? stackalloc sbyte[fuzzyWords] : new sbyte[fuzzyWords];
        aligns.Clear();
        for (var i = 0; i < fuzzyWords; i++)
        {
            for (var n = 1; n <= maxWords && i + n <= fuzzyWords; n++)
            {
                // Only a window of topic-phrase words can be a phrase as it stands.
                if (!AnyUnknown(kinds, i, n) || !WorthFuzzy(text, kinds, i, n) || text.Window(i, n).Length < 6
                    || (AllOfKind(kinds, i, n, WordKind.TopicPhrase) && _topicPhraseLookup.ContainsKey(text.Window(i, n)))
                    || !CanAlign(text, kinds, i, n, aligns))
                {
                    continue;
                }

                var window = text.Window(i, n).ToString();
                foreach (var hit in TopicFuzzy.Search(window, 8, RoutingThresholds.TopicPhraseAccept))
                {
                    // Shared filler ("... of the iliopsoas") must not carry a phrase: every content word must match.
                    if (!WordsAlign(window, TopicFuzzy[hit.Key]))
                    {
                        continue;
                    }

                    foreach (var owner in _topicPhraseOwners[hit.Key])
                    {
                        hits.Add(new TopicMention(owner, i, n, _topicPhraseWeight[hit.Key] * hit.Score / 100.0));
                    }
                }
            }
        }

        AddSoundAlikeKeywords(text, kinds, fuzzyWords, hits);
        YieldToHeads(hits, verb);
        return hits;
    }

    /// <summary>
    /// "the psoas burza", "psaos paradocks": a word spelt as a one-word keyword sounds, or one slip from it, too short or
    /// too changed for the trigram search above, is a mention of that keyword.
    /// </summary>
    private void AddSoundAlikeKeywords(TokenizedText text, WordKind[] kinds, int words, List<TopicMention> hits)
    {
        for (var i = 0; i < words; i++)
        {
            // Not skipped inside a fuzzy hit on a longer phrase ("psoas burza" for "iliopsoas bursa"): spelt right, the
            // one-word keyword would be found there too.
            if (!AnyUnknown(kinds, i, 1) || text.Word(i).Length < SoundAlikeWords.MinLength
                || SoundTypo(text.WordString(i)) is not { } keyword || !_topicPhraseLookup.TryGetValue(keyword, out var phrase))
            {
                continue;
            }

            // Spelt as the keyword sounds, it is that keyword as surely as spelt right; one slip away, a fuzzy hit.
            var sure = _topicWordsBySound.Of(text.WordString(i)) is not null ? 1.0 : RoutingThresholds.TopicPhraseAccept / 100.0;
            foreach (var owner in _topicPhraseOwners[phrase])
            {
                hits.Add(new TopicMention(owner, i, 1, _topicPhraseWeight[phrase] * sure));
            }
        }
    }

    /// <summary>"hip flexor stretches", "stretchs": a phrase in the plural (or with a plural's typo) is the phrase.</summary>
    private bool PluralOf(ReadOnlySpan<char> window, out int phrase)
    {
        phrase = -1;
        return window.Length > 4 && window[^1] == 's'
            && (_topicPhraseLookup.TryGetValue(window[..^1], out phrase) || (window[^2] == 'e' && _topicPhraseLookup.TryGetValue(window[..^2], out phrase)));
    }

    /// <summary>
    /// The position of the verb a how-to question asks about ("how do i stretch", "how to streth", "best way to
    /// strengthen"), or -1: that verb, not its object ("hip flexors"), says what is asked.
    /// </summary>
    private static int HowToVerb(TokenizedText text)
    {
        for (var start = 0; start < Math.Min(text.Count - 1, RoutingThresholds.HowToFrameStart); start++)
        {
            var word = text.Word(start);
            if (word is "way" or "ways" && text.Word(start + 1) is "to")
            {
                return start + 2 < text.Count ? start + 2 : -1;
            }

            if (word is not "how")
            {
                continue;
            }

            var next = start + 1;
            if (text.Word(next) is "to")
            {
                next++;
            }
            else if (text.Word(next) is "do" or "does" or "can" or "could" or "should" or "would" or "will" or "shall"
                && next + 1 < text.Count && text.Word(next + 1) is "i" or "you" or "we" or "one" or "u")
            {
                next += 2;
            }
            else
            {
                return -1;
            }

            return next < text.Count ? next : -1;
        }

        return -1;
    }

    /// <summary>
    /// "How do I fix my bike chain?", "how do i strengthen my wifi signal", "how do I fix my car": a how-to frame whose
    /// verb alone is a topic keyword ("how to fix", "strengthen") and whose object, a noun phrase after a determiner,
    /// is foreign to that topic: no muscle, region or body word, no topic phrase of its own, and no word the named
    /// topic's facts or keywords use ("car" is a word of the sitting topic, not of rehabilitation). The verb says how
    /// something is done to that object, not what the topic is. The caller checks for muscles and pain; "how to fix a
    /// weak iliopsoas", "how do I fix my tight hip flexors", "how do i strengthen my legs", "how do i fix it when ..."
    /// keep their topic.
    /// </summary>
    public bool VerbOfForeignObject(TokenizedText text, List<TopicMention> mentions)
    {
        var verb = HowToVerb(text);
        if (verb < 0 || verb + 2 >= text.Count || !Vocabulary.Determiners.Contains(text.WordString(verb + 1)))
        {
            return false;
        }

        foreach (var mention in mentions)
        {
            if (mention.Start + mention.Count > verb + 1)
            {
                return false;
            }
        }

        var kinds = Kinds(text);
        var words = 0;
        for (var i = verb + 2; i < text.Count && (kinds[i] & WordKind.Stop) == 0; i++)
        {
            var word = text.WordString(i);
            if ((kinds[i] & WordKind.Muscle) != 0 || Vocabulary.IsBodyWord(word))
            {
                return false;
            }

            foreach (var mention in mentions)
            {
                if (TopicUses(mention.Topic, word))
                {
                    return false;
                }
            }

            words++;
        }

        return words > 0;
    }

    /// <summary>Whether the topic's title, keywords, example questions or facts use the word.</summary>
    private bool TopicUses(int topic, string word)
    {
        if (_wordTopics.TryGetValue(word, out var topics) && Array.IndexOf(topics, topic) >= 0)
        {
            return true;
        }

        var term = Facts.Term(word);
        foreach (var passage in Facts.OfTopic(topic))
        {
            if (Facts.FactTerms(passage).Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A topic keyword "how to X" matched however the how-to is said and X is spelt ("how do you strech", "how to
    /// streth", "best way to stretch"): the frame and the verb become one mention of that topic.
    /// </summary>
    private bool AddHowTo(TokenizedText text, int verb, List<TopicMention> hits)
    {
        var phrase = ActivityPhrase(text.WordString(verb)) ?? ResultPhrase(text, verb);
        if (phrase is not { } found)
        {
            return false;
        }

        var start = verb;
        while (start > 0 && !(text.Word(start - 1) is "how" or "way" or "ways"))
        {
            start--;
        }

        start = Math.Max(0, start - 1);
        foreach (var owner in _topicPhraseOwners[found])
        {
            hits.Add(new TopicMention(owner, start, verb - start + 1, _topicPhraseWeight[found]));
        }

        return true;
    }

    /// <summary>The "how to X" keyword of a word however it is spelt or inflected ("stretching", "streach"), or null.</summary>
    private int? ActivityPhrase(string word) =>
        HowToPhrase(word) ?? HowToPhrase(Facts.Term(word))
        ?? (CorrectWord(word) is { } corrected ? HowToPhrase(corrected) ?? HowToPhrase(Facts.Term(corrected)) : null);

    /// <summary>Words asking for a procedure, not facts about it: "steps", "step by step", "instructions", "technique".</summary>
    private static readonly FrozenSet<string> ProcedureWords = new[]
    {
        "step", "steps", "stepwise", "instruction", "instructions", "technique", "techniques", "guide", "guidance",
        "demonstrate", "demo", "tutorial", "routine", "routines", "exercise", "exercises", "exercice", "exercices",
        "exersize", "exersizes", "excercise", "excercises", "drill", "drills",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Which one of several numbered items ("the first stretch", "2nd stretch") is asked.</summary>
    private static readonly FrozenSet<string> Ordinals = new[]
    {
        "first", "second", "third", "1st", "2nd", "3rd", "last", "final",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The position of the activity a procedure is asked for when no "how to" opens the question: "how" later on or
    /// in another order ("how I do the stretching", "psoas stretch how to", "show me how to do a stretch"), a word asking
    /// for steps ("steps for stretching", "walk me through", "stretch exercises"), or one numbered item ("the first
    /// psoas stretch"). One activity only ("stretch or strengthen first?" asks a choice), and a yes/no question asks a
    /// claim ("is stretching the right first step"), not a procedure. -1 when there is none.
    /// </summary>
    private int ProcedureActivity(TokenizedText text)
    {
        // Most questions hold no word of a procedure: they pay one set lookup per word, and no phrase is looked up.
        if (!MayAskProcedure(text))
        {
            return -1;
        }

        var activity = -1;
        int? phrase = null;
        var asksProcedure = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (ProcedureWords.Contains(word) || (word is "how" && HowFrame(text, i))
                || (word is "walk" or "talk" && i + 2 < text.Count && text.Word(i + 1) is "me" or "us" or "you" && text.Word(i + 2) is "through" or "thru"))
            {
                asksProcedure = true;
                continue;
            }

            if (word.Length < 4 || ActivityPhrase(word) is not { } found)
            {
                continue;
            }

            if (phrase is { } seen && seen != found)
            {
                return -1;
            }

            phrase = found;
            activity = activity < 0 ? i : activity;
            // "the first stretch", "the second psoas stretch": one numbered item of the procedure.
            asksProcedure |= (i >= 1 && Ordinals.Contains(text.WordString(i - 1)))
                || (i >= 2 && Ordinals.Contains(text.WordString(i - 2)) && IsMuscleWord(text.WordString(i - 1)));
        }

        return asksProcedure && activity >= 0 && (HasHow(text) || !FactAnswerer.IsYesNo(text)) ? activity : -1;
    }

    private static bool MayAskProcedure(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (ProcedureWords.Contains(word) || Ordinals.Contains(word) || word is "how" or "walk" or "talk")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"how to", "how do i", "how i do", "how can you": a how-to frame at <paramref name="at"/>, anywhere in the question.</summary>
    private static bool HowFrame(TokenizedText text, int at)
    {
        if (at + 1 >= text.Count)
        {
            // "psoas stretch how?" / "... how": asked after the activity.
            return true;
        }

        var next = text.Word(at + 1);
        return next is "to" or "i" or "u"
            || (next is "do" or "can" or "could" or "should" or "would" or "must" && at + 2 < text.Count && text.Word(at + 2) is "i" or "you" or "we" or "one" or "u");
    }

    private static bool HasHow(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.Word(i) is "how" && HowFrame(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "How do I make my iliopsoas stronger", "how can I get stronger hip flexors", "how to get my psoas looser": after a
    /// verb of making, the result a few words on is what is asked, as its verb ("strengthen", "stretch").
    /// </summary>
    private int? ResultPhrase(TokenizedText text, int verb)
    {
        if (text.Word(verb) is not ("make" or "get" or "become" or "keep"))
        {
            return null;
        }

        for (var i = verb + 1; i < Math.Min(text.Count, verb + 5); i++)
        {
            var asked = text.Word(i) switch
            {
                "strong" or "stronger" or "strongr" or "stonger" => "strengthen",
                "loose" or "looser" or "longer" or "flexible" or "supple" or "lengthened" => "stretch",
                _ => null,
            };
            if (asked is not null)
            {
                return HowToPhrase(asked) ?? (_topicPhraseLookup.TryGetValue(asked, out var phrase) ? phrase : null);
            }
        }

        return null;
    }

    private int? HowToPhrase(string verb)
    {
        var key = "how to " + verb;
        return _topicPhraseLookup.TryGetValue(key, out var phrase) || PluralOf(key, out phrase) ? phrase : null;
    }

    /// <summary>
    /// A phrase that is only the object of a how-to verb ("how to stretch hip flexors") or lies inside a longer phrase of
    /// another topic ("hip flexor" in "tight hip flexors") names what the question is about, not what it asks: it yields.
    /// </summary>
    private static void YieldToHeads(List<TopicMention> hits, int verb)
    {
        if (hits.Count < 2)
        {
            return;
        }

        var headEnd = -1;
        if (verb >= 0)
        {
            foreach (var hit in hits)
            {
                if (hit.Start <= verb && verb < hit.Start + hit.Count)
                {
                    headEnd = Math.Max(headEnd, hit.Start + hit.Count);
                }
            }
        }

        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var yields = headEnd >= 0 && hit.Start >= headEnd && !HeadTopic(hits, hit.Topic, verb);
            for (var j = 0; j < hits.Count && !yields; j++)
            {
                var other = hits[j];
                yields = other.Topic != hit.Topic && other.Count > hit.Count && other.Start <= hit.Start && hit.Start + hit.Count <= other.Start + other.Count;
            }

            if (yields)
            {
                hits[i] = hit with { Score = hit.Score * RoutingThresholds.YieldingPhraseShare };
            }
        }
    }

    private static bool HeadTopic(List<TopicMention> hits, int topic, int verb)
    {
        foreach (var hit in hits)
        {
            if (hit.Topic == topic && hit.Start <= verb && verb < hit.Start + hit.Count)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Scores topics by the share of the question's content words (weighted by rarity across topics) that a
    /// topic's vocabulary explains. Words unknown to every topic count against all of them.
    /// </summary>
    public Dictionary<int, double> ScoreTopicWords(IReadOnlyList<string> words)
    {
        var scores = new Dictionary<int, double>();
        var total = 0.0;
        foreach (var word in words)
        {
            if (_idf.TryGetValue(word, out var idf))
            {
                total += idf;
                foreach (var t in _wordTopics[word])
                {
                    scores[t] = scores.GetValueOrDefault(t) + idf;
                }
            }
            else
            {
                total += _maxIdf;
            }
        }

        if (total <= 0)
        {
            return [];
        }

        foreach (var key in scores.Keys.ToArray())
        {
            scores[key] /= total;
        }

        return scores;
    }

    /// <summary>What <see cref="CorrectWord"/> found for each word so far.</summary>
    private readonly WordMemo<string?> _corrections = new();

    /// <summary>The closest topic-vocabulary word for a typo, or null.</summary>
    public string? CorrectWord(string word) => _corrections.Get(word, this, static (index, w) => index.Correction(w));

    private string? Correction(string word)
    {
        if (word.Length < 5 || _wordTopics.ContainsKey(word))
        {
            return null;
        }

        var hits = VocabularyFuzzy.Search(word, 6, RoutingThresholds.WordCorrection);
        return hits.Count > 0 ? VocabularyFuzzy[hits[0].Key] : SoundTypo(word);
    }

    /// <summary>What <see cref="SoundAlikeOrSlip"/> found for each word so far.</summary>
    private readonly WordMemo<string?> _soundTypos = new();

    /// <summary>The topic word a typo sounds like or is one slip from (<see cref="SoundAlikeOrSlip"/>), or null.</summary>
    private string? SoundTypo(string word) => _soundTypos.Get(word, this, static (index, w) => index.SoundAlikeOrSlip(w));

    /// <summary>The topic vocabulary by sound-alike key, for typos spelt as they sound.</summary>
    private readonly SoundAlikeWords _topicWordsBySound;

    /// <summary>Topic-vocabulary words of five letters or more, in a fixed order, for the one-slip scan.</summary>
    private readonly string[] _longTopicWords;

    /// <summary>
    /// A typo of a topic word that shares too few letter triples with it for the trigram search: spelt as it sounds
    /// ("paradocks" is paradox, "burza" bursa) or one slip from it ("paradax"). Only a word the
    /// everyday-English list lacks: a real word spelt right is itself. A slip one edit from two topic words is not guessed.
    /// </summary>
    private string? SoundAlikeOrSlip(string word)
    {
        if (!SoundAlikeWords.MayBeTypo(word))
        {
            return null;
        }

        if (_topicWordsBySound.Of(word) is { } sounded)
        {
            return sounded;
        }

        string? slip = null;
        foreach (var candidate in _longTopicWords)
        {
            if (candidate[0] == word[0] && EditDistance.Within(word, candidate, 1))
            {
                if (slip is not null)
                {
                    return null;
                }

                slip = candidate;
            }
        }

        return slip;
    }

    /// <summary>
    /// Autocomplete: names starting with the text, then other names and aliases starting with it, then names
    /// with a later word starting with it ("minor"), then fuzzy matches ("illiac"). Each label once.
    /// </summary>
    public List<(string Label, int Muscle, int Rank)> Complete(string normalized, int limit)
    {
        var result = new List<(string Label, int Muscle, int Rank)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string label, int muscle, int rank)
        {
            if (seen.Add(label))
            {
                result.Add((label, muscle, rank));
            }
        }

        // Prefix range in the sorted keys: O(log n + k), k capped.
        var lo = LowerBound(normalized);
        for (var i = lo; i < _completions.Length && i < lo + (limit * 8) && _completions[i].Key.StartsWith(normalized, StringComparison.Ordinal); i++)
        {
            var c = _completions[i];
            Add(c.Label, c.Muscle, c.Kind == 0 ? 0 : c.Kind == 2 ? 1 : 2);
        }

        if (result.Count < limit)
        {
            foreach (var hit in MuscleFuzzy.Search(normalized, 32, 0))
            {
                var key = MuscleFuzzy[hit.Key];
                var wordPrefix = key.Split(' ').Any(w => w.StartsWith(normalized, StringComparison.Ordinal));
                var partial = FuzzySharp.Fuzz.PartialRatio(normalized, key);
                if (!wordPrefix && partial < RoutingThresholds.CompletionPartialRatio && hit.Score < RoutingThresholds.CompletionRatio)
                {
                    continue;
                }

                var at = LowerBound(key);
                if (at < _completions.Length && _completions[at].Key == key)
                {
                    var c = _completions[at];
                    Add(c.Kind == 1 ? c.Label : Muscles[c.Muscle].Name, c.Muscle, wordPrefix ? 3 : 4);
                }
            }
        }

        return [.. result.OrderBy(r => r.Rank).Take(limit)];
    }

    private int LowerBound(string prefix)
    {
        int lo = 0, hi = _completions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_completions[mid].Key, prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public static IEnumerable<string> ContentWords(string normalized)
    {
        foreach (var word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Vocabulary.StopWords.Contains(word) && word.Length > 1)
            {
                yield return word;
            }
        }
    }

    /// <summary>Whether every word of the window is of <paramref name="kind"/>.</summary>
    private static bool AllOfKind(WordKind[] kinds, int start, int count, WordKind kind)
    {
        for (var i = start; i < start + count; i++)
        {
            if ((kinds[i] & kind) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the window holds a word that is no name, keyword, topic word, attribute cue or stop word: a possible typo.</summary>
    private static bool AnyUnknown(WordKind[] kinds, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if ((kinds[i] & (WordKind.Stop | WordKind.Muscle | WordKind.Topic | WordKind.Cue)) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every content word of the window matches some topic-phrase word as <see cref="WordsAlign"/> asks: a
    /// window that cannot align with any phrase yields no hit, so it is not searched. Each word's answer is remembered
    /// in <paramref name="aligns"/> (0 unknown, 1 yes, -1 no).
    /// </summary>
    private bool CanAlign(TokenizedText text, WordKind[] kinds, int start, int count, Span<sbyte> aligns)
    {
        for (var i = start; i < start + count; i++)
        {
            if (aligns[i] == 0)
            {
                aligns[i] = (kinds[i] & (WordKind.Stop | WordKind.TopicPhrase)) != 0 || _topicPhraseWords.AnyAligns(text.WordString(i)) ? (sbyte)1 : (sbyte)-1;
            }

            if (aligns[i] < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool WordsAlign(string window, string phrase)
    {
        var phraseWords = phrase.Split(' ');
        foreach (var word in window.Split(' '))
        {
            if (Vocabulary.StopWords.Contains(word))
            {
                continue;
            }

            if (!phraseWords.Any(p => p == word || (p.Length >= 4 && word.Length >= 4 && FuzzyRatio.Of(p, word) >= RoutingThresholds.PhraseWordAlign)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WorthFuzzy(TokenizedText text, WordKind[] kinds, int start, int count)
    {
        if ((kinds[start] & WordKind.Stop) != 0 || (kinds[start + count - 1] & WordKind.Stop) != 0)
        {
            return false;
        }

        return text.Window(start, count).Length >= 4;
    }

    private double PhraseWeight(string phrase, int owners)
    {
        // Multi-word keywords are specific; a lone word that also names a muscle ("psoas") says little.
        var words = WordCount(phrase);
        var weight = words >= 2 ? RoutingThresholds.MultiWordPhraseWeight
            : _muscleWords.Contains(phrase) ? RoutingThresholds.MuscleWordPhraseWeight
            : phrase.Length >= 6 ? RoutingThresholds.LongWordPhraseWeight
            : RoutingThresholds.ShortWordPhraseWeight;
        return weight / Math.Sqrt(owners);
    }

    private static int WordCount(string phrase) => phrase.Count(c => c == ' ') + 1;
}
