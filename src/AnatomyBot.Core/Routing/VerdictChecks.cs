using System.Collections.Frozen;
using System.Text.RegularExpressions;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Whether the facts behind a yes/no opener can settle the question at all: they must be about the muscle it asks
/// about ("does the psoas cover ..." is not settled by the heat-and-ice card's "put a cover on the skin"), and a
/// disputed fact settles nothing ("is psoas massage proven to work": the sources differ).
/// </summary>
internal static class VerdictChecks
{
    private static readonly FrozenSet<string> DisputeWords = new[]
    {
        "disputed", "dispute", "disputes", "debate", "debated", "debates", "controversial", "controversy", "contested",
        "unproven", "unclear", "uncertain", "disagree", "disagrees", "disagreement",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Openers of a yes/no question that asks for advice rather than about the asker's state.</summary>
    private static readonly FrozenSet<string> AdviceOpeners = new[] { "should", "can", "may", "must", "shall" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words asking whether something works or is shown to ("proven", "effective", "evidence").</summary>
    private static readonly FrozenSet<string> EfficacyWords = new[]
    {
        "proven", "proved", "prove", "work", "works", "working", "effective", "efficient", "evidence", "shown",
        "scientific", "science", "studies", "study", "research", "help", "helps", "useful", "real", "true", "legit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The muscles a yes/no claim is about: those the analysis found, typos and possessives included ("does the iliacuss
    /// flex the hip", "the psoaz minor" rather than the group alias "psoaz" inside it); else the names in its text (a
    /// name inside a topic's own phrase, "psoas release"); else a single grey-zone guess, as a claim about that muscle
    /// is still not one a fact about another settles.
    /// </summary>
    public static int[] AskedMuscles(KnowledgeIndex index, TokenizedText question, Analysis analysis)
    {
        if (analysis.Muscles.Count == 0)
        {
            var named = index.MusclesNamedIn(question.Text);
            return named.Length > 0 || analysis.GreyMuscles.Count != 1 ? named : [analysis.GreyMuscles[0].Muscle];
        }

        var found = new List<int>(analysis.Muscles.Count);
        foreach (var mention in analysis.Muscles)
        {
            if (!found.Contains(mention.Muscle))
            {
                found.Add(mention.Muscle);
            }
        }

        return [.. found];
    }

    /// <summary>
    /// Whether the shown facts are about a muscle the question names (their own muscle, a muscle their text or heading
    /// names, or a part or group of it); true when the question names none. A topic fact tied to the muscle by its heading
    /// alone ("Strengthening the iliopsoas": its text names no muscle, and its topic relates to no one muscle) is about the
    /// doing its heading names, so it counts only for a claim that shares a word with the heading besides the muscle's
    /// ("is the psoas easy to feel with your fingers" is not settled by "once the easier version feels too easy").
    /// </summary>
    public static bool AboutAskedMuscle(KnowledgeIndex index, int[] asked, IReadOnlyList<FactPassage> shown, TokenizedText question)
    {
        if (asked.Length == 0)
        {
            return true;
        }

        foreach (var p in shown)
        {
            var muscles = p.Muscle >= 0 ? [p.Muscle] : TopicFactMuscles(index, p);
            if (muscles.Any(m => asked.Any(a => FactAnswerer.Related(index, a, m))) && !(p.Muscle < 0 && HeadingOnly(index, p) && !SharesTheHeading(index, p, question)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A topic fact whose muscle comes from its heading only: its text names none, says no "it", and its topic relates to no one muscle.</summary>
    private static bool HeadingOnly(KnowledgeIndex index, FactPassage p) =>
        p.Topic >= 0 && index.MusclesNamedIn(p.Ordinal).Length == 0 && index.MusclesNamedInHeading(p.Ordinal).Length > 0
        && index.TopicMuscle(p.Topic).Length == 0 && !PronounSubject.IsMatch(p.Fact.Text);

    /// <summary>Whether the question holds a word of the fact's heading (in the index's own terms) that names no muscle.</summary>
    private static bool SharesTheHeading(KnowledgeIndex index, FactPassage p, TokenizedText question)
    {
        var heading = FactAnswerer.Words(p.Heading);
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (word.Length < 4 || Vocabulary.StopWords.Contains(word) || index.IsMuscleWord(word))
            {
                continue;
            }

            var term = index.Facts.Term(word);
            foreach (var h in heading)
            {
                if (h.Length >= 4 && !index.IsMuscleWord(h) && index.Facts.Term(h) == term)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>"It helps ...", "Contracting on one side only, it helps ...": a topic fact whose subject is a pronoun.</summary>
    private static readonly Regex PronounSubject = new(@"^(?:(?:It|Its|They|Their)\b|[A-Z][a-z]+ing\b[^.;]*?, (?:it|they)\b)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The muscles a topic fact is about: those its text or heading names; for a fact whose subject is "it" and that
    /// names none ("Contracting on one side only, it helps bend the lower spine"), those the nearest earlier fact of its
    /// topic names, which "it" stands for (the heat-and-ice card's "make sure it is applied safely" is no subject). Any
    /// other fact that names none ("bringing the trunk toward the thigh - trunk flexion") is about the one muscle its
    /// topic's "related" list names (<see cref="KnowledgeIndex.TopicMuscle"/>); a topic related to several muscles gives
    /// none, so a fact about the psoas never confirms a claim about the iliacus because their topic relates to both.
    /// </summary>
    private static int[] TopicFactMuscles(KnowledgeIndex index, FactPassage p)
    {
        var (inText, inHeading) = (index.MusclesNamedIn(p.Ordinal), index.MusclesNamedInHeading(p.Ordinal));
        var named = inHeading.Length == 0 ? inText : inText.Length == 0 ? inHeading : [.. inText, .. inHeading];
        if (named.Length > 0 || p.Topic < 0)
        {
            return named;
        }

        if (!PronounSubject.IsMatch(p.Fact.Text))
        {
            return index.TopicMuscle(p.Topic);
        }

        var topic = index.Facts.OfTopic(p.Topic);
        for (var i = Array.IndexOf(topic, p.Ordinal) - 1; i >= 0; i--)
        {
            if (index.Facts.Passages[topic[i]].Kind == p.Kind && index.MusclesNamedIn(topic[i]) is { Length: > 0 } earlier)
            {
                return earlier;
            }
        }

        return named;
    }

    /// <summary>
    /// "Is my psoas tight?", "do I have psoas syndrome?", "could my back pain be from my psoas?": a yes or no about the
    /// asker's own body would be a diagnosis, and the bot never diagnoses, so such a question gets the facts without one.
    /// Advice ("should I strengthen my psoas before I stretch it?", "can I ...") is not a diagnosis and keeps its verdict.
    /// </summary>
    public static bool AboutTheAsker(TokenizedText question)
    {
        if (question.Count == 0 || AdviceOpeners.Contains(question.WordString(0)) || AsksIfAdvisable(question) || AdviceAfterASource(question))
        {
            return false;
        }

        for (var i = 0; i < question.Count; i++)
        {
            // "Do my sources agree ...?": the asker's sources, not the asker's body.
            if (SafetyMatcher.IsPersonalWord(question.WordString(i)) && !(i + 1 < question.Count && Vocabulary.SourceWords.Contains(question.WordString(i + 1)))
                && !ReportsAClaim(question, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verbs of what a muscle does for a body, before the one it does it for ("helps me stand", "keeps us upright").</summary>
    private static readonly FrozenSet<string> EnablingVerbs = new[]
    {
        "help", "helps", "keep", "keeps", "let", "lets", "allow", "allows", "enable", "enables", "hold", "holds",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does the iliopsoas help keep me upright?", "does the psoas let us sit up?": the asker appears only as whom a named
    /// muscle helps (a "me" or "us" right after such a verb, with the muscle named before it) and nothing hurts: a claim
    /// about what the muscle does for anyone, not about the asker's body, so <see cref="AboutTheAsker"/> does not hold it
    /// back. Any other personal word ("my psoas", "I"), or pain, keeps the question about the asker.
    /// </summary>
    public static bool AskerOnlyAsWhomAMuscleHelps(TokenizedText question, Analysis analysis)
    {
        if (analysis.Safety.TouchesPain || analysis.MuscleWordPositions.Count == 0)
        {
            return false;
        }

        var found = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (!SafetyMatcher.IsPersonalWord(word))
            {
                continue;
            }

            if (word is not ("me" or "us") || i == 0 || !EnablingVerbs.Contains(question.WordString(i - 1)) || !analysis.MuscleWordPositions.Any(p => p < i))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>"According to the clinic, should I begin with strengthening?": advice asked after naming a source.</summary>
    private static bool AdviceAfterASource(TokenizedText question) =>
        FactAnswerer.VerbAfterASource(question) is var at and >= 0 && AdviceOpeners.Contains(question.WordString(at));

    /// <summary>Words that ask whether something is all right to do ("is that ok", "is it safe").</summary>
    private static readonly FrozenSet<string> ClearanceWords = new[]
    {
        "ok", "okay", "alright", "safe", "unsafe", "fine", "suitable", "advisable", "allowed", "dangerous", "harmful",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is that ok for someone with bursitis?", "is it safe with a torn psoas?", "are these fine if you have back pain?":
    /// whether something is all right for a person with a condition is a medical clearance the sources never give, so
    /// the facts come without a Yes or No (a fact naming the condition is no "Yes"). Not caught: the same asked without
    /// "with", "have" or "has" ("is it safe to stretch the psoas" keeps a verdict the facts settle).
    /// </summary>
    public static bool AsksClearance(TokenizedText question)
    {
        var clearance = false;
        var condition = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            clearance |= ClearanceWords.Contains(word);
            // "With no training", "with nothing under the knees" is a lack, not a condition.
            condition |= (word is "with" && !(i + 1 < question.Count && question.WordString(i + 1) is "no" or "nothing" or "out")) || word is "have" or "has" or "having";
        }

        return clearance && condition;
    }

    /// <summary>
    /// Verbs of hearing or reading a claim: "I read", "I heard", "I learned". "was", "were" and "got" count only before
    /// "told" or "taught" ("I was told ..."): "I was diagnosed with ..." is about the asker.
    /// </summary>
    private static readonly FrozenSet<string> HeardWords = new[]
    {
        "read", "heard", "hear", "learned", "learnt", "learn", "saw", "think", "thought", "believe", "remember", "studied",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "My teacher say psoas go behind the kidney, it is right?", "I read iliacus comes from the iliac fossa": the
    /// personal word at <paramref name="at"/> says where the claim was heard, not what the asker's body does.
    /// </summary>
    private static bool ReportsAClaim(TokenizedText question, int at)
    {
        if (at + 1 >= question.Count)
        {
            return false;
        }

        var next = question.WordString(at + 1);
        return Vocabulary.ClaimTellers.Contains(next)
            || (question.WordString(at) is "i" or "we"
                && (HeardWords.Contains(next)
                    || (next is "was" or "were" or "got" && at + 2 < question.Count && question.WordString(at + 2) is "told" or "taught")));
    }

    /// <summary>Words that ask whether doing something is advisable: "is it ok to ...", "is it safe to ...".</summary>
    private static readonly FrozenSet<string> AdvisableWords = new[]
    {
        "ok", "okay", "fine", "safe", "alright", "good", "bad", "wise", "smart", "better", "worse", "dangerous", "harmful", "allowed",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is it ok to put an ice bag directly on my hip?", "is it safe to ...", "is it a good idea to ...", "would it be
    /// wise to ...": advice, like "should I", not a question about the asker's body.
    /// </summary>
    public static bool AsksIfAdvisable(TokenizedText question) =>
        question.Count > 3 && question.WordString(0) is "is" or "would" && question.WordString(1) is "it" or "that"
        && (AdvisableWords.Contains(question.WordString(2))
            || (question.WordString(2) is "be" or "a" && AdvisableWords.Contains(question.WordString(3))));

    /// <summary>Whether a fact says its point is disputed, debated or unproven.</summary>
    public static bool Disputed(IEnumerable<string> factWords) => factWords.Any(DisputeWords.Contains);

    /// <summary>"Is the lumbar plexus disputed?": the claim is that the point is disputed, which a fact that says nothing of a dispute never confirms.</summary>
    public static bool AsksDispute(TokenizedText question) => question.Words.Any(DisputeWords.Contains);

    /// <summary>"Is it proven", "does it work", "is that real": the question asks whether a claim holds up.</summary>
    public static bool AsksEfficacy(TokenizedText question) => question.Words.Any(EfficacyWords.Contains);

    /// <summary>
    /// Whether the fact holds every pain word of the claim: "is it common for the stretch to feel painful" is not settled
    /// by a stretching fact that says nothing of pain. (Other missing words may be synonyms the index does not fold.)
    /// </summary>
    /// <remarks><paramref name="held"/>: terms the fact holds besides its own words ("thigh" in an action fact naming the hip).</remarks>
    public static bool HoldsThePainOfTheClaim(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, FactPassage fact, HashSet<string> held)
    {
        var factTerms = index.Facts.FactTerms(fact.Ordinal);
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (skipWords.Contains(i) || Vocabulary.StopWords.Contains(word) || Vocabulary.SingleWordCues.Contains(word) || index.IsMuscleWord(word)
                || factTerms.Contains(index.Facts.Term(word)) || held.Contains(index.Facts.Term(word)))
            {
                continue;
            }

            if (index.Safety.IsSafetyWord(word))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenSet<string> FlexWords = new[]
    {
        "flex", "flexes", "flexed", "flexing", "flexion", "flexor", "flexors",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ExtendWords = new[]
    {
        "extend", "extends", "extended", "extending", "extension", "extensor", "extensors",
        // At the hip (a hip word is required) straightening is extending: "what straightens the hip".
        "straighten", "straightens", "straightened", "straightening",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The hip end of an action: a claim about the spine ("does the psoas extend the low back") is the psoas paradox, not this.</summary>
    private static readonly FrozenSet<string> HipWords = new[] { "hip", "hips", "thigh", "thighs", "leg", "legs", "femur" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words an action claim may hold besides the muscle, the action and the hip: any other word ("does stretching the
    /// iliopsoas help hip extension", "is it the only hip flexor", "the main one") makes it another claim.
    /// </summary>
    private static readonly FrozenSet<string> ActionClaimWords = new[]
    {
        "is", "are", "does", "do", "can", "could", "will", "would", "the", "a", "an", "of", "at", "its", "it", "muscle", "joint",
        "help", "helps", "act", "acts", "as", "work", "works", "also", "really", "actually", "considered", "classed", "called",
        "true", "that", "your", "my", "our", "you", "we", "doesnt", "isnt", "cant", "arent", "dont", "and", "both",
        "too", "either", "so", "what", "into", "then", "one", "counted", "regarded", "classified", "count", "strong", "powerful",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is the iliopsoas a hip extensor?", "does the iliacus flex the hip?": what a muscle does at the hip is settled by its
    /// own action facts, not by a training drill named after the movement ("lengthening mobility (hip extension)"). When
    /// every muscle asked about has an action fact saying it flexes the hip: yes to flexing, no to extending or to
    /// flexing and extending (it only controls extension while lengthening). Null for any other claim, or when the muscle's facts give no hip action.
    /// </summary>
    public static string? HipActionVerdict(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, int[] asked)
    {
        var (flex, extend) = (false, false);
        var hip = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (FlexWords.Contains(word))
            {
                flex = true;
            }
            else if (ExtendWords.Contains(word))
            {
                extend = true;
            }
            else if (HipWords.Contains(word))
            {
                hip = true;
            }
            else if (!skipWords.Contains(i) && !index.IsMuscleWord(word) && !ActionClaimWords.Contains(word)
                && !(word == "well" && i > 0 && question.WordString(i - 1) == "as"))
            {
                // "As well" is "too" ("isn't the psoas minor a hip flexor as well?"); "well" alone ("flex the hip well") is a claim of its own.
                return null;
            }
        }

        var agentNoun = question.Words.Any(w => w is "flexor" or "flexors" or "extensor" or "extensors");
        if (!(flex || extend) || !(hip || agentNoun) || asked.Length == 0)
        {
            return null;
        }

        var (flexing, notFlexing) = (0, 0);
        foreach (var muscle in asked)
        {
            var (actions, flexesHip) = (0, false);
            foreach (var passage in index.Facts.Passages)
            {
                if (passage.Muscle == muscle && passage.Attribute == MuscleAttribute.Action && passage.Kind == PassageKind.MuscleFact)
                {
                    actions++;
                    if (FactAnswerer.Words(passage.Fact.Text) is var words && words.Any(FlexWords.Contains) && words.Any(HipWords.Contains))
                    {
                        flexesHip = true;
                        break;
                    }
                }
            }

            // "Is psoas minor a hip flexor?": a part whose own action facts all leave the hip out does not act on it
            // (the psoas minor ends on the pelvis); a muscle with no action facts says nothing either way.
            _ = flexesHip ? flexing++ : actions > 0 && !index.Muscles[muscle].IsGroup ? notFlexing++ : 0;
        }

        if (flexing == asked.Length)
        {
            // "A hip flexor and extensor?": the extending half is false.
            return extend ? "No." : "Yes.";
        }

        return notFlexing == asked.Length ? "No." : null;
    }

    /// <summary>The muscle's action facts about flexing or extending at the hip: what a hip-action verdict rests on.</summary>
    public static List<int> HipActionFacts(KnowledgeIndex index, int muscle)
    {
        List<int> hip =
        [
            .. index.Facts.Passages
                .Where(p => p.Muscle == muscle && p.Attribute == MuscleAttribute.Action && p.Kind == PassageKind.MuscleFact
                    && NamesHipAction(FactAnswerer.Words(p.Fact.Text)))
                .Select(p => p.Ordinal),
        ];

        // A part that does not act on the hip: what it does instead is the answer.
        return hip.Count > 0
            ? hip
            : [.. index.Facts.Passages.Where(p => p.Muscle == muscle && p.Attribute == MuscleAttribute.Action && p.Kind == PassageKind.MuscleFact).Select(p => p.Ordinal)];
    }

    /// <summary>"flexes the hip", "the thigh extends": an action word and a hip word within two words of each other.</summary>
    private static bool NamesHipAction(string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!FlexWords.Contains(words[i]) && !ExtendWords.Contains(words[i]))
            {
                continue;
            }

            for (var j = Math.Max(0, i - 2); j <= Math.Min(words.Length - 1, i + 2); j++)
            {
                if (HipWords.Contains(words[j]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A spinal level or a range of them ("L1", "T12-L5", "L1 to L4"); lists ("L2, L3 and L4") are single levels.</summary>
    private static readonly Regex Level = new(
        @"\b([tl])(\d{1,2})(?:\s*(?:-|\u2013|to)\s*([tl])?(\d{1,2}))?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>
    /// A level in words: "the first lumbar nerve", "the twelfth thoracic vertebra", "the 12th thoracic" - a student's
    /// spelling of L1 or T12 that the letter-and-number pattern never sees. ("The last thoracic" is left out: a fact
    /// says it "only in some people", and read as T12 it would confirm "does everyone have an origin on T12?".)
    /// </summary>
    private static readonly Regex LevelInWords = new(
        @"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|11th|12th)\s+(lumbar|thoracic|dorsal)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    /// <summary>A level said region first: "lumbar five", "thoracic 12", "lumbar vertebra 1".</summary>
    private static readonly Regex RegionThenNumber = new(
        @"\b(lumbar|thoracic|dorsal)\s+(?:vertebra\s+|vertebrae\s+|level\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static readonly string[] CountWords =
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static readonly string[] OrdinalWords =
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>The levels a text names, T1-T12 as 1-12 and L1-L5 as 13-17; "the lumbar vertebrae" are all five.</summary>
    internal static HashSet<int> LevelsOf(string text)
    {
        var levels = new HashSet<int>();
        foreach (Match m in Level.Matches(text))
        {
            var from = Ordinal(m.Groups[1].Value, m.Groups[2].Value);
            var to = m.Groups[4].Success ? Ordinal(m.Groups[3].Success ? m.Groups[3].Value : m.Groups[1].Value, m.Groups[4].Value) : from;
            for (var l = from; from > 0 && to >= from && l <= to; l++)
            {
                levels.Add(l);
            }
        }

        foreach (Match m in LevelInWords.Matches(text))
        {
            var word = m.Groups[1].Value.ToLowerInvariant();
            var thoracic = m.Groups[2].Value.ToLowerInvariant() is "thoracic" or "dorsal";
            var n = char.IsAsciiDigit(word[0]) ? int.Parse(word[..^2], System.Globalization.CultureInfo.InvariantCulture)
                : Array.IndexOf(OrdinalWords, word) + 1;
            var level = Ordinal(thoracic ? "t" : "l", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (level > 0)
            {
                levels.Add(level);
            }
        }

        foreach (Match m in RegionThenNumber.Matches(text))
        {
            var number = m.Groups[2].Value.ToLowerInvariant();
            var n = char.IsAsciiDigit(number[0]) ? int.Parse(number, System.Globalization.CultureInfo.InvariantCulture) : Array.IndexOf(CountWords, number) + 1;
            var level = Ordinal(m.Groups[1].Value.ToLowerInvariant() is "thoracic" or "dorsal" ? "t" : "l", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (level > 0)
            {
                levels.Add(level);
            }
        }

        if (text.Contains("lumbar vertebrae", StringComparison.OrdinalIgnoreCase))
        {
            levels.UnionWith([13, 14, 15, 16, 17]);
        }

        return levels;
    }

    private static int Ordinal(string region, string number)
    {
        var n = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
        return char.ToLowerInvariant(region[0]) == 't' ? (n is >= 1 and <= 12 ? n : 0) : (n is >= 1 and <= 5 ? 12 + n : 0);
    }

    /// <summary>Words that make a claim exclusive: "L1 alone", "only L2 and L3", "solely", "just L1".</summary>
    private static readonly FrozenSet<string> ExclusiveWords = new[] { "only", "alone", "solely", "exclusively", "just", "purely" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does the psoas major get fibres from L1?": a level asked of one muscle's origin or nerve supply is weighed
    /// against every fact of that attribute that gives levels, read as ranges ("L1 to L4" holds L3), or as the whole
    /// set when the claim says "only" or "alone": in all of them yes, in none no, in some the sources differ. Null when
    /// the question names no level or no single muscle.
    /// </summary>
    public static string? LevelVerdict(KnowledgeIndex index, int[] askedMuscles, TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var claimed = LevelsOf(question.Text);
        // "Only from the lumbar ones?", "just the lumbar vertebrae?": every lumbar level and no other.
        var exclusive = question.Words.Any(ExclusiveWords.Contains);
        if (claimed.Count == 0 && exclusive && SaysLumbarBones(question))
        {
            claimed.UnionWith([13, 14, 15, 16, 17]);
        }

        var asked = askedMuscles.Where(m => !index.Muscles[m].IsGroup).ToArray();
        if (claimed.Count == 0 || asked.Length != 1
            || shown.FirstOrDefault(p => p.Muscle == asked[0] && p.Attribute is MuscleAttribute.Origin or MuscleAttribute.Innervation) is not { Attribute: { } attribute })
        {
            return null;
        }

        // "By L1 alone?", "only from L2 and L3?": the claim is that these are all the levels, which a fact giving more
        // ("L1 and L2") denies though it holds L1.
        var (holding, lacking) = (0, 0);
        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Muscle != asked[0] || passage.Attribute != attribute || passage.Kind != PassageKind.MuscleFact)
            {
                continue;
            }

            var levels = LevelsOf(passage.Fact.Text);
            if (levels.Count > 0)
            {
                _ = (exclusive ? claimed.SetEquals(levels) : claimed.IsSubsetOf(levels)) ? holding++ : lacking++;
            }
        }

        return (holding, lacking) switch
        {
            (0, 0) => null,
            (_, 0) => "Yes.",
            (0, _) => "No.",
            _ => "The sources differ.",
        };
    }

    /// <summary>"The lumbar ones", "the lumbar vertebrae", "the lumbar spine": the lumbar bones, not the lumbar plexus or its nerves.</summary>
    private static bool SaysLumbarBones(TokenizedText question)
    {
        for (var i = 0; i < question.Count; i++)
        {
            if (question.WordString(i) is "thoracic" or "dorsal")
            {
                return false;
            }
        }

        for (var i = 0; i < question.Count; i++)
        {
            if (question.WordString(i) == "lumbar"
                && (i + 1 == question.Count || question.WordString(i + 1) is "ones" or "one" or "vertebrae" or "vertebra" or "spine" or "bones" or "levels" or "segments"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How a claim puts something on the skin with nothing between ("straight on bare skin", "directly").</summary>
    private static readonly FrozenSet<string> BareWords = new[] { "directly", "direct", "straight", "bare", "naked", "uncovered" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CoverWords = new[] { "cover", "covering", "covered", "towel" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Going on ("keep going", "push through", "carry on") with what a fact says to stop for.</summary>
    private static readonly FrozenSet<string> GoOnWords = new[]
    {
        "keep", "continue", "continuing", "push", "pushing", "carry", "persist", "persevere", "through",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Advice a shown fact gives the other way: "should I put the ice bag straight on bare skin?" over "always put a cover
    /// between the skin and the ice bag", "should I keep going if the pain increases?" over "stop if it brings increasing
    /// pain". The claim's manner (bare, going on) meets the fact's opposite (a cover, stopping), so the answer is no.
    /// </summary>
    public static bool ContradictsTheAdvice(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var (bare, goOn, pain) = (false, false, false);
        var words0 = question.Words;
        for (var i = 0; i < words0.Count; i++)
        {
            var word = words0[i];
            // "Right onto the skin" is straight onto it.
            bare |= BareWords.Contains(word) || (word == "right" && i + 1 < words0.Count && words0[i + 1] is "on" or "onto" or "against");
            goOn |= GoOnWords.Contains(word);
            pain |= IsPainWord(word);
        }

        if (DoesWhatAFactWarnsAgainst(question, shown))
        {
            return true;
        }

        if (!bare && !(goOn && pain))
        {
            return false;
        }

        foreach (var passage in shown)
        {
            var words = FactAnswerer.Words(passage.Fact.Text);
            if (bare && words.Any(CoverWords.Contains) && !words.Any(BareWords.Contains))
            {
                return true;
            }

            if (goOn && pain && words.Contains("stop") && words.Any(IsPainWord))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is it a good idea to massage my own psoas with no training?" over "the massage blog warns against trying to work on
    /// the psoas without proper training": what the claim does without ("without", "no" and the next two words) is what a
    /// shown fact warns or advises against doing without (a word of the same root within three words of its "without").
    /// Not caught: a lack said otherwise ("untrained", "as a beginner").
    /// </summary>
    private static bool DoesWhatAFactWarnsAgainst(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var lacking = new List<string>();
        for (var i = 0; i + 1 < question.Count; i++)
        {
            if (question.WordString(i) is not ("without" or "no"))
            {
                continue;
            }

            for (var j = i + 1; j < question.Count && j <= i + 3 && lacking.Count < 4; j++)
            {
                var word = question.WordString(j);
                if (!Vocabulary.StopWords.Contains(word) && word.Length > 3)
                {
                    lacking.Add(word);
                }
            }
        }

        if (lacking.Count == 0)
        {
            return false;
        }

        foreach (var passage in shown)
        {
            var words = FactAnswerer.Words(passage.Fact.Text);
            if (!words.Contains("against"))
            {
                continue;
            }

            for (var j = 0; j < words.Length; j++)
            {
                for (var k = j + 1; words[j] == "without" && k < words.Length && k <= j + 3; k++)
                {
                    if (lacking.Exists(l => l == words[k] || (l.AsSpan().CommonPrefixLength(words[k]) is var common && common >= 5 && common >= Math.Min(l.Length, words[k].Length) - 3)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsPainWord(string word) => word.StartsWith("pain", StringComparison.Ordinal) || word.StartsWith("hurt", StringComparison.Ordinal);

    /// <summary>Units a dose or a share is counted in, each folded to one name.</summary>
    private static readonly FrozenDictionary<string, string> Units = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rep"] = "rep", ["reps"] = "rep", ["repetition"] = "rep", ["repetitions"] = "rep", ["set"] = "set", ["sets"] = "set",
        ["times"] = "times", ["second"] = "second", ["seconds"] = "second", ["sec"] = "second", ["secs"] = "second",
        ["minute"] = "minute", ["minutes"] = "minute", ["min"] = "minute", ["mins"] = "minute", ["hour"] = "hour", ["hours"] = "hour",
        ["degree"] = "degree", ["degrees"] = "degree", ["percent"] = "percent", ["week"] = "week", ["weeks"] = "week",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Numbers said in words ("four in ten", "forty or fifty percent"), each with its value.</summary>
    internal static readonly FrozenDictionary<string, int> NumberNames = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["ninety"] = 90, ["hundred"] = 100,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>"Several times", "many reps": more than one, without a number.</summary>
    private static readonly FrozenSet<string> Several = new[] { "several", "multiple", "many", "numerous" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Times of the day a routine can be named by: "morning, noon and night" is three times a day.</summary>
    private static readonly FrozenSet<string> TimesOfDay = new[]
    {
        "morning", "mornings", "noon", "midday", "lunchtime", "afternoon", "afternoons", "evening", "evenings", "night", "nights",
        "bedtime",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The counted amounts of a text: "15 to 20 repetitions", "two or three sets", "once a day", "40-50%", and a count of
    /// times said as two or more times of the day ("morning and night" is twice). One time of day ("in the morning") is
    /// when, not how often, and counts nothing; nor do times joined by "or" (a choice of when).
    /// </summary>
    internal static List<(string Unit, double Low, double High)> Amounts(IReadOnlyList<string> words)
    {
        var amounts = new List<(string, double, double)>();
        var times = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (TimesOfDay.Contains(word))
            {
                times.Add(word.TrimEnd('s'));
            }
        }

        // "in the morning or at night" offers a choice of when, not a count ("morning, noon and night").
        if (times.Count >= 2 && !words.Contains("or"))
        {
            amounts.Add(("times", times.Count, times.Count));
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word is "once" or "twice" or "thrice")
            {
                var n = word == "once" ? 1 : word == "twice" ? 2 : 3;
                amounts.Add(("times", n, n));
                continue;
            }

            // Normalising drops "%": "missing in 10% of people" reads "10 of people".
            if (i + 2 < words.Count && Number(word) is { } share && words[i + 1] == "of" && words[i + 2] is "people" or "persons" or "adults" or "humans" or "us" or "everyone")
            {
                amounts.Add(("percent", share, share));
                continue;
            }

            if (!Units.TryGetValue(word, out var unit) || i == 0)
            {
                continue;
            }

            if (Several.Contains(words[i - 1]))
            {
                amounts.Add((unit, 2, double.MaxValue));
            }
            else if (Span(words[i - 1]) is { } span)
            {
                // "15 to 20 repetitions", "two or three sets", "2-3 sets" (read "2 3 sets"): the lower end further back.
                var low = i >= 3 && words[i - 2] is "to" or "or" && Number(words[i - 3]) is { } from ? from
                    : i >= 2 && Number(words[i - 2]) is { } before && before < span.Low ? before : span.Low;
                amounts.Add((unit, Math.Min(low, span.Low), span.High));
            }
            else if (NumberAfter(words, i) is { } after)
            {
                amounts.Add((unit, after.Low, after.High));
            }
        }

        return amounts;
    }

    /// <summary>
    /// "Do the reps stop at ten?", "sets: 3?": a number a few words after its unit, when none stands before it and the
    /// number is not another unit's ("sets of 20 reps" gives 20 to the reps).
    /// </summary>
    private static (double Low, double High)? NumberAfter(IReadOnlyList<string> words, int unitAt)
    {
        for (var j = unitAt + 1; j <= unitAt + 3 && j < words.Count; j++)
        {
            if (Units.ContainsKey(words[j]))
            {
                return null;
            }

            if (Span(words[j]) is { } span)
            {
                return j + 1 < words.Count && Units.ContainsKey(words[j + 1]) ? null : span;
            }
        }

        return null;
    }

    /// <summary>A share a fact gives ("40%", "40-50%"), read from its own text: normalising drops the sign.</summary>
    private static readonly Regex Share = new(@"(\d{1,3})(?:\s*[-\u2013]\s*(\d{1,3}))?\s*(?:%|percent)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static IEnumerable<(string Unit, double Low, double High)> Shares(string text)
    {
        foreach (Match m in Share.Matches(text))
        {
            var low = double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            yield return ("percent", low, m.Groups[2].Success ? double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : low);
        }
    }

    /// <summary>A number or a range in one word: "3", "three", "40-50".</summary>
    private static (double Low, double High)? Span(string word)
    {
        if (Number(word) is { } n)
        {
            return (n, n);
        }

        var dash = word.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && Number(word[..dash]) is { } low && Number(word[(dash + 1)..]) is { } high && low <= high ? (low, high) : null;
    }

    private static double? Number(string word) =>
        NumberNames.TryGetValue(word, out var named) ? named
        : word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit) ? double.Parse(word, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Words after "most" or "half" that make it a share of people: "most people", "half of us", "the majority of adults".</summary>
    private static readonly FrozenSet<string> PeopleWords = new[]
    {
        "people", "persons", "person", "individuals", "adults", "humans", "us", "everyone", "population", "folks", "ppl", "bodies",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A share of people said in words, as a range of percent: "in most people", "the majority", "more than half of us"
    /// (over 50), "exactly half", "half the population" (50), "less than half", "a minority" (under 50), "rare", "rarely"
    /// (under 15), "four in ten", "two out of five" (40). Null when the claim gives none ("the most powerful", "most of the
    /// time" are no share of people).
    /// </summary>
    public static (double Low, double High)? ShareOfPeople(TokenizedText question)
    {
        var words = question.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1] : "";
            var after = i + 2 < words.Count ? words[i + 2] : "";
            var before = i >= 1 ? words[i - 1] : "";
            switch (words[i])
            {
                case "most" when PeopleWords.Contains(next) || (next == "of" && PeopleWords.Contains(after)):
                case "majority":
                    return (50.5, 100);
                case "minority":
                    return (0, 49.5);
                case "rare" or "rarely" or "uncommon":
                    return (0, 15);
                case "half" when before is "than" && i >= 2:
                    return words[i - 2] == "more" ? (50.5, 100) : (0, 49.5);
                case "half" when PeopleWords.Contains(next) || next is "of" or "the" or "" || before is "exactly" or "about" or "around" or "roughly" or "in":
                    return (50, 50);
            }

            if (OneInSo(words, i) is { } rate)
            {
                return (rate, rate);
            }
        }

        return null;
    }

    /// <summary>
    /// "four in ten", "2 out of 5", "one in two": a count of a number of people as a percentage (40, 40, 50); null when the
    /// words at <paramref name="at"/> are no such count (the second number must be the larger, so "L1 in 2019" is none).
    /// </summary>
    private static double? OneInSo(IReadOnlyList<string> words, int at)
    {
        if (Number(words[at]) is not { } part || at + 2 >= words.Count)
        {
            return null;
        }

        var of = words[at + 1] == "in" ? at + 2 : words[at + 1] == "out" && at + 3 < words.Count && words[at + 2] == "of" ? at + 3 : -1;
        return of > 0 && Number(words[of]) is { } whole && whole > part && whole <= 100 ? Math.Round(100 * part / whole, 1) : null;
    }

    /// <summary>
    /// "Is the psoas minor missing in most people?" over "about 40%" and "40-50%": the share the claim gives in words,
    /// weighed against each share of people the shown facts give: inside (or overlapping) all of them yes, none no,
    /// some the sources differ. Null when the claim or the facts give no share.
    /// </summary>
    public static string? ShareVerdict(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        if (ShareOfPeople(question) is not { } claim)
        {
            return null;
        }

        var given = shown.SelectMany(p => Shares(p.Fact.Text).Concat(Amounts(FactAnswerer.Words(p.Fact.Text)).Where(a => a.Unit == "percent"))).ToList();
        if (given.Count == 0)
        {
            return null;
        }

        var holding = given.Count(g => g.Low <= claim.High && g.High >= claim.Low);
        return holding == given.Count ? "Yes." : holding == 0 ? "No." : "The sources differ.";
    }

    /// <summary>What widens a superlative to everything: "the strongest muscle in the body", "the biggest of all".</summary>
    private static readonly FrozenSet<string> WholeScopeWords = new[] { "body", "bodies", "human", "humans", "all", "ever", "world", "everything", "anatomy" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a fact's own <paramref name="superlative"/> has, right after it, a word of whole scope ("the largest muscle in
    /// the body") or a word of the claim's own <paramref name="scope"/> ("deepest of the hip flexors").
    /// </summary>
    private static bool SaysOfTheWhole(string[] factWords, string superlative, List<string> scope)
    {
        for (var i = 0; i < factWords.Length; i++)
        {
            if (factWords[i] == superlative && factWords.Skip(i + 1).Take(5).Any(w => WholeScopeWords.Contains(w) || scope.Contains(w)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is the iliopsoas the strongest muscle in the body?" over "possibly the strongest hip flexor": a superlative the claim
    /// stretches to the whole body (the word after it is "muscle" or a word of scope) while no shown fact says it of the
    /// whole body: the fact's narrower superlative settles nothing. "The deepest hip flexor in the body" keeps its scope.
    /// </summary>
    public static bool WidensTheSuperlative(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var words = question.Words;
        for (var i = 0; i < words.Count - 1; i++)
        {
            var superlative = words[i] == "most" || (words[i].Length > 5 && words[i].EndsWith("est", StringComparison.Ordinal) && words[i] is not ("interest" or "suggest" or "request" or "harvest" or "forest"));
            if (!superlative)
            {
                continue;
            }

            var at = words[i] == "most" ? i + 2 : i + 1;
            if (at < words.Count && words[at] is "muscle" or "muscles" or "one")
            {
                at++;
            }

            var widened = false;
            for (var j = at; j < words.Count && j <= at + 2; j++)
            {
                widened |= WholeScopeWords.Contains(words[j]);
            }

            if (!widened)
            {
                continue;
            }

            // "The deepest-lying of all the hip flexors", "the strongest of all hip flexors": the words after "all" name the
            // facts' own scope, so nothing is widened; "in the body", "of all muscles" name none.
            var scope = words.Skip(at).Where(w => !WholeScopeWords.Contains(w) && !Vocabulary.StopWords.Contains(w)).ToList();
            if (scope.Exists(w => w is not ("muscle" or "muscles" or "body" or "human" or "world")))
            {
                continue;
            }

            if (!shown.Any(p => SaysOfTheWhole(FactAnswerer.Words(p.Fact.Text), words[i], scope)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Do the strengthening exercises go up to twenty repetitions?", "is seventeen reps in the range?" over "15 to 20
    /// repetitions": every amount the claim gives lies inside every amount in the same unit that the shown facts give,
    /// and the first fact shown (the one that answers) gives that unit: yes. Amounts that only some facts hold say
    /// nothing here (two facts may count different things in seconds); one outside them all is <see cref="ContradictsTheAmount"/>.
    /// </summary>
    public static bool ConfirmsTheAmount(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var claimed = Amounts(question.Words);
        if (claimed.Count == 0 || shown.Count == 0)
        {
            return false;
        }

        var given = shown.SelectMany(p => Amounts(FactAnswerer.Words(p.Fact.Text)).Concat(Shares(p.Fact.Text))).ToList();
        var first = Amounts(FactAnswerer.Words(shown[0].Fact.Text)).Concat(Shares(shown[0].Fact.Text)).ToList();
        foreach (var (unit, low, high) in claimed)
        {
            if (!first.Exists(g => g.Unit == unit) || !given.Where(g => g.Unit == unit).All(g => g.Low <= low && high <= g.High))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "Do the strengthening sets need doing several times a day?" over "... once a day", "five sets?" over "two or three
    /// sets": an amount the claim gives in a unit that the shown facts count too, outside every amount they give in it.
    /// </summary>
    public static bool ContradictsTheAmount(TokenizedText question, IReadOnlyList<FactPassage> shown)
    {
        var claimed = Amounts(question.Words);
        if (claimed.Count == 0)
        {
            return false;
        }

        var given = shown.SelectMany(p => Amounts(FactAnswerer.Words(p.Fact.Text)).Concat(Shares(p.Fact.Text))).ToList();
        foreach (var (unit, low, high) in claimed)
        {
            var same = given.Where(g => g.Unit == unit).ToList();
            if (same.Count > 0 && same.All(g => g.High < low || g.Low > high))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that put a muscle into a class ("a", "counted as", "one of the", "considered", "classed among").</summary>
    private static readonly FrozenSet<string> ClassLinks = new[]
    {
        "a", "an", "the", "one", "of", "as", "among", "count", "counts", "counted", "considered", "classed", "classified",
        "regarded", "technically", "itself", "really", "true", "actually", "part", "member", "counting",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The most class links a fact may put between its "not" and the class it denies ("not technically one of the").</summary>
    private const int MaxLinksAfterNot = 4;

    /// <summary>
    /// "Is the iliopsoas a pelvic floor muscle?", "does the iliopsoas count as one of the pelvic floor muscles?": a claim that
    /// puts the one muscle asked in a class of two words or more, denied outright by a shown fact about that muscle or its
    /// group ("the iliopsoas is not a pelvic floor muscle"): "not", a few class links, then the class's words in order. An
    /// author's view is no denial, and a claim of what the muscle does ("does the psoas minor reach the femur" over "does not
    /// reach") is no class: its words after the name must start with a class link.
    /// </summary>
    public static bool DeniesTheClass(KnowledgeIndex index, TokenizedText question, Analysis analysis, int[] asked, IReadOnlyList<int> chosen)
    {
        if (asked.Length != 1 || analysis.Muscles.Count == 0 || question.WordString(0) is not ("is" or "are" or "does" or "do")
            || analysis.Muscles[0].End >= question.Count || !ClassLinks.Contains(question.WordString(analysis.Muscles[0].End)))
        {
            return false;
        }

        var claim = new List<string>();
        for (var i = analysis.Muscles[0].End; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (word is "or" or "not" or "no")
            {
                break;
            }

            if (!ClassLinks.Contains(word) && !Vocabulary.StopWords.Contains(word))
            {
                claim.Add(index.Facts.Term(word));
            }
        }

        if (claim.Count < 2)
        {
            return false;
        }

        foreach (var c in chosen)
        {
            var passage = index.Facts.Passages[c];
            if (passage.Fact.IsOpinion || passage.Muscle < 0 || !FactAnswerer.Related(index, asked[0], passage.Muscle))
            {
                continue;
            }

            var words = FactAnswerer.Words(passage.Fact.Text);
            for (var k = 0; k < words.Length; k++)
            {
                if (words[k] == "not" && DeniedRightAfter(index, words, k + 1, claim))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the class's words follow at <paramref name="from"/>, past at most <see cref="MaxLinksAfterNot"/> class links.</summary>
    private static bool DeniedRightAfter(KnowledgeIndex index, string[] words, int from, List<string> claim)
    {
        var at = from;
        while (at < words.Length && at - from < MaxLinksAfterNot && ClassLinks.Contains(words[at]))
        {
            at++;
        }

        for (var c = 0; c < claim.Count; c++, at++)
        {
            if (at >= words.Length || index.Facts.Term(words[at]) != claim[c])
            {
                return false;
            }
        }

        return true;
    }
}
