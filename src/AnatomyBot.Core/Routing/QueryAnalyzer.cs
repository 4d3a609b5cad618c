using System.Collections.Frozen;
using System.Runtime.Intrinsics;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>What the router found in a question, before deciding the intent.</summary>
internal sealed record Analysis(
    IReadOnlyList<MuscleMention> Muscles,
    IReadOnlyList<MuscleMention> GreyMuscles,
    int BestGreyScore,
    IReadOnlyList<MuscleAttribute> Attributes,
    bool StrongAttribute,
    IReadOnlyList<(int Topic, double Score)> TopicScores,
    bool TopicHadPhrase,
    int UnexplainedWords,
    SafetyFinding Safety)
{
    public (int Topic, double Score) BestTopic => TopicScores.Count > 0 ? TopicScores[0] : (-1, 0);

    public (int Topic, double Score) SecondTopic => TopicScores.Count > 1 ? TopicScores[1] : (-1, 0);

    /// <summary>The positions of the words that name a muscle, in mention order (worked out once; every rule asks).</summary>
    public IReadOnlyList<int> MuscleWordPositions { get; } = [.. Muscles.SelectMany(m => Enumerable.Range(m.Start, m.Count))];

    /// <summary>Per word position, whether it is part of a named muscle (<see cref="MuscleWordPositions"/> as a mask).</summary>
    private readonly bool[] _namesMuscle = MuscleMask(Muscles);

    /// <summary>
    /// Per word position, whether it says who is meant in "do all humans have", "does every single person have": the
    /// people a presence question counts, not what it asks about (set by the analyzer; empty for other questions).
    /// </summary>
    public bool[] CountsWho { get; init; } = [];

    /// <summary>
    /// Each end of the muscle has a cue of its own ("where does it begin and where does it attach below", "the upper and
    /// lower attachments"): both ends are asked outright, whatever the facts' words touch.
    /// </summary>
    public bool BothEndsCued { get; init; }

    /// <summary>
    /// A how-to whose verb alone named a topic and whose object is none of ours ("how do I fix my bike chain?",
    /// <see cref="KnowledgeIndex.VerbOfForeignObject"/>): another subject altogether, with no muscle and no pain named.
    /// </summary>
    public bool HowToForeignObject { get; init; }

    /// <summary>
    /// The words of <paramref name="text"/> (the analysed question, or it with words added at the end) outside the named
    /// muscles and the people a presence question counts, in order: what the question asks about the muscle.
    /// </summary>
    public List<string> WordsOutsideMuscles(TokenizedText text)
    {
        var words = new List<string>(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            // "What does the book say about childbirth?": who said it frames the question; "say" is no word to look up
            // (the pronunciation facts carry it), unless the question asks how a name is said.
            if (!NamesMuscle(i) && !(i < CountsWho.Length && CountsWho[i]) && !QueryAnalyzer.AsksWhatWasSaid(text, i))
            {
                words.Add(text.WordString(i));
            }
        }

        return words;
    }

    private (TokenizedText Text, FactIndex Facts, IReadOnlyList<QueryTerm> Terms)? _termsOutsideMuscles;

    /// <summary>
    /// The index terms of <see cref="WordsOutsideMuscles"/>: looked up once per question text, as ranking, the
    /// not-covered checks and the dispute notes all ask for them.
    /// </summary>
    public IReadOnlyList<QueryTerm> TermsOutsideMuscles(TokenizedText text, FactIndex facts)
    {
        if (_termsOutsideMuscles is { } known && ReferenceEquals(known.Text, text) && ReferenceEquals(known.Facts, facts))
        {
            return known.Terms;
        }

        var words = WordsOutsideMuscles(text);
        if (PainWords is { } pain)
        {
            // "killin", "screaming", "tweaked", "fried" in "psoas totally fried": pain in words no fact uses is looked up as
            // pain, never typo-corrected to a fact's word ("killing" is not "skill") nor left as a subject the sources
            // "don't cover".
            for (var i = 0; i < words.Count; i++)
            {
                if (pain.IsUnknownPainWord(words[i]) || SafetyMatcher.SaysWornOut(text, words[i]))
                {
                    words[i] = "pain";
                }
            }
        }

        var terms = facts.QueryTerms(words);
        _termsOutsideMuscles = (text, facts, terms);
        return terms;
    }

    /// <summary>The safety vocabulary, to read pain slang as pain when the question is looked up in the facts.</summary>
    public SafetyMatcher? PainWords { get; init; }

    public bool NamesMuscle(int position) => position < _namesMuscle.Length && _namesMuscle[position];

    private static bool[] MuscleMask(IReadOnlyList<MuscleMention> muscles)
    {
        var mask = new bool[muscles.Count == 0 ? 0 : muscles.Max(m => m.End)];
        foreach (var m in muscles)
        {
            mask.AsSpan(m.Start, m.Count).Fill(true);
        }

        return mask;
    }
}

