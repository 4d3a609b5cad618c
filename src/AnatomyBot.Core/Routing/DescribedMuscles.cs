using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// A member of the group named by what is said of it rather than by its name: "which muscle is fan-shaped", "the one
/// lots of people simply do not have", "which of the group does NOT reach the thigh bone", "what muscle lies lateral
/// to the psoas". The description is read against each member's own facts (summary and every attribute fact, cut into
/// clauses): a member holds a word when a clause of its facts uses the word's index term (stemmed, folded through the
/// synonyms, typos corrected), fully when the clause speaks of it alone and half when the clause names another muscle
/// ("... more spongy than the cable-like psoas" is the iliacus's fact, but "cable" is the psoas's). Words after a
/// negation in the question ("does not reach", "without reaching") pick the members whose facts deny them ("it does
/// not reach the femur") or do not hold them, while the others do. Members named in the question are landmarks, not
/// answers ("lateral to the psoas"), and the group is the set asked from, never an answer.
/// Not caught (3 Dec 2026): reasoning over a fact ("if the femoral nerve were cut, which would still get its nerve
/// supply": no fact says "still"), a description only a topic fact holds (the topic facts are about the group), and a
/// size or rank the facts never give ("the biggest one").
/// </summary>
internal static class DescribedMuscles
{
    /// <summary>Words that deny what follows them in a question or a fact ("does not reach", "without reaching").</summary>
    private static readonly FrozenSet<string> NegationWords = new[]
    {
        "not", "no", "never", "without", "doesnt", "dont", "didnt", "isnt", "arent", "cant", "cannot", "wont", "neither", "nor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Having, the one function word a denial may be about on its own: "which muscle do lots of people simply not have",
    /// read against "many people do not have one". Kept after a negation in the question and in the facts.
    /// </summary>
    private static readonly FrozenSet<string> HavingWords = new[] { "have", "has", "had", "having" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The term every form of having folds to.</summary>
    private const string HavingTerm = "have";

    /// <summary>What a member earns for a denied word its facts neither hold nor deny: less than a fact that denies it.</summary>
    private const double UnheldShare = 0.6;

    /// <summary>Words of a fact that open a clause about something else ("..., while the psoas major links the spine to the femur").</summary>
    private static readonly FrozenSet<string> ClauseOpeners = new[] { "while", "whereas", "unlike", "than", "but", "and" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that close a denied stretch of a question ("does not reach the femur but ends on the pelvis").</summary>
    private static readonly FrozenSet<string> NegationEnds = new[] { "but", "and", "yet", "instead", "which", "what", "who" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a question that only say what is asked for or from ("which one of the three", "name the muscle"): no description.</summary>
    private static readonly FrozenSet<string> AskingWords = new[]
    {
        "which", "what", "whats", "who", "whose", "wich", "whihc", "wat", "name", "identify", "muscle", "muscles", "one", "ones",
        "group", "groups", "three", "two", "member", "members", "described", "called", "known", "lab", "found", "find",
        "among", "simply", "actually", "really", "exactly", "only", "lots", "many", "several", "part",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The words of the cues that ask for an end ("come off", "attaches", "starts", "inserts"): they say which end a
    /// landmark is at, and every member has both ends, so outside a denial they describe none of them.
    /// </summary>
    private static readonly FrozenSet<string> EndCueWords = Vocabulary.AttributeCues
        .Where(c => c.Attributes.All(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion))
        .SelectMany(c => c.Phrase.Split(' '))
        .Where(w => !Vocabulary.StopWords.Contains(w))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The least share of the description's weight the chosen member must hold.</summary>
    private const double MinScore = 0.55;

    /// <summary>How far below the best a member may score and still be chosen with it; the rest must be further below.</summary>
    private const double Margin = 0.2;

    private static readonly ConditionalWeakTable<KnowledgeIndex, Profile[]> Profiles = new();

    /// <summary>
    /// What a member's facts hold: the index terms of clauses of its own, those of clauses naming another muscle (with
    /// that muscle's name words), and the terms they deny; and the words of its own name.
    /// </summary>
    private sealed record Profile(int Muscle, HashSet<string> Own, Dictionary<string, HashSet<string>> WithOthers, HashSet<string> Denied, HashSet<string> Name)
    {
        /// <summary>1 for a term of its own clauses or of a clause naming a muscle the question names too, 0.5 for another muscle's clause, else 0.</summary>
        public double Holds(string term, HashSet<string> asked) =>
            Own.Contains(term) ? 1
            : WithOthers.TryGetValue(term, out var others) ? (others.Overlaps(asked) ? 1 : OtherClauseShare)
            : 0;
    }

    /// <summary>What a word earns a member when the only clause of its facts holding it names another muscle.</summary>
    private const double OtherClauseShare = 0.5;

    /// <summary>The members a description picks, the facts of theirs that hold it best, and how sure the pick is.</summary>
    public sealed record Described(List<int> Muscles, List<int> Passages, double Confidence);

    /// <summary>
    /// Shapes that ask for a member besides "which muscle" and "which of ...": "among the iliopsoas muscles, who owns the
    /// transverse processes" (a who-question naming the group or "muscles" and no member), and
    /// "which hip flexor of this group", "what part in the group" (a which-word, up to three words, then "of" or "in" and
    /// the set: the group, "them", "the three", or a muscle word such as "iliopsoas").
    /// </summary>
    public static bool AsksForAMember(TokenizedText text, KnowledgeIndex index)
    {
        // "Among the iliopsoas muscles, who owns the transverse processes?": a who-question speaks of our muscles ("who
        // painted the mona lisa" does not) and names no member ("who first described the iliacus" asks for a person).
        var who = false;
        var ours = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            who |= word is "who" or "whose";
            if (word is "muscle" or "muscles")
            {
                ours = true;
            }
            else if (index.IsMuscleWord(word))
            {
                if (!index.GroupNames.Contains(word))
                {
                    break;
                }

                ours = true;
            }
        }

        return (who && ours) || AsksFromTheSet(text, index);
    }

    /// <summary>
    /// "which hip flexor of this group", "which muscle in the group", "which muscle of the iliopsoas", "among the
    /// iliopsoas muscles": a which-word, up to three words, then "of" or "in" and the set (the group, "them", "the
    /// three", or a muscle word), or "among".
    /// </summary>
    public static bool AsksFromTheSet(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count > 2 && text.WordString(0) == "among")
        {
            return true;
        }

        for (var i = 0; i < text.Count - 2; i++)
        {
            if (text.WordString(i) is not ("which" or "wich" or "whihc" or "what"))
            {
                continue;
            }

            for (var j = i + 2; j < Math.Min(i + 5, text.Count - 1); j++)
            {
                if (text.WordString(j) is not ("of" or "in"))
                {
                    continue;
                }

                var set = j + 1;
                if (text.WordString(set) is "the" or "this" or "these" or "those" && set + 1 < text.Count)
                {
                    set++;
                }

                var word = text.WordString(set);
                if (word is "group" or "them" or "three" or "trio" || index.IsMuscleWord(word))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words before a muscle's name that make it a landmark of the description ("lateral to the psoas", "besides the iliacus").</summary>
    private static readonly FrozenSet<string> LandmarkPrepositions = new[]
    {
        "to", "of", "than", "from", "with", "behind", "beside", "besides", "near", "by", "on", "in", "into", "onto", "under",
        "over", "above", "below", "around", "between", "like", "as", "and", "or", "except", "without",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "which muscle is shaped like a fan, the iliacus?", "..., the psoas?": a muscle named last with no preposition before
    /// it is the answer offered for confirmation, not a landmark of the description.
    /// </summary>
    public static bool OffersAnAnswer(TokenizedText text, Analysis analysis)
    {
        foreach (var mention in analysis.Muscles)
        {
            if (mention.Start + mention.Count != text.Count)
            {
                continue;
            }

            var before = mention.Start - 1;
            if (before >= 0 && text.WordString(before) is "the" or "a")
            {
                before--;
            }

            return before < 0 || !LandmarkPrepositions.Contains(text.WordString(before));
        }

        return false;
    }

    /// <summary>Whether the question denies something of the muscle it asks for ("which does NOT reach the femur").</summary>
    public static bool Denies(TokenizedText text, Analysis analysis) => DeniedStart(text, analysis) >= 0;

    /// <summary>
    /// The members whose facts hold the question's description (see the class summary), with the facts of each that hold
    /// it best; null when the description names nothing, holds for every candidate alike, or for none well enough.
    /// </summary>
    /// <remarks>
    /// <paramref name="plainWordsOnly"/>: every word of the description must be one the facts use as written, none
    /// corrected or unknown (for a question that also names another region: "joining the upper body to the lower
    /// body" is ours, "what muscles form the rotator cuff" is not).
    /// </remarks>
    public static Described? Find(KnowledgeIndex index, TokenizedText text, Analysis analysis, bool plainWordsOnly = false) =>
        Find(index, text, analysis, 0, text.Count, plainWordsOnly);

    /// <summary>
    /// The question with "the ... one" (<see cref="OneDescribed"/>) replaced by the member's name ("and the fan shaped one,
    /// where does it insert" becomes "and the iliacus where does it insert"); null when it has no such phrase.
    /// </summary>
    /// <remarks>
    /// After a topic whose facts never name the member, a description its facts use names one of its items, not a member
    /// ("and the shortening one?" after the mobility drills): null then. After the palpation topic, which names the
    /// iliacus, "the fan-shaped one" is still the iliacus.
    /// </remarks>
    public static TokenizedText? Named(KnowledgeIndex index, TokenizedText text, Analysis analysis, string? contextTopic)
    {
        if (OneDescribed(index, text, analysis) is not var (muscle, start, end))
        {
            return null;
        }

        var words = text.Words;
        var topic = contextTopic is null ? -1 : Array.FindIndex(index.Topics, t => t.Id == contextTopic);
        if (topic >= 0 && !index.Facts.OfTopic(topic).Any(p => index.MusclesNamedIn(p).Contains(muscle)))
        {
            foreach (var passage in index.Facts.OfTopic(topic))
            {
                var terms = index.Facts.FactTerms(passage);
                for (var i = start; i < end; i++)
                {
                    if (!Vocabulary.StopWords.Contains(words[i]) && terms.Contains(index.Facts.Term(words[i])))
                    {
                        return null;
                    }
                }
            }
        }

        var the = start;
        while (the > 0 && words[the] != "the")
        {
            the--;
        }

        if (end < words.Count && words[end] is "one" or "ones")
        {
            end++;
        }

        var name = TextNormalizer.Normalize(index.Muscles[muscle].Name, 200);
        return new TokenizedText(string.Join(' ', words.Take(the).Append("the").Append(name).Concat(words.Skip(end))))
        {
            EndsWithQuestionMark = text.EndsWithQuestionMark,
        };
    }

    /// <summary>"..., which is it?", "which one is it", "what is it": the question asks which member the description is, as a which-muscle question does.</summary>
    public static bool EndsAskingWhich(TokenizedText text) =>
        text.Count > 3 && text.WordString(text.Count - 1) == "it" && text.WordString(text.Count - 2) == "is"
        && (text.WordString(text.Count - 3) is "which" or "what" || (text.WordString(text.Count - 3) == "one" && text.WordString(text.Count - 4) == "which"));

    /// <summary>
    /// "and the fan-shaped one, where does it insert?", "the one that's missing in some people, what does it do?": a
    /// member named by "the ... one" or "the one that/which/with/without ...", its description read as in
    /// <see cref="Find"/> (up to the next question word or attribute cue); null when the question names a muscle, has no
    /// such phrase, or the phrase says only a position ("the other one", "the first one": what was shown decides those).
    /// Start and End are the description's words, so the caller can read what is asked of the member without them.
    /// "what's the one exercise that helps most?" asks for a thing, not a member (the review, 3 Dec 2026).
    /// </summary>
    private static (int Muscle, int Start, int End)? OneDescribed(KnowledgeIndex index, TokenizedText text, Analysis analysis)
    {
        if (analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0)
        {
            return null;
        }

        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordString(i) is not ("one" or "ones"))
            {
                continue;
            }

            int start, end;
            if (text.WordString(i - 1) == "the" && i + 1 < text.Count && !QuestionWords.Contains(text.WordString(i + 1)))
            {
                if (i >= 2 && (text.WordString(i - 2) == "whats" || (i >= 3 && text.WordString(i - 2) == "is" && text.WordString(i - 3) == "what")))
                {
                    continue;
                }

                // "the one (that's) missing in some people, what does it do": up to the next question word.
                start = i + 1;
                end = start + 1;
                while (end < text.Count && !QuestionWords.Contains(text.WordString(end)))
                {
                    end++;
                }
            }
            else
            {
                // "the fan shaped one": back to "the", at most four words.
                var the = i - 1;
                while (the >= 0 && the >= i - 5 && text.WordString(the) != "the")
                {
                    the--;
                }

                if (the < 0 || the < i - 5 || the == i - 1)
                {
                    continue;
                }

                (start, end) = (the + 1, i);
            }

            var position = false;
            for (var j = start; j < end; j++)
            {
                position |= PositionWords.Contains(text.WordString(j));
            }

            if (!position && Find(index, text, analysis, start, end) is { Muscles.Count: 1 } found)
            {
                return (found.Muscles[0], start, end);
            }
        }

        return null;
    }

    /// <summary>Words that pick one of several by where it stood, not by what it is ("the other one", "the last one").</summary>
    private static readonly FrozenSet<string> PositionWords = new[]
    {
        "other", "first", "second", "third", "last", "same", "next", "previous", "former", "latter", "this", "earlier",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that open the question after a described member ("the one with the fan shape, where does it insert").</summary>
    private static readonly FrozenSet<string> QuestionWords = new[] { "what", "whats", "where", "wheres", "how", "hows", "which", "when", "why" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static Described? Find(KnowledgeIndex index, TokenizedText text, Analysis analysis, int from, int to, bool plainWordsOnly = false)
    {
        var denied = DeniedStart(text, analysis);
        if (denied >= to || denied < from)
        {
            denied = -1;
        }

        var plain = new List<string>(text.Count);
        var negated = new List<string>();
        var deniedEnd = denied < 0 ? -1 : Math.Min(to, DeniedEnd(text, denied));
        for (var i = from; i < to; i++)
        {
            var word = text.WordString(i);
            if (analysis.NamesMuscle(i) || index.IsMuscleWord(word) || AskingWords.Contains(word) || NegationWords.Contains(word)
                || Vocabulary.StopWords.Contains(word) || LandmarkQuestions.LeavesOut(word) || word.Length < 2)
            {
                continue;
            }

            if (i > denied && i < deniedEnd)
            {
                negated.Add(word);
            }
            else if (!EndCueWords.Contains(word))
            {
                plain.Add(word);
            }
        }

        var plainTerms = index.Facts.QueryTerms(plain);
        var negatedTerms = index.Facts.QueryTerms(negated);
        if (denied >= 0 && denied + 1 < text.Count && HavingWords.Contains(text.WordString(denied + 1)))
        {
            // No fact indexes a function word: having weighs as much as the rarest word would.
            negatedTerms.Add(new QueryTerm(text.WordString(denied + 1), HavingTerm, index.Facts.MaxIdf, false));
        }
        if ((!plainTerms.Exists(t => t.Term is not null) && !negatedTerms.Exists(t => t.Term is not null))
            || (plainWordsOnly && (plainTerms.Exists(t => t.Term is null || t.Corrected) || negatedTerms.Exists(t => t.Term is null || t.Corrected))))
        {
            return null;
        }

        // The muscles the question names are landmarks of the description ("lateral to the psoas"), so a member any of
        // whose name words the question uses is no answer; the group's own name only names the set asked from.
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in analysis.MuscleWordPositions)
        {
            asked.Add(text.WordString(i));
        }

        // Every muscle word, named or not: "shaped like a fan, the iliacus?" may be read as a choice, not a mention.
        var muscleWords = new HashSet<string>(asked, StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            if (index.IsMuscleWord(text.WordString(i)))
            {
                muscleWords.Add(text.WordString(i));
            }
        }

        var profiles = ProfilesOf(index);
        var scores = new List<(int Muscle, double Score)>(profiles.Length);
        var namedBest = 0.0;
        foreach (var profile in profiles)
        {
            if (profile.Name.IsSubsetOf(muscleWords))
            {
                namedBest = Math.Max(namedBest, Score(profile, plainTerms, negatedTerms, asked));
            }
            else if (!profile.Name.Overlaps(asked))
            {
                scores.Add((profile.Muscle, Score(profile, plainTerms, negatedTerms, asked)));
            }
            else
            {
                namedBest = Math.Max(namedBest, Score(profile, plainTerms, negatedTerms, asked));
            }
        }

        if (scores.Count == 0)
        {
            return null;
        }

        scores.Sort((a, b) => b.Score.CompareTo(a.Score));
        var best = scores[0].Score;
        var chosen = scores.Where(s => s.Score >= best - Margin).Select(s => s.Muscle).ToList();
        // Every candidate alike tells none apart, unless the named ones left a single member to describe.
        // "which muscle is shaped like a fan, the iliacus?": a member named by its own name that the description fits at
        // least as well is the one asked about, to be confirmed, not a landmark to look past.
        if (best < MinScore || (chosen.Count == scores.Count && scores.Count > 1) || namedBest >= best)
        {
            return null;
        }

        var all = new List<QueryTerm>(plainTerms.Count + negatedTerms.Count);
        all.AddRange(plainTerms.Where(t => t.Term is not null));
        all.AddRange(negatedTerms.Where(t => t.Term is not null));
        var passages = new List<int>();
        foreach (var muscle in chosen)
        {
            // One fact each, never a clinical note (a pain fact would bring the disclaimer to a question of anatomy).
            var hits = index.Facts.Search(all, p => p.Kind == PassageKind.MuscleFact && p.Muscle == muscle && p.Attribute != MuscleAttribute.Clinical, limit: 1);
            passages.AddRange(hits.Select(h => h.Passage));
        }

        return passages.Count == 0 ? null : new Described(chosen, passages, best);
    }

    /// <summary>The share of the description a member's facts hold: plain words held, denied words denied or not held.</summary>
    /// <remarks>
    /// The two parts multiply: a member that holds every plain word but what the question denies as well ("runs from the
    /// spine ... without reaching the leg bone": the psoas major runs from the spine and reaches the thigh bone) is no answer.
    /// </remarks>
    private static double Score(Profile profile, List<QueryTerm> plain, List<QueryTerm> negated, HashSet<string> asked)
    {
        double got = 0, total = 0;
        foreach (var term in plain)
        {
            var weight = term.Idf * term.Share;
            total += weight;
            // A word no fact uses ("cuff" of "rotator cuff") holds for no member: it counts against all of them.
            got += term.Term is null ? 0 : weight * profile.Holds(term.Term, asked);
        }

        double denied = 0, deniedTotal = 0;
        foreach (var term in negated)
        {
            var weight = term.Idf * term.Share;
            deniedTotal += weight;
            denied += term.Term is null ? 0 : weight * (profile.Denied.Contains(term.Term) ? 1 : (1 - profile.Holds(term.Term, asked)) * UnheldShare);
        }

        var plainShare = total <= 0 ? 1 : got / total;
        var deniedShare = deniedTotal <= 0 ? 1 : denied / deniedTotal;
        return total <= 0 && deniedTotal <= 0 ? 0 : plainShare * deniedShare;
    }

    /// <summary>
    /// Where a denial opens in the question ("does NOT reach", "without reaching"), outside a muscle's name; -1 when none
    /// does or nothing but function words follows it ("do lots of people simply not have?" denies no property).
    /// </summary>
    private static int DeniedStart(TokenizedText text, Analysis analysis)
    {
        for (var i = 0; i < text.Count - 1; i++)
        {
            if (!NegationWords.Contains(text.WordString(i)) || analysis.NamesMuscle(i))
            {
                continue;
            }

            if (HavingWords.Contains(text.WordString(i + 1)))
            {
                return i;
            }

            var end = DeniedEnd(text, i);
            for (var j = i + 1; j < end; j++)
            {
                var word = text.WordString(j);
                if (!Vocabulary.StopWords.Contains(word) && !AskingWords.Contains(word) && !analysis.NamesMuscle(j))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static int DeniedEnd(TokenizedText text, int start)
    {
        var end = start + 1;
        while (end < text.Count && !NegationEnds.Contains(text.WordString(end)))
        {
            end++;
        }

        return end;
    }

    private static Profile[] ProfilesOf(KnowledgeIndex index) => Profiles.GetValue(index, Build);

    /// <summary>Each member's profile, built once per knowledge snapshot.</summary>
    private static Profile[] Build(KnowledgeIndex index)
    {
        var profiles = new List<Profile>();
        for (var m = 0; m < index.Muscles.Length; m++)
        {
            var muscle = index.Muscles[m];
            if (muscle.IsGroup)
            {
                continue;
            }

            var own = TextNormalizer.Normalize(muscle.Name, 200).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var profile = new Profile(m, new HashSet<string>(StringComparer.Ordinal), new Dictionary<string, HashSet<string>>(StringComparer.Ordinal),
                new HashSet<string>(StringComparer.Ordinal), own);
            Read(index, muscle.Summary, own, profile);
            foreach (var facts in muscle.Attributes.Values)
            {
                foreach (var fact in facts)
                {
                    Read(index, fact.Text, own, profile);
                }
            }

            profiles.Add(profile);
        }

        return [.. profiles];
    }

    /// <summary>Cuts a fact into clauses (at punctuation and at "while", "unlike", "than"...) and records what each holds or denies.</summary>
    private static void Read(KnowledgeIndex index, string fact, HashSet<string> own, Profile profile)
    {
        foreach (var piece in fact.Split(ClauseMarks, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = TextNormalizer.Normalize(piece, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var start = 0;
            for (var i = 1; i <= words.Length; i++)
            {
                if (i == words.Length || ClauseOpeners.Contains(words[i]))
                {
                    ReadClause(index, words.AsSpan(start, i - start), own, profile);
                    start = i;
                }
            }
        }
    }

    private static readonly char[] ClauseMarks = ['.', ',', ';', ':', '!', '?'];

    private static void ReadClause(KnowledgeIndex index, ReadOnlySpan<string> words, HashSet<string> own, Profile profile)
    {
        HashSet<string>? others = null;
        foreach (var word in words)
        {
            if (index.IsMuscleWord(word) && !own.Contains(word))
            {
                (others ??= new HashSet<string>(StringComparer.Ordinal)).Add(word);
            }
        }

        var denying = false;
        foreach (var word in words)
        {
            if (NegationWords.Contains(word))
            {
                denying = true;
                continue;
            }

            if (denying && HavingWords.Contains(word))
            {
                profile.Denied.Add(HavingTerm);
                continue;
            }

            if (Vocabulary.StopWords.Contains(word) || word.Length < 2 || index.IsMuscleWord(word))
            {
                continue;
            }

            var term = index.Facts.Term(word);
            if (denying)
            {
                profile.Denied.Add(term);
            }
            else if (others is null)
            {
                profile.Own.Add(term);
            }
            else if (profile.WithOthers.TryGetValue(term, out var known))
            {
                known.UnionWith(others);
            }
            else
            {
                profile.WithOthers[term] = [.. others];
            }
        }
    }
}
