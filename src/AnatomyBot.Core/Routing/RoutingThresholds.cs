namespace AnatomyBot.Core.Routing;

/// <summary>
/// The router's tuning in one place: every bar a question's analysis is measured against, with why it sits
/// where it does. Fuzzy scores are FuzzySharp ratios (0-100, 100 = exact); topic and fact scores run 0-1.
/// The fact-retrieval scores (fused BM25 and semantic) are in <see cref="RetrievalThresholds"/>.
/// Change a value only with the accuracy suites (<c>tests/AnatomyBot.Core.Tests/Accuracy</c>) run before and after.
/// </summary>
internal static class RoutingThresholds
{
    // Replies.

    /// <summary>The confidence a did-you-mean reports when its suggestions have no score of their own (clipped names, cut-off names).</summary>
    public const double GuessConfidence = 0.5;

    /// <summary>A topic's dispute counts as touched by the question when its match reaches this share of the best shown fact's.</summary>
    public const double DisputeShareOfBestFact = 0.5;

    // Muscle names.

    /// <summary>A muscle name scoring at least this is taken as meant: one typo in a short name still scores 85-90.</summary>
    public const int MuscleAccept = 84;

    /// <summary>Between this and <see cref="MuscleAccept"/> a name is only guessed at: a did-you-mean (see <see cref="GuessedMuscleAccept"/>).</summary>
    public const int MuscleGrey = 66;

    /// <summary>
    /// A guessed name this close to one muscle, with a strong cue for its attribute ("ilocus innervetion levels", 77), is
    /// answered as that muscle's attribute; farther guesses (a common word two letters off a name) stay suggestions.
    /// </summary>
    public const int GuessedMuscleAccept = 75;

    /// <summary>
    /// The word before "major"/"minor" looks like one of our names when it scores at least this against one: "psaoz"
    /// scores 60 against "psoas", "pectoralis" 53, "zygomaticus" 44 against "iliacus", "teres" 20.
    /// </summary>
    public const int QualifiedNameLooksOurs = 60;

    /// <summary>A fuzzy name below this yields to an exact name of another muscle inside its words ("psoas" in "psoas majr").</summary>
    public const int FuzzyYieldsToExact = 88;

    /// <summary>An alias at least this close to the muscle's name is a misspelling: autocomplete shows the real name only.</summary>
    public const int AliasIsMisspelling = 75;

    /// <summary>Autocomplete keeps a fuzzy name when its partial ratio reaches this (or <see cref="CompletionRatio"/>).</summary>
    public const int CompletionPartialRatio = 70;

    /// <summary>Autocomplete keeps a fuzzy name when its whole-name ratio reaches this (or <see cref="CompletionPartialRatio"/>).</summary>
    public const int CompletionRatio = 60;

    /// <summary>A name cut short ("psoas m") looks at this many completions: enough to find the distinct muscles among the aliases.</summary>
    public const int CutNameCompletions = 6;

    /// <summary>At most this many distinct muscles a cut-short name offers as did-you-mean buttons.</summary>
    public const int CutNameSuggestions = 3;

    /// <summary>Only the first this-many words are searched fuzzily: a pasted essay must not cost a fuzzy search per window.</summary>
    public const int MaxFuzzyWords = 60;

    // Topics.

    /// <summary>Topic confidence at or above which the router answers with the topic.</summary>
    public const double TopicAccept = 0.5;

    /// <summary>Topic confidence at or above which (and below <see cref="TopicAccept"/>) the router suggests topics.</summary>
    public const double TopicGrey = 0.3;

    /// <summary>A topic title or keyword matched this fuzzily (ratio) counts as named.</summary>
    public const int TopicPhraseAccept = 86;

    /// <summary>A topic phrase of two or more words this sure owns its words, so they are not read as muscle names or cues.</summary>
    public const double TopicPhraseOwnsWords = 0.85;

    /// <summary>Added when a second phrase of the same topic is found: two mentions agree, but never outweigh one exact title.</summary>
    public const double RepeatedPhraseBonus = 0.05;

    /// <summary>Weight of the topic-vocabulary word score against a named phrase: loose words say less than a title.</summary>
    public const double TopicWordShare = 0.75;

    /// <summary>Share of the weaker of phrase and word score added when both point at the topic.</summary>
    public const double TopicAgreementBonus = 0.2;

    /// <summary>How far into a question a how-to frame may start ("so how do i ...", "what's the best way to ...").</summary>
    public const int HowToFrameStart = 4;

    /// <summary>
    /// Share of its weight a topic phrase keeps when it is only the object of a how-to verb or lies inside a longer
    /// phrase of another topic: below <see cref="TopicPhraseOwnsWords"/>, so its words can name the muscle again.
    /// </summary>
    public const double YieldingPhraseShare = 0.7;

