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
/// <item>txt-speak "n" for "and" at the start ("n the iliacus?", "n minor?").</item>
/// </list>
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
    private static readonly FrozenSet<string> Softeners = new[]
    {
        "ok", "okay", "k", "kk", "so", "and", "now", "oh", "ah", "right", "lol", "sorry", "oops", "whoops", "wait",
    }.ToFrozenSet(StringComparer.Ordinal);

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
            && (Hesitations.Contains(text.WordString(at)) || RetractionAt(text, at) > 0
                || (text.WordString(at) == "back" && text.WordString(at + 1) == "to" && at + 2 < text.Count && ResumesAt(text, at + 2, index) >= 0));
    }
}
