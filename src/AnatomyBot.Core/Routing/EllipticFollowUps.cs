using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Short turns of a live chat that lean on the last answer without naming anything the router knows:
/// <list type="bullet">
/// <item>an elliptic follow-up ("what bone is that bump on?" after the insertion, "and the discs, which ones exactly?"
/// after the origin, "ok and in plain terms?"): its words are function words, pointers back ("that", "it", "the one"),
/// words of the last subject's facts, or at most two everyday or knowledge words besides (<see cref="Leans"/>). Read
/// only once the router found nothing else in it (off-topic); a real change of subject ("ok what's the capital of
/// france", "who won the world cup") has no pointer or follow-up shape, or more words of its own, and stays off-topic;</item>
/// <item>an acknowledgement ("lol ok", "cool cool", "got it, nice"): nothing asked, so a short reply, never the last
/// answer again (<see cref="Acknowledges"/>);</item>
/// <item>a quiz request about the chat itself ("quiz me on what we talked about", "now test me on that"): a quiz
/// question about the chat's subject (<see cref="QuizOnTheChat"/>);</item>
/// <item>a repetition marker closing a turn ("the nerve one more time", "its insertion again"): no subject word of
/// the question (<see cref="WithoutRepetition"/>).</item>
/// </list>
/// Not caught: an elliptic turn with a rare word of its own ("and in ultrasound?", left to the honest-scope checks), a
/// chat whose last turn had no subject (a refused or not-covered first question), a follow-up the router answered
/// with another subject's facts.
/// </summary>
internal static class EllipticFollowUps
{
    /// <summary>Pointers back at the last answer or its subject.</summary>
    private static readonly FrozenSet<string> Pointers = new[]
    {
        "that", "this", "it", "its", "those", "these", "them", "they", "one", "ones", "thats", "there",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest turn read as elliptic.</summary>
    private const int MaxWords = 12;

    /// <summary>How many everyday or knowledge words of its own an elliptic turn may hold beside a pointer back.</summary>
    private const int MaxOwnWords = 2;

    /// <summary>
    /// Whether the turn leans on the chat's last subject: every word is a function word, a pointer, a word of the last
    /// subject's facts (<paramref name="holdsSubjectWord"/>), or one of at most <see cref="MaxOwnWords"/> everyday or
    /// knowledge words (none when only a follow-up shape, no pointer, shows that it refers back); a rare word no fact
    /// uses, or another part of the body, is a subject of its own.
    /// </summary>
    public static bool Leans(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext context, out bool holdsSubjectWord)
    {
        holdsSubjectWord = false;
        if (!context.HasSubject || context.RedFlag || text.Count == 0 || text.Count > MaxWords || analysis.Muscles.Count > 0
            || analysis.GreyMuscles.Count > 0 || analysis.Safety.TouchesPain || analysis.Safety.RedFlags.Count > 0)
        {
            return false;
        }

        var (topic, muscle) = Subject(index, context);
        if (topic < 0 && muscle < 0)
        {
            return false;
        }

        var (pointer, restate, subjectWords, ownWords) = (false, false, 0, 0);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (Pointers.Contains(word))
            {
                pointer = true;
                continue;
            }

            if (MoreFollowUps.IsRestateWord(word))
            {
                restate |= MoreFollowUps.IsPlainCue(word);
                continue;
            }

            if (Vocabulary.StopWords.Contains(word) || Vocabulary.Filler.Contains(word) || Vocabulary.ThanksWords.Contains(word)
                || EverydayWords.IsBareNumber(word) || IsOtherScript(word))
            {
                continue;
            }

            if (SubjectHolds(index, topic, muscle, index.Facts.Term(word)))
            {
                subjectWords++;
                continue;
            }

            // A rare word no fact uses, or another part of the body ("and the shoulder?"), is a subject of its own.
            if ((!index.Facts.Knows(word) && !EverydayWords.IsEveryday(word)) || Vocabulary.OtherRegionWords.Contains(word))
            {
                return false;
            }

            ownWords++;
        }

        holdsSubjectWord = subjectWords > 0;
        // With only a follow-up's shape and no word of the last subject, a word of its own is what it asks about ("and
        // what about the hand?"); a pointer back or a request to restate carries up to two ("what bone is that bump on?").
        return subjectWords > 0
            ? ownWords <= MaxOwnWords
            : (pointer || restate) ? ownWords <= MaxOwnWords : ownWords == 0 && FactAnswerer.IsFollowUp(text);
    }

    /// <summary>
    /// "where does it insert?", "and its nerve?", "which bone is that one attached to?" in a chat with no subject: a pointer
    /// to a muscle ("it", "its", "that one") with a muscle's attribute asked and at most <see cref="MaxOwnWords"/> other
    /// words, naming no muscle or pain. The (first) attribute asked when so, else null: "it" has nothing to point at,
    /// so the student is asked which muscle, never given a guess.
    /// </summary>
    public static MuscleAttribute? PointsAtNoSubject(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is { HasSubject: true } || text.Count > 8 || analysis.Attributes.Count == 0 || analysis.Muscles.Count > 0
            || analysis.GreyMuscles.Count > 0 || analysis.Safety.TouchesPain || analysis.Safety.RedFlags.Count > 0)
        {
            return null;
        }