/// <summary>Finds muscles, attributes and topics in a normalised question.</summary>
internal static class QueryAnalyzer
{
    private static readonly FrozenDictionary<string, AttributeCue[]> Cues = Vocabulary.AttributeCues
        .GroupBy(c => c.Phrase, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, AttributeCue[]>.AlternateLookup<ReadOnlySpan<char>> CueLookup =
        Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int CueMaxWords = Vocabulary.AttributeCues.Max(c => c.Phrase.Count(ch => ch == ' ') + 1);

    private static readonly FrozenSet<string> DoCues = new[] { "do", "does", "doing", "for" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Topic phrases first (they own their words), then muscles, attribute cues, and the topic scores of what is left.</summary>
    public static Analysis Analyze(TokenizedText text, KnowledgeIndex index)
    {
        var safety = index.Safety.Inspect(text);
        var topicMentions = index.FindTopicPhrases(text);
        var otherSense = ReleaseOfSomethingElse(text, index);
        if (otherSense is not null)
        {
            topicMentions.RemoveAll(m => m.Count == 1 && otherSense[m.Start]);
        }

        // "the secondary thigh flexors named in the manual-therapy excerpt": words that name a source document are who said
        // it, not a topic's keyword ("manual therapy" of the massage debate), when another topic phrase says what is asked.
        // Alone ("do six-pack abs stop the sway like that massage book says") the source's words are the only lead, and stay.
        if (topicMentions.Count > 1 && SourceReferences.For(index).ReferenceWords(text) is { } inReference
            && topicMentions.Exists(m => !WithinReference(inReference, m.Start, m.Count)))
        {
            topicMentions.RemoveAll(m => WithinReference(inReference, m.Start, m.Count));
        }

        var topicOwned = TopicOwnedWords(text, topicMentions);
        var covered = new bool[text.Count];
        var (muscles, grey) = FindMuscles(text, index, topicOwned, covered);
        // "How do I fix my bike chain?": the how-to verb is all that named the topic, and its object is no subject of
        // ours, so the question is about something else (and never earns the treatment topic's disclaimer).
        var foreignHowTo = muscles.Count == 0 && grey.Count == 0 && !safety.TouchesPain && topicMentions.Count > 0
            && index.VerbOfForeignObject(text, topicMentions);
        if (foreignHowTo)
        {
            topicMentions.Clear();
        }

        var cueCovered = new bool[text.Count];
        var found = FindCues(text, index, covered, topicOwned, cueCovered);
        var coordinated = CoordinatedEnds(text, found);
        var strong = found.Any(f => f.Cue.Strong);
        // "What does the iliacus do, and where does it originate?": a strong cue outranks a hinted one in its own
        // question only; the other question's hint still asks its attribute when that question is about the muscle
        // ("and where does it start", not "and where does that artery come from").
        var parts = QuestionForms.QuestionParts(text);
        var attributes = found
            .Where(f => f.Cue.Strong || !strong
                || (!found.Any(g => g.Cue.Strong && parts[g.Position] == parts[f.Position]) && PartIsAboutTheMuscle(text, parts, parts[f.Position], covered)))
            .OrderBy(f => f.Cue.Strong ? 0 : DoCues.Contains(f.Cue.Phrase) ? 2 : 1)
            .ThenBy(f => f.Position)
            .SelectMany(f => f.Cue.Attributes)
            .Distinct()
            .ToList();
        var bothEnds = OneEndAsked(text, found, attributes) || coordinated || EachEndCued(found);
        var (residual, unexplained) = ResidualWords(text, index, covered, cueCovered, otherSense);
        if (muscles.Count > 0 && attributes.Count > 0 && attributes.TrueForAll(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion))
        {
            // "How is called the bone where psoas major is finishing?": with a muscle and the end it attaches asked, a
            // topic keyword that is one everyday word ("called" for the nicknames) is how the question is put, not its
            // topic. ("Account for the psoas being called a flexor and an extensor" asks no attachment: unchanged.)
            topicMentions.RemoveAll(m => m.Count == 1 && Vocabulary.NamesNoSubject(text.WordString(m.Start)));
        }

        if (muscles.Count > 0)
        {
            // "What does the book say about the psoas minor?": the book is who said it; the muscle is the subject.
            topicMentions.RemoveAll(m => m.Count == 1 && FramingWords.NamesWhoSaid(text, m.Start));
        }

        var (ranked, hadPhrase) = ScoreTopics(text, index, topicMentions, residual);
        return new Analysis(muscles, grey, grey.Count > 0 ? grey[0].Score : 0, attributes, strong, ranked, hadPhrase, unexplained, safety)
        {
            PainWords = safety.TouchesPain ? index.Safety : null,
            CountsWho = CountedPeople(text, found),
            BothEndsCued = bothEnds,
            HowToForeignObject = foreignHowTo,
        };
    }

    private static bool WithinReference(bool[] inReference, int start, int count)
    {
        for (var k = start; k < start + count && k < inReference.Length; k++)
        {
            if (!inReference[k])
            {
                return false;
            }
        }

        return count > 0;
    }

    /// <summary>Whether the words of one question of the message name a muscle or stand for it ("it", "they").</summary>
    private static bool PartIsAboutTheMuscle(TokenizedText text, int[] parts, int part, bool[] covered)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (parts[i] == part && (covered[i] || text.WordString(i) is "it" or "its" or "they" or "them" or "their"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Should those be released before the iliopsoas?", "which attachment do they release for that?": "release" with
    /// another object (the secondary flexors, an attachment) is the verb of manual therapy, not the psoas-release debate
    /// that "release the psoas", "psoas release" and "releasing my iliopsoas" name. A release word no muscle word stands
    /// next to (before it, or after it with at most a determiner between) is marked; null when the question has none.
    /// </summary>
    private static bool[]? ReleaseOfSomethingElse(TokenizedText text, KnowledgeIndex index)
    {
        bool[]? marked = null;
        for (var i = 0; i < text.Count; i++)
        {
            if (!text.Word(i).StartsWith("releas", StringComparison.Ordinal) || NamesMuscleNear(text, i, index))
            {
                continue;
            }

            marked ??= new bool[text.Count];
            marked[i] = true;
        }

        return marked;
    }

    private static bool NamesMuscleNear(TokenizedText text, int at, KnowledgeIndex index)
    {
        if (at > 0 && index.IsMuscleWord(text.WordString(at - 1)))
        {
            return true;
        }

        var next = at + 1;
        if (next < text.Count && text.Word(next) is "the" or "my" or "your" or "a" or "its" or "their" or "this" or "that" or "tight")
        {
            next++;
        }

        return next < text.Count && (index.IsMuscleWord(text.WordString(next)) || text.Word(next) is "hip" or "muscle" or "muscles");
    }

    /// <summary>
    /// "Where is the psoas minor attached below?", "what does it attach to at the top": an attachment asked with one
    /// direction is that end only. Only adverbs count, or a direction word that ends the question: "the upper femur" and
    /// "the superior ramus" are landmarks, not directions.
    /// </summary>
    private static bool OneEndAsked(TokenizedText text, List<(int Position, AttributeCue Cue)> found, List<MuscleAttribute> attributes)
    {
        if (!attributes.Contains(MuscleAttribute.Origin) || !attributes.Contains(MuscleAttribute.Insertion)
            || !found.Any(f => f.Cue.Attributes is [MuscleAttribute.Origin, MuscleAttribute.Insertion]))
        {
            return false;
        }

        var (up, down) = (false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var last = i == text.Count - 1;
            switch (text.WordString(i))
            {
                case "above" or "proximally":
                case "top" or "upper" or "higher" when last:
                    up = true;
                    break;
                case "below" or "beneath" or "distally":
                case "bottom" or "lower" when last:
                    down = true;
                    break;
            }
        }

        var other = up ? MuscleAttribute.Insertion : MuscleAttribute.Origin;
        // "Where does the iliacus begin and where does it attach below?": the other end has a cue of its own ("begin"),
        // so the question asks both ends; the direction only says which end "attach" meant.
        if (up == down)
        {
            return false;
        }

        if (found.Exists(f => f.Cue.Strong && f.Cue.Attributes is [var end] && end == other))
        {
            return true;
        }

        attributes.Remove(other);
        return false;
    }

    /// <summary>
    /// "Where does psoas minor start and where does it finish", "describe its course from where it starts to where it
    /// ends": each end asked by a cue of its own. Weak cues count too when both ends are cued so: "starts" and "ends" in one
    /// question are a course from one end to the other, not one end that the other's word happens to touch.
    /// </summary>
    private static bool EachEndCued(List<(int Position, AttributeCue Cue)> found) =>
        found.Exists(f => f.Cue.Attributes is [MuscleAttribute.Origin])
        && found.Exists(f => f.Cue.Attributes is [MuscleAttribute.Insertion]);

    /// <summary>
    /// "The upper and lower attachments", "proximal and distal attachments": a direction joined by "and"/"or" to the
    /// first word of an end cue shares its noun, so each direction names its end (the cue matched only the second).
    /// </summary>
    private static bool CoordinatedEnds(TokenizedText text, List<(int Position, AttributeCue Cue)> found)
    {
        var count = found.Count;
        var added = false;
        for (var f = 0; f < count; f++)
        {
            var (position, cue) = found[f];
            var space = cue.Phrase.IndexOf(' ', StringComparison.Ordinal);
            if (!cue.Strong || !IsEndCue(cue) || space < 0 || SharedNounDirection(text, position) is not { } direction)
            {
                continue;
            }

            var joined = string.Concat(text.WordString(direction), cue.Phrase.AsSpan(space));
            if (Cues.TryGetValue(joined, out var cues))
            {
                foreach (var other in cues)
                {
                    if (other.Strong && IsEndCue(other) && other.Attributes[0] != cue.Attributes[0])
                    {
                        found.Add((direction, other));
                        added = true;
                    }
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The position of the word that shares the noun of the end cue at <paramref name="position"/>: the one before "and",
    /// "or" ("upper and lower attachments") or "to" ("from its proximal to its distal attachment"), a determiner either
    /// side of the joining word allowed; null when there is none.
    /// </summary>
    private static int? SharedNounDirection(TokenizedText text, int position)
    {
        var at = position - 1;
        if (at >= 0 && text.Word(at) is "its" or "the" or "their")
        {
            at--;
        }

        if (at < 1 || text.Word(at) is not ("and" or "or" or "to"))
        {
            return null;
        }

        // Whatever word this is, only a direction makes a cue with the noun ("proximal attachment"): the lookup decides.
        return at - 1;
    }

    /// <summary>The nouns for people between "all"/"every" and "have" of a presence question ("all human beings have"): who, not what.</summary>
    private static bool[] CountedPeople(TokenizedText text, List<(int Position, AttributeCue Cue)> found)
    {
        foreach (var (position, cue) in found)
        {
            if (!ReferenceEquals(cue, PresenceCue))
            {
                continue;
            }

            var who = new bool[text.Count];
            for (var j = position + 1; j < text.Count && text.WordString(j) is not ("have" or "has"); j++)
            {
                // "do all dogs have a psoas minor" counts no people: the sources' figures are not its answer.
                var word = text.WordString(j);
                if (!PeopleWords.Contains(word) && !Vocabulary.StopWords.Contains(word) && !Vocabulary.GeneralWords.Contains(word))
                {
                    return [];
                }

                // Everyday words ("people", "single") are no subject anywhere; only the nouns for people need marking.
                who[j] = PeopleWords.Contains(word);
            }

            return who;
        }

        return [];
    }

    /// <summary>Nouns for people that a presence question may count ("all human beings", "every woman").</summary>
    private static readonly FrozenSet<string> PeopleWords = new[]
    {
        "human", "humans", "beings", "man", "men", "woman", "women", "adult", "adults", "child", "children", "kids",
        "humanity", "mankind", "folks", "us",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words inside a sure topic phrase of two or more words ("psoas paradox"), unless the phrase asks for an attribute.</summary>
    private static bool[] TopicOwnedWords(TokenizedText text, List<TopicMention> topicMentions)
    {
        var topicOwned = new bool[text.Count];
        foreach (var mention in topicMentions)
        {
            // ...unless the phrase itself asks for an attribute ("anatomical variations", "missing psoas minor").
            if (mention.Count >= 2 && mention.Score >= RoutingThresholds.TopicPhraseOwnsWords && !HasStrongCue(text, mention.Start, mention.Count))
            {
                Mark(topicOwned, mention.Start, mention.Count);
            }
        }

        return topicOwned;
    }

    /// <summary>The muscles named (marked in <paramref name="covered"/>) and at most three only guessed at.</summary>
    private static (List<MuscleMention> Muscles, List<MuscleMention> Grey) FindMuscles(TokenizedText text, KnowledgeIndex index, bool[] topicOwned, bool[] covered)
    {
        var allMuscles = index.FindMuscles(text, RoutingThresholds.MuscleGrey);
        var muscles = ResolveMuscles(allMuscles, text)
            .Where(m => !AllMarked(topicOwned, m.Start, m.Count))
            .OrderBy(m => m.Start)
            .ToList();
        foreach (var m in muscles)
        {
            Mark(covered, m.Start, m.Count);
        }

        var grey = allMuscles
            .Where(m => (m.Score < RoutingThresholds.MuscleAccept || m.Ambiguous) && !muscles.Any(a => a.Muscle == m.Muscle) && !AnyMarked(covered, m.Start, m.Count))
            .OrderByDescending(m => m.Score)
            .DistinctBy(m => m.Muscle)
            .Take(3)
            .ToList();
        return (muscles, grey);
    }

    /// <summary>"Do all humans have ...", "does every person have ...": whether everyone has a muscle is its variations.</summary>
    private static readonly AttributeCue PresenceCue = new("all have", [MuscleAttribute.Variations], false);

    /// <summary>
    /// The position of "all" or "every" followed within three words by "have" or "has" ("all of us have", "every person
    /// has"), or null. A pattern rather than cue phrases, so "humans" and "person" stay plain words elsewhere ("the
    /// human hand" is still another subject).
    /// </summary>
    private static int? PresenceAt(TokenizedText text, bool[] cueCovered)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (cueCovered[i] || text.WordString(i) is not ("all" or "every"))
            {
                continue;
            }

            for (var j = i + 1; j <= i + 3 && j < text.Count; j++)
            {
                if (text.WordString(j) is "have" or "has")
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// "Psoas minor comes off lumbar five?", "does the psoas major come from L3?", "starts at T12": with a muscle named, a
    /// spinal level right after a weak end cue makes it the attachment asked about (the level alone would draw the
    /// nerve-supply facts, which name levels too). A reverse lookup ("which muscle starts at T12 and ends on the femur")
    /// keeps both its weak ends.
    /// </summary>
    private static bool LevelFollows(TokenizedText text, int after)
    {
        for (var j = after; j < after + 3 && j < text.Count; j++)
        {
            var word = text.Word(j);
            if (word is "lumbar" or "thoracic" or "dorsal"
                || (word.Length is 2 or 3 && word[0] is 'l' or 't' && char.IsAsciiDigit(word[1]) && (word.Length == 2 || char.IsAsciiDigit(word[2]))))
            {
                return true;
            }

            if (word is not ("at" or "from" or "off" or "on" or "the" or "of" or "its" or "a" or "first" or "second" or "third" or "fourth" or "fifth" or "last" or "twelfth"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Attribute cues, exact phrases first (longest wins), then single words with a typo; marks <paramref name="cueCovered"/>.</summary>
    private static List<(int Position, AttributeCue Cue)> FindCues(TokenizedText text, KnowledgeIndex index, bool[] covered, bool[] topicOwned, bool[] cueCovered)
    {
        var found = new List<(int Position, AttributeCue Cue)>();
        var kinds = index.Kinds(text);
        for (var i = 0; i < text.Count; i++)
        {
            // Every word of a cue is a cue word: no window longer than the run of cue words from here can be one.
            var cueRun = 0;
            while (cueRun < CueMaxWords && i + cueRun < text.Count && (kinds[i + cueRun] & WordKind.Cue) != 0)
            {
                cueRun++;
            }

            for (var n = Math.Min(cueRun, text.Count - i); n >= 1; n--)
            {
                // The longest cue wins: "distal attachment" asks for the insertion, not for "attachment"'s both ends.
                if (AnyMarked(covered, i, n) || AllMarked(topicOwned, i, n) || AnyMarked(cueCovered, i, n))
                {
                    continue;
                }

                if (CueLookup.TryGetValue(text.Window(i, n), out var cues) && !IsInRelationTo(text, i, n) && !IsLeadingAuxiliary(text, i, n) && !StartsAnAction(text, i, n) && !IsOwnDoing(text, i, n)
                    && !IsAuxiliaryBeforeMuscle(text, i, n, covered) && !IsReportedSpeech(text, i, n) && !GoesToAMuscle(text, i, n, covered))
                {
                    var where = AsksWhereItEnds(text) || AsksWhichBone(text);
                    foreach (var cue in cues)
                    {
                        found.Add((i, (where || (!cue.Strong && IsEndCue(cue) && Array.IndexOf(covered, true) >= 0 && LevelFollows(text, i + n))) && !cue.Strong && IsEndCue(cue) ? cue with { Strong = true } : cue));
                    }

                    Mark(cueCovered, i, n);
                    break;
                }
            }
        }

        if (PresenceAt(text, cueCovered) is { } presence)
        {
            found.Add((presence, PresenceCue));
        }

        if (BonesJoinedAt(text) is { } joined)
        {
            found.Add((joined, BonesJoinedCue));
        }

        for (var i = 0; i < text.Count && i < RoutingThresholds.MaxFuzzyWords; i++)
        {
            var word = text.WordString(i);
            if (covered[i] || cueCovered[i] || topicOwned[i] || word.Length < 5
                || (kinds[i] & (WordKind.Stop | WordKind.Muscle | WordKind.Topic)) != 0 || IsInRelationTo(text, i, 1))
            {
                continue;
            }

            // A word the facts use is no typo of a cue: "which organ does the psoas major lie behind" is not "origin"; nor is
            // an adverb made of one ("what did the word psoas originally mean": "originally" is not "origin").
            if (!word.EndsWith("ally", StringComparison.Ordinal) && FuzzyCue(word) is { } best && !index.Facts.Knows(word))
            {
                found.Add((i, best));
                cueCovered[i] = true;
            }
        }

        return found;
    }

    /// <summary>
    /// "Which nerve goes to the iliacus?": a muscle after "goes to" is where something else goes, not a muscle's own lower
    /// end ("where does the psoas minor go to?").
    /// </summary>
    private static bool GoesToAMuscle(TokenizedText text, int start, int count, bool[] covered)
    {
        if (text.Word(start + count - 1) is not "to")
        {
            return false;
        }

        var next = start + count;
        if (next < text.Count && text.Word(next) is "the" or "your" or "my")
        {
            next++;
        }

        return next < text.Count && covered[next];
    }

    /// <summary>
    /// "what if it starts hurting while i do them", "how often should you do it": what the student does (the exercises),
    /// not what a muscle does. "what do they do" (the muscles) still asks the action.
    /// </summary>
    private static bool IsOwnDoing(TokenizedText text, int start, int count) =>
        count == 1 && start > 0 && text.Word(start) is "do" or "doing" && text.Word(start - 1) is "i" or "you" or "we" or "u";

    /// <summary>
    /// "what if it starts hurting", "when I begin stretching", "it starts to ache": "start" or "begin" before a verb
    /// says when something else happens, not where a muscle starts.
    /// </summary>
    private static bool StartsAnAction(TokenizedText text, int start, int count)
    {
        if (count != 1 || start + 1 >= text.Count || text.Word(start) is not ("start" or "starts" or "started" or "starting" or "begin" or "begins" or "began"))
        {
            return false;
        }

        // "from where it starts to where it ends", "starts to the side of T12", "from start to finish": "to" before a place
        // or an end is where it runs to.
        var next = text.Word(start + 1);
        var place = start + 2 < text.Count && text.Word(start + 2) is "where" or "the" or "its" or "which" or "what" or "end" or "finish" or "bottom";
        return (next is "to" && !place) || (next.Length > 4 && next.EndsWith("ing", StringComparison.Ordinal));
    }

    /// <summary>"Does the psoas minor get fibres from L2?": the auxiliary that opens a yes/no question asks nothing about the action.</summary>
    private static bool IsLeadingAuxiliary(TokenizedText text, int start, int count) =>
        start == 0 && count == 1 && text.Count > 2 && text.Word(0) is "do" or "does";

    /// <summary>
    /// "Which ligament does the iliopsoas cross", "how does the psoas help breathing": "does" before the muscle is the
    /// auxiliary of another verb, not "what does it do" (that "do" comes after the muscle and still asks the action).
    /// </summary>
    private static bool IsAuxiliaryBeforeMuscle(TokenizedText text, int start, int count, bool[] covered)
    {
        if (count != 1 || text.Word(start) is not ("do" or "does"))
        {
            return false;
        }

        // "where does it end up": a subject pronoun right after it makes it an auxiliary too.
        if (start + 1 < text.Count && text.Word(start + 1) is "it" or "they")
        {
            return true;
        }

        for (var i = start + 1; i < covered.Length; i++)
        {
            if (covered[i])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "at which bone does the iliacus begin", "where finish the psoas minor muscle in the bone": a bone asked for with a
    /// start or end word asks where the muscle starts or ends, as "where" does ("when do I start stretching" names none).
    /// </summary>
    internal static bool AsksWhichBone(TokenizedText text)
    {
        var (asks, bone) = (false, false);
        for (var i = 0; i < text.Count; i++)
        {
            switch (text.WordString(i))
            {
                case "which" or "what" or "whats" or "where" or "wheres":
                    asks = true;
                    break;
                case "bone" or "bones" or "vertebra" or "vertebrae" or "vertebral":
                    bone = true;
                    break;
            }
        }

        return asks && bone;
    }

    /// <summary>"psoas major is connecting which bones together?", "which bones does the iliacus join": both ends at once.</summary>
    private static readonly AttributeCue BonesJoinedCue = new("bones joined", [MuscleAttribute.Origin, MuscleAttribute.Insertion], true);

    /// <summary>
    /// The position of a verb of joining ("connect", "join", "link", "span", "bridge") in a question that also asks for
    /// "bones": the bones a muscle joins are where it starts and where it ends. A pattern rather than cue phrases, as
    /// "connects" alone is the fascia and the upper-lower-body topics ("how does the psoas connect to the diaphragm").
    /// </summary>
    private static int? BonesJoinedAt(TokenizedText text)
    {
        int? verb = null;
        var bones = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.Word(i);
            if (word is "bones")
            {
                bones = true;
            }
            else if (verb is null && (word.StartsWith("connect", StringComparison.Ordinal) || word.StartsWith("join", StringComparison.Ordinal)
                || word.StartsWith("link", StringComparison.Ordinal) || word is "span" or "spans" or "spanning" or "bridge" or "bridges" or "bridging"))
            {
                verb = i;
            }
        }

        return bones ? verb : null;
    }

    /// <summary>"where does iliacus come from", "and where does it end up": a question opening with "where" asks where a muscle starts or ends.</summary>
    private static bool AsksWhereItEnds(TokenizedText text) =>
        text.Count > 2 && (text.Word(0) is "where" or "wheres" || (text.Word(0) is "and" or "so" or "but" or "then" && text.Word(1) is "where" or "wheres"));

    private static bool IsEndCue(AttributeCue cue) => cue.Attributes is [MuscleAttribute.Origin] or [MuscleAttribute.Insertion];

    /// <summary>
    /// "what does tom myers say about the psoas", "what does the book say": "say" reports what someone wrote, not how a
    /// name is said ("how do you say iliopsoas", "how do i say it" keep the pronunciation).
    /// </summary>
    private static bool IsReportedSpeech(TokenizedText text, int start, int count) =>
        count == 1 && text.Word(start) is "say" or "says" or "said" or "saying"
        && (start + 1 == text.Count || text.Word(start + 1) is "about" or "that" or "on" or "regarding" or "of" or "concerning"
            || (text.Word(start) is "said" or "says" && FramingWords.OpensAReportedClaim(text, start + 1))
            || SaysAClaim(text, start) || AsksWhatWasSaid(text, start));

    /// <summary>
    /// "What does the book say about childbirth?", "what did Lowen say about the pelvis?", "what does the clinic say to
    /// start with?", "what does the quoted book say the psoas ties together?": a question opening on what or which that
    /// asks what someone said, with no "how" before the verb. "How do you say psoas", "what's the way to say it", "say
    /// iliacus for me" still ask how a name sounds.
    /// </summary>
    internal static bool AsksWhatWasSaid(TokenizedText text, int at)
    {
        if (at < 2 || text.Word(at) is not ("say" or "says" or "said") || text.WordString(0) is not ("what" or "whats" or "which")
            || (at + 1 < text.Count && text.Word(at + 1) is "it" or "its" or "this" or "name" or "word" or "out" or "aloud" or "loud"))
        {
            return false;
        }

        for (var i = 1; i < at; i++)
        {
            if (text.Word(i) is "how" or "hows" or "way" or "correct" or "right" or "proper" or "properly")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "My teacher say psoas go behind the kidney", "my book say iliacus is fan shape": a learner's bare "say" after who
    /// said it, with the claim after it, reports it. "How do you say iliacus", "how to say it" still ask the name's sound.
    /// </summary>
    private static bool SaysAClaim(TokenizedText text, int start)
    {
        if (start == 0 || start + 1 >= text.Count || text.Word(start) is "saying" || !Vocabulary.ClaimTellers.Contains(text.WordString(start - 1))
            || text.Word(start + 1) is "it" or "its" or "this" or "name" or "word")
        {
            return false;
        }

        for (var i = 0; i < start; i++)
        {
            if (text.Word(i) is "how" or "hows")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Who a student heard a claim from ("my teacher say", "the book says"): a bare "say" after one reports it.</summary>
    /// <summary>"in relation to a shortened iliopsoas", "with relation to": a preposition, not a question about relations.</summary>
    private static bool IsInRelationTo(TokenizedText text, int start, int count) =>
        count == 1 && text.Word(start) is "relation" && start > 0 && text.Word(start - 1) is "in" or "with"
        && start + 1 < text.Count && text.Word(start + 1) is "to";

    /// <summary>Words left to explain a topic (not a muscle name, not a cue; typos corrected), and how many nothing explains.</summary>
    private static (List<string> Residual, int Unexplained) ResidualWords(TokenizedText text, KnowledgeIndex index, bool[] covered, bool[] cueCovered, bool[]? otherSense)
    {
        var residual = new List<string>();
        var unexplained = 0;
        var kinds = index.Kinds(text);
        for (var i = 0; i < text.Count; i++)
        {
            if (covered[i] || cueCovered[i] || (otherSense is not null && otherSense[i]))
            {
                continue;
            }

            var word = text.WordString(i);
            if (word.Length < 2 || (kinds[i] & (WordKind.Stop | WordKind.Muscle)) != 0 || InTheBody(text, i))
            {
                // Muscle words ("major", "psoas") name the subject, not the topic.
                continue;
            }

            if ((kinds[i] & WordKind.Topic) == 0)
            {
                var corrected = index.CorrectWord(word);
                if (corrected is null)
                {
                    unexplained++;
                    residual.Add(word);
                    continue;
                }

                word = corrected;
            }

            residual.Add(word);
        }

        return (residual, unexplained);
    }

    /// <summary>
    /// "what does the iliacus actually do in the body", "where in the body is the psoas": "in the body" places the question
    /// in the body as a whole, and names no topic (not the link between the upper and lower body that "body" scores).
    /// </summary>
    internal static bool InTheBody(TokenizedText text, int i) =>
        i >= 2 && text.Word(i) is "body" && text.Word(i - 1) is "the" or "your" or "our" or "my" && text.Word(i - 2) is "in";

    /// <summary>Topics ranked by their named phrases and by the share of the residual words their vocabulary explains.</summary>
    private static (List<(int Topic, double Score)> Ranked, bool HadPhrase) ScoreTopics(TokenizedText text, KnowledgeIndex index, List<TopicMention> topicMentions, List<string> residual)
    {
        var scores = new Dictionary<int, double>();
        var phraseScore = new Dictionary<int, double>();
        foreach (var mention in topicMentions)
        {
            var current = phraseScore.GetValueOrDefault(mention.Topic);
            phraseScore[mention.Topic] = current == 0 ? mention.Score : Math.Max(current, mention.Score) + RoutingThresholds.RepeatedPhraseBonus;
        }

        var wordScores = residual.Count > 0 ? index.ScoreTopicWords(residual) : [];
        foreach (var t in phraseScore.Keys.Concat(wordScores.Keys).Distinct())
        {
            var kw = Math.Min(1.0, phraseScore.GetValueOrDefault(t));
            var ws = RoutingThresholds.TopicWordShare * wordScores.GetValueOrDefault(t);
            scores[t] = Math.Min(1.0, Math.Max(kw, ws) + (RoutingThresholds.TopicAgreementBonus * Math.Min(kw, ws)));
        }

        if (index.ExactQuestionTopic(text.Text) is { } exact)
        {
            scores[exact] = 1.0;
        }

        var ranked = scores.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => (p.Key, p.Value)).ToList();
        var hadPhrase = ranked.Count > 0 && phraseScore.ContainsKey(ranked[0].Key);
        return (ranked, hadPhrase);
    }

    /// <summary>
    /// Non-overlapping accepted mentions, longest span first: "psoas mnior" (fuzzy, two words) beats the exact
    /// one-word "psoas" inside it, but an exact multi-word name is never displaced by a fuzzy one.
    /// </summary>
    private static List<MuscleMention> ResolveMuscles(List<MuscleMention> all, TokenizedText text)
    {
        // Content words before each position, so a mention's count is one subtraction (the sort below asks it often).
        var contentBefore = new int[text.Count + 1];
        for (var i = 0; i < text.Count; i++)
        {
            contentBefore[i + 1] = contentBefore[i] + (Vocabulary.StopWords.Contains(text.WordString(i)) ? 0 : 1);
        }

        int ContentWords(MuscleMention m) => contentBefore[Math.Min(m.End, text.Count)] - contentBefore[Math.Min(m.Start, text.Count)];

        // "so as" (a phonetic alias) inside "so as to" is English, not a muscle: a hit needs a content word.
        var accepted = all.Where(m => m.Score >= RoutingThresholds.MuscleAccept && !m.Ambiguous && ContentWords(m) > 0).ToList();

        // An ambiguous longer typo ("psoas maior") hides the exact shorter name inside it ("psoas"): ask instead.
        var ambiguous = all.Where(m => m.Ambiguous && m.Score >= RoutingThresholds.MuscleAccept).ToList();
        accepted.RemoveAll(m => ambiguous.Any(a => a.Count > m.Count && m.Start >= a.Start && m.End <= a.End
            && !accepted.Any(x => !x.Equals(m) && x.Count >= a.Count && x.Start <= a.Start && x.End >= a.End)));
        var exactMulti = accepted.Where(m => m.Score == 100 && m.Count >= 2).ToList();
        accepted.RemoveAll(m => m.Score < 100 && exactMulti.Any(e => e.Start >= m.Start && e.End <= m.End));
        accepted.RemoveAll(m => m.Score < RoutingThresholds.FuzzyYieldsToExact && accepted.Any(e => e.Score == 100 && e.Muscle != m.Muscle && e.Start >= m.Start && e.End <= m.End));

        var chosen = new List<MuscleMention>();
        foreach (var m in accepted.OrderByDescending(ContentWords).ThenByDescending(m => m.Count).ThenByDescending(m => m.Score).ThenBy(m => m.Start))
        {
            if (!chosen.Any(c => c.Start < m.End && m.Start < c.End))
            {
                chosen.Add(m);
            }
        }

        return chosen;
    }

    private static bool HasStrongCue(TokenizedText text, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            for (var n = 1; n <= CueMaxWords && i + n <= start + count; n++)
            {
                if (CueLookup.TryGetValue(text.Window(i, n), out var cues) && cues.Any(c => c.Strong))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The sound-alike keys of <see cref="Vocabulary.FuzzyCueWords"/>, computed once.</summary>
    private static readonly string[] FuzzyCuePhonetics = [.. Vocabulary.FuzzyCueWords.Select(c => SpokenSpelling.Skeleton(c.Phrase))];

    /// <summary>The <see cref="FuzzyRatio.Letters"/> of each fuzzy cue word and of its sound-alike key.</summary>
    private static readonly (Vector256<byte> Word, Vector256<byte> Phonetic)[] FuzzyCueLetters =
        [.. Vocabulary.FuzzyCueWords.Select((c, i) => (FuzzyRatio.Letters(c.Phrase), FuzzyRatio.Letters(FuzzyCuePhonetics[i])))];

    /// <summary>What <see cref="FuzzyCue"/> found for each word so far: it depends on the fixed cue vocabulary only.</summary>
    private static readonly WordMemo<AttributeCue?> FuzzyCues = new();

    /// <summary>The attribute cue a misspelt or phonetically spelt word stands for ("insershun", "innervaton"), or null.</summary>
    internal static AttributeCue? FuzzyCue(string word) => FuzzyCues.Get(word, 0, static (_, w) => FuzzyCueOf(w));

    private static AttributeCue? FuzzyCueOf(string word)
    {
        AttributeCue? best = null;
        var bestScore = RoutingThresholds.FuzzyCueAccept;
        var phonetic = SpokenSpelling.Skeleton(word);
        (Vector256<byte> Word, Vector256<byte> Phonetic)? letters = word.Length <= byte.MaxValue ? (FuzzyRatio.Letters(word), FuzzyRatio.Letters(phonetic)) : null;
        // A word spelt right ("pregnancy", "nervous") is a cue's misspelling only when it is one edit from the cue or one
        // of its own forms (four first letters shared: "inserted"); sounding alike is not enough.
        var english = EverydayEnglish.Rank(word) != int.MaxValue;
        for (var c = 0; c < Vocabulary.FuzzyCueWords.Length; c++)
        {
            var cue = Vocabulary.FuzzyCueWords[c];
            if (english && !SharesOwnFormPrefix(word, cue.Phrase) && !EditDistance.Within(word, cue.Phrase, 1))
            {
                continue;
            }

            // The lengths alone bound the score: a cue that cannot beat the best so far, even as one edit away, is skipped.
            var ceiling = Math.Max(FuzzyRatio.Ceiling(word.Length, cue.Phrase.Length), FuzzyRatio.Ceiling(phonetic.Length, FuzzyCuePhonetics[c].Length) - RoutingThresholds.PhoneticPenalty);
            if (ceiling <= bestScore && RoutingThresholds.FuzzyCueOneEdit <= bestScore)
            {
                continue;
            }

            // Spelt as it sounds ("insershun", "inervashun") counts as well as a typo.
            var score = ceiling <= RoutingThresholds.FuzzyCueAccept
                ? ceiling
                : CueScore(word, phonetic, letters, c, bestScore);
            if (score <= RoutingThresholds.FuzzyCueAccept && EditDistance.Within(word, cue.Phrase, Math.Min(1, EditDistance.Allowed(word))))
            {
                score = RoutingThresholds.FuzzyCueOneEdit;
            }

            if (score > bestScore)
            {
                best = cue;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>Whether two words share their first four letters (or all but the last of a shorter word).</summary>
    private static bool SharesOwnFormPrefix(string word, string cue)
    {
        var length = Math.Min(4, Math.Min(word.Length, cue.Length) - 1);
        return length > 0 && word.AsSpan(0, length).SequenceEqual(cue.AsSpan(0, length));
    }

    /// <summary>
    /// The better of the word's and its sound-alike key's ratio against fuzzy cue <paramref name="c"/>; or, when the
    /// letters they share bound both below <paramref name="bestScore"/>, that bound: a cue that cannot beat the best so
    /// far is decided the same either way, and the ratios are not worked out.
    /// </summary>
    private static int CueScore(string word, string phonetic, (Vector256<byte> Word, Vector256<byte> Phonetic)? letters, int c, int bestScore)
    {
        var cue = Vocabulary.FuzzyCueWords[c].Phrase;
        if (letters is { } own)
        {
            var bound = Math.Max(
                FuzzyRatio.CeilingByLetters(own.Word, FuzzyCueLetters[c].Word, word.Length + cue.Length),
                FuzzyRatio.CeilingByLetters(own.Phonetic, FuzzyCueLetters[c].Phonetic, phonetic.Length + FuzzyCuePhonetics[c].Length) - RoutingThresholds.PhoneticPenalty);
            if (bound <= bestScore)
            {
                return bound;
            }
        }

        return Math.Max(FuzzyRatio.Of(word, cue), FuzzyRatio.Of(phonetic, FuzzyCuePhonetics[c]) - RoutingThresholds.PhoneticPenalty);
    }

    private static void Mark(bool[] marks, int start, int count)
    {
        for (var i = start; i < start + count && i < marks.Length; i++)
        {
            marks[i] = true;
        }
    }

    private static bool AllMarked(bool[] marks, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!marks[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyMarked(bool[] marks, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (marks[i])
            {
                return true;
            }
        }

        return false;
    }
}
