using System.Collections.Frozen;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>Query-time access to sentence embeddings: the question's vector and the passages' vectors, when loaded.</summary>
internal sealed record SemanticLookup(Func<string, float[]?> EmbedQuestion, float[][] Passages);

/// <summary>Thresholds of the fact retrieval, in one place, each with why.</summary>
internal static class RetrievalThresholds
{
    /// <summary>Fused score at or above which the best fact is the answer.</summary>
    public const double Accept = 0.42;

    /// <summary>
    /// Fused score an answer needs when the lexical ranking alone stays below <see cref="Accept"/>: measured on the
    /// held-out suite (30 Nov 2026), semantic-only answers to questions the sources do not cover fused at 0.42-0.46,
    /// right ones at 0.54-0.71.
    /// </summary>
    public const double SemanticOnlyAccept = 0.5;

    /// <summary>Between this and <see cref="Accept"/>: did-you-mean with the best headings.</summary>
    public const double Grey = 0.24;

    /// <summary>
    /// Lexical score below which a question holding words no fact uses is "not covered" (the model is not asked whether
    /// the facts cover a question: it finds a near fact for any question).
    /// </summary>
    public const double LexicalSettled = 0.62;

    /// <summary>Facts of the chosen heading scoring at least this share of the best are shown with it.</summary>
    public const double Companion = 0.75;

    /// <summary>A second heading is shown when its best fact scores at least this share of the first.</summary>
    public const double SecondHeading = 0.85;

    /// <summary>Bonus from the topic analyser's score (title, keyword and example-question matches).</summary>
    public const double TopicPrior = 0.3;

    /// <summary>Bonus for a fact of the muscle the question names; a fact of another muscle loses it.</summary>
    public const double MuscleBonus = 0.18;

    /// <summary>Bonus for a fact of the attribute the question asks for.</summary>
    public const double AttributeBonus = 0.15;

    /// <summary>Bonus for the subject of the previous question when this one names none of its own.</summary>
    public const double ContextBonus = 0.45;

    /// <summary>Share of the fused score taken by the semantic similarity when the model is consulted.</summary>
    public const double SemanticShare = 0.5;

    /// <summary>Cosine similarity mapped to 0 (unrelated sentences of MiniLM sit around 0.1-0.2).</summary>
    public const double CosineFloor = 0.15;

    /// <summary>Bonus for a fact holding a number when the question asks for one ("how often", "how many sets").</summary>
    public const double NumberBonus = 0.08;

    public const int MaxFacts = 4;

    /// <summary>How far down the ranking a fact answering a missed part of the question is looked for.</summary>
    public const int CoverLook = 8;

    /// <summary>Share of the best score a fact answering a missed part must reach.</summary>
    public const double CoverShare = 0.5;

    /// <summary>
    /// Least idf of a missed word that counts as a part asked ("breathing" 3.9, "hurt" 3.6 on the shipped knowledge;
    /// everyday words the facts also use, "back" 1.6 or "body" 1.9, do not).
    /// </summary>
    public const double CoverIdf = 3.0;

    /// <summary>Share of the question a fact's own words must explain to lead its heading over a fact that matched only the heading's words.</summary>
    public const double LeadingOwnFloor = 0.1;
}