        var (pointer, ownWords) = (false, 0);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // "feels tight, what does it do", "what happens when it contract too much": "it" is the tight or overworked
            // muscle the student feels (the tight hip flexors, overuse), a subject the topics hold, not one to be named.
            if (Sensations.Contains(word) || (word == "too" && i + 1 < text.Count && text.WordString(i + 1) is "much" or "many" or "hard"))
            {
                return null;
            }

            if (word is "it" or "its" || (word is "one" or "muscle" && i > 0 && text.WordString(i - 1) is "that" or "this"))
            {
                pointer = true;
            }
            else if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.Filler.Contains(word) && !Pointers.Contains(word))
            {
                // "that iliopsoas bursa, what's it for": "it" is the thing named (not "so", a spoken "psoas" and a function word).
                if (index.IsMuscleWord(word))
                {
                    return null;
                }

                ownWords++;
            }
        }

        return pointer && ownWords <= MaxOwnWords ? analysis.Attributes[0] : null;
    }

    /// <summary>What a student feels in a muscle ("tight", "stiff", "weak"): the state the topics speak of.</summary>
    private static readonly FrozenSet<string> Sensations = new[]
    {
        "tight", "tighter", "tightness", "stiff", "stiffer", "stiffness", "tense", "tension", "weak", "weaker", "weakness",
        "short", "shortened", "overactive", "overworked", "knotted", "knots", "cramping", "cramp", "cramps", "twitching",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A word written in another script than the Latin one ("תודה" before "and in posture?"): no word the router reads.</summary>
    public static bool IsOtherScript(string word)
    {
        foreach (var c in word)
        {
            if (c < 128 || !char.IsLetter(c) || c is >= '\u00C0' and <= '\u024F')
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    /// <summary>Words that may stand around an acknowledgement ("i see", "got it", "that makes sense", "oh ok").</summary>
    private static readonly FrozenSet<string> AcknowledgementFrame = new[]
    {
        "i", "got", "it", "that", "makes", "oh", "ah", "ahh", "ohh", "hmm", "right", "yeah", "yea", "now", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest message read as an acknowledgement.</summary>
    private const int MaxAcknowledgementWords = 6;

    /// <summary>
    /// "lol ok", "cool cool", "ah i see", "got it, makes sense": only acknowledgement and filler words, at least one of
    /// them an acknowledgement, and no question mark ("ok?" and "really?" ask something of the last answer).
    /// </summary>
    public static bool Acknowledges(TokenizedText text)
    {
        if (text.Count == 0 || text.Count > MaxAcknowledgementWords || text.EndsWithQuestionMark)
        {
            return false;
        }

        var acknowledged = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (TurnWords.Acknowledgements.Contains(word))
            {
                acknowledged = true;
            }
            else if (!AcknowledgementFrame.Contains(word) && !Vocabulary.Filler.Contains(word))
            {
                return false;
            }
        }

        return acknowledged;
    }

    /// <summary>Words after a quiz phrase that point at the chat itself ("on that", "on what we just talked about", "on this stuff").</summary>
    private static readonly FrozenSet<string> ChatWords = new[]
    {
        "talked", "covered", "discussed", "said", "went", "did", "done", "learned", "learnt", "stuff", "far", "convo",
        "conversation", "chat", "just", "we", "youve", "ive", "so",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "quiz me on what we talked about", "now test me on that", "quiz me on this": a quiz phrase near the start (after
    /// courtesy) followed only by words that point at the chat; a muscle or a word of the knowledge after it is a quiz
    /// request of its own ("quiz me on the iliacus") and left to the usual reading.
    /// </summary>
    public static bool QuizOnTheChat(TokenizedText text, KnowledgeIndex index, PhraseSet quizPhrases)
    {
        var at = 0;
        while (at < text.Count && (Vocabulary.Filler.Contains(text.WordString(at)) || text.WordString(at) is "now" or "can" or "could" or "please" or "pls" or "plz" or "ok" or "okay"))
        {
            at++;
        }

        var length = at < text.Count ? quizPhrases.LongestAt(text, at) : 0;
        if (length == 0)
        {
            return false;
        }

        var pointsBack = false;
        for (var i = at + length; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (index.IsMuscleWord(word))
            {
                return false;
            }

            if (Pointers.Contains(word) || ChatWords.Contains(word))
            {
                pointsBack = true;
                continue;
            }

            if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.Filler.Contains(word))
            {
                return false;
            }
        }

        return pointsBack;
    }

    /// <summary>Repetition markers that close a turn, longest first.</summary>
    private static readonly string[][] RepetitionMarkers =
    [
        ["one", "more", "time"], ["once", "more"], ["once", "again"], ["another", "time"], ["again"],
    ];

    /// <summary>
    /// "the nerve one more time", "its insertion again pls": the turn without its closing repetition marker (and a
    /// courtesy word after it), when what is left holds a word that is no function or restating word; else null
    /// ("say that again" keeps its words: it asks to restate).
    /// </summary>
    public static TokenizedText? WithoutRepetition(TokenizedText text)
    {
        var end = text.Count;
        while (end > 0 && text.WordString(end - 1) is "please" or "pls" or "plz" or "thanks" or "thx")
        {
            end--;
        }

        foreach (var marker in RepetitionMarkers)
        {
            var start = end - marker.Length;
            if (start < 1)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < marker.Length && matches; k++)
            {
                matches = text.WordString(start + k) == marker[k];
            }

            if (!matches)
            {
                continue;
            }

            for (var i = 0; i < start; i++)
            {
                var word = text.WordString(i);
                if (!Vocabulary.StopWords.Contains(word) && !MoreFollowUps.IsRestateWord(word) && !Pointers.Contains(word))
                {
                    return new TokenizedText(text.Window(0, start).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>Words after "the other" that count the rest of a group ("the other two", "the other muscles").</summary>
    private static readonly FrozenSet<string> OtherMemberWords = new[] { "two", "ones", "muscles", "members", "parts" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "and the other two?", "what about the others?", "the rest of them?" after one member of a group: the group's other
    /// members, named ("the psoas minor and the iliacus"), so the last attribute is asked of them. Null when the last
    /// muscle is no member of a group, the message names a muscle, or the count does not fit ("the other two" of a group
    /// with three other members); "the other one" is <see cref="QuestionForms.WithOtherMuscle"/>'s.
    /// </summary>
    public static TokenizedText? WithOtherMembers(TokenizedText text, KnowledgeIndex index, ConversationContext? context)
    {
        if (text.Count > 8 || (context?.MuscleId ?? context?.NamedMuscleId) is not { } id || !index.MuscleById.TryGetValue(id, out var last))
        {
            return null;
        }

        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordString(i - 1) != "the")
            {
                continue;
            }

            var word = text.WordString(i);
            var next = i + 1 < text.Count ? text.WordString(i + 1) : null;
            var span = word is "others" or "rest" ? 1 : word == "other" && next is not null && OtherMemberWords.Contains(next) ? 2 : 0;
            // "the rest" is also the rest a strained muscle gets ("how long is the rest?"): it counts the group only after
            // a follow-up's opening words alone ("and the rest?", "what about the rest of them").
            if (span == 0 || (word == "rest" && !OnlyOpenersBefore(text, i - 1)))
            {
                continue;
            }

            // "the other two muscles", "the rest of them": the counted noun and "of them" go with it.
            span += i + span < text.Count && text.WordString(i + span) is "muscles" or "ones" ? 1 : 0;
            span += i + span + 1 < text.Count && text.WordString(i + span) == "of" && text.WordString(i + span + 1) is "them" or "the" ? 2 : 0;
            var others = OtherMembers(index, last);
            if (others.Count < 2 || (next == "two" && others.Count != 2) || index.MusclesNamedIn(text.Text).Length > 0)
            {
                return null;
            }

            // Asked as "and the psoas minor and the iliacus?": a follow-up's shape, so the last attribute goes with them.
            var before = (FactAnswerer.IsFollowUp(text) ? string.Empty : "and ") + text.Window(0, i).ToString();
            var after = i + span < text.Count ? " " + text.Window(i + span, text.Count - i - span).ToString() : string.Empty;
            return new TokenizedText($"{before} {string.Join(" and the ", others)}{after}") { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>Words that may open "... the rest?" when it asks for the group's other members.</summary>
    private static readonly FrozenSet<string> RestOpeners = TurnWords.Set(TurnWords.Conjunctions, TurnWords.Okays, ["n", "what", "about", "how", "also", "now"]);

    private static bool OnlyOpenersBefore(TokenizedText text, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (!RestOpeners.Contains(text.WordString(i)))
            {
                return false;
            }
        }

        return true;
    }

    private static List<string> OtherMembers(KnowledgeIndex index, Muscle last)
    {
        var names = new List<string>();
        foreach (var group in index.Muscles)
        {
            if (group.IsGroup && !group.Parts.IsDefault && group.Parts.Contains(last.Id))
            {
                foreach (var part in group.Parts)
                {
                    if (part != last.Id && index.MuscleById.TryGetValue(part, out var member))
                    {
                        names.Add(member.Name.ToLowerInvariant());
                    }
                }

                return names;
            }
        }

        return names;
    }

    private static (int Topic, int Muscle) Subject(KnowledgeIndex index, ConversationContext context)
    {
        var topic = context.TopicId is { } t ? Array.FindIndex(index.Topics, x => x.Id == t) : -1;
        var muscle = context.MuscleId is { } m ? Array.FindIndex(index.Muscles, x => x.Id == m) : -1;
        return (topic, muscle);
    }

    /// <summary>Whether a fact of the last subject (its topic's, or its muscle's) holds the term.</summary>
    private static bool SubjectHolds(KnowledgeIndex index, int topic, int muscle, string term)
    {
        foreach (var passage in index.Facts.Passages)
        {
            if (((topic >= 0 && passage.Topic == topic) || (muscle >= 0 && passage.Muscle == muscle))
                && index.Facts.FactTerms(passage.Ordinal).Contains(term))
            {
                return true;
            }
        }

        return false;
    }
}
