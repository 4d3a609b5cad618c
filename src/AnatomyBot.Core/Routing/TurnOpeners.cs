using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The opening words of a turn in a chat that carry no question of their own, read before the follow-up rules so that
/// each of them sees the question the student asked, not the way the turn began:
/// <list type="bullet">
/// <item>hesitation and resumption ("hmm, what about the psoas major's", "anyway, what nerve does it get", "ok back to
/// it, what's its nerve supply", "back to the iliacus - blood supply?"): dropped, so "back" is no body part and "hmm"
/// no word of the question;</item>
/// <item>a retraction of the last question ("scratch that - psoas minor pls", "yeah no, i meant the iliacus", "never
/// mind, the minor"): read as the correction lead "no" (<see cref="FactAnswerer.IsCorrection"/>), so
/// the muscle that follows takes the last question's attribute; "yeah no" is then no pair of offered answers. A
/// retraction followed by a question of its own ("never mind that, what does it do") is dropped instead;</item>
/// <item>txt-speak "n" for "and" at the start ("n the iliacus?", "n minor?");</item>
/// <item>a complaint about the last answer's length before what is wanted instead ("shorter pls, just origin and
/// insertion");</item>
/// <item>a reference to the student's own earlier message ("further to my previous message, kindly also state its
/// nerve", "following up on my last note, could you ..."): the letter's link to what it continues, dropped
/// (<see cref="OwnMessageAt"/>).</item>
/// </list>
/// Apart from those, <see cref="SwitchedTo"/> reads a change of subject that asks nothing ("switching topics to the psoas
/// major now", "let's talk about the iliacus"), in any chat.
/// Only at the start of the message, and only in a chat that has a last subject (the caller checks). "my bad" is no
/// retraction here: the words cannot tell "my bad: iliacus" from "my bad leg is numb" (the review, 3 Dec 2026). Not caught: an
/// opener in the middle ("what about, hmm, the iliacus"); "back to" before anything but a pronoun, a word for the
/// question or a muscle ("back to running after a strain" keeps its words).
/// </summary>
internal static class TurnOpeners
{
    /// <summary>Hesitation and resumption words that open a turn and are dropped.</summary>
    private static readonly FrozenSet<string> Hesitations = new[]
    {
        "hmm", "hm", "hmmm", "hmmmm", "um", "umm", "uh", "uhh", "uhm", "er", "erm", "anyway", "anyways", "anyhow", "well",
        "alright", "alrighty",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a resumption or retraction may stand among ("ok so back to it", "oh wait, scratch that").</summary>
    private static readonly FrozenSet<string> Softeners = TurnWords.Set(TurnWords.Okays,
        ["k", "kk", "so", "and", "now", "oh", "ah", "right", "lol", "sorry", "oops", "whoops", "wait"]);

    /// <summary>What "back to" may return to and still be a resumption: the last answer or its subject, not a place.</summary>
    private static readonly FrozenSet<string> ResumedThings = new[]
    {
        "it", "that", "this", "them", "those", "the", "our", "my", "question", "questions", "topic", "subject", "point",
        "muscle", "muscles", "anatomy", "business", "work", "studying", "revision", "revising",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Retractions of the last question, each a run of words at the start of the message.</summary>
    private static readonly string[][] Retractions =
    [
        ["scratch", "that"], ["scratch", "it"], ["scratch"], ["never", "mind", "that"], ["never", "mind"], ["nevermind", "that"],
        ["nevermind"], ["nvm"], ["forget", "that"], ["forget", "it"], ["ignore", "that"], ["yeah", "no"], ["yea", "no"],
        ["no", "wait"], ["wait", "no"], ["correction"],
    ];

    /// <summary>What opens a reference to one's own earlier message ("further to", "following up on").</summary>
    private static readonly PhraseSet OwnMessageLeads = new(
    [
        "further to", "following up on", "following up to", "following on from", "in addition to", "adding to",
        "as a follow up to", "with reference to", "regarding", "re",
    ]);

    /// <summary>Leads that open a continued letter on their own ("following up, could you ...", "in addition, please ...").</summary>
    private static readonly PhraseSet BareContinuations = new(
    [
        "following up", "as a follow up", "in addition", "additionally", "further", "furthermore",
    ]);

    /// <summary>
    /// A complaint about the last answer's length before what is wanted instead ("shorter pls, just origin and insertion",
    /// "too long - only the nerve"): dropped, so the rest is asked of the last subject (alone, "shorter pls" asks to restate).
    /// </summary>
    private static readonly PhraseSet LengthComplaints = new(
    [
        "shorter", "shorter please", "shorter pls", "shorter plz", "shorter version", "shorter version please", "too long",
        "thats too long", "that was too long", "way too long", "too long didnt read", "tldr", "tl dr", "less detail",
        "less detail please", "briefer", "more briefly", "too much text", "too wordy",
    ]);

    /// <summary>The earlier message itself ("my previous message", "my last note", "the question above").</summary>
    private static readonly FrozenSet<string> MessageWords = new[]
    {
        "message", "messages", "msg", "note", "email", "mail", "question", "questions", "query", "letter", "request", "enquiry",
        "inquiry", "post", "text", "q",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Which earlier message ("last", "previous", "earlier").</summary>
    private static readonly FrozenSet<string> EarlierWords = new[]
    {
        "last", "previous", "earlier", "prior", "first", "above", "original", "recent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// How a change of subject opens ("switching topics to", "moving on to", "let's talk about", "next up"); what follows
    /// must be a muscle and nothing asked of it (<see cref="SwitchedTo"/>).
    /// </summary>
    private static readonly PhraseSet SwitchLeads = new(
    [
        "switching topics to", "switching topic to", "switching over to", "switching to", "switch topics to",
        "switch topic to", "switch to", "changing topics to", "changing topic to", "changing the subject to",
        "change of topic", "change of subject", "new topic", "next topic", "next up", "moving on to", "moving onto",
        "moving to", "move on to", "on to", "onto", "now for", "turning to", "lets talk about", "lets discuss",
        "lets do", "lets look at", "lets move on to", "lets switch to", "lets turn to", "lets go over", "lets cover",
        "let us talk about", "let us turn to", "let us discuss", "can we talk about", "can we do", "can we switch to",
        "can we move on to", "i want to talk about", "id like to talk about",
    ]);

    /// <summary>Words that may close a change of subject ("... psoas major now", "the iliacus next please").</summary>
    private static readonly FrozenSet<string> SwitchClosers = new[]
    {
        "the", "now", "then", "next", "instead", "please", "pls", "plz", "muscle", "one", "thanks", "thx",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "switching topics to psoas major now", "ok let's talk about the iliacus", "moving on to the minor": the muscle
    /// switched to, alone ("the psoas minor"), when the message is a switch lead (after softeners) and a muscle with
    /// nothing asked of it; else null. A lead before a question ("let's talk about the iliacus's nerve") keeps its words.
    /// </summary>
    public static TokenizedText? SwitchedTo(TokenizedText text, KnowledgeIndex index)
    {
        var (at, length) = (0, SwitchLeads.LongestAt(text, 0));
        while (length == 0 && at < text.Count - 1 && (Softeners.Contains(text.WordString(at)) || Hesitations.Contains(text.WordString(at))))
        {
            length = SwitchLeads.LongestAt(text, ++at);
        }

        if (length == 0 || at + length >= text.Count)
        {
            return null;
        }

        var muscle = false;
        for (var i = at + length; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (index.IsMuscleWord(word) || word is "minor" or "major")
            {
                muscle = true;
            }
            else if (!SwitchClosers.Contains(word))
            {
                return null;
            }
        }

        var rest = new TokenizedText(text.Window(at + length, text.Count - at - length).ToString()) { Tagged = text.Tagged };
        return muscle ? QuestionForms.WithElidedPsoas(rest) ?? rest : null;
    }

    /// <summary>
    /// How many words at <paramref name="at"/> refer to the student's own earlier message ("further to my previous
    /// message", "following up on my last note", "in addition"), 0 when none; something must be left to ask.
    /// </summary>
    private static int OwnMessageAt(TokenizedText text, int at)
    {
        var lead = OwnMessageLeads.LongestAt(text, at);
        if (lead > 0)
        {
            var i = at + lead;
            i += i < text.Count && text.WordString(i) is "my" or "our" or "the" or "your" ? 1 : 0;
            i += i < text.Count && EarlierWords.Contains(text.WordString(i)) ? 1 : 0;
            if (i < text.Count - 1 && MessageWords.Contains(text.WordString(i)))
            {
                return i + 1 - at;
            }
        }

        // "following up, could you ...": a bare continuation, unless it goes on to what it continues ("in addition to the
        // iliacus, which muscle ..." keeps its words).
        var bare = BareContinuations.LongestAt(text, at);
        return bare > 0 && at + bare < text.Count - 1 && text.WordString(at + bare) is not ("to" or "on" or "from") ? bare : 0;
    }

    /// <summary>
    /// "right and the nerve supply for that one", "great, what about its insertion?": the message without the
    /// acknowledgements of the last answer that open it before a follow-up's lead word, in any chat ("right" would be a
    /// side of the body, and with no chat "right and what is its nerve?" still asks which muscle); null when there are none.
    /// </summary>
    public static TokenizedText? WithoutAcknowledgement(TokenizedText text)
    {
        var at = 0;
        while (AcknowledgesBeforeLead(text, at))
        {
            at++;
        }

        return at == 0 ? null : new TokenizedText(text.Window(at, text.Count - at).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>The message without its opener, or null when it has none (or nothing would be left).</summary>
    public static TokenizedText? Read(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count < 2)
        {
            return null;
        }

        var at = 0;
        var retracts = false;
        var changed = false;
        while (at < text.Count - 1)
        {
            var word = text.WordString(at);
            // "תודה, and in posture?": a word of another script opening an English turn (thanks, a greeting) is no word
            // of the question.
            if (Hesitations.Contains(word) || EllipticFollowUps.IsOtherScript(word))
            {
                (at, changed) = (at + 1, true);
                continue;
            }

            if (RetractionAt(text, at) is var length and > 0)
            {
                (at, retracts, changed) = (at + length, true, true);
                continue;
            }

            if (OwnMessageAt(text, at) is var continued and > 0)
            {
                (at, changed) = (at + continued, true);
                continue;
            }

            // "shorter than the psoas major?" compares; it complains of nothing.
            if (LengthComplaints.LongestAt(text, at) is var complaint and > 0 && at + complaint < text.Count && text.WordString(at + complaint) != "than")
            {
                // "... only the insertion": what is kept, not the "one side only" of a variation.
                (at, changed) = (at + complaint, true);
                at += at < text.Count - 1 && text.WordString(at) is "only" or "just" ? 1 : 0;
                continue;
            }

            if (word == "back" && text.WordString(at + 1) == "to" && at + 2 < text.Count && ResumesAt(text, at + 2, index) is var resumed and >= 0)
            {
                (at, changed) = (at + 2 + resumed, true);
                continue;
            }

            // "ok so back to it", "oh wait scratch that": a softener counts only when an opener follows it.
            if (Softeners.Contains(word) && OpenerFollows(text, at + 1, index))
            {
                at++;
                continue;
            }

            break;
        }

        // "n the iliacus?", "n what about its nerve": txt-speak "and".
        var and = text.WordString(at) == "n" && at + 1 < text.Count;
        if ((!changed && !and) || at >= text.Count)
        {
            return null;
        }

        var rest = text.Window(and ? at + 1 : at, text.Count - at - (and ? 1 : 0)).ToString();
        var asks = false;
        for (var i = and ? at + 1 : at; i < text.Count && !asks; i++)
        {
            asks = FactAnswerer.OpensQuestion(text.WordString(i));
        }

        var lead = and ? "and " : retracts && !asks ? "no " : string.Empty;
        return new TokenizedText(lead + rest) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>An agreement or an acknowledgement before a follow-up's lead ("right and ...", "cool so ...").</summary>
    private static readonly FrozenSet<string> AgreeingWords = TurnWords.Set(TurnWords.Agreements, TurnWords.Acknowledgements);

    /// <summary>The lead words of a follow-up that may come after an acknowledgement ("right and ...", "cool so ...").</summary>
    private static readonly FrozenSet<string> FollowUpLeads = TurnWords.Set(TurnWords.Conjunctions, ["n", "now", "also", "what", "how"]);

    /// <summary>Words of a side of the body: "right and left iliacus" pairs the sides, it acknowledges nothing.</summary>
    private static readonly FrozenSet<string> SideWords = new[] { "left", "right", "side", "sides", "both" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the word at <paramref name="at"/> acknowledges the last answer ("right", "great", "yeah") and a follow-up's
    /// lead word comes next, with no side of the body in what follows ("right and left" are the two sides).
    /// </summary>
    private static bool AcknowledgesBeforeLead(TokenizedText text, int at)
    {
        if (at + 2 >= text.Count || !AgreeingWords.Contains(text.WordString(at))
            || !FollowUpLeads.Contains(text.WordString(at + 1)))
        {
            return false;
        }

        for (var i = at + 1; i < text.Count; i++)
        {
            if (SideWords.Contains(text.WordString(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static int RetractionAt(TokenizedText text, int at)
    {
        foreach (var words in Retractions)
        {
            // A retraction must leave something to ask: "scratch that" alone is no question.
            if (at + words.Length >= text.Count)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < words.Length && matches; k++)
            {
                matches = text.WordString(at + k) == words[k];
            }

            if (matches)
            {
                return words.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// How many words after "back to" name what is resumed and are dropped with it ("it", "the question": 1 or 2), 0 for a
    /// muscle, which stays as the subject asked about ("back to the iliacus, blood supply?"), -1 when it is no resumption
    /// ("back to running", "back to the gym").
    /// </summary>
    private static int ResumesAt(TokenizedText text, int at, KnowledgeIndex index)
    {
        var word = text.WordString(at);
        if (index.IsMuscleWord(word))
        {
            return 0;
        }

        if (word is "the" or "our" or "my")
        {
            var next = at + 1 < text.Count ? text.WordString(at + 1) : null;
            return next is null ? -1 : index.IsMuscleWord(next) ? 0 : ResumedThings.Contains(next) && next is not ("the" or "our" or "my") ? 2 : -1;
        }

        return ResumedThings.Contains(word) ? 1 : -1;
    }

    private static bool OpenerFollows(TokenizedText text, int at, KnowledgeIndex index)
    {
        while (at < text.Count - 1 && Softeners.Contains(text.WordString(at)))
        {
            at++;
        }

        return at < text.Count - 1
            && (Hesitations.Contains(text.WordString(at)) || RetractionAt(text, at) > 0 || OwnMessageAt(text, at) > 0
                || (text.WordString(at) == "back" && text.WordString(at + 1) == "to" && at + 2 < text.Count && ResumesAt(text, at + 2, index) >= 0));
    }
}