/// <summary>
/// Answers free text from the fact index: ranks every fact (lexical, fused with semantic similarity when the
/// lexical ranking is not settled), then shows the one to four best facts under their headings.
/// </summary>
internal static partial class FactAnswerer
{
    private static readonly FrozenSet<string> YesNoStarts = new[]
    {
        "is", "are", "does", "do", "can", "could", "should", "will", "has", "have", "did", "was", "were", "isnt",
        "doesnt", "cant", "shouldnt", "would", "must", "am",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A spinal level is a number (declared before <see cref="NumberCues"/>, which holds them) ("down to which lumbar vertebra": L5; "the lowest vertebra it comes from").</summary>
    private static readonly string[] LevelCues =
    [
        "which vertebra", "what vertebra", "which lumbar", "what lumbar", "which thoracic", "what thoracic", "which level",
        "what level", "which segment", "what segment", "lowest vertebra", "highest vertebra", "last vertebra",
        "first vertebra", "lowest lumbar", "highest lumbar", "last lumbar", "lowest level", "highest level", "top vertebra",
        "bottom vertebra", "lowest spinal", "highest spinal",
    ];

    private static readonly string[] NumberCues =
    [
        "how many", "how long", "how often", "how much", "how far", "how deep", "what angle", "which angle",
        "what degree", "percent", "percentage", "fraction", "how frequently", "sets", "reps", "repetitions", "seconds",
        "minutes", "days", "times a", "what age", "angle", "degrees", "proportion", "share of", "number of",
        // How often something is found is a share ("how common is it to be missing": 40 % or 50 %).
        "how common", "how rare", "how frequent", "how likely", "how many people",
        .. LevelCues,
    ];

    /// <summary>Whether the question asks for a spinal level: the fact that gives a range of levels ("T12-L5") answers it first.</summary>
    private static bool AsksLevel(TokenizedText text) => LevelCues.Any(c => text.Text.Contains(c, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="fact"/> gives the range of spinal levels a "which vertebra" question asks for.</summary>
    public static bool GivesAskedLevel(TokenizedText text, string fact) => AsksNumber(text) && AsksLevel(text) && LevelRange.IsMatch(fact);

    /// <summary>A range of spinal levels ("L1-L5", "T12 to L4"): from where to where, the highest and the lowest at once.</summary>
    private static readonly System.Text.RegularExpressions.Regex LevelRange = new(
        @"\b[TL]\d{1,2}\s*(?:-|\u2013|to)\s*[TL]?\d{1,2}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly FrozenSet<string> Negations = new[]
    {
        "not", "no", "never", "cannot", "cant", "doesnt", "isnt", "arent", "without", "lack", "lacks", "absent",
        "missing", "neither", "nor", "none", "unlikely", "myth", "doubt", "doubts", "debate", "debated", "unproven",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> CauseWords =
        new[] { "cause", "causes", "causing", "caused", "blame", "culprit", "responsible" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that say a part is not there ("lack", "absent", "without one").</summary>
    private static readonly FrozenSet<string> AbsenceWords = new[]
    {
        "without", "lack", "lacks", "lacking", "absent", "absence", "missing",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Everyone = new[] { "everyone", "everybody", "all", "always", "every" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FollowUpLeads = new[] { "and", "also", "same", "what", "how", "ditto", "now", "repeat", "do" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What follows "same" in a request to ask the last question again ("same q for iliacus", "same goes for the minor").</summary>
    private static readonly FrozenSet<string> SameFollowers = new[]
    {
        "for", "with", "question", "questions", "q", "qn", "qs", "ques", "thing", "again", "but", "goes", "here", "deal",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does ...?", "Is ...?", or a statement asked with a question mark ("the lumbar plexus, it pass through the
    /// psoas?", "psoas minor is missing in some people?"): no question word, and a verb or pronoun that makes a claim.
    /// </summary>
    public static bool IsYesNo(TokenizedText text)
    {
        if (text.Count <= 1)
        {
            return false;
        }

        if (text.Tagged)
        {
            return true;
        }

        if (AsksTheBotToTell(text))
        {
            return false;
        }

        if (YesNoStarts.Contains(text.WordString(0)))
        {
            return true;
        }

        if (!text.EndsWithQuestionMark)
        {
            return false;
        }

        // "According to the clinic, should strengthening come first?": a source named before the question's own verb.
        if (VerbAfterASource(text) >= 0 && !text.Words.Any(QuestionWords.Contains))
        {
            return true;
        }

        // "Only from the lumbar ones?", "just L1?": a follow-up narrowing the last answer asks whether that is all.
        if (ExclusiveOpeners.Contains(text.WordString(0)))
        {
            return !text.Words.Any(QuestionWords.Contains);
        }

        if (text.Count < 4)
        {
            return false;
        }

        var claims = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // "So the iliopsoas is what straightens the hip?": after a linking verb, "what" starts the claim's own
            // clause ("is what does it"), not a question about it.
            if (QuestionWords.Contains(word) && !(word == "what" && i > 1 && text.WordString(i - 1) is "is" or "are"))
            {
                return false;
            }

            // "so it's a hip flexor then?": the joined "it's", "that's" before an article is "it is", never the possessive.
            claims |= i > 0 && (ClaimWords.Contains(word)
                || (word is "its" or "thats" && i + 1 < text.Count && text.WordString(i + 1) is "a" or "an" or "the"));
        }

        return claims;
    }

    /// <summary>
    /// Where the yes/no verb stands after a source named first ("according to the clinic, should ...", "according to my
    /// textbook is it ..."): within the first eight words; -1 when the message does not open with "according to".
    /// </summary>
    public static int VerbAfterASource(TokenizedText text)
    {
        if (text.Count < 5 || text.WordString(0) != "according" || text.WordString(1) != "to")
        {
            return -1;
        }

        for (var i = 3; i < text.Count - 1 && i <= 7; i++)
        {
            if (YesNoStarts.Contains(text.WordString(i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static readonly FrozenSet<string> ExclusiveOpeners = new[] { "only", "just", "solely", "exclusively", "purely" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A verb that opens a yes/no question ("is", "does", "can").</summary>
    public static bool IsYesNoStart(string word) => YesNoStarts.Contains(word);

    /// <summary>A modal that opens a request to the bot ("can you", "could u", "would you please").</summary>
    private static readonly FrozenSet<string> RequestModals = new[] { "can", "could", "would", "will" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words passed over between the modal and "you" or between "you" and the verb ("could you please").</summary>
    private static readonly FrozenSet<string> RequestFillers = new[] { "please", "pls", "plz", "kindly", "just", "quickly", "briefly" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs a student asks the bot to do for them: a request for an account, not a claim to settle.</summary>
    private static readonly FrozenSet<string> TellingVerbs = new[]
    {
        "tell", "give", "explain", "list", "describe", "show", "name", "help", "summarise", "summarize", "remind", "enumerate",
        "outline", "define", "clarify", "walk", "break", "recap", "go", "run",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "can you tell me all the works the psoas does", "could u pls explain the psoas paradox": a modal and "you" before a
    /// telling verb ask the bot for an account, not whether something is so, so no "Yes."/"No." opens the reply. "can you
    /// feel the psoas", "can you stretch the iliacus" keep their verdicts: feeling and stretching are no telling verbs;
    /// "can you tell me if/whether ..." asks a yes/no question through the request and keeps its verdict too.
    /// </summary>
    public static bool AsksTheBotToTell(TokenizedText text)
    {
        if (text.Count < 3 || !RequestModals.Contains(text.WordString(0)))
        {
            return false;
        }

        var i = 1;
        while (i < text.Count && RequestFillers.Contains(text.WordString(i)))
        {
            i++;
        }

        if (i >= text.Count || text.WordString(i) is not ("you" or "u" or "ya"))
        {
            return false;
        }

        i++;
        while (i < text.Count && RequestFillers.Contains(text.WordString(i)))
        {
            i++;
        }

        if (i >= text.Count || !TellingVerbs.Contains(text.WordString(i)))
        {
            return false;
        }

        // "can you tell me if it inserts on the lesser trochanter?", "could you tell us whether ...": still a yes/no, as
        // is "would you describe the iliacus as fan-shaped?" (a claim put to the bot).
        if (text.Words.Contains("as"))
        {
            return false;
        }

        i++;
        if (i < text.Count && text.WordString(i) is "me" or "us")
        {
            i++;
        }

        return i >= text.Count || text.WordString(i) is not ("if" or "whether");
    }

    /// <summary>What, which, where, when, why, who, how (and "or", which makes a choice of a statement).</summary>
    public static bool IsQuestionWord(string word) => QuestionWords.Contains(word);

    /// <summary>
    /// What, which, where, when, why, who, how and their run-together forms ("whats", "hows"): a word that opens a
    /// question of its own. Unlike <see cref="IsQuestionWord"/>, "or" is no such word.
    /// </summary>
    public static bool OpensQuestion(string word) => word != "or" && QuestionWords.Contains(word);

    private static readonly FrozenSet<string> QuestionWords = new[]
    {
        "what", "whats", "which", "where", "wheres", "when", "why", "who", "whom", "whose", "how", "hows", "or",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that make a statement of a question without a question word: a pronoun subject or a linking verb.</summary>
    private static readonly FrozenSet<string> ClaimWords = new[]
    {
        "it", "they", "is", "are", "has", "have", "can", "does", "do", "will", "was", "were",
        // "The psoas minor exist in all the persons?", "psoas minor present in all humans?", "psoas minor arises from
        // L4?", "so the psoas minor tilts the pelvis backward?": a verb of the claim makes a statement of it.
        "exist", "exists", "present", "arises", "arise", "inserts", "attaches", "originates", "starts", "begins", "comes",
        "ends", "reaches", "runs", "passes", "crosses", "flexes", "tilts", "rotates", "extends", "lies", "joins", "merges",
        "connects", "links",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool AsksNumber(TokenizedText text) =>
        text.AsksNumber ??= NumberCues.Any(c => text.Text.Contains(c, StringComparison.Ordinal));

    /// <summary>"and the iliacus?", "what about its nerve supply", "how about the psoas minor", "same for the iliacus".</summary>
    public static bool IsFollowUp(TokenizedText text)
    {
        if (text.Count == 0)
        {
            return false;
        }

        if (IsCorrection(text))
        {
            return true;
        }

        // Thanks, laughter and fillers in front ("lol thanks what about the iliacus", "ok cool and its nerve?") open nothing.
        var at = 0;
        while (at + 1 < text.Count && !FollowUpLeads.Contains(text.WordString(at)) && IsCourtesy(text.WordString(at)))
        {
            at++;
        }

        if (!FollowUpLeads.Contains(text.WordString(at)))
        {
            return false;
        }

        var first = text.WordString(at);
        var count = text.Count - at;
        string Next(int k) => text.WordString(at + k);
        return first is "and" or "also"
            || (count > 1 && first is "what" or "how" && Next(1) == "about")
            || (count > 1 && first == "same" && SameFollowers.Contains(Next(1)))
            // "ditto for the iliacus", "now the minor", "now for psoas major", "repeat for the iliacus", "do the same for it".
            || (count > 1 && first is "ditto" or "repeat" && Next(1) is "for" or "that" or "with" or "the" or "it")
            || (count > 1 && first == "now" && Next(1) is "for" or "the" or "with")
            || (count > 2 && first == "do" && Next(1) == "the" && Next(2) == "same");
    }

    private static bool IsCourtesy(string word) =>
        Vocabulary.ThanksWords.Contains(word) || Vocabulary.GreetingWords.Contains(word) || Vocabulary.Filler.Contains(word);

    /// <summary>Words that open a correction of the last question's subject ("no, I meant the minor", "sorry, the iliacus").</summary>
    private static readonly FrozenSet<string> CorrectionLeads = new[] { "no", "nope", "nah", "sorry", "oops", "actually", "wait", "oh", "ah" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "no, I meant the minor", "I meant psoas minor specifically", "nope, the iliacus", "sorry i mean the major": the
    /// student corrects which muscle the last question was about, so it is asked again of that one. A message that asks
    /// a question of its own ("I mean, what does the iliacus do?") is no correction.
    /// </summary>
    public static bool IsCorrection(TokenizedText text)
    {
        var i = 0;
        var corrects = false;
        while (i < text.Count && CorrectionLeads.Contains(text.WordString(i)))
        {
            (i, corrects) = (i + 1, true);
        }

        if (i < text.Count && text.WordString(i) == "i")
        {
            i++;
        }

        if (i < text.Count && text.WordString(i) is "meant" or "mean")
        {
            (i, corrects) = (i + 1, true);
        }
        else if (i == 0 || i >= text.Count || text.WordString(i) != "the" || !text.WordString(0).StartsWith('n') && text.WordString(0) is not ("sorry" or "oops")
            || text.Count - i > 4)
        {
            // "nope, the iliacus", "sorry, the psoas major": a refusal or apology and a short name; "ah the iliacus hurts
            // too" and "oh the iliacus is stronger" are statements.
            return false;
        }

        if (!corrects || text.Count - i > 5)
        {
            return false;
        }

        for (var k = i; k < text.Count; k++)
        {
            if (OpensQuestion(text.WordString(k)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Words a correction adds around the muscle it names ("I meant the minor specifically", "the iliacus instead").</summary>
    private static readonly FrozenSet<string> CorrectionAsides = new[] { "specifically", "instead", "rather", "exactly", "precisely", "then", "please", "pls", "plz", "sorry", "lol" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A correction (<see cref="IsCorrection"/>) without its asides, so only the muscle it names is read; null when there are none.</summary>
    public static TokenizedText? WithoutCorrectionAsides(TokenizedText text)
    {
        if (!IsCorrection(text) || !text.Words.Any(CorrectionAsides.Contains))
        {
            return null;
        }

        return new TokenizedText(string.Join(' ', text.Words.Where(w => !CorrectionAsides.Contains(w)))) { EndsWithQuestionMark = text.EndsWithQuestionMark };
    }

    public static bool HasPronoun(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) is "it" or "its" or "itself" or "this" or "that" or "they" or "them" or "their" or "one")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"it", "they": a pronoun that stands for the subject of the previous question.</summary>
    public static bool HasSubjectPronoun(TokenizedText text) => SubjectPronounAt(text) is not null;

    /// <summary>The position of the first pronoun that stands for a subject ("it", "its", "they", "them", "their"), or null.</summary>
    public static int? SubjectPronounAt(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) is "it" or "its" or "itself" or "they" or "them" or "their")
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Scores every fact for the question; returns fused hits best first and whether the model was used.</summary>
    public static (List<(int Passage, double Score)> Hits, IReadOnlyList<QueryTerm> Terms, bool UsedModel) Rank(
        KnowledgeIndex index,
        TokenizedText text,
        Analysis analysis,
        IReadOnlyList<int> muscles,
        IReadOnlyList<MuscleAttribute> attributes,
        ConversationContext? context,
        SemanticLookup? semantic,
        Func<FactPassage, bool>? filter = null) =>
        RankWithOwn(index, text, analysis, muscles, attributes, context, semantic, new Dictionary<int, double>(), filter);

    /// <summary>
    /// As <see cref="Rank"/>, also filling <paramref name="own"/>: each fact's score from its own words alone, with an
    /// entry for every fact the question's words reach (in the fact or its context).
    /// </summary>
    public static (List<(int Passage, double Score)> Hits, IReadOnlyList<QueryTerm> Terms, bool UsedModel) RankWithOwn(
        KnowledgeIndex index,
        TokenizedText text,
        Analysis analysis,
        IReadOnlyList<int> muscles,
        IReadOnlyList<MuscleAttribute> attributes,
        ConversationContext? context,
        SemanticLookup? semantic,
        Dictionary<int, double> own,
        Func<FactPassage, bool>? filter = null)
    {
        var facts = index.Facts;
        var terms = analysis.TermsOutsideMuscles(text, facts);
        var lexical = facts.Search(terms, filter, RoutingThresholds.FactSearchLimit);
        var priors = new FactPriors(index, text, analysis, muscles, attributes, context);
        var ranked = LexicalScores(facts, lexical, priors, own, filter);
        FactIndex.BestFirst.Sort(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ranked));
        var (hits, usedModel) = WithModel(facts, text, semantic, ranked, priors, filter);
        return (hits, terms, usedModel);
    }

    /// <summary>
    /// The cascade's second step, for a caller that ranked lexically (<paramref name="ranked"/>, from <see cref="RankWithOwn"/>
    /// without a model, with the same arguments) and only now knows it needs the ranking: a ranking the lexical path has not
    /// <see cref="Settled"/> is fused with the model's cosine; else it is returned as it is, and the model is not asked.
    /// </summary>
    public static (List<(int Passage, double Score)> Hits, bool UsedModel) WithModel(KnowledgeIndex index, TokenizedText text,
        Analysis analysis, IReadOnlyList<int> muscles, IReadOnlyList<MuscleAttribute> attributes, ConversationContext? context,
        SemanticLookup? semantic, List<(int Passage, double Score)> ranked) =>
        semantic is null || Settled(ranked)
            ? (ranked, false)
            : WithModel(index.Facts, text, semantic, ranked, new FactPriors(index, text, analysis, muscles, attributes, context), null);

    private static (List<(int Passage, double Score)> Hits, bool UsedModel) WithModel(FactIndex facts, TokenizedText text, SemanticLookup? semantic,
        List<(int Passage, double Score)> ranked, FactPriors priors, Func<FactPassage, bool>? filter)
    {
        if (semantic is null || Settled(ranked) || semantic.EmbedQuestion(text.Text) is not { } question)
        {
            return (ranked, false);
        }

        return (Fused(facts, semantic, question, ranked.ToDictionary(r => r.Passage, r => r.Score), priors, filter), true);
    }

    /// <summary>
    /// Each fact's lexical score (word coverage plus prior), unsorted, filling <paramref name="own"/>; facts the priors
    /// alone favour still compete.
    /// </summary>
    private static List<(int Passage, double Score)> LexicalScores(FactIndex facts, List<PassageHit> lexical, FactPriors priors,
        Dictionary<int, double> own, Func<FactPassage, bool>? filter)
    {
        var scores = new List<(int Passage, double Score)>(facts.Passages.Length);
        var scored = new bool[facts.Passages.Length];
        own.EnsureCapacity(own.Count + lexical.Count);
        foreach (var hit in lexical)
        {
            scores.Add((hit.Passage, hit.Coverage + priors.For(facts.Passages[hit.Passage])));
            own[hit.Passage] = hit.Own;
            scored[hit.Passage] = true;
        }

        // Topics found by phrase or example question but sharing no scored word still compete: only a passage with a
        // bonus can clear the floor, so only those are looked at (each once).
        foreach (var group in priors.PassagesWithBonus())
        {
            foreach (var passage in group)
            {
                var p = facts.Passages[passage];
                if (!scored[passage] && (filter is null || filter(p)))
                {
                    var prior = priors.For(p);
                    if (prior > RoutingThresholds.PriorOnlyFloor)
                    {
                        scores.Add((passage, prior));
                    }
                }

                scored[passage] = true;
            }
        }

        return scores;
    }

    /// <summary>The lexical scores fused with the sentence model's cosine for every fact, best first.</summary>
    private static List<(int Passage, double Score)> Fused(FactIndex facts, SemanticLookup semantic, float[] question,
        Dictionary<int, double> scores, FactPriors priors, Func<FactPassage, bool>? filter)
    {
        var fused = new List<(int, double)>(facts.Passages.Length);
        foreach (var p in facts.Passages)
        {
            if (filter is not null && !filter(p))
            {
                continue;
            }

            var cosine = Dot(question, semantic.Passages[p.Ordinal]);
            var sem = Math.Clamp((cosine - RetrievalThresholds.CosineFloor) / (RoutingThresholds.CosineCeiling - RetrievalThresholds.CosineFloor), 0, 1);
            var lex = scores.GetValueOrDefault(p.Ordinal);
            fused.Add((p.Ordinal, ((1 - RetrievalThresholds.SemanticShare) * lex) + (RetrievalThresholds.SemanticShare * (sem + (RoutingThresholds.SemanticPriorShare * priors.For(p))))));
        }

        fused.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item1.CompareTo(b.Item1));
        return fused;
    }

    /// <summary>
    /// The cascade: a ranking whose best fact the lexical path answers with on its own (at or above
    /// <see cref="RetrievalThresholds.Accept"/>) never pays for the model, and the model never re-ranks it. The model is
    /// for questions whose words the facts do not explain well enough (paraphrase, typos the correction misses).
    /// </summary>
    public static bool Settled(List<(int Passage, double Score)> ranked) =>
        ranked.Count > 0 && ranked[0].Score >= RetrievalThresholds.Accept;

    /// <summary>
    /// Whether an answer only the model found (it was consulted, so the lexical ranking stayed below
    /// <see cref="RetrievalThresholds.Accept"/>) holds: it must fuse to <see cref="RetrievalThresholds.SemanticOnlyAccept"/>
    /// and the question's own words must reach the fact or its context (<paramref name="own"/> holds every fact they
    /// reach). MiniLM puts every fact of a named muscle near any question naming it ("who first described the psoas
    /// minor" sits as close to its origin as to anything), so the muscle's name alone is no evidence for one of its facts.
    /// </summary>
    public static bool ModelAnswerHolds(List<(int Passage, double Score)> fused, Dictionary<int, double> own) =>
        fused.Count > 0 && fused[0].Score >= RetrievalThresholds.SemanticOnlyAccept && own.ContainsKey(fused[0].Passage);

    /// <summary>
    /// A second part no chosen fact answers ("the fascial link ... and its effect on breathing", "does a psoas release
    /// hurt"), or the second side of a comparison answered by one fact: a subject word the question asks that none of <paramref name="chosen"/> holds, while a chosen fact holds
    /// another, brings in the best-ranked fact near the top that holds it (in place of the last one when the reply is
    /// full). Only facts ranked among the first <see cref="RetrievalThresholds.CoverLook"/> and scoring at least
    /// <see cref="RetrievalThresholds.CoverShare"/> of the best count: a word the facts use in passing ("day") is no part.
    /// </summary>
    public static List<int> CoverAskedParts(List<int> chosen, List<(int Passage, double Score)> ranked, FactIndex facts, IReadOnlyList<QueryTerm> terms,
        SafetyMatcher safety, bool touchesPain, bool compares)
    {
        // "Contrast how the psoas and the iliacus feel": a comparison answered by one fact has shown one side at most.
        var wantsSecond = compares && chosen.Count == 1;
        if (chosen.Count == 0 || (terms.Count < 2 && !wantsSecond))
        {
            return chosen;
        }

        // "hurt" is answered by a fact that says "painful": in a question about pain, a word saying pain is looked for as pain too.
        var (pain, painful) = touchesPain ? (facts.Term("pain"), facts.Term("painful")) : (null, null);
        var answered = false;
        (string? Term, string? Pain, double Idf) missed = default;
        foreach (var t in terms)
        {
            if (!IsSubjectTerm(t))
            {
                continue;
            }

            var alternative = pain is not null && safety.SaysPain(t.Word) ? pain : null;
            if (HeldByAny(facts, chosen, t.Term!) || (alternative is not null && (HeldByAny(facts, chosen, pain!) || HeldByAny(facts, chosen, painful!))))
            {
                answered = true;
            }
            else if (t.Idf >= RetrievalThresholds.CoverIdf && t.Idf > missed.Idf)
            {
                // The rarest word left unanswered is the part asked ("breathing" before "between").
                missed = (t.Term!, alternative, t.Idf);
            }
        }

        if (!wantsSecond && (!answered || missed.Term is null))
        {
            return chosen;
        }

        // The part is looked for under the same heading only (the same topic or muscle attribute), and never in place of
        // a chosen fact: a reply already full, or a word another subject's facts hold, is left as it was.
        var heading = facts.Passages[chosen[0]].Heading;
        var floor = ranked[0].Score * RetrievalThresholds.CoverShare;
        for (var i = 0; i < ranked.Count && i < RetrievalThresholds.CoverLook && ranked[i].Score >= floor && chosen.Count < RetrievalThresholds.MaxFacts; i++)
        {
            var passage = ranked[i].Passage;
            var p = facts.Passages[passage];
            if (chosen.Contains(passage) || p.Kind == PassageKind.Disagreement || p.Heading != heading)
            {
                continue;
            }

            var held = facts.FactTerms(passage);
            // A fact that speaks of pain would bring the medical disclaimer to a question that touched none.
            if ((wantsSecond || held.Contains(missed.Term!) || (missed.Pain is not null && (held.Contains(pain!) || held.Contains(painful!))))
                && (touchesPain || !safety.TouchesPain(p.Fact.Text)))
            {
                chosen.Add(passage);
                break;
            }
        }

        return chosen;
    }

    private static bool IsSubjectTerm(QueryTerm t) =>
        t.Term is not null && !t.Corrected && !Vocabulary.CueWords.Contains(t.Word) && !Vocabulary.NamesNoSubject(t.Word)
        && !Vocabulary.StopWords.Contains(t.Word);

    private static bool HeldByAny(FactIndex facts, List<int> chosen, string term)
    {
        foreach (var passage in chosen)
        {
            if (facts.FactTerms(passage).Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The facts to show: the best heading's best facts, and a close second heading.</summary>
    public static List<int> Select(List<(int Passage, double Score)> ranked, FactIndex facts, TokenizedText question, Dictionary<int, double>? own = null)
    {
        own ??= [];
        var chosen = new List<int>();
        if (ranked.Count == 0)
        {
            return chosen;
        }

        var best = ranked[0].Score;
        var topOwn = own.GetValueOrDefault(ranked[0].Passage);
        var firstHeading = facts.Passages[ranked[0].Passage].Heading;
        // A short fact can top its heading on the heading's words alone ("hip flexor stretches": a note on lying face up
        // above the three stretches that say "stretch"); a fact of the heading whose own words match then leads instead.
        // Not when a number is asked: the fact holding it leads, whatever word ("many") another fact happens to share.
        var bestOwn = topOwn > 0 || AsksNumber(question) ? topOwn : BestOwnOfHeading(ranked, facts, firstHeading, best * RetrievalThresholds.Companion, own);
        if (bestOwn < RetrievalThresholds.LeadingOwnFloor)
        {
            // An everyday or near-universal word ("psoas") in a fact's own text does not make it the answer.
            bestOwn = topOwn;
        }

        string? secondHeading = null;
        foreach (var (passage, score) in ranked)
        {
            var p = facts.Passages[passage];
            if (chosen.Count >= RetrievalThresholds.MaxFacts)
            {
                break;
            }

            if (p.Heading == firstHeading)
            {
                // Facts of one heading share its context words; a companion must also earn its place by its own words
                // (or, when no fact's own words match, only the heading's first two facts are shown).
                var earned = bestOwn > 0 ? own.GetValueOrDefault(passage) >= bestOwn * RetrievalThresholds.Companion : chosen.Count < 2;
                if (score >= best * RetrievalThresholds.Companion && ((chosen.Count == 0 && (topOwn > 0 || bestOwn == 0)) || earned))
                {
                    chosen.Add(passage);
                }
            }
            else if (secondHeading is null && score >= best * RetrievalThresholds.SecondHeading && chosen.Count < 3
                && topOwn > 0 && own.GetValueOrDefault(passage) >= topOwn)
            {
                secondHeading = p.Heading;
                chosen.Add(passage);
            }
            else if (p.Heading == secondHeading && score >= best * RetrievalThresholds.SecondHeading)
            {
                chosen.Add(passage);
            }
        }

        if (bestOwn == 0 && topOwn == 0 && !AsksNumber(question))
        {
            InFileOrder(chosen, ranked, facts, firstHeading, best * RetrievalThresholds.Companion);
        }

        if (AsksNumber(question))
        {
            // The fact holding the number asked for comes first: the kind asked (the twenty seconds of "how long do I
            // hold it") before any other number (the 90 degrees of the same topic's first step).
            var number = AskedNumber.Of(facts, question);
            chosen = [.. chosen.OrderByDescending(c => number.HeldBy(facts, c)).ThenByDescending(facts.HoldsNumber)];
        }

        return chosen;
    }

    /// <summary>
    /// "Where is the psoas located?", "how deep is the psoas": no fact's own words match, only the heading's (the topic's
    /// title, keywords and example questions), and BM25 then ranks the heading's facts by their length alone, so its
    /// shortest fact ("everyone has two iliopsoas muscles") led. The facts of the heading chosen this way are replaced by
    /// the same number of its facts in the file's order among those scoring at least <paramref name="floor"/>: editors put
    /// a topic's overview (where it runs, behind which organs) first. A fact another heading brought keeps its place after
    /// them. Not for a question whose words a fact holds: its ranking already says which fact answers.
    /// </summary>
    private static void InFileOrder(List<int> chosen, List<(int Passage, double Score)> ranked, FactIndex facts, string heading, double floor)
    {
        var mine = 0;
        foreach (var c in chosen)
        {
            mine += facts.Passages[c].Heading == heading ? 1 : 0;
        }

        if (mine == 0)
        {
            return;
        }

        var candidates = new List<int>();
        foreach (var (passage, score) in ranked)
        {
            if (score >= floor && facts.Passages[passage].Heading == heading)
            {
                candidates.Add(passage);
            }
        }

        candidates.Sort();
        chosen.RemoveAll(c => facts.Passages[c].Heading == heading);
        chosen.InsertRange(0, candidates.GetRange(0, Math.Min(mine, candidates.Count)));
    }

    /// <summary>The best own-words score among the facts under <paramref name="heading"/> that score at least <paramref name="floor"/>.</summary>
    private static double BestOwnOfHeading(List<(int Passage, double Score)> ranked, FactIndex facts, string heading, double floor, Dictionary<int, double> own)
    {
        var bestOwn = 0.0;
        foreach (var (passage, score) in ranked)
        {
            if (score < floor)
            {
                break;
            }

            if (facts.Passages[passage].Heading == heading)
            {
                bestOwn = Math.Max(bestOwn, own.GetValueOrDefault(passage));
            }
        }

        return bestOwn;
    }

    /// <summary>
    /// The chosen facts made to answer the question: a fact that says again what an earlier one says (the same sentence
    /// under a topic and a muscle card) is dropped, and when the question names a topic by its title or keywords (the
    /// topic as a whole, not one detail of it) the topic's lead fact, which states what the topic is about, comes first
    /// (after the facts holding the number a question asks for).
    /// </summary>
    public static List<int> Focus(KnowledgeIndex index, TokenizedText question, Analysis analysis, List<int> chosen, bool listItem = false)
    {
        var facts = index.Facts;
        var kept = new List<int>(chosen.Count + 1);
        foreach (var c in chosen)
        {
            var p = facts.Passages[c];
            if (p.Kind == PassageKind.Disagreement || !kept.Any(k => facts.Passages[k].Kind != PassageKind.Disagreement && facts.Passages[k].Heading != p.Heading && Repeats(facts, facts.Passages[k].Fact, p.Fact)))
            {
                kept.Add(c);
            }
        }

        var topic = kept.Count > 0 ? facts.Passages[kept[0]].Topic : -1;
        var number = AskedNumber.Of(facts, question);
        // "How many reps", "how long do I hold it": a fact holding the number asked is the answer. The topic's overview
        // does not join it, and neither do companions that hold no such number (the exercise named beside the reps, the
        // 90 degrees of the step before the one held twenty seconds): each only lengthens the reply. Not for a yes/no
        // question, whose verdict may rest on another fact.
        var numberAnswers = number.Asked && kept.Count > 0 && number.HeldBy(facts, kept[0]) && !IsYesNo(question);
        if (numberAnswers)
        {
            // "What does it do, and how many people lack it?": a fact of another attribute answers the other question.
            var (first, two) = (facts.Passages[kept[0]], QuestionForms.AsksTwoQuestions(question));
            kept.RemoveAll(k => facts.Passages[k].Kind != PassageKind.Disagreement && !number.HeldBy(facts, k)
                && !(two && facts.Passages[k].Muscle == first.Muscle && facts.Passages[k].Attribute is { } other && other != first.Attribute));
        }

        var named = topic >= 0 && chosen.Count == 1 && !numberAnswers && analysis.TopicScores.Any(t => t.Topic == topic && t.Score >= RoutingThresholds.TopicAccept);
        var lead = named ? facts.Passages.FirstOrDefault(p => p.Topic == topic && p.Kind == PassageKind.TopicFact)?.Ordinal ?? -1 : -1;
        // The lead comes only when it states no side of a dispute: a short answer does not grow by a dispute it did not ask.
        if (lead >= 0 && !listItem && !kept.Contains(lead) && kept.Count < RetrievalThresholds.MaxFacts
            && !facts.TopicDisagreements(topic).Any(q => q.Values.Any(v => Restates(facts, facts.Passages[lead].Fact, v))))
        {
            // The overview leads, unless the fact chosen answers in its own words what the overview does not ("which
            // drill suits a pelvis tipped forward": the lengthening drill, then the three kinds of training). One
            // author's view never goes before the established fact, and numbered steps start at the first.
            var detailFirst = !facts.Passages[kept[0]].Fact.IsOpinion && NumberedItems.Opening(facts, lead) is null
                && OwnWordsAnswerBetter(index, question, analysis, kept[0], lead);
            kept.Insert(detailFirst ? kept.Count : 0, lead);
        }

        // "Explain what is meant by the psoas paradox", "psoas parodox": the topic as a whole is asked, so what it is comes
        // first, not the shorter fact that ranked higher only because every fact of the topic shares the title's word.
        if (topic >= 0 && !AsksNumber(question) && AsksTopicAsAWhole(index, question, analysis, topic))
        {
            MoveFirst(kept, LeadFact(facts, topic));
        }

        // "the first psoas stretch", "stretch two", "the last stretch": the topic's numbered item ("Stretch 1: ...") is the answer.
        if (topic >= 0 && NumberedItems.Asked(index, topic, question, labelMayBeLeftOut: listItem) is var item && item >= 0)
        {
            // The item asked is the answer: its siblings ("Stretch 1" beside "the second stretch") only lengthen it.
            kept.RemoveAll(k => k != item && NumberedItems.Opening(facts, k) is not null);
            MoveFirst(kept, item);
        }

        return kept;
    }

    /// <summary>
    /// Whether the own words of <paramref name="chosen"/> (its text, not its heading) match the question better than
    /// those of <paramref name="other"/>: the detail asked sits in it, not in the other.
    /// </summary>
    private static bool OwnWordsAnswerBetter(KnowledgeIndex index, TokenizedText question, Analysis analysis, int chosen, int other)
    {
        double chosenOwn = 0, otherOwn = 0;
        foreach (var hit in index.Facts.Search(analysis.TermsOutsideMuscles(question, index.Facts), p => p.Ordinal == chosen || p.Ordinal == other, 2))
        {
            if (hit.Passage == chosen)
            {
                chosenOwn = hit.Own;
            }
            else
            {
                otherOwn = hit.Own;
            }
        }

        return chosenOwn > otherOwn;
    }

    private static void MoveFirst(List<int> kept, int passage)
    {
        if (passage < 0)
        {
            return;
        }

        var at = kept.IndexOf(passage);
        if (at == 0)
        {
            return;
        }

        if (at > 0)
        {
            kept.RemoveAt(at);
        }

        kept.Insert(0, passage);
    }

    /// <summary>The topic's lead fact (what the topic is about), or -1.</summary>
    public static int LeadFact(FactIndex facts, int topic)
    {
        foreach (var p in facts.OfTopic(topic))
        {
            if (facts.Passages[p].Kind == PassageKind.TopicFact)
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>Words that ask what a named thing means ("what is meant by", "the term ... refers to", "the concept of").</summary>
    private static readonly FrozenSet<string> DefinitionWords = new[]
    {
        "meant", "term", "refer", "refers", "concept", "notion", "explained", "definition", "defined", "called", "named",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the question asks for a topic as a whole: it names the topic, and every word it asks with that any fact
    /// uses (besides the muscles, the frame of the question and words asking what something means) is a word of the
    /// topic's title ("explain what is meant by the psoas paradox", "what is paradoxical about the psoas"). "How big is
    /// the psoas's part in extension" asks one detail of the same topic, and is not.
    /// </summary>
    public static bool AsksTopicAsAWhole(KnowledgeIndex index, TokenizedText question, Analysis analysis, int topic)
    {
        // A yes/no question asks a claim about the topic ("does the lumbar plexus go through the psoas"), not what it is.
        if (topic < 0 || IsYesNo(question))
        {
            return false;
        }

        var named = NamesTopic(analysis, topic);
        var titled = false;
        foreach (var term in analysis.TermsOutsideMuscles(question, index.Facts))
        {
            if ((term.Term is not { } known || term.Corrected || index.Facts.OnlyInContext(known)) && index.IsKeywordOf(term.Word, topic))
            {
                // A word written as the topic's keyword, a misspelling it lists included ("parodox", which no fact spells
                // so and the index reads as another word): the topic is named, though the question's words score it low.
                named = titled = true;
                continue;
            }

            if (term.Term is not { } t || Vocabulary.NamesNoSubject(term.Word) || DefinitionWords.Contains(term.Word))
            {
                continue;
            }

            if (!index.Facts.InTitle(topic, t))
            {
                return false;
            }

            titled = true;
        }

        return named && titled;
    }

    private static bool NamesTopic(Analysis analysis, int topic)
    {
        foreach (var (named, score) in analysis.TopicScores)
        {
            if (named == topic && score >= RoutingThresholds.TopicAccept)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sections for the chosen facts, grouped under their headings, with "Sources disagree" where they do.</summary>
    public static (ImmutableArray<ReplySection> Sections, ImmutableArray<string> Ids) Compose(
        KnowledgeIndex index, IReadOnlyList<int> chosen, Citations cited, bool dropSingleHeading = false, Func<FactPassage, bool>? showNote = null,
        Func<FactPassage, bool>? briefNote = null, bool attributeNotes = true)
    {
        var facts = index.Facts;
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        var ids = ImmutableArray.CreateBuilder<string>();
        // A dispute is shown once per reply: the same disagreement kept under a topic and under a muscle's attribute (or
        // a fact that only states it again) does not come back under a later heading.
        var shownDisputes = new List<FactPassage>();
        var shownNotes = new List<string>();
        foreach (var group in chosen.Select(c => facts.Passages[c]).GroupBy(p => p.Heading))
        {
            var lines = new List<string>();
            var disagreements = new List<FactPassage>();
            var factsShown = new List<FactPassage>();
            foreach (var p in group)
            {
                if (p.Kind == PassageKind.Disagreement)
                {
                    disagreements.Add(p);
                    continue;
                }

                if (shownDisputes.Exists(d => Repeats(facts, d.Fact, p.Fact)))
                {
                    continue;
                }

                lines.Add(ReplyComposer.FactLine(p.Fact, cited));
                ids.Add(p.Id);
                factsShown.Add(p);
                if (!string.IsNullOrWhiteSpace(p.Fact.EditorsNote))
                {
                    shownNotes.Add(p.Fact.EditorsNote);
                }
            }

            AddRelatedNotes(facts, group.First(), disagreements, showNote, attributeNotes);
            disagreements.RemoveAll(n => shownDisputes.Exists(d => Repeats(facts, d.Fact, n.Fact) || Repeats(facts, n.Fact, d.Fact)));
            var topicNotes = NoteLines(facts, factsShown, disagreements, lines, ids, cited, briefNote, shownNotes);
            shownDisputes.AddRange(disagreements);
            if (lines.Count > 0)
            {
                sections.Add(new ReplySection(Capitalize(group.Key), string.Join('\n', lines)));
            }

            if (topicNotes.Count > 0)
            {
                sections.Add(new ReplySection(ReplyComposer.TopicDisagreementsHeading, string.Join('\n', topicNotes)));
            }
        }

        if (sections.Count == 1 && dropSingleHeading && sections[0].Heading != ReplyComposer.TopicDisagreementsHeading)
        {
            sections[0] = sections[0] with { Heading = null };
        }

        return (sections.ToImmutable(), ids.ToImmutable());
    }

    /// <summary>After a dispute named without its sides: how to see them (<see cref="MoreFollowUps"/>).</summary>
    public const string BriefDisputeHint = "(ask \"tell me more\" for each side)";

    /// <summary>A fact whose sources disagree is shown with the note, so both values are always visible: the topic's and the attribute's notes join the group's.</summary>
    private static void AddRelatedNotes(FactIndex facts, FactPassage first, List<FactPassage> disagreements, Func<FactPassage, bool>? showNote, bool attributeNotes)
    {
        if (first.Topic >= 0)
        {
            foreach (var note in facts.TopicDisagreements(first.Topic).Where(q => showNote is null || showNote(q)))
            {
                if (!disagreements.Contains(note))
                {
                    disagreements.Add(note);
                }
            }
        }

        if (attributeNotes && first.Muscle >= 0 && first.Attribute is { } attribute)
        {
            foreach (var note in facts.AttributeDisagreements(first.Muscle, attribute))
            {
                if (!disagreements.Contains(note))
                {
                    disagreements.Add(note);
                }
            }
        }
    }

    /// <summary>Writes each disagreement: a muscle's as a line of the group, a topic's (returned) as the note with each side and its source.</summary>
    private static List<string> NoteLines(FactIndex facts, IEnumerable<FactPassage> group, List<FactPassage> disagreements, List<string> lines,
        ImmutableArray<string>.Builder ids, Citations cited, Func<FactPassage, bool>? briefNote, List<string> shownNotes)
    {
        var topicNotes = new List<string>();
        foreach (var note in disagreements)
        {
            if (note.Note is { } briefTopicNote && briefNote is not null && briefNote(note))
            {
                // A dispute the question did not ask about and no shown fact takes a side in: named with its sources, its
                // sides left for a follow-up, so an overview stays short.
                var sources = note.Values.SelectMany(v => v.Sources.IsDefault ? [] : v.Sources).Distinct(StringComparer.Ordinal).ToList();
                cited.Add(sources);
                topicNotes.Add(ReplyComposer.DisagreementLabel + briefTopicNote.Trim() + (sources.Count > 0 ? " [" + string.Join(", ", sources) + "]" : "")
                    + " " + BriefDisputeHint);
            }
            else if (note.Note is { } topicNote)
            {
                // A topic disagreement: the note, then each side with its source, under its own heading.
                // A side already shown above as a fact is not repeated; the other sides follow the note.
                var shownFacts = group.Where(p => p.Kind != PassageKind.Disagreement).Select(p => p.Fact).ToList();
                var sides = note.Values.Where(v => !shownFacts.Any(f => Restates(facts, f, v))).ToList();
                topicNotes.Add(ReplyComposer.DisagreementLabel + topicNote.Trim() + "\n"
                    + string.Join('\n', (sides.Count > 0 ? sides : [.. note.Values]).Select(v => ReplyComposer.FactLine(WithoutShownNote(facts, v, shownNotes), cited))));
            }
            else if (!group.Any(p => p.Kind != PassageKind.Disagreement && StatesTheDispute(facts, p.Fact, note.Fact)))
            {
                lines.Add(ReplyComposer.DisagreementLabel + note.Fact.Text.Trim());
            }

            // A note a shown fact already states ("the clinic states it without qualification; the blog says only that it
            // may") is not written again, but the answer still rests on it.
            ids.Add(note.Id);
        }

        return topicNotes;
    }

    /// <summary>
    /// How well each muscle fact's own words match the question (the muscle names, cue and filler words left out): the
    /// order in which a short attribute answer picks its facts. Facts no question word touches score 0.
    /// </summary>
    public static Func<Fact, double> Relevance(KnowledgeIndex index, TokenizedText text, Analysis analysis)
    {
        var words = analysis.WordsOutsideMuscles(text)
            .Where(w => w.Length > 2 && !Vocabulary.StopWords.Contains(w) && !Vocabulary.CueWords.Contains(w) && !Vocabulary.NamesNoSubject(w)
                && !Vocabulary.Filler.Contains(w) && !index.IsMuscleWord(w))
            .ToList();
        if (words.Count == 0)
        {
            return _ => 0;
        }

        var scores = new Dictionary<Fact, double>(ReferenceEqualityComparer.Instance);
        foreach (var hit in index.Facts.Search(index.Facts.QueryTerms(words), p => p.Kind == PassageKind.MuscleFact, RoutingThresholds.FactSearchLimit))
        {
            scores.TryAdd(index.Facts.Passages[hit.Passage].Fact, hit.Own);
        }

        // A question asking for a number ("what fraction", "how many") is answered by the fact that holds one; one asking
        // for a spinal level by the fact that gives a range of levels (the highest and the lowest).
        var number = AsksNumber(text);
        return fact => scores.GetValueOrDefault(fact) + (number && HoldsNumber(fact.Text) ? 1 : 0) + (GivesAskedLevel(text, fact.Text) ? 1 : 0);
    }

    /// <summary>
    /// The attributes an answer shows: one only hinted at ("serve", "versions") whose facts no word of the question
    /// touches is left out when another attribute's facts answer the question.
    /// </summary>
    public static MuscleAttribute[] AnsweringAttributes(IReadOnlyList<Muscle> muscles, MuscleAttribute[] attributes, Func<Fact, double> relevance,
        Func<MuscleAttribute, bool> named)
    {
        if (attributes.Length < 2)
        {
            return attributes;
        }

        var touched = attributes.Where(a => muscles.Any(m => m.Get(a).Any(f => relevance(f) > 0))).ToArray();
        return touched.Length == 0 ? attributes : [.. attributes.Where(a => touched.Contains(a) || named(a))];
    }

    /// <summary>
    /// The passages of an attribute answer: every fact of the attribute for the verdict (<paramref name="weighed"/>), the
    /// ids of those shown and of the attribute's disagreement notes for <paramref name="ids"/>.
    /// </summary>
    public static void AttributePassages(KnowledgeIndex index, HashSet<string> owners, MuscleAttribute attribute, List<Fact> shownFacts,
        ImmutableArray<string>.Builder ids, List<int> weighed)
    {
        var shown = shownFacts.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var passage in index.Facts.Passages.Where(p => p.Muscle >= 0 && p.Attribute == attribute && owners.Contains(index.Muscles[p.Muscle].Id)))
        {
            weighed.Add(passage.Ordinal);
            if (passage.Kind == PassageKind.Disagreement || shown.Contains(passage.Fact))
            {
                ids.Add(passage.Id);
            }
        }
    }

    /// <summary>
    /// A side whose editors' note says what a note already shown in the reply says ("the gluteus maximus and piriformis
    /// also join the spine to the femur" twice): the side without it. The note is recorded as shown otherwise.
    /// </summary>
    private static Fact WithoutShownNote(FactIndex facts, Fact side, List<string> shownNotes)
    {
        if (string.IsNullOrWhiteSpace(side.EditorsNote))
        {
            return side;
        }

        if (shownNotes.Exists(n => NotesAgree(facts, n, side.EditorsNote)))
        {
            return side with { EditorsNote = null };
        }

        shownNotes.Add(side.EditorsNote);
        return side;
    }

    /// <summary>Whether two editors' notes share most of their content words (at least four, and 60 % of the shorter's).</summary>
    private static bool NotesAgree(FactIndex facts, string a, string b)
    {
        if (string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal))
        {
            return true;
        }

        var left = facts.ContentTerms(a);
        var right = facts.ContentTerms(b);
        var shared = left.Count(right.Contains);
        return shared >= 4 && shared >= 0.6 * Math.Min(left.Count, right.Count);
    }

    /// <summary>
    /// Whether a fact states a muscle's disagreement note itself: it holds at least 60 % of the note's content words and
    /// every level or number the note gives ("L2" is a side of its own, however short).
    /// </summary>
    private static bool StatesTheDispute(FactIndex facts, Fact shown, Fact note)
    {
        var a = facts.ContentTerms(shown);
        var b = facts.ContentTerms(note);
        if (b.Count == 0 || b.Count(a.Contains) < 0.6 * b.Count)
        {
            return false;
        }

        var shownWords = TextNormalizer.Normalize(shown.Text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TextNormalizer.Normalize(note.Text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsAsciiDigit)).All(shownWords.Contains);
    }

    /// <summary>Whether a shown fact already says what one side of a disagreement says (most of its content words).</summary>
    public static bool Restates(FactIndex facts, Fact shown, Fact side)
    {
        var a = facts.ContentTerms(shown);
        var b = facts.ContentTerms(side);
        return a.Count > 0 && b.Count > 0 && a.Count(b.Contains) >= Math.Max(3, 0.35 * Math.Min(a.Count, b.Count));
    }

    /// <summary>Whether a fact says again what a shown one says: nearly all its content words are the shown fact's.</summary>
    private static bool Repeats(FactIndex facts, Fact shown, Fact again)
    {
        var a = facts.ContentTerms(shown);
        var b = facts.ContentTerms(again);
        return b.Count > 0 && b.Count(a.Contains) >= 0.75 * b.Count;
    }

    /// <summary>
    /// "Yes", "No" or "The sources differ" for a yes/no question when the facts settle it: the claim's words are
    /// in every fact (yes), in none while the facts answer the same attribute (no), or in some (differ).
    /// <paramref name="subject"/>: the muscles the reply is about when the question names none ("is it a hip flexor then?"
    /// after the psoas major's actions): the claim is about them, as if named.
    /// </summary>
    public static string? Verdict(KnowledgeIndex index, TokenizedText question, Analysis analysis, IReadOnlyList<int> chosen, bool attributeAnswer, IReadOnlyList<int>? subject = null)
    {
        var verdict = VerdictFromFacts(index, question, analysis, chosen, attributeAnswer, subject);
        return verdict == "Yes." && analysis.Muscles.Count > 0 && ClaimsWhatNoFactSays(index, question, analysis.Muscles[0].End, analysis.MuscleWordPositions) ? null : verdict;
    }

    /// <summary>Rarer than this in everyday English, a claim's word no fact knows is a claim the facts cannot confirm.</summary>
    private const int UnconfirmableRank = RareWordRank;

    /// <summary>
    /// "Is absence of psoas minor inherited from your parents?": a word of the claim that no fact uses, and that is a real
    /// English word rarer than the 5,000 commonest ("inherited", "genetic", "hereditary"), is something the facts never say,
    /// so facts about the rest of the claim (who lacks the muscle) cannot answer "Yes." to it. Common words ("normal",
    /// "parents", "humans"), the other spelling of a fact's word ("fibers") and words that are no English word at all (typos, other languages, British spellings the
    /// list lacks) are left to the other checks. A "No." or "The sources differ." is not affected.
    /// </summary>
    private static bool ClaimsWhatNoFactSays(KnowledgeIndex index, TokenizedText question, int from, IReadOnlyList<int> skipWords)
    {
        // Only what is said of the muscle, after its name: a frame before it ("we learn in Brazil that ...") claims nothing.
        for (var i = Math.Max(from, 1); i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (word.Length < 5 || skipWords.Contains(i) || Vocabulary.StopWords.Contains(word) || Vocabulary.CueWords.Contains(word)
                || index.IsMuscleWord(word) || JudgingWords.Contains(word) || index.Facts.Knows(word))
            {
                continue;
            }

            var rank = EverydayEnglish.RankOfBase(word);
            if (rank is > UnconfirmableRank and < int.MaxValue && !KnowsTheOtherSpelling(index, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"fibers" for the facts' "fibres", "centers" for "centres": the same word in the other spelling.</summary>
    private static bool KnowsTheOtherSpelling(KnowledgeIndex index, string word) =>
        (word.EndsWith("ers", StringComparison.Ordinal) && index.Facts.Knows(string.Concat(word.AsSpan(0, word.Length - 3), "res")))
        || (word.EndsWith("er", StringComparison.Ordinal) && index.Facts.Knows(string.Concat(word.AsSpan(0, word.Length - 2), "re")));

    private static string? VerdictFromFacts(KnowledgeIndex index, TokenizedText question, Analysis analysis, IReadOnlyList<int> chosen, bool attributeAnswer, IReadOnlyList<int>? subject)
    {
        var (safety, skipWords) = (analysis.Safety, analysis.MuscleWordPositions);
        // A serious symptom asked about ("can the psoas cause foot drop?") gets the facts and the disclaimer, never a
        // one-word verdict read off facts about something else.
        if (!IsYesNo(question) || chosen.Count == 0 || (VerdictChecks.AboutTheAsker(question) && !VerdictChecks.AskerOnlyAsWhomAMuscleHelps(question, analysis))
            || VerdictChecks.AsksClearance(question) || safety.AsksAboutRedFlag)
        {
            return null;
        }

        // "Is it fine for anyone to dig into their own psoas without training?" answered from a muscle's action facts:
        // anatomy never says whether doing something is advisable, so its words matching settle nothing.
        if (attributeAnswer && VerdictChecks.AsksIfAdvisable(question))
        {
            return null;
        }

        // "Is the iliopsoas a hip extensor?": the muscle's own action facts settle it, whatever facts were shown.
        var askedMuscles = VerdictChecks.AskedMuscles(index, question, analysis);
        if (askedMuscles.Length == 0 && subject is { Count: > 0 })
        {
            askedMuscles = [.. subject];
        }

        var standard = ComparedWith(question, analysis);
        if (standard.Count > 0 && askedMuscles.Any(m => !standard.Contains(m)))
        {
            // "Does the psoas minor tilt the pelvis forward like the major?": the claim is about the psoas minor.
            askedMuscles = [.. askedMuscles.Where(m => !standard.Contains(m))];
        }

        if (VerdictChecks.HipActionVerdict(index, question, skipWords, askedMuscles) is { } action)
        {
            return action;
        }

        // "Is the iliopsoas a pelvic floor muscle?" over "the iliopsoas is not a pelvic floor muscle": a fact that denies the
        // very class the claim puts the muscle in settles it, before a dispute its linking words call up ("count as one of"
        // reads as the count of the group's muscles).
        if (VerdictChecks.DeniesTheClass(index, question, analysis, askedMuscles, chosen))
        {
            return "No.";
        }

        var facts = index.Facts;
        // "Should I begin with stretching and only later strengthen?" over "starting with strengthening instead": a fact
        // that names the first step settles an order claim, before a recorded dispute on the topic ("stretch first or
        // strengthen first?", whose other side never names an order) or the claim's other words can withhold it. A choice
        // ("strengthen or stretch first?") has no yes or no.
        if (!attributeAnswer && !AsksAChoice(question)
            && StepOrderVerdict(index, question, [.. chosen.Select(c => facts.Passages[c]).Where(p => p.Kind == PassageKind.TopicFact)]) is { } ordered)
        {
            return ordered;
        }

        if (DisputeQuestions.Verdict(facts, question, chosen) is { } differ)
        {
            return differ;
        }

        // "Is there consensus on the psoas paradox?" with no disagreement shown: "consensus" is no claim a fact could
        // hold, so the facts' words say nothing either way ("do they agree that it flexes the hip?" still has its claim).
        if (DisputeQuestions.AsksAgreement(question))
        {
            return null;
        }

        if (!attributeAnswer && ShownDisagreements(index, chosen).Any(d => OnlyTheOppositeIsDisputed(question, d)))
        {
            // "Does the iliopsoas rotate the thigh inward?" under "how firmly do the sources state outward rotation?":
            // the sources dispute the other direction only; none names this one.
            return "No.";
        }

        if (!attributeAnswer && AsksTheDisputedQuestion(index, question, skipWords, chosen))
        {
            return "The sources differ.";
        }

        // "is the iliopsoas one tendon or two?", "should I strengthen or stretch first?": a choice has no yes or no; the
        // facts under the reply answer it (a recorded disagreement still says "The sources differ." above).
        if (AsksAChoice(question))
        {
            return null;
        }

        var claim = ClaimTerms(facts, question, skipWords);
        var shown = chosen.Select(c => facts.Passages[c]).Where(p => p.Kind != PassageKind.Disagreement).ToList();
        if (PlacedAgainst(question, analysis) is { Count: > 0 } places
            && !shown.Any(p => places.Contains(p.Muscle) || index.MusclesNamedIn(p.Ordinal).Any(places.Contains) || NamesByHead(index, places, p)))
        {
            // "Is the psoas major in front of the psoas minor?": a fact that never names the psoas minor ("their common
            // tendon crosses the front of the hip") says nothing of where the one lies against the other.
            return null;
        }

        if (!attributeAnswer && OneOfSeveral(index, question, shown))
        {
            // "Is the iliopsoas the only hip flexor?" over "the hip's chief flexor": a chief one is one of several.
            return "No.";
        }

        if (shown.Count > 0 && VerdictChecks.LevelVerdict(index, askedMuscles.Length > 0 ? askedMuscles : ShownMuscle(shown), question, shown) is { } level)
        {
            return level;
        }

        if (shown.Count == 0 || shown.Any(p => p.Fact.IsOpinion) || !VerdictChecks.AboutAskedMuscle(index, askedMuscles, shown, question)
            || shown.Any(p => ComparesOtherAgainstTheAsked(index, question, askedMuscles, Words(p.Fact.Text))))
        {
            return null;
        }

        if (Comparison(index, question, shown) is { } compared)
        {
            return compared;
        }

        if (SameAsVerdict(index, question, askedMuscles, standard, shown) is { } same)
        {
            return same;
        }

        // "The strongest muscle in the body?" over "possibly the strongest hip flexor": the facts' superlative is narrower.
        if (VerdictChecks.WidensTheSuperlative(question, shown))
        {
            return null;
        }

        // "Missing in most people?", "in half of people?" over "about 40%" and "40-50%": a share said in words.
        if (AsksAbsence(question) && VerdictChecks.ShareVerdict(question, shown) is { } share)
        {
            return share;
        }

        // "Several times a day?" over "once a day", "in 10% of people?" over 40 %: an amount no shown fact gives.
        if (VerdictChecks.ContradictsTheAmount(question, shown))
        {
            return "No.";
        }

        if (VerdictChecks.ConfirmsTheAmount(question, shown))
        {
            return "Yes.";
        }

        var (asksEveryone, notEveryone) = AsksEveryone(question);
        var variationsOnly = shown.All(p => p.Attribute == MuscleAttribute.Variations);
        if (asksEveryone && !notEveryone && shown.Any(p => Words(p.Fact.Text).Any(w => AbsenceWords.Contains(w) || w.EndsWith('%'))))
        {
            return "No.";
        }

        // "Can you live without a psoas minor?", "is it possible to lack one?", "do some people not have one?", "is it
        // true that not everybody has one?": the question asks whether the part can be absent, and the facts of its
        // variations say how many people lack it: yes. ("Does everyone ...?" is settled above.)
        if (variationsOnly && (AsksAbsence(question) || notEveryone) && shown.Any(p => Words(p.Fact.Text).Any(AbsenceWords.Contains)))
        {
            return "Yes.";
        }

        // "Does everybody have a psoas major?": the sources give a share of people without the psoas minor only; a muscle
        // whose variations they record (nerve arrangement, an extra origin) with no absence is one everybody has.
        if (variationsOnly && asksEveryone && AsksPresenceOnly(question, analysis)
            && !shown.Any(p => Words(p.Fact.Text).Any(w => AbsenceWords.Contains(w) || w.EndsWith('%') || w is "percent")))
        {
            return "Yes.";
        }

        if (claim.Count == 0)
        {
            return null;
        }

        // A fact about several muscles ("the psoas major and iliacus tilt the pelvis forward, while the psoas minor tilts
        // it backward") answers a claim about one of them from that muscle's clause only.
        // "Is the psoas fan-shaped?" over "the psoas is cable-like; the iliacus is fan-shaped": a group asked by a name
        // the fact's clause uses ("psoas") has its own clause too.
        var asked = askedMuscles.Where(m => !index.Muscles[m].IsGroup).ToHashSet();
        var groups = GroupsAskedByName(index, analysis);
        var splits = shown.Select(p => ClauseSplit(index, p.Fact.Text, asked, groups)).ToList();
        var factTerms = shown.Select((p, i) => Words(splits[i]?.Mine ?? p.Fact.Text).Select(facts.Term).ToHashSet(StringComparer.Ordinal)).ToList();
        WithOneHipEnd(facts, shown, factTerms);
        if (!question.Words.Any(OtherSpinalRegions.Contains))
        {
            WithOneLowBack(facts, shown, factTerms);
        }

        // "Does the psoas minor produce anterior pelvic tilt?": the facts about the part asked settle it, not one about
        // sitting that never names the part.
        if (NamesOpposite(facts, claim, OfAskedPart(index, asked, shown, factTerms)) || PartingDenied(index, question, analysis, shown) || DeniesTheComparison(question, shown)
            || GivenToTheOtherMuscle(facts, claim, splits, factTerms) || VerdictChecks.ContradictsTheAdvice(question, shown))
        {
            return "No.";
        }

        if (StepOrderVerdict(index, question, shown) is { } order)
        {
            return order;
        }

        if (attributeAnswer)
        {
            // "Does the psoas major originate from the sacrum?": a structure no fact anywhere names is not where the
            // sources put an attachment, a nerve or an artery that they list in full.
            var unheard = UnheardStructures(index, question, skipWords, shown);
            claim = [.. AttributeClaim(facts, claim, shown, factTerms).Select(c => NearForm(c, factTerms))];
            claim.AddRange(unheard.Where(u => !claim.Contains(u)));
            if (claim.Count == 0)
            {
                return null;
            }
        }

        var support = factTerms.Select(terms => claim.Count(terms.Contains) / (double)claim.Count).ToList();
        if (!attributeAnswer && OnlyADisputeHolds(index, question, skipWords, factTerms, shown))
        {
            return null;
        }

        return attributeAnswer ? AttributeVerdict(claim, support, factTerms) : BestFactVerdict(index, question, skipWords, askedMuscles, shown, support, factTerms);
    }

    /// <summary>The attributes whose facts list every structure they name: an attachment, a nerve, an artery.</summary>
    public static bool ListsStructures(MuscleAttribute attribute) =>
        attribute is MuscleAttribute.Origin or MuscleAttribute.Insertion or MuscleAttribute.Innervation or MuscleAttribute.BloodSupply;

    /// <summary>
    /// The claim's words that no fact uses and that are no English word at all ("sacrum", "obturator"), when the shown
    /// facts list the structures of an attribute: such a word names a structure the sources do not give for it.
    /// </summary>
    private static List<string> UnheardStructures(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, List<FactPassage> shown)
    {
        var unheard = new List<string>();
        if (!shown.All(p => p.Attribute is { } a && ListsStructures(a)))
        {
            return unheard;
        }

        HashSet<string>? listed = null;
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (skipWords.Contains(i) || word.Length < 4 || word.Any(char.IsAsciiDigit) || Vocabulary.StopWords.Contains(word) || Vocabulary.CueWords.Contains(word)
                || index.IsMuscleWord(word) || Vocabulary.IsPlainEnglish(word) || QualifiesAKnownStructure(index, question, i))
            {
                continue;
            }

            if (!index.Facts.Knows(word) ? EverydayEnglish.Rank(word) == int.MaxValue
                : EverydayEnglish.Rank(word) > RareWordRank && !RegionWords.Contains(word) && !(listed ??= AttributeTerms(index.Facts, shown)).Contains(index.Facts.Term(word))
                    && (!NotesName(shown, word) || question.Words.Any(w => w is "main" or "mainly" or "only" or "principal" or "chief" or "primary")))
            {
                // "Is the femoral artery the main blood supply?": a structure the knowledge names elsewhere (the femoral
                // nerve) but no fact of this attribute gives, for any muscle, is not one the sources list for it. An
                // editors' note that names it as a minor contributor keeps it open unless the claim makes it the main one.
                unheard.Add(index.Facts.Term(word));
            }
        }

        return unheard;
    }

    /// <summary>Rarer than this in everyday English, a word the knowledge uses is a term of anatomy ("femoral", "lumbar", "pelvis").</summary>
    private const int RareWordRank = 5000;

    /// <summary>Whether an editors' note under the shown facts uses the word.</summary>
    private static bool NotesName(List<FactPassage> shown, string word) =>
        shown.Any(p => p.Fact.EditorsNote is { } note && Words(note).Contains(word));

    /// <summary>Every term the facts of the shown attributes use, for any muscle.</summary>
    private static HashSet<string> AttributeTerms(FactIndex facts, List<FactPassage> shown)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in shown.Select(p => p.Attribute).OfType<MuscleAttribute>().Distinct())
        {
            foreach (var passage in facts.OfAttribute(attribute))
            {
                terms.UnionWith(facts.FactTerms(passage));
            }
        }

        return terms;
    }

    /// <summary>
    /// "the intervertebral discs": an unknown word before a structure the facts do name qualifies it ("discs between the
    /// vertebrae"); before the attribute's own noun ("the obturator nerve") it names the structure.
    /// </summary>
    private static bool QualifiesAKnownStructure(KnowledgeIndex index, TokenizedText question, int at) =>
        at + 1 < question.Count && question.WordString(at + 1) is var next && !Vocabulary.CueWords.Contains(next) && !Vocabulary.StopWords.Contains(next)
        && index.Facts.Knows(next);

    /// <summary>The terms of the shown facts about the part the question names, when any is; else all of them.</summary>
    private static List<HashSet<string>> OfAskedPart(KnowledgeIndex index, HashSet<int> asked, List<FactPassage> shown, List<HashSet<string>> factTerms)
    {
        if (asked.Count == 0)
        {
            return factTerms;
        }

        var about = new List<HashSet<string>>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (asked.Contains(shown[i].Muscle) || index.MusclesNamedIn(shown[i].Ordinal).Any(asked.Contains))
            {
                about.Add(factTerms[i]);
            }
        }

        return about.Count > 0 ? about : factTerms;
    }

    /// <summary>
    /// "Does the iliopsoas abduct the hip?": a claim word no shown fact holds but a shown disagreement does is the
    /// disputed point, so no fact settles it (the reply then says the sources differ).
    /// </summary>
    private static bool OnlyADisputeHolds(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, List<HashSet<string>> factTerms, List<FactPassage> shown)
    {
        var facts = index.Facts;
        // The question's own words, cue verbs included: "abduct" asks which action, and it is the disputed one.
        var claim = new List<string>();
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (!skipWords.Contains(i) && !Vocabulary.StopWords.Contains(word) && !index.IsMuscleWord(word))
            {
                claim.Add(facts.Term(word));
            }
        }

        // The shown facts' topics' disagreements: the reply shows those that touch the question under the facts.
        foreach (var passage in shown.Select(p => p.Topic).Where(t => t >= 0).Distinct().SelectMany(facts.TopicDisagreements))
        {
            // The note is the disputed question itself ("Does the iliopsoas move the thigh out to the side
            // (abduction)?"); the sides' wording also repeats the undisputed parts.
            if (passage.Note is not { } note)
            {
                continue;
            }

            var noteTerms = Words(note).Select(facts.Term).ToHashSet(StringComparer.Ordinal);
            if (claim.Any(term => SharesStem(noteTerms, term) && factTerms.All(t => !SharesStem(t, term))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the terms hold <paramref name="term"/> or a longer form of it ("abduct" and "abduction" stem apart).</summary>
    private static bool SharesStem(IEnumerable<string> terms, string term)
    {
        foreach (var t in terms)
        {
            if (t == term || (term.Length >= 5 && t.Length >= 5 && (t.StartsWith(term, StringComparison.Ordinal) || term.StartsWith(t, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that hedge what follows them in a fact ("may be the strongest", "possibly the strongest").</summary>
    private static readonly FrozenSet<string> Hedges = new[] { "may", "might", "possibly", "perhaps", "probably", "could" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is the iliopsoas the strongest hip flexor?" over "possibly the strongest one": a superlative the fact hedges is
    /// no plain yes.
    /// </summary>
    private static bool HedgesTheSuperlative(TokenizedText question, string[] factWords)
    {
        for (var i = 0; i < factWords.Length; i++)
        {
            var word = factWords[i];
            if (!(word == "most" || (word.Length > 5 && word.EndsWith("est", StringComparison.Ordinal))) || !question.Words.Contains(word))
            {
                continue;
            }

            for (var back = Math.Max(0, i - 3); back < i; back++)
            {
                if (Hedges.Contains(factWords[back]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words a fact uses to say which step comes first ("starting with strengthening", "begin with").</summary>
    private static readonly FrozenSet<string> FirstStepWords = new[]
    {
        "start", "starting", "starts", "begin", "beginning", "begins", "first",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Order claims: "should I stretch before I strengthen", "stretching first rather than strength work", "start with
    /// stretching instead of strengthening", "better to begin with X than with Y", "X then Y", "begin with X and only
    /// later Y", "X followed by Y", "X first and Y afterwards". Split at the marker, the words before it are the step the
    /// claim puts first and those after it the later one; "after" puts them the other way round ("should I stretch after
    /// strengthening?": strengthening first). With no marker ("should strengthening come first?") the whole claim is the
    /// first step. Not caught: an order said by numbers ("step one stretch, step two strengthen").
    /// </summary>
    private static int OrderMarker(TokenizedText question, bool namesFirstStep, out int length, out bool reversed)
    {
        reversed = false;
        for (var i = 1; i < question.Count - 1; i++)
        {
            var (word, next) = (question.WordString(i), question.WordString(i + 1));
            length = word is "before" or "then" or "later" or "afterwards" or "afterward" ? 1
                : (word, next) is ("ahead", "of") or ("prior", "to") or ("rather", "than") or ("instead", "of") or ("followed", "by") or ("after", "that") ? 2 : 0;
            // "better to begin with strengthening than with stretching": "than" orders only a claim about which comes first.
            length = length == 0 && word == "than" && namesFirstStep ? 1 : length;
            if (length == 0 && word == "after" && next is not ("all" or "exercise" or "exercising" or "a" or "your" or "my" or "the"))
            {
                // "Stretch after strengthening": what follows "after" comes first. "After exercise", "after a workout" name
                // no step of the claim's, only a time.
                (length, reversed) = (1, true);
            }

            if (length > 0)
            {
                return i;
            }
        }

        // "Stretch first and strengthen afterwards": the later step ends the message; the "and" before it is the split.
        if (question.Count > 3 && question.WordString(question.Count - 1) is "later" or "afterwards" or "afterward" or "after" or "next")
        {
            for (var i = question.Count - 2; i > 1; i--)
            {
                if (question.WordString(i) is "and" or "then")
                {
                    length = 1;
                    return i;
                }
            }
        }

        length = 0;
        return -1;
    }

    /// <summary>Words that say when a step comes, not which step it is.</summary>
    private static readonly FrozenSet<string> OrderWords = new[]
    {
        "later", "afterwards", "afterward", "after", "then", "next", "before", "first", "only", "followed",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Should I do the lengthening drills before any strength work?" answered from a drill fact that names no order:
    /// the fact of the same topic that names the first step ("recommends starting with strengthening"), which settles
    /// the order claim, so the reply can lead with it. -1 when the message is no order claim, a chosen fact already
    /// settles it, or no fact of the chosen facts' topics names a first step the claim speaks of.
    /// </summary>
    public static int OrderingFact(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> chosen)
    {
        if (chosen.Count == 0 || !IsYesNo(question) || AsksAChoice(question) || VerdictChecks.AboutTheAsker(question) || VerdictChecks.AsksClearance(question))
        {
            return -1;
        }

        var facts = index.Facts;
        var shown = chosen.Select(c => facts.Passages[c]).Where(p => p.Kind == PassageKind.TopicFact).ToList();
        if (shown.Count == 0 || StepOrderVerdict(index, question, shown) is not null)
        {
            return -1;
        }

        foreach (var topic in shown.Select(p => p.Topic).Distinct())
        {
            foreach (var ordinal in facts.OfTopic(topic))
            {
                var passage = facts.Passages[ordinal];
                if (passage.Kind == PassageKind.TopicFact && !chosen.Contains(ordinal) && StepOrderVerdict(index, question, [passage]) is not null)
                {
                    return ordinal;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// "Should I stretch my psoas before I start strengthening it?", "is it best to start with stretching instead of
    /// strengthening?" over a fact that says to start with strengthening: no; "should strengthening come first?": yes.
    /// The fact's first step is the word after "start with", "begin with" (or, for a step the claim puts later, within
    /// three words of "first"). Null when the claim orders nothing or no shown fact names a first step.
    /// </summary>
    private static string? StepOrderVerdict(KnowledgeIndex index, TokenizedText question, List<FactPassage> shown)
    {
        var facts = index.Facts;
        var namesFirstStep = false;
        for (var i = 1; i < question.Count && !namesFirstStep; i++)
        {
            namesFirstStep = FirstStepWords.Contains(question.WordString(i));
        }

        var at = OrderMarker(question, namesFirstStep, out var length, out var reversed);
        if (at < 0 && !namesFirstStep)
        {
            return null;
        }

        var earlier = new List<string>();
        var later = new List<string>();
        // A claim with a tag ("strengthening first and stretching later, is that right?") starts with its first step.
        for (var i = IsYesNoStart(question.WordString(0)) ? 1 : 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if ((i < at || i >= at + length) && !Vocabulary.StopWords.Contains(word) && !FirstStepWords.Contains(word) && !Vocabulary.IsPlainEnglish(word)
                && !index.IsMuscleWord(word) && !OrderWords.Contains(word))
            {
                (at < 0 || (i < at) != reversed ? earlier : later).Add(facts.Term(word));
            }
        }

        later.RemoveAll(t => SameStep(earlier, t));
        if (earlier.Count == 0)
        {
            return null;
        }

        foreach (var passage in shown)
        {
            var words = Words(passage.Fact.Text);
            for (var i = 0; i < words.Length - 1; i++)
            {
                if (!FirstStepWords.Contains(words[i]))
                {
                    continue;
                }

                // "starting with strengthening": the step itself; "first" also opens other phrases ("our first stretch").
                var withStep = words[i] != "first" && words[i + 1] == "with" && i + 2 < words.Length;
                for (var next = i + 1; next < Math.Min(words.Length, i + 4); next++)
                {
                    var term = facts.Term(words[next]);
                    if (SameStep(earlier, term))
                    {
                        if (withStep && next == i + 2)
                        {
                            return "Yes.";
                        }

                        break;
                    }

                    if (SameStep(later, term))
                    {
                        return "No.";
                    }
                }

                // "Should I start with stretching?" over "start with strengthening instead ... than a deep stretch": the
                // fact speaks of the claim's step and puts another one first.
                if (withStep && at < 0 && words.Any(w => SameStep(earlier, facts.Term(w))))
                {
                    return "No.";
                }
            }
        }

        return null;
    }

    /// <summary>The same step in other forms: "strength" and "strengthening", "stretch" and "stretches" (one a prefix of the other, five letters at least).</summary>
    private static bool SameStep(List<string> steps, string term)
    {
        foreach (var step in steps)
        {
            var common = step.AsSpan().CommonPrefixLength(term);
            if (step == term || (common >= 5 && common == Math.Min(step.Length, term.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Comparatives a yes/no claim can make ("better than stretching", "stronger than").</summary>
    private static readonly FrozenSet<string> Comparatives = new[]
    {
        "better", "worse", "stronger", "weaker", "faster", "slower", "safer", "bigger", "larger", "smaller",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is heat better than ice?", "are stretches more effective than strengthening?": a comparison is settled only by a
    /// fact that makes it (holds the comparative, or the word "more" or "less" qualifies); a fact about one side says
    /// nothing of which is better. True when the question compares nothing ("more than 40 %" is an amount).
    /// </summary>
    private static bool MakesTheComparison(TokenizedText question, string[] factWords)
    {
        for (var i = 1; i < question.Count - 1; i++)
        {
            if (question.WordString(i) != "than" || question.WordString(i - 1) is "rather" or "other" || question.WordString(i + 1).Any(char.IsAsciiDigit))
            {
                continue;
            }

            var comparative = question.WordString(i - 1);
            if (Comparatives.Contains(comparative) || (comparative.Length > 4 && comparative.EndsWith("er", StringComparison.Ordinal)))
            {
                // "Deeper than the other hip flexors?" over "lies deepest of the hip flexors": set against all the rest, the
                // comparative is the superlative's claim.
                return factWords.Contains(comparative) || (AgainstTheRest(question, i) && factWords.Contains(string.Concat(comparative.AsSpan(0, comparative.Length - 2), "est")));
            }

            // "more effective than", "more easy to palpate than" (the fact may say "easier"): the quality is the word after "more".
            for (var back = i - 2; back >= 1; back--)
            {
                if (question.WordString(back) is "more" or "less")
                {
                    var quality = question.WordString(back + 1);
                    return factWords.Any(w => w == quality || (w.Length == quality.Length + 2 && w.EndsWith("er", StringComparison.Ordinal)
                        && w.AsSpan().CommonPrefixLength(quality) >= quality.Length - 1));
                }
            }
        }

        return true;
    }

    /// <summary>
    /// "than the other hip flexors", "than all the others", "than any other", "than the rest": the comparison at
    /// <paramref name="than"/> sets its subject against every other of its kind, which a superlative says.
    /// </summary>
    private static bool AgainstTheRest(TokenizedText question, int than)
    {
        for (var j = than + 1; j < question.Count && j <= than + 3; j++)
        {
            var word = question.WordString(j);
            if (word is "other" or "others" or "rest")
            {
                return true;
            }

            if (word is not ("the" or "all" or "any" or "every"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is the psoas easy to palpate?" against "the iliacus ... is easier to palpate than the psoas": a fact that ranks
    /// something else above the asked muscle ("than" followed, within two words, by a word of the asked muscle's name, or
    /// a muscle word the question itself uses)
    /// says nothing of the plain claim, so no shown fact settles it. Only when the question makes no comparison of its own
    /// (one that does is weighed by <see cref="MakesTheComparison"/>). Not caught: a ranking said without "than" ("the
    /// iliacus is the easier of the two").
    /// </summary>
    private static bool ComparesOtherAgainstTheAsked(KnowledgeIndex index, TokenizedText question, int[] askedMuscles, string[] factWords)
    {
        if (question.Words.Contains("than"))
        {
            return false;
        }

        for (var i = 0; i + 1 < factWords.Length; i++)
        {
            if (factWords[i] != "than")
            {
                continue;
            }

            for (var k = i + 1; k < Math.Min(factWords.Length, i + 3); k++)
            {
                // "the psoas" may name no one muscle (the analysis leaves it grey): the question's own muscle word counts.
                if (factWords[k].Length > 4 && index.IsMuscleWord(factWords[k]) && question.Words.Contains(factWords[k]))
                {
                    return true;
                }

                foreach (var asked in askedMuscles)
                {
                    var name = index.Muscles[asked].Name.AsSpan();
                    foreach (var part in name.Split(' '))
                    {
                        if (name[part].Length > 4 && name[part].Equals(factWords[k], StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Claims that one thing does better than another: "beat", "superior", "outperform" are "better" said otherwise.</summary>
    private static readonly FrozenSet<string> BetterWords = new[]
    {
        "better", "beat", "beats", "beating", "superior", "outperform", "outperforms", "trump", "trumps", "outdo", "outdoes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is massage proven to work better than stretching?", "is psoas massage proven to beat stretching?" over a fact that
    /// says "no better than": no.
    /// </summary>
    private static bool DeniesTheComparison(TokenizedText question, List<FactPassage> shown)
    {
        foreach (var word in question.Words)
        {
            if (!Comparatives.Contains(word) && !BetterWords.Contains(word))
            {
                continue;
            }

            var comparative = BetterWords.Contains(word) ? "better" : word;

            foreach (var passage in shown)
            {
                var words = Words(passage.Fact.Text);
                for (var i = 1; i < words.Length; i++)
                {
                    if (words[i] == comparative && words[i - 1] is "no" or "not")
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the question asks about a part being absent: an absence word ("without", "lack", "missing") or "have"
    /// denied just before it ("do some people not have", "dont have", "never have").
    /// </summary>
    private static bool AsksAbsence(TokenizedText question)
    {
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (IsAbsenceWord(word))
            {
                return true;
            }

            if (word is "have" or "has" or "got" && ((i >= 1 && Denials.Contains(question.WordString(i - 1))) || (i >= 2 && Denials.Contains(question.WordString(i - 2)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An absence word, or a typo of "absent" ("abscent", "absint"): "is psoas minr abscent in some peopel".</summary>
    private static bool IsAbsenceWord(string word) =>
        AbsenceWords.Contains(word) || (word.Length >= 5 && word.StartsWith("ab", StringComparison.Ordinal) && Text.FuzzyRatio.Of(word, "absent") >= 80);

    /// <summary>"Does everybody have a psoas major?": nothing asked but whether the muscle is there ("... on the T12 origin?" asks more).</summary>
    private static bool AsksPresenceOnly(TokenizedText question, Analysis analysis)
    {
        foreach (var word in analysis.WordsOutsideMuscles(question))
        {
            if (!Vocabulary.StopWords.Contains(word) && !Everyone.Contains(word)
                && word is not ("have" or "has" or "got" or "does" or "do" or "people" or "person" or "persons" or "humans" or "human" or "single"))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly FrozenSet<string> Denials = new[] { "not", "dont", "doesnt", "didnt", "never", "no" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a claim is about everyone ("does every person have one", "in all humans"), and whether it denies that
    /// ("is it true that not everybody has one", "the psoas minor isn't in all people"): the claim is then that some lack
    /// it. "At all" is emphasis ("do some folks not have one at all?"), and a question opened by a denial ("doesn't
    /// everyone have one?") still claims everyone.
    /// </summary>
    private static (bool Everyone, bool NotEveryone) AsksEveryone(TokenizedText question)
    {
        var (everyone, denied) = (false, false);
        var denial = false;
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (i > 0 && (Denials.Contains(word) || word is "isnt" or "arent"))
            {
                denial = true;
            }

            if (!Everyone.Contains(word) || (word == "all" && i > 0 && question.WordString(i - 1) == "at"))
            {
                continue;
            }

            everyone = true;
            denied |= denial;
        }

        return (everyone, denied);
    }

    /// <summary>Whether a yes/no question offers a choice ("X or Y"), rather than asking "... or not".</summary>
    private static bool AsksAChoice(TokenizedText question)
    {
        for (var i = 1; i < question.Count - 1; i++)
        {
            if (question.WordString(i) == "or" && question.WordString(i + 1) is not ("not" or "no" or "what" or "something" or "anything"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A yes/no question no fact settles whose answer shows a disagreement about what it claims: the sources differ, and
    /// the reply shows how. A disagreement on another point of the same card ("only muscle joining the upper and lower
    /// body" under "is the psoas major superficial or deep?") settles nothing.
    /// </summary>
    public static string? DisputeVerdict(KnowledgeIndex index, TokenizedText question, Analysis analysis, ImmutableArray<string> shownIds)
    {
        if (!IsYesNo(question) || analysis.Safety.AsksAboutRedFlag)
        {
            return null;
        }

        var claim = DisputableWords(index, question, analysis.MuscleWordPositions);
        // "Is the psoas minor part of the iliopsoas?": a name inside a topic's phrase ("part of the iliopsoas") is no
        // analysed muscle, yet it is one side of the relation the dispute is about.
        int[] named = [.. index.MusclesNamedIn(question.Text).Union(VerdictChecks.AskedMuscles(index, question, analysis))];
        foreach (var p in index.Facts.Passages)
        {
            // "Is the psoas minor part of the iliopsoas?" under "does the psoas minor belong to the iliopsoas?": a
            // dispute naming every muscle the claim relates is about it.
            if (p.Kind == PassageKind.Disagreement && shownIds.Contains(p.Id) && !AboutFirmness(p)
                && (Touches(index.Facts, p, claim) || (named.Length >= 2 && index.MusclesNamedIn(p.Note ?? p.Fact.Text) is var disputed && named.All(disputed.Contains))))
            {
                return "The sources differ.";
            }
        }

        return null;
    }

    /// <summary>Where an action or a part is ("the hip", "the low back"): shared by a claim and a dispute about something else there.</summary>
    private static readonly FrozenSet<string> RegionWords = new[]
    {
        "hip", "hips", "thigh", "thighs", "leg", "legs", "femur", "spine", "spinal", "back", "lumbar", "pelvis", "pelvic",
        "body", "muscle", "muscles", "side", "sides", "low", "lower", "upper",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words in a fact that rank a thing among others of its kind: the chief one is one of several.</summary>
    private static readonly FrozenSet<string> RankWords = new[]
    {
        "chief", "main", "principal", "primary", "strongest", "secondary", "several", "biggest", "largest",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is the iliopsoas the only hip flexor?", "is the psoas the sole muscle that ...": a claim that the subject is the one
    /// thing of a kind ("the only", "the sole", "the single", "only one" before the kind), over a shown fact that ranks it
    /// among others of that kind ("the hip's chief flexor"): no. The kind must be a word of the same fact ("flexor"), so a
    /// rank of something else settles nothing. Not caught: "only" as a manner ("does it only flex the hip") and a kind
    /// the fact names in other words; a dispute about the claim ("the only link between upper and lower body") is weighed
    /// before this and says the sources differ.
    /// </summary>
    private static bool OneOfSeveral(KnowledgeIndex index, TokenizedText question, List<FactPassage> shown)
    {
        var kind = new List<string>(2);
        for (var i = 1; i + 1 < question.Count && kind.Count == 0; i++)
        {
            var word = question.WordString(i);
            if (!((word is "only" or "sole" or "single" or "lone" && question.WordString(i - 1) is "the" or "a" or "an") || (word == "only" && question.WordString(i + 1) == "one")))
            {
                continue;
            }

            for (var j = i + 1; j < question.Count && j <= i + 3 && kind.Count < 2; j++)
            {
                var next = question.WordString(j);
                if (!Vocabulary.StopWords.Contains(next) && !HipEndWords.Contains(next) && next != "muscle" && !index.IsMuscleWord(next))
                {
                    kind.Add(index.Facts.Term(next));
                }
            }
        }

        if (kind.Count == 0)
        {
            return false;
        }

        foreach (var p in shown)
        {
            var words = Words(p.Fact.Text);
            if (!HoldsAny(words, RankWords))
            {
                continue;
            }

            foreach (var word in words)
            {
                if (kind.Contains(index.Facts.Term(word)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words that claim a thing is the only one of its kind, read as "only" against a dispute's question.</summary>
    private static readonly FrozenSet<string> SoleWords = new[] { "sole", "single", "solely", "lone", "exclusive", "exclusively" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words of a yes/no claim a disagreement must share to be about it: less stop words, muscle names and regions.</summary>
    private static List<string> DisputableWords(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords)
    {
        var words = new List<string>();
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (!skipWords.Contains(i) && !Vocabulary.StopWords.Contains(word) && !index.IsMuscleWord(word) && !RegionWords.Contains(word))
            {
                // "The sole muscle", "the single link": the claim that it is the only one, as the disputes ask it.
                words.Add(SoleWords.Contains(word) ? "only" : word);
            }
        }

        return words;
    }

    /// <summary>
    /// Whether a disagreement's note or sides hold one of the claim's words (the same term, or a longer form: "extend",
    /// "extension"). A note that asks the disputed question is what is in dispute: the sides' wording repeats undisputed
    /// parts ("the cable-like psoas" under "can a therapist feel the psoas by hand?" disputes nothing about its shape).
    /// </summary>
    private static bool Touches(FactIndex facts, FactPassage disagreement, List<string> claim)
    {
        if (claim.Count == 0)
        {
            return false;
        }

        var words = disagreement.Note is { } note && note.TrimEnd().EndsWith('?') ? Words(note) : DisagreementWords(disagreement);
        var terms = words.Select(facts.Term).ToHashSet(StringComparer.Ordinal);
        return claim.Any(c => terms.Contains(facts.Term(c)) || words.Any(w => SameRoot(w, c)));
    }

    /// <summary>Words that make a disagreement one about how surely a point is stated, not whether it holds.</summary>
    private static readonly FrozenSet<string> FirmnessWords = new[]
    {
        "firmly", "firm", "strongly", "confidently", "certain", "certainly", "definitely", "tentatively", "hedge", "hedges", "hedged",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "How firmly do the sources state outward rotation?": the sources that speak of the point all say it holds, one
    /// only with "may" (000 "may laterally rotate the hip", 002 "hip external rotation", 003 "external hip rotation";
    /// none denies it). Such a note is shown, but it disputes how surely the point is stated, not the point: the verdict
    /// comes from the facts.
    /// </summary>
    private static bool AboutFirmness(FactPassage disagreement) => Words(disagreement.Note ?? disagreement.Fact.Text).Any(FirmnessWords.Contains);

    /// <summary>The disagreements among the chosen passages and those of their topics.</summary>
    private static IEnumerable<FactPassage> ShownDisagreements(KnowledgeIndex index, IReadOnlyList<int> chosen) =>
        chosen.Select(c => index.Facts.Passages[c]).Where(p => p.Kind == PassageKind.Disagreement)
            .Concat(chosen.Select(c => index.Facts.Passages[c].Topic).Where(t => t >= 0).Distinct().SelectMany(index.Facts.TopicDisagreements));

    /// <summary>Whether the claim names a direction ("inward") whose opposite a disagreement names while it never names the claim's own.</summary>
    private static bool OnlyTheOppositeIsDisputed(TokenizedText question, FactPassage disagreement)
    {
        var words = DisagreementWords(disagreement);
        foreach (var word in question.Words)
        {
            if (OppositeWords.TryGetValue(word, out var opposite) && words.Contains(opposite) && !words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a disagreement: its question (note) and its text.</summary>
    private static string[] DisagreementWords(FactPassage disagreement) =>
        Words(disagreement.Note is { } note ? note + " " + disagreement.Fact.Text : disagreement.Fact.Text);

    /// <summary>
    /// "Can the iliopsoas rotate the hip outward?" under the dispute "does the iliopsoas move the thigh out to the side
    /// (abduction)?": a topic dispute whose own question shares no word (or root: "rotate" and "rotation") with a yes/no
    /// question is about another point, and showing it only lengthens the verdict's reply. Disputes of a muscle's
    /// attribute (origin levels, insertion) have no question of their own and always stay, as does any dispute when the
    /// message is no yes/no question.
    /// </summary>
    public static bool DisputeOffTheClaim(KnowledgeIndex index, TokenizedText question, FactPassage note)
    {
        if (note.Kind != PassageKind.Disagreement || note.Topic < 0 || note.Note is not { } asked || !IsYesNo(question))
        {
            return false;
        }

        var noteWords = Words(asked);
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (word.Length < 3 || Vocabulary.StopWords.Contains(word) || index.IsMuscleWord(word))
            {
                continue;
            }

            foreach (var noteWord in noteWords)
            {
                if (noteWord == word || SameRoot(noteWord, word))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether every word of a yes/no question that names the dispute's point ("abduct" for the abduction dispute) is in
    /// one of the shown facts too: only then can the shown facts say what the dispute's sides say. "Does the iliopsoas
    /// abduct the hip?" answered from the rotation facts must show the abduction dispute's sides, however many words
    /// ("hip", "outward", "massage blog") the rotation fact shares with them.
    /// </summary>
    public static bool ShownFactsNameThePoint(KnowledgeIndex index, TokenizedText question, FactPassage note, IReadOnlyList<Fact> shown)
    {
        if (note.Note is not { } asked)
        {
            return true;
        }

        var noteWords = Words(asked);
        for (var i = 0; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (word.Length < 3 || Vocabulary.StopWords.Contains(word) || index.IsMuscleWord(word)
                || !Array.Exists(noteWords, n => n == word || SameRoot(n, word)))
            {
                continue;
            }

            var named = false;
            foreach (var fact in shown)
            {
                named |= Array.Exists(Words(fact.Text), f => f == word || SameRoot(f, word));
            }

            if (!named)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "extend" and "extension", "abduct" and "abduction" (one word's ending changed, at least five letters kept),
    /// "pubis" and "pubic" (both endings of at most two letters).
    /// </summary>
    private static bool SameRoot(string a, string b)
    {
        var common = a.AsSpan().CommonPrefixLength(b);

        return (common >= 5 && common >= Math.Min(a.Length, b.Length) - 1) || (common >= 4 && a.Length - common <= 2 && b.Length - common <= 2);
    }

    /// <summary>
    /// "Does the psoas extend the lumbar spine?" under the dispute "does the psoas flex or extend the low back?": the
    /// disagreement is the question itself, whatever one fact beside it says.
    /// </summary>
    private static bool AsksTheDisputedQuestion(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, IReadOnlyList<int> chosen)
    {
        // "Can the psoas help extend the low back?": the facts agree it can help; the dispute is whether it extends it.
        // "Is the iliacus easier to feel than the psoas?" is a comparison the facts settle; "two per body?" a count.
        if (question.Words.Any(w => w is "help" or "helps" or "assist" or "assists" or "contribute" or "contributes") || ComparedSides(index, question) is not null)
        {
            return false;
        }

        List<string>? claim = null;
        foreach (var p in ShownDisagreements(index, chosen))
        {
            if (p.Note is { } note && note.TrimEnd().EndsWith('?') && !AboutFirmness(p))
            {
                claim ??= [.. DisputableWords(index, question, skipWords).Where(w => !NumberWords.Contains(w) && !w.Any(char.IsAsciiDigit))];
                var noteWords = Words(note);
                var noteTerms = noteWords.Select(index.Facts.Term).ToHashSet(StringComparer.Ordinal);
                if (claim.Any(w => noteTerms.Contains(index.Facts.Term(w)) || noteWords.Any(n => SameRoot(n, w))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] HipEndWords = ["hip", "hips", "thigh", "thighs", "leg", "legs", "femur"];

    /// <summary>
    /// "Does the iliopsoas turn the thigh outward?" over "it may help turn the hip outward": in what a muscle does, the hip,
    /// the thigh and the leg are one end of the movement, so an action fact naming one holds the others.
    /// </summary>
    private static void WithOneHipEnd(FactIndex facts, List<FactPassage> shown, List<HashSet<string>> factTerms)
    {
        string[]? hipEnd = null;
        for (var i = 0; i < shown.Count; i++)
        {
            if (shown[i].Attribute != MuscleAttribute.Action)
            {
                continue;
            }

            hipEnd ??= [.. HipEndWords.Select(facts.Term)];
            if (hipEnd.Any(factTerms[i].Contains))
            {
                factTerms[i].UnionWith(hipEnd);
            }
        }
    }

    private static readonly string[] LowBackWords = ["lumbar", "lower", "low", "back", "spine"];

    /// <summary>Other parts of the spine: "does the psoas major attach to the cervical spine?" is no claim about the low back.</summary>
    private static readonly FrozenSet<string> OtherSpinalRegions = new[]
    {
        "cervical", "thoracic", "sacral", "sacrum", "coccyx", "coccygeal", "upper", "mid", "middle", "neck", "dorsal",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does the psoas help to side-bend the lumbar spine?" over "it helps side-bend the lower spine": the lumbar spine,
    /// the lower spine and the low back are one region, so a fact naming one holds the words of the others.
    /// </summary>
    private static void WithOneLowBack(FactIndex facts, List<FactPassage> shown, List<HashSet<string>> factTerms)
    {
        string[]? region = null;
        for (var i = 0; i < shown.Count; i++)
        {
            var words = Words(shown[i].Fact.Text);
            var names = false;
            for (var w = 0; w < words.Length && !names; w++)
            {
                names = words[w] == "lumbar" || (words[w] is "lower" or "low" && w + 1 < words.Length && words[w + 1] is "back" or "spine");
            }

            if (names)
            {
                region ??= [.. LowBackWords.Select(facts.Term)];
                factTerms[i].UnionWith(region);
            }
        }
    }

    /// <summary>"only from the lumbar ones?" after the psoas major's origin: the one muscle all the shown facts are about, if any.</summary>
    private static int[] ShownMuscle(List<FactPassage> shown)
    {
        var muscle = shown[0].Muscle;
        foreach (var p in shown)
        {
            if (p.Muscle != muscle)
            {
                return [];
            }
        }

        return muscle >= 0 ? [muscle] : [];
    }

    /// <summary>
    /// "lateral to the psoas" in a fact names the psoas major a claim places against ("is the iliacus lateral to the psoas
    /// major?"): the placed muscle's first word, said bare in the fact, with no other muscle word after it.
    /// </summary>
    private static bool NamesByHead(KnowledgeIndex index, List<int> places, FactPassage passage)
    {
        var words = Words(passage.Fact.Text);
        foreach (var place in places)
        {
            var name = index.Muscles[place].Name;
            var space = name.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                continue;
            }

            var head = name[..space].ToLowerInvariant();
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i] == head && (i + 1 == words.Length || !index.IsMuscleWord(words[i + 1])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words before a muscle that make it the standard a claim compares with ("like the major", "as the psoas minor").</summary>
    private static readonly FrozenSet<string> LikeWords = new[] { "like", "as", "unlike" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The muscles a claim places its subject against: "medial to the psoas major", "in front of the psoas minor".</summary>
    private static List<int> PlacedAgainst(TokenizedText question, Analysis analysis)
    {
        var placed = new List<int>();
        foreach (var mention in analysis.Muscles)
        {
            var at = mention.Start - 1;
            at = at >= 0 && question.WordString(at) is "the" or "its" or "a" ? at - 1 : at;
            if (at >= 1 && question.WordString(at) is "to" or "of" or "than" && RelativePlaceWords.Contains(question.WordString(at - 1)) && !placed.Contains(mention.Muscle))
            {
                placed.Add(mention.Muscle);
            }
        }

        return placed;
    }


    /// <summary>
    /// The muscles the claim compares its subject with: "does the psoas minor tilt the pelvis forward like the major?",
    /// "the same way as the psoas minor" (what the claim says of them is the standard, not the claim).
    /// </summary>
    private static List<int> ComparedWith(TokenizedText question, Analysis analysis)
    {
        var standard = new List<int>();
        foreach (var mention in analysis.Muscles)
        {
            var at = mention.Start - 1;
            at = at >= 0 && question.WordString(at) is "the" or "its" or "a" ? at - 1 : at;
            // "Is the iliacus medial to the psoas major?", "in front of the psoas": the muscle after a word of place is
            // where the claim puts its subject, not the subject.
            var placed = at >= 1 && question.WordString(at) is "to" or "of" or "than" && RelativePlaceWords.Contains(question.WordString(at - 1));
            if (at >= 0 && (LikeWords.Contains(question.WordString(at)) || placed) && !standard.Contains(mention.Muscle))
            {
                standard.Add(mention.Muscle);
            }
        }

        return standard;
    }

    /// <summary>
    /// "Does the psoas major tilt the pelvis the same way as the psoas minor?" over "the psoas major and iliacus tilt the
    /// pelvis forward, while the psoas minor tilts it backward": a fact that puts both in one clause says yes, one whose
    /// clauses give them opposite words (forward, backward) says no. Null when the claim names a manner of its own to
    /// weigh (the usual reading then judges the subject's clause), or no shown fact names both.
    /// </summary>
    private static string? SameAsVerdict(KnowledgeIndex index, TokenizedText question, int[] subject, List<int> standard, List<FactPassage> shown)
    {
        if (standard.Count == 0 || subject.Length == 0 || question.Words.Any(OppositeWords.ContainsKey))
        {
            return null;
        }

        foreach (var passage in shown)
        {
            var clauses = ClauseBreak.Split(passage.Fact.Text);
            var (mine, theirs) = (-1, -1);
            for (var i = 0; i < clauses.Length; i++)
            {
                var named = index.MusclesNamedIn(clauses[i]);
                mine = mine < 0 && named.Any(m => subject.Contains(m)) ? i : mine;
                theirs = theirs < 0 && named.Any(standard.Contains) ? i : theirs;
            }

            if (mine < 0 || theirs < 0)
            {
                continue;
            }

            if (mine == theirs)
            {
                return "Yes.";
            }

            var (a, b) = (Words(clauses[mine]), Words(clauses[theirs]));
            if (a.Any(w => OppositeWords.TryGetValue(w, out var other) && b.Contains(other) && !b.Contains(w)))
            {
                return "No.";
            }
        }

        // Each muscle's own facts ("it tilts the pelvis forward" for the one, "tilts the pelvis backward" for the other):
        // those sharing a claim word are set against each other.
        var claim = ClaimTerms(index.Facts, question, []);
        var (subjectWords, standardWords) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        foreach (var passage in shown)
        {
            if (passage.Muscle < 0 || !claim.Any(index.Facts.FactTerms(passage.Ordinal).Contains))
            {
                continue;
            }

            var words = subject.Any(m => Related(index, m, passage.Muscle)) ? subjectWords : standard.Any(m => Related(index, m, passage.Muscle)) ? standardWords : null;
            words?.UnionWith(Words(passage.Fact.Text));
        }

        return subjectWords.Any(w => OppositeWords.TryGetValue(w, out var opposite) && standardWords.Contains(opposite) && !standardWords.Contains(w)) ? "No." : null;
    }

    /// <summary>The claim of a yes/no question: its words after the first, less stop words, cue words, skipped words and the muscle names.</summary>
    private static List<string> ClaimTerms(FactIndex facts, TokenizedText question, IReadOnlyList<int> skipWords)
    {
        var claim = new List<string>();
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            // A cue word asks which attribute ("insert", "supply"); a word of a longer cue ("through" in "runs through")
            // is part of the claim ("does it go through the psoas").
            if (skipWords.Contains(i) || Vocabulary.StopWords.Contains(word) || Vocabulary.SingleWordCues.Contains(word) || word is "psoas" or "iliopsoas" or "iliacus"
                || NamesAPartOfTheSubject(question, skipWords, i) || JudgingWords.Contains(word) || NamesMembership(question, i))
            {
                continue;
            }

            claim.Add(facts.Term(word));
        }

        return claim;
    }

    /// <summary>
    /// Verbs of judging a claim ("is the psoas considered a core muscle", "regarded as", "classed as"): how it is held,
    /// not what is held, so a fact that says "often regarded as a core muscle" holds the claim without them.
    /// </summary>
    private static readonly FrozenSet<string> JudgingWords = new[]
    {
        "considered", "regarded", "classed", "classified", "counted", "deemed", "viewed", "reckoned", "thought", "seen",
        // "Can it rotate the hip too?": adds the claim to what was said before, and says nothing a fact must hold.
        "too", "likewise",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Is the psoas considered part of the core?", "a member of the core muscles?": membership said after the subject,
    /// before a word that is no muscle ("part of the iliopsoas" is a relation between muscles and stays in the claim).
    /// </summary>
    private static bool NamesMembership(TokenizedText question, int at)
    {
        if (question.WordString(at) is not ("part" or "member") || at + 1 >= question.Count || question.WordString(at + 1) != "of")
        {
            return false;
        }

        var next = at + 2 < question.Count && question.WordString(at + 2) is "the" or "a" or "its" ? at + 3 : at + 2;
        return next < question.Count && question.WordString(next) is not ("psoas" or "iliopsoas" or "iliacus" or "group");
    }

    private static readonly FrozenSet<string> PartWords = new[] { "part", "parts", "portion", "portions", "piece", "bit", "section", "fibres", "fibers" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does any part of the iliacus attach to the iliac crest?", "do some fibres of the psoas major reach the discs?":
    /// a part word before the muscle it is "of" narrows the subject, it is no claim a fact must hold ("is the psoas
    /// minor part of the iliopsoas", after the muscle, still is).
    /// </summary>
    private static bool NamesAPartOfTheSubject(TokenizedText question, IReadOnlyList<int> skipWords, int at)
    {
        if (!PartWords.Contains(question.WordString(at)) || at + 1 >= question.Count || question.WordString(at + 1) != "of")
        {
            return false;
        }

        for (var i = 0; i < skipWords.Count; i++)
        {
            if (skipWords[i] < at)
            {
                return false;
            }
        }

        var next = at + 2 < question.Count && question.WordString(at + 2) is "the" or "its" or "this" or "that" ? at + 3 : at + 2;
        return skipWords.Contains(next);
    }

    /// <summary>"A branch of the external iliac artery?" when the facts say internal: the claim names the opposite side.</summary>
    private static bool NamesOpposite(FactIndex facts, List<string> claim, List<HashSet<string>> factTerms)
    {
        // Synonym groups fold some pairs together (backward and posterior): the first pair of a folded term stands.
        var opposites = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, opposite) in OppositeWords)
        {
            var (term, other) = (facts.Term(word), facts.Term(opposite));
            if (term != other)
            {
                opposites.TryAdd(term, other);
            }
        }

        if (claim.Any(c => opposites.TryGetValue(c, out var other) && factTerms.Any(t => t.Contains(other)) && factTerms.All(t => !t.Contains(c))))
        {
            return true;
        }

        // Second opposites of the same word ("easy" is "difficult" above and "hard" here), and where a thing lies or
        // whether two things part ("in front of" the kidneys over "behind" them, "separate" tendons over "share one tendon").
        foreach (var (word, opposite) in MoreOppositeWords.Select(static kv => (kv.Key, kv.Value)).Concat(PlaceOpposites))
        {
            var (term, other) = (facts.Term(word), facts.Term(opposite));
            if (term != other && claim.Contains(term) && factTerms.Any(t => t.Contains(other)) && factTerms.All(t => !t.Contains(term)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The claim words that can tell for or against an attribute's facts: those the facts use, those any muscle's facts
    /// of the same attribute use ("greater", "femur", "sacrum" for an attachment), and levels. A verb of the question
    /// ("does it come from L1", "is it attached to the discs" answered with the other end) says nothing against the
    /// facts, so it must not turn into a "No." that the fact under it contradicts.
    /// </summary>
    private static List<string> AttributeClaim(FactIndex facts, List<string> claim, List<FactPassage> shown, List<HashSet<string>> factTerms)
    {
        var vocabulary = AttributeTerms(facts, shown);
        return claim.Where(c => c.Any(char.IsAsciiDigit) || vocabulary.Contains(c) || factTerms.Any(t => t.Contains(c))).ToList();
    }

    /// <summary>
    /// The facts' own form of a claim word they hold only in another ending ("pubic" for "pubis", "sacral" for
    /// "sacrum"): the same structure, never a claim word that no fact holds.
    /// </summary>
    private static string NearForm(string claimTerm, List<HashSet<string>> factTerms)
    {
        if (claimTerm.Length < 5 || factTerms.Any(t => t.Contains(claimTerm)))
        {
            return claimTerm;
        }

        foreach (var term in factTerms.SelectMany(t => t))
        {
            var common = 0;
            while (common < Math.Min(term.Length, claimTerm.Length) && term[common] == claimTerm[common])
            {
                common++;
            }

            if (common >= 4 && term.Length - common <= 2 && claimTerm.Length - common <= 2 && term.Length >= 5)
            {
                return term;
            }
        }

        return claimTerm;
    }

    /// <summary>The verdict over an attribute's facts: yes when one holds the whole claim, no when a claim word is in none of them.</summary>
    private static string? AttributeVerdict(List<string> claim, List<double> support, List<HashSet<string>> factTerms)
    {
        var full = support.Count(x => x >= RoutingThresholds.VerdictFullSupport);
        if (full == support.Count)
        {
            return "Yes.";
        }

        if (full > 0)
        {
            // An attribute lists several facts (actions, attachments): one that holds the whole claim settles it,
            // unless the claim is a level or number the facts give differently ("from L2?", "T12?").
            return claim.Any(c => c.Any(char.IsAsciiDigit)) ? "The sources differ." : "Yes.";
        }

        // A claim word no fact of the attribute uses ("greater" trochanter, the "femur" for the psoas minor): no.
        return claim.Any(c => factTerms.All(t => !t.Contains(c))) ? "No." : null;
    }

    /// <summary>The verdict from the best-supported fact: yes, or whose claim it is when the question asks about a cause.</summary>
    private static string? BestFactVerdict(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, int[] askedMuscles, List<FactPassage> shown,
        List<double> support, List<HashSet<string>> factTerms)
    {
        var best = support.IndexOf(support.Max());
        var words = Words(shown[best].Fact.Text);
        if (support[best] < RoutingThresholds.VerdictMinSupport)
        {
            return null;
        }

        if (VerdictChecks.Disputed(words))
        {
            return VerdictChecks.AsksEfficacy(question) ? "The sources differ." : null;
        }

        if (NegatesTheClaim(index.Facts, shown[best].Fact.Text, factTerms[best], question, skipWords) || VerdictChecks.AsksDispute(question))
        {
            return null;
        }

        // Whether one thing causes another ("can a tight psoas cause knee pain", "the hidden cause of back pain") is
        // what a source claims, never a bare yes: the reply says whose claim it is by showing the fact with its source.
        var asksCause = question.Words.Any(CauseWords.Contains);
        if (asksCause)
        {
            return shown[best].Fact.Sources.Length == 1 ? "One source makes that claim." : "Some sources make that claim.";
        }

        if (!VerdictChecks.HoldsThePainOfTheClaim(index, question, skipWords, shown[best], factTerms[best]) || !SettlesTheClaim(index, question, skipWords, askedMuscles, shown[best], factTerms[best])
            || !MakesTheComparison(question, words))
        {
            return null;
        }

        return HedgesTheSuperlative(question, words) ? "Possibly." : "Yes.";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=[.;!?])\s+", System.Text.RegularExpressions.RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex SentenceBreak();

    /// <summary>
    /// Whether a negation in the fact may bear on the claim: one in a sentence that holds none of the claim's words says
    /// nothing of it ("It may help turn the hip outward. The clinic states this without qualification": the "without"
    /// qualifies how the sources say it). A negation in the sentence that holds the claim, or in a one-sentence fact, counts.
    /// </summary>
    private static bool NegatesTheClaim(FactIndex facts, string fact, HashSet<string> factTerms, TokenizedText question, IReadOnlyList<int> skipWords)
    {
        var words = Words(fact);
        if (!words.Any(Negations.Contains))
        {
            return false;
        }

        var sentences = SentenceBreak().Split(fact);
        var claim = ClaimTerms(facts, question, skipWords).Where(factTerms.Contains).ToList();
        if (sentences.Length < 2)
        {
            return !OnlyWithoutAfterTheClaim(facts, words, claim) && NegationBears(facts, fact, claim);
        }

        foreach (var sentence in sentences)
        {
            var sentenceWords = Words(sentence);
            if (sentenceWords.Any(Negations.Contains) && (claim.Count == 0 || sentenceWords.Any(w => claim.Contains(facts.Term(w))))
                && !OnlyWithoutAfterTheClaim(facts, sentenceWords, claim) && NegationBears(facts, sentence, claim))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a sentence's clauses part: a comma, a spaced dash, a semicolon or a colon.</summary>
    private static readonly System.Text.RegularExpressions.Regex ClauseMark = new(@",|;|:|\s[-\u2013\u2014]\s",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Whether a negation in the sentence can bear on the claim: one in a clause that holds a claim word, or one before
    /// the last claim word. "... the technique is difficult and often painful, nobody can be certain the hands have found
    /// the psoas" does not deny "is psoas massage painful?": its "nobody" comes after the claim, in a clause of its own.
    /// "It is not, as the blog says, painful" still denies it (the "not" comes first). True when the claim is empty.
    /// </summary>
    private static bool NegationBears(FactIndex facts, string sentence, List<string> claim)
    {
        if (claim.Count == 0)
        {
            return true;
        }

        var clauses = ClauseMark.Split(sentence);
        var position = 0;
        var lastClaim = -1;
        var negations = new List<(int Position, int Clause)>();
        var claimClauses = new HashSet<int>();
        for (var c = 0; c < clauses.Length; c++)
        {
            foreach (var word in Words(clauses[c]))
            {
                if (Negations.Contains(word))
                {
                    negations.Add((position, c));
                }
                else if (claim.Contains(facts.Term(word)))
                {
                    lastClaim = position;
                    claimClauses.Add(c);
                }

                position++;
            }
        }

        return lastClaim < 0 || negations.Exists(n => n.Position < lastClaim || claimClauses.Contains(n.Clause));
    }

    /// <summary>
    /// "... advises against trying to touch or palpate it without proper education" under "is the psoas hard to palpate?":
    /// "without" denies only what follows it, so a sentence whose only negations are "without" and whose claim words all
    /// come before the first of them does not deny the claim. Any other negation ("not", "never", "no") still counts.
    /// </summary>
    private static bool OnlyWithoutAfterTheClaim(FactIndex facts, string[] words, List<string> claim)
    {
        if (claim.Count == 0)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < words.Length; i++)
        {
            if (Negations.Contains(words[i]))
            {
                if (words[i] != "without")
                {
                    return false;
                }

                first = first < 0 ? i : first;
            }
            else if (first >= 0 && claim.Contains(facts.Term(words[i])))
            {
                return false;
            }
        }

        return first >= 0;
    }

    /// <summary>
    /// Whether a fact that shares most of a claim's words also confirms it: "is the iliopsoas bursa filled with air?" is
    /// not settled by "a fluid-filled bursa" (no source ever speaks of air), "is there blood in the bursa?" not by a fact
    /// that never says blood, and "does the lumbar plexus pass through the iliacus?" not by one that says it runs through
    /// the psoas. Paraphrase still settles ("beside" for "next to", "share" for "merge", "limb" for "knee"): only what
    /// the claim says a thing is made of or holds, or a muscle of the group, missing from the fact withholds the "Yes.".
    /// </summary>
    private static bool SettlesTheClaim(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, int[] askedMuscles, FactPassage fact, HashSet<string> factTerms)
    {
        for (var i = 1; i < question.Count; i++)
        {
            var word = question.WordString(i);
            if (!skipWords.Contains(i) && (StructureWords.Contains(word) || MannerWords.Contains(word) || PositionWords.Contains(word)) && !factTerms.Contains(index.Facts.Term(word)))
            {
                return false;
            }
        }

        var parts = askedMuscles.Where(m => !index.Muscles[m].IsGroup).ToList();
        if (parts.Count == 0 || fact.Muscle >= 0)
        {
            return true;
        }

        var named = index.MusclesNamedIn(fact.Ordinal);
        return parts.Any(named.Contains) || parts.Any(part => PartHoldsTheClaim(index, question, skipWords, part, factTerms));
    }

    /// <summary>
    /// "Does the psoas major rotate the hip as well?" over the group's fact "the iliopsoas ... turning the hip outward": a
    /// fact about the group settles a claim about a part when one of the part's own facts holds every claim word the group
    /// fact holds ("may help rotate the hip outward"); a part whose facts say otherwise (the psoas minor, which never
    /// reaches the hip) is not settled by its group.
    /// </summary>
    private static bool PartHoldsTheClaim(KnowledgeIndex index, TokenizedText question, IReadOnlyList<int> skipWords, int part, HashSet<string> groupFactTerms)
    {
        // Every claim word must be the group fact's or the part's ("a stronger hip flexor than the psoas" is neither's),
        // and the part's fact must hold each the group fact holds.
        var claim = ClaimTerms(index.Facts, question, skipWords);
        var held = claim.Where(groupFactTerms.Contains).ToList();
        if (held.Count == 0)
        {
            return false;
        }

        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Muscle == part && passage.Kind == PassageKind.MuscleFact && index.Facts.FactTerms(passage.Ordinal) is var own
                && held.All(t => own.Contains(t) || SameRotation(index.Facts, own, t)) && claim.All(t => own.Contains(t) || groupFactTerms.Contains(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One direction of rotation in the words the sources use for it: outward, external, lateral; inward, internal, medial.</summary>
    private static readonly string[][] RotationDirections =
    [
        ["outward", "outwards", "external", "externally", "lateral", "laterally"],
        ["inward", "inwards", "internal", "internally", "medial", "medially"],
    ];

    /// <summary>
    /// "Does the psoas major laterally rotate the hip?" over its own "may help rotate the hip outward": in a fact of
    /// rotation, lateral, external and outward rotation are one direction (and medial, internal, inward the other), so
    /// the fact holds <paramref name="term"/> when it names rotation and another word of the term's direction. "Lateral
    /// flexion" is no rotation and holds nothing of it.
    /// </summary>
    private static bool SameRotation(FactIndex facts, IReadOnlySet<string> own, string term)
    {
        if (!own.Contains(facts.Term("rotation")))
        {
            return false;
        }

        foreach (var direction in RotationDirections)
        {
            if (Array.Exists(direction, w => facts.Term(w) == term))
            {
                return Array.Exists(direction, w => own.Contains(facts.Term(w)));
            }
        }

        return false;
    }

    private static readonly System.Text.RegularExpressions.Regex ClauseBreak = new(
        @"(?<=[.;])\s+|,\s*(?:while|whereas|but)\s+|\s+(?:while|whereas)\s+",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The groups the question names by a word a fact's clause can use for them ("psoas" for the group that alias
    /// belongs to): the first word of the name it used, so "the psoas muscle" is found in "the psoas is cable-like".
    /// </summary>
    private static List<(int Muscle, string Word)> GroupsAskedByName(KnowledgeIndex index, Analysis analysis)
    {
        var groups = new List<(int, string)>();
        foreach (var mention in analysis.Muscles)
        {
            if (index.Muscles[mention.Muscle].IsGroup && mention.Phrase.Split(' ')[0] is { Length: > 0 } word)
            {
                groups.Add((mention.Muscle, word));
            }
        }

        return groups;
    }

    /// <summary>
    /// A fact split by muscle: the clauses that name one of the <paramref name="asked"/> muscles (or a group asked by the
    /// word the clause uses), when another clause names other muscles only; null when the fact does not split so.
    /// <c>Others</c> are the clauses about muscles that are neither asked nor part of, nor a group of, one asked (empty
    /// when there are none): what the fact gives to another muscle.
    /// </summary>
    private static (string Mine, string Others)? ClauseSplit(KnowledgeIndex index, string fact, HashSet<int> asked, List<(int Muscle, string Word)> groups)
    {
        if (asked.Count == 0 && groups.Count == 0)
        {
            return null;
        }

        var clauses = ClauseBreak.Split(fact);
        if (clauses.Length < 2)
        {
            return null;
        }

        var (mine, others) = (new List<string>(), new List<string>());
        var otherClause = false;
        foreach (var clause in clauses)
        {
            var named = index.MusclesNamedIn(clause);
            var narrowed = NarrowedGroups(index, clause, named);
            if (named.Any(asked.Contains) || narrowed.Any(asked.Contains) || groups.Any(g => named.Contains(g.Muscle) && SaysWord(clause, g.Word)))
            {
                mine.Add(clause);
                continue;
            }

            if (named.Length == 0 || named.Any(m => groups.Any(g => g.Muscle == m)))
            {
                continue;
            }

            otherClause = true;
            if (!narrowed.Any(m => asked.Any(a => Related(index, a, m))))
            {
                others.Add(clause);
            }
        }

        return mine.Count > 0 && otherClause ? (string.Join(' ', mine), string.Join(' ', others)) : null;
    }

    private static bool RegionTerm(FactIndex facts, string term) => RegionWords.Any(w => facts.Term(w) == term);

    /// <summary>
    /// A group named by a one-word alias that is a word of some of its parts' names stands for those parts: "the psoas is
    /// cable-like; the iliacus is fan-shaped" sets the psoas major and minor against the iliacus, not the whole group
    /// (which holds the iliacus) against it. A group named otherwise ("the iliopsoas") stays the group.
    /// </summary>
    private static int[] NarrowedGroups(KnowledgeIndex index, string clause, int[] named)
    {
        if (!named.Any(m => index.Muscles[m].IsGroup))
        {
            return named;
        }

        var words = Words(clause);
        var narrowed = new List<int>();
        foreach (var m in named)
        {
            var muscle = index.Muscles[m];
            var parts = new List<int>();
            if (muscle.IsGroup && !muscle.Parts.IsDefault)
            {
                foreach (var word in words)
                {
                    if (!muscle.Aliases.Contains(word))
                    {
                        continue;
                    }

                    for (var p = 0; p < index.Muscles.Length; p++)
                    {
                        if (muscle.Parts.Contains(index.Muscles[p].Id) && Words(index.Muscles[p].Name).Contains(word) && !parts.Contains(p))
                        {
                            parts.Add(p);
                        }
                    }
                }
            }

            narrowed.AddRange(parts.Count > 0 ? parts : [m]);
        }

        return [.. narrowed];
    }

    private static bool SaysWord(string clause, string word) => Array.IndexOf(Words(clause), word) >= 0;

    /// <summary>
    /// "Is the psoas fan-shaped?" over "the psoas is long and cable-like; the iliacus is fan-shaped", "does the iliacus
    /// start each step?" over "... the iliacus stays active throughout walking, while the psoas starts each step": the
    /// claim's point is in the fact's clause about another muscle and in no clause about the one asked, while the fact
    /// holds at least half the claim: the fact gives the property to the other muscle, so no. (Not a region word: "the
    /// psoas minor tilts it backward" names the pelvis only in the other muscle's clause.)
    /// </summary>
    private static bool GivenToTheOtherMuscle(FactIndex facts, List<string> claim, List<(string Mine, string Others)?> splits, List<HashSet<string>> factTerms)
    {
        foreach (var split in splits)
        {
            if (split is not { Others.Length: > 0 } s)
            {
                continue;
            }

            var others = Words(s.Others).Select(facts.Term).ToHashSet(StringComparer.Ordinal);
            var mine = Words(s.Mine).Select(facts.Term).ToHashSet(StringComparer.Ordinal);
            var held = claim.Count(c => mine.Contains(c) || others.Contains(c));
            // A region ("pelvis", "hip") is where both clauses act, and the asked muscle's clause may name it by "it".
            if (held * 2 >= claim.Count && claim.Any(c => others.Contains(c) && factTerms.All(t => !t.Contains(c)) && !RegionTerm(facts, c)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Is the psoas easier to feel than the iliacus?": a muscle fact that says its own muscle is "easier" answers yes
    /// when that muscle is the one before "than", no when it is the one after. Null when the question compares nothing.
    /// </summary>
    private static string? Comparison(KnowledgeIndex index, TokenizedText question, List<FactPassage> shown)
    {
        if (ComparedSides(index, question) is not { } sides)
        {
            return null;
        }

        foreach (var p in shown)
        {
            if (FactComparison(index, sides, p) is { } verdict)
            {
                return verdict;
            }
        }

        return null;
    }

    /// <summary>The muscles before and after "than" and the comparative word before it ("easier"); null when the question compares nothing.</summary>
    private static (int[] Subject, int[] Target, string Comparative)? ComparedSides(KnowledgeIndex index, TokenizedText question)
    {
        var than = -1;
        for (var i = 1; i < question.Count - 1; i++)
        {
            if (question.WordString(i) == "than")
            {
                than = i;
                break;
            }
        }

        if (than < 0)
        {
            return null;
        }

        var before = new TokenizedText(question.Window(0, than).ToString());
        var after = new TokenizedText(question.Window(than + 1, question.Count - than - 1).ToString());
        var subject = index.MusclesNamedIn(before.Text);
        var target = index.MusclesNamedIn(after.Text);
        var comparative = before.Words
            .LastOrDefault(w => w.Length > 4 && w.EndsWith("er", StringComparison.Ordinal) && !index.IsMuscleWord(w) && !Vocabulary.StopWords.Contains(w));
        if (subject.Length == 0 || target.Length == 0 || comparative is null)
        {
            return null;
        }

        return (subject, target, comparative);
    }

    /// <summary>One fact's word on the comparison: yes when it makes the question's subject the comparative one, no when the target; null when silent.</summary>
    private static string? FactComparison(KnowledgeIndex index, (int[] Subject, int[] Target, string Comparative) sides, FactPassage p)
    {
        var (subject, target, comparative) = sides;
        // The fact's own comparison: who is "easier" (before the word, or the muscle the fact is about) and, when
        // it says "than", compared with whom.
        var words = Words(p.Fact.Text);
        var at = Array.IndexOf(words, comparative);
        if (at < 0)
        {
            return null;
        }

        var thanAt = Array.IndexOf(words, "than", at);
        var factSubject = p.Muscle >= 0 ? [p.Muscle] : index.MusclesNamedIn(string.Join(' ', words[..at]));
        int[] factTarget = thanAt > at ? index.MusclesNamedIn(string.Join(' ', words.Skip(thanAt + 1).Take(4))) : [];
        // A muscle named outright settles it before a group name that covers both sides.
        if (subject.Any(factSubject.Contains))
        {
            return "Yes.";
        }

        if (target.Any(factSubject.Contains))
        {
            return "No.";
        }

        if (Matches(index, subject, factSubject) != Matches(index, target, factSubject))
        {
            return Matches(index, subject, factSubject) ? "Yes." : "No.";
        }

        if (Matches(index, subject, factTarget) != Matches(index, target, factTarget))
        {
            return Matches(index, target, factTarget) ? "Yes." : "No.";
        }

        return null;
    }

    /// <summary>Whether any muscle of one side is, contains or is part of a muscle of the other: "the psoas" (the group) stands for its parts.</summary>
    private static bool Matches(KnowledgeIndex index, int[] side, IReadOnlyCollection<int> other) => side.Any(a => other.Any(b => Related(index, a, b)));

    internal static bool Related(KnowledgeIndex index, int a, int b) => a == b
        || (index.Muscles[a].IsGroup && !index.Muscles[a].Parts.IsDefault && index.Muscles[a].Parts.Contains(index.Muscles[b].Id))
        || (index.Muscles[b].IsGroup && !index.Muscles[b].Parts.IsDefault && index.Muscles[b].Parts.Contains(index.Muscles[a].Id));

    /// <summary>What a claim can say a thing is made of or holds: missing from the fact, the claim is not its claim.</summary>
    private static readonly FrozenSet<string> StructureWords = new[]
    {
        "blood", "nerve", "nerves", "artery", "arteries", "vein", "veins", "bone", "bones", "fat", "air", "fluid", "water",
        "cartilage", "ligament", "ligaments", "tendon", "tendons", "organ", "organs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that narrow a claim to a manner or an extent ("put ice directly on the skin", "does it only flex the hip",
    /// "always"): a fact that shares the rest of the claim but not this word does not confirm it, and may say the
    /// opposite ("always put a cover between the skin and the ice bag").
    /// </summary>
    private static readonly FrozenSet<string> MannerWords = new[]
    {
        "directly", "direct", "straight", "bare", "naked", "only", "solely", "just", "always", "never", "completely",
        "entirely", "fully", "totally", "exclusively", "alone", "forever", "permanently",
        // A claim stronger than a fact ("proven to", "guaranteed to", "definitely"): a fact that does not say so does not confirm it.
        "proven", "proved", "guaranteed", "definitely", "certainly", "scientifically", "clinically",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Anatomical words whose opposite in a fact contradicts a yes/no claim.</summary>
    private static readonly FrozenDictionary<string, string> OppositeWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["external"] = "internal", ["internal"] = "external", ["greater"] = "lesser", ["lesser"] = "greater",
        ["superior"] = "inferior", ["inferior"] = "superior", ["medial"] = "lateral", ["lateral"] = "medial",
        ["upper"] = "lower", ["lower"] = "upper", ["left"] = "right", ["right"] = "left",
        ["anterior"] = "posterior", ["posterior"] = "anterior", ["forward"] = "backward", ["backward"] = "forward",
        ["inward"] = "outward", ["outward"] = "inward", ["flexion"] = "extension", ["extension"] = "flexion",
        // "Is a psoas release usually painless?" over "often painful"; "is it easy to do?" over "difficult" (one way only:
        // a fact calling one muscle "easier" to feel says nothing against "is it difficult to reach").
        ["painless"] = "painful", ["comfortable"] = "painful", ["easy"] = "difficult",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Opposites a claim word has besides its one in <see cref="OppositeWords"/>, weighed by <see cref="NamesOpposite"/>
    /// only (one way: a claim word "easy" against a fact that says "hard"; a fact calling something "easy" says nothing
    /// against "is it hard to reach"). "superficial" and "shallow" are listed, but on 3 Dec 2026 "is the psoas
    /// superficial?" still got "My sources don't cover superficial" before any verdict was weighed.
    /// </summary>
    private static readonly FrozenDictionary<string, string> MoreOppositeWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["easy"] = "hard", ["superficial"] = "deep", ["shallow"] = "deep",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The one table of words of place. <c>Relative</c>: the word places one thing against another before "to", "of" or
    /// "than" ("medial to", "in front of", "deeper than"; <see cref="RelativePlaceWords"/>). <c>Denials</c>: fact words
    /// that deny a claim of this place (weighed one way by <see cref="NamesOpposite"/>: the claim word must be in no shown
    /// fact), "is the psoas in front of the kidneys?" over "behind the kidneys" (<see cref="PlaceOpposites"/>); a word with
    /// denials is also a <see cref="PositionWords"/> word a confirming fact must hold. Not caught: a place said in words the
    /// facts never use ("ventral", "dorsal"), or a part-whole claim ("is it part of").
    /// </summary>
    private static readonly (string Word, bool Relative, string[] Denials)[] PlaceWords =
    [
        ("front", true, ["behind"]), ("infront", false, ["behind"]), ("behind", true, ["front"]), ("above", true, ["below", "beneath"]),
        ("below", true, ["above"]), ("beneath", false, ["above"]), ("under", false, ["above"]), ("underneath", false, ["above"]),
        ("superficial", true, ["behind"]), ("medial", true, []), ("lateral", true, []), ("deep", true, []), ("deeper", true, []),
        ("anterior", true, []), ("posterior", true, []), ("superior", true, []), ("inferior", true, []), ("outside", true, []),
        ("inside", true, []), ("next", true, []), ("close", true, []), ("closer", true, []), ("nearer", true, []),
    ];

    /// <summary>Words that place one thing relative to another before "to", "of" or "than" (from <see cref="PlaceWords"/>).</summary>
    private static readonly FrozenSet<string> RelativePlaceWords = PlaceWords.Where(static p => p.Relative).Select(static p => p.Word).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A claim word of place and a fact word that denies it, in <see cref="PlaceWords"/>' order.</summary>
    private static readonly (string Claim, string Denial)[] PlaceOpposites = [.. PlaceWords.SelectMany(static p => p.Denials.Select(d => (p.Word, d)))];

    /// <summary>Words of a claim that two things part ("separate tendons", "insert separately").</summary>
    private static readonly FrozenSet<string> PartingWords = new[] { "separate", "separately", "distinct", "independent", "independently" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words of a fact that two things join ("merge", "share one tendon", "a common tendon", "blend").</summary>
    private static readonly FrozenSet<string> JoiningWords = new[]
    {
        "merge", "merges", "merged", "share", "shares", "shared", "common", "blend", "blends", "fuse", "fuses", "fused", "joined", "jointly",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Do the iliacus and the psoas major have separate tendons?" over "the psoas major and iliacus merge and insert by one
    /// tendon": a claim that the muscles it names part, over a shown fact that joins them, naming each (or being one's own
    /// fact and naming the other): no. "Does the psoas minor have its own separate insertion from the psoas major?" is not
    /// denied by the psoas major's "merges with the iliacus" (the psoas minor is not what it joins). A claim naming one
    /// muscle settles nothing here.
    /// </summary>
    private static bool PartingDenied(KnowledgeIndex index, TokenizedText question, Analysis analysis, List<FactPassage> shown)
    {
        var parting = false;
        for (var i = 0; i < question.Count && !parting; i++)
        {
            parting = PartingWords.Contains(question.WordString(i));
        }

        if (!parting)
        {
            return false;
        }

        var named = new List<int>(4);
        foreach (var muscle in index.MusclesNamedIn(question.Text))
        {
            if (!named.Contains(muscle))
            {
                named.Add(muscle);
            }
        }

        foreach (var mention in analysis.Muscles)
        {
            if (!named.Contains(mention.Muscle))
            {
                named.Add(mention.Muscle);
            }
        }

        if (named.Count < 2)
        {
            return false;
        }

        foreach (var p in shown)
        {
            if (!HoldsAny(Words(p.Fact.Text), JoiningWords))
            {
                continue;
            }

            var about = index.MusclesNamedIn(p.Ordinal);
            var all = true;
            foreach (var m in named)
            {
                all &= m == p.Muscle || about.Contains(m);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsAny(string[] words, FrozenSet<string> set)
    {
        foreach (var word in words)
        {
            if (set.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words of where a thing lies or whether it parts from another: a fact that shares the rest of the claim but not this
    /// word does not confirm it ("does the iliopsoas pass above the inguinal ligament?" is not settled by "crosses over the
    /// inguinal ligament"). "Lateral" and "medial" are left out: "laterally rotate" is an action the facts say "outward".
    /// </summary>
    private static readonly FrozenSet<string> PositionWords = PlaceWords.Where(static p => p.Denials.Length > 0).Select(static p => p.Word)
        .Concat(PartingWords).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The numbers said in words (<see cref="VerdictChecks.NumberNames"/>) and the words of a share or a count of times.</summary>
    private static readonly FrozenSet<string> NumberWords = VerdictChecks.NumberNames.Keys
        .Concat(["half", "once", "twice", "percent"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A count, measure or share; a year ("the 2019 article") names a source, not an answer.</summary>
    internal static bool HoldsNumber(string text) =>
        Words(text).SelectMany(w => w.Split('-')).Any(w => NumberWords.Contains(w) || (w.Any(char.IsAsciiDigit) && !IsYear(w)));

    /// <summary>A length of time: a number with its unit ("about twenty seconds", "a few days", "six weeks").</summary>
    internal static bool HoldsDuration(string text) => HoldsNumber(text) && Words(text).Any(DurationUnits.Contains);

    private static readonly FrozenSet<string> DurationUnits = new[]
    {
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsYear(string word) => word.Length == 4 && word.All(char.IsAsciiDigit) && word[0] is '1' or '2';

    internal static string[] Words(string text) =>
        Text.TextNormalizer.Normalize(text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length && i < b.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