    /// <summary>Weight of a topic phrase of two or more words: specific.</summary>
    public const double MultiWordPhraseWeight = 1.0;

    /// <summary>Weight of a one-word topic phrase that also names a muscle ("psoas"): it says little about the topic.</summary>
    public const double MuscleWordPhraseWeight = 0.3;

    /// <summary>Weight of a one-word topic phrase of six letters or more.</summary>
    public const double LongWordPhraseWeight = 0.8;

    /// <summary>Weight of a shorter one-word topic phrase: short words are more often incidental.</summary>
    public const double ShortWordPhraseWeight = 0.65;

    /// <summary>A window's word matches a phrase word when their ratio reaches this (both four letters or more).</summary>
    public const int PhraseWordAlign = 80;

    // Words and attribute cues.

    /// <summary>A misspelt attribute cue ("insershun") must score above this to count.</summary>
    public const int FuzzyCueAccept = 84;

    /// <summary>The score given to a cue one edit away, so that it clears <see cref="FuzzyCueAccept"/>.</summary>
    public const int FuzzyCueOneEdit = 85;

    /// <summary>Taken off a sound-alike match: a spelling that sounds right is a little less sure than one that looks right.</summary>
    public const int PhoneticPenalty = 4;

    /// <summary>A typo is corrected to a topic-vocabulary word scoring above this.</summary>
    public const int WordCorrection = 84;

    // Attribute answers.

    /// <summary>Confidence factor when the attribute was only hinted ("nerve"), not named ("innervation").</summary>
    public const double HintedAttributeFactor = 0.85;

    /// <summary>A topic fact beats the named attribute only by this margin over both the accept bar and the attribute's best fact.</summary>
    public const double TopicOverAttributeMargin = 0.15;

    /// <summary>"Which muscle attaches to X?": the best origin or insertion fact must cover this share of the question.</summary>
    public const double ReverseLookupCoverage = 0.35;

    /// <summary>Other origin or insertion facts shown with the best when they cover at least this share of its coverage.</summary>
    public const double ReverseLookupCompanion = 0.8;

    // Fact retrieval (the fused scores themselves are in RetrievalThresholds).

    /// <summary>The lexical search returns at most this many facts: more than the knowledge holds, so none is cut off.</summary>
    public const int FactSearchLimit = 400;

    /// <summary>A fact sharing no scored word still competes when its prior alone exceeds this: a topic found by phrase or example question.</summary>
    public const double PriorOnlyFloor = 0.1;

    /// <summary>Cosine similarity mapped to 1: MiniLM's cosine for a fact that says what the question asks rarely passes it.</summary>
    public const double CosineCeiling = 0.75;

    /// <summary>Share of a fact's prior added to its semantic similarity: the muscle, attribute and topic the question names still count.</summary>
    public const double SemanticPriorShare = 0.5;

    // Yes/no verdicts.

    /// <summary>A fact holds the whole claim when it supports at least this share of the claim's words (all of them, less rounding).</summary>
    public const double VerdictFullSupport = 0.99;

    /// <summary>A fact supporting less than this share of the claim's words settles nothing: no verdict.</summary>
    public const double VerdictMinSupport = 0.5;

    // Everyday English (Text/everyday-english.txt, most frequent first).

    /// <summary>
    /// A word among this many most frequent English words ("normal", "bigger", "humans", "gym") is never the subject
    /// the sources "don't cover": it says how something is asked, not what.
    /// </summary>
    public const int EverydayWordRank = 4000;

    /// <summary>
    /// An everyday word no fact uses weighs this share of a rare one against the question's known words: "is it normal
    /// that the psoas stretch hurts" is about the stretch, "at what age does the psoas reach its adult size" is not covered.
    /// </summary>
    public const double EverydayUnknownShare = 0.5;

    /// <summary>
    /// With only everyday words unknown, the subject is still uncovered when the best lexical fact scores below this:
    /// "is the psoas major mostly red or white fibres" (0.32) matches one word of a fact about nerves; "my yoga teacher
    /// says emotions get stuck in the psoas" (0.40) and "is it normal that the psoas stretch is painful" (0.47) are
    /// answered by the facts they match.
    /// </summary>
    public const double EverydayUncoveredBelow = 0.35;

    /// <summary>
    /// A named muscle, nothing rare unknown, and no fact scoring well: a topic fact holding at least this share of the
    /// idf weight of the question's subject words answers ("does a supple psoas make giving birth easier": "supple" and
    /// "birth" are the body-mind fact's, 0.57 of the weight), rather than the card or a false "not covered".
    /// </summary>
    public const double SubjectHeldShare = 0.5;

    /// <summary>How many of the best-ranked facts are looked at for one holding the question's subject (<see cref="SubjectHeldShare"/>).</summary>
    public const int SubjectHeldLook = 10;
}
