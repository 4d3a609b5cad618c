using System.Collections.Frozen;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Question forms that change how a message is read, not what it asks about: a statement with a tag ("iliacus arises
/// from the lumbar spine, right?", "it attaches at the hip capsule or not?") is a yes/no question whose claim is the
/// statement; "it" in a follow-up stands for the muscle the chat was about ("does it get blood from the lumbar
/// arteries" after the psoas major is about the psoas major, whatever other muscle the claim's words fit better).
/// </summary>
internal static partial class QuestionForms
{
    /// <summary>One-word tags that make a statement asked with "?" a yes/no question.</summary>
    private static readonly FrozenSet<string> WordTags = new[]
    {
        "right", "yes", "yeah", "yea", "yep", "correct", "true", "no", "ok", "okay", "innit", "eh", "ya", "yah",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that offer an answer ("yes", "y", "true", "f", "si", "oui"): two of them joined by "or" (or, as "y/n" is
    /// read, side by side) at either end of a message are the answers it offers, not a choice it asks about.
    /// </summary>
    private static readonly FrozenSet<string> AnswerWords = new[]
    {
        "yes", "no", "y", "n", "yeah", "yea", "yep", "nope", "nah", "true", "false", "t", "f", "right", "wrong", "correct",
        "incorrect", "si", "oui", "non", "ja", "nein", "sim", "nao",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"Or" in the languages students mix in ("si o no", "oui ou non", "ja oder nein").</summary>
    private static readonly FrozenSet<string> OrWords = new[] { "or", "o", "ou", "oder" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// How many words an offered pair of answers takes at the start (<paramref name="at"/> 0) or the end (-1) of the
    /// message: 3 for "y or n", 2 for "y n" ("y/n"), 0 when there is none. The two must differ ("yes yes" is no offer).
    /// Not caught: an offer in the middle ("is it, yes or no, fan-shaped?").
    /// </summary>
    internal static int AnswerPairLength(TokenizedText text, int at)
    {
        bool Pair(int first, int length) => first >= 0 && first + length <= text.Count && AnswerWords.Contains(text.WordString(first))
            && AnswerWords.Contains(text.WordString(first + length - 1)) && text.WordString(first) != text.WordString(first + length - 1)
            && (length == 2 || OrWords.Contains(text.WordString(first + 1)));
        if (at == 0)
        {
            return Pair(0, 3) ? 3 : Pair(0, 2) ? 2 : 0;
        }

        return Pair(text.Count - 3, 3) ? 3 : Pair(text.Count - 2, 2) ? 2 : 0;
    }

    /// <summary>How many filler words may stand before an offered pair of answers ("quick yes or no: ...", "ok so true or false ...").</summary>
    private const int MaxWordsBeforeOffer = 3;

    /// <summary>
    /// "Quick yes or no: does the iliacus insert on the lesser trochanter", "ok so true/false - the psoas is deep": an offered
    /// pair of answers after a few words that say nothing (stop words and fillers only) opens the claim as it does at the
    /// very start; where the claim begins (after the pair), or 0 when there is no such pair. Not caught: a content word
    /// before the pair ("psoas quiz, yes or no: ..." keeps its words, as the pair may then be part of a longer sentence).
    /// </summary>
    private static int AfterOfferedPair(TokenizedText text)
    {
        for (var first = 1; first <= MaxWordsBeforeOffer && first < text.Count; first++)
        {
            var word = text.WordString(first - 1);
            if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.Filler.Contains(word))
            {
                return 0;
            }

            var length = AnswerWords.Contains(text.WordString(first)) && first + 1 < text.Count
                ? (first + 2 < text.Count && OrWords.Contains(text.WordString(first + 1)) ? 3 : 2)
                : 0;
            if (length > 0 && AnswerWords.Contains(text.WordString(first + length - 1)) && text.WordString(first) != text.WordString(first + length - 1)
                && text.Count - first - length >= 3)
            {
                return AsksOpenly(text, first + length) ? 0 : first + length;
            }
        }

        return 0;
    }

    /// <summary>"... yes or no questions are hard, where does it insert": a question word after the pair asks for more than yes or no.</summary>
    private static bool AsksOpenly(TokenizedText text, int from)
    {
        for (var i = from; i < text.Count; i++)
        {
            if (FactAnswerer.OpensQuestion(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Tags of more than one word, at the end of a statement with or without "?".</summary>
    private static readonly string[][] PhraseTags =
    [
        // Longer tags first: "right or not" before "or not", which would leave "right" in the claim. "It is right?",
        // "this is true?", "is correct?": a learner's tag without the inversion.
        ["right", "or", "not"], ["true", "or", "not"], ["correct", "or", "not"], ["it", "is", "right"], ["it", "is", "true"],
        // Whether the one who made the claim is right ("my flatmate insists ... - is she right?"): the claim is what is asked.
        ["is", "she", "right"], ["is", "he", "right"], ["are", "they", "right"], ["is", "she", "correct"], ["is", "he", "correct"],
        ["are", "they", "correct"], ["is", "she", "wrong"], ["is", "he", "wrong"], ["are", "they", "wrong"],
        ["it", "is", "correct"], ["this", "is", "right"], ["this", "is", "true"], ["this", "is", "correct"], ["that", "is", "right"],
        ["that", "is", "true"], ["that", "is", "correct"], ["is", "it", "right"], ["is", "it", "true"], ["is", "it", "correct"],
        ["is", "right"], ["is", "true"], ["is", "correct"],
        ["or", "not"], ["or", "no"], ["isnt", "it"], ["doesnt", "it"], ["arent", "they"], ["dont", "they"], ["is", "it", "not"],
        ["does", "it", "not"], ["isnt", "that", "so"], ["isnt", "that", "right"], ["isnt", "that", "true"], ["is", "that", "right"],
        ["is", "that", "correct"], ["is", "that", "true"], ["am", "i", "right"], ["am", "i", "correct"], ["am", "i", "wrong"],
        ["right", "or", "wrong"], ["true", "or", "false"], ["yes", "or", "no"], ["is", "this", "right"], ["is", "this", "true"],
        ["is", "this", "correct"], ["did", "i", "get", "that", "right"], ["right", "yes"], ["yes", "or", "not"],
        // A hedge after the asker's own claim ("I think the iliacus comes from the ischium, not sure though"): the claim is
        // what is asked, and another tag may stand after the hedge ("..., but I'm not sure, am I right?").
        ["but", "im", "not", "sure"], ["but", "i", "am", "not", "sure"], ["but", "not", "sure"], ["im", "not", "sure"],
        ["not", "sure", "though"], ["not", "sure", "tho"], ["not", "sure"],
    ];

    /// <summary>
    /// Openers that announce a claim to be judged ("true or false: ...", "correct me if I'm wrong but ...", "am I right
    /// in saying that ..."): the rest of the message is the claim, asked yes or no. Longer openers first ("... wrong but"
    /// before "... wrong"). "Is it true that ..." already opens a yes/no question and keeps its words: the safety rules
    /// read it as a study question, not as the asker's own symptom. Not caught: an opener in the middle or at the end of
    /// the message ("the iliacus is fan-shaped, correct me if I'm wrong" keeps its words; the tag rules read "wrong" there).
    /// </summary>
    private static readonly string[][] LeadTags =
    [
        ["true", "or", "false"], ["right", "or", "wrong"], ["yes", "or", "no"],
        ["correct", "me", "if", "im", "wrong", "but"], ["correct", "me", "if", "im", "wrong"], ["correct", "me", "if", "i", "am", "wrong", "but"],
        ["correct", "me", "if", "i", "am", "wrong"], ["tell", "me", "if", "im", "wrong", "but"], ["tell", "me", "if", "im", "wrong"],
        ["am", "i", "right", "in", "saying", "that"], ["am", "i", "right", "in", "saying"], ["am", "i", "right", "in", "thinking", "that"],
        ["am", "i", "right", "in", "thinking"], ["am", "i", "right", "that"], ["am", "i", "correct", "that"],
        // A statement handed in to be judged ("What's wrong with this statement: 'The iliacus is innervated by ...'").
        ["whats", "wrong", "with", "this", "statement"], ["what", "is", "wrong", "with", "this", "statement"],
        ["whats", "wrong", "with", "this", "sentence"], ["whats", "wrong", "with", "this", "claim"],
        ["is", "this", "statement", "true"], ["is", "this", "statement", "correct"], ["is", "this", "statement", "right"],
    ];

    /// <summary>
    /// Verbs that report a claim a tag question judges: someone else's (<see cref="Vocabulary.PersonReportingVerbs"/>: "my
    /// flatmate insists ...", "someone told me ...") or the asker's own belief ("I think ...", "I reckon ..."). Not "keeps"
    /// or "maintains" (a muscle does that: "the psoas keeps the spine stable, right?"), nor the wider
    /// <see cref="Vocabulary.ReportingVerbs"/> ("the iliacus shows up on MRI, right?" keeps its subject).
    /// </summary>
    private static readonly FrozenSet<string> ClaimVerbs = Vocabulary.PersonReportingVerbs.Concat(["think", "believe", "reckon", "guess"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words between a reporting verb and the claim it reports ("told me that", "keeps saying").</summary>
    private static readonly FrozenSet<string> ReportingLinks = new[] { "me", "us", "that", "saying", "telling" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many words a teller may take before the reporting verb ("my anatomy lab partner reckons").</summary>
    private const int MaxTellerWords = 5;

    /// <summary>
    /// Where a claim reported from someone else begins, when a tag asks whether it holds: after a teller of a few words
    /// with no question word in them and a reporting verb ("my flatmate insists", "someone in my class told me that");
    /// 0 when the message opens otherwise, or less than three words of claim would be left before <paramref name="end"/>.
    /// </summary>
    private static int AfterReportingFrame(TokenizedText text, int end)
    {
        for (var verb = 1; verb <= MaxTellerWords && verb < end; verb++)
        {
            var word = text.WordString(verb - 1);
            if (FactAnswerer.IsQuestionWord(word) || FactAnswerer.IsYesNoStart(word))
            {
                return 0;
            }

            if (!ClaimVerbs.Contains(text.WordString(verb)))
            {
                continue;
            }

            var claim = verb + 1;
            while (claim < end && ReportingLinks.Contains(text.WordString(claim)))
            {
                claim++;
            }

            return end - claim >= 3 ? claim : 0;
        }

        return 0;
    }

    /// <summary>
    /// Words after "it" that make it a dummy subject ("is it true that", "is it safe to stretch", "does it matter"): it
    /// stands for no muscle then.
    /// </summary>
    private static readonly FrozenSet<string> DummyItWords = new[]
    {
        "true", "possible", "normal", "ok", "okay", "safe", "common", "rare", "bad", "good", "fine", "worth", "necessary",
        "important", "better", "best", "likely", "unlikely", "usual", "unusual", "hard", "easy", "wise", "advisable",
        "healthy", "dangerous", "harmful", "helpful", "useful", "smart", "alright", "right", "wrong", "correct", "known",
        "recommended", "advised", "needed", "required", "matter", "mean", "take", "depend", "feel", "hurt", "work",
        "help", "legit", "real", "false", "a", "an", "the", "that", "this", "so", "just", "me", "you", "all",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that join a second question to the first ("... do, and how many people lack it?").</summary>
    private static readonly FrozenSet<string> ClauseJoins = new[] { "and", "also", "plus", "then" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Which question each word belongs to: 0 up to the first "and" (or "also", "plus", "then") that opens a question of
    /// its own ("and where does it start", "and how many people lack it", "and is it always present"), 1 after it, and so
    /// on. "The origin and insertion", "flex and rotate the hip": an "and" inside one question starts none.
    /// </summary>
    public static int[] QuestionParts(TokenizedText text)
    {
        var parts = new int[text.Count];
        var part = 0;
        for (var i = 0; i < text.Count; i++)
        {
            if (i > 1 && (ClauseJoins.Contains(text.WordString(i - 1)) || IsPartLabel(text, i - 1)) && OpensSecondQuestion(text, i))
            {
                part++;
            }

            parts[i] = part;
        }

        return parts;
    }

    /// <summary>Whether the message asks two questions or more ("what does it do, and how many people lack it?").</summary>
    public static bool AsksTwoQuestions(TokenizedText text)
    {
        for (var i = 2; i < text.Count; i++)
        {
            if ((ClauseJoins.Contains(text.WordString(i - 1)) || IsPartLabel(text, i - 1)) && OpensSecondQuestion(text, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The label of a later part of an exam question ("a) what does it do? b) how many people lack it?", normalised to
    /// "b"): a second question when a question word follows it, as after "and", and a first part was labelled before it.
    /// </summary>
    private static bool IsPartLabel(TokenizedText text, int at)
    {
        if (text.WordString(at) is not ("b" or "c" or "d" or "ii" or "iii"))
        {
            return false;
        }

        // Only after a first part labelled the same way ("a) what ...", "(i) where ..."): "vitamin b what is it" has none.
        for (var j = 0; j + 1 < at; j++)
        {
            if (text.WordString(j) is "a" or "i" && OpensSecondQuestion(text, j + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A question word ("where", "how many"), or a yes/no verb before its subject ("is it", "does the psoas").</summary>
    private static bool OpensSecondQuestion(TokenizedText text, int at) =>
        FactAnswerer.OpensQuestion(text.WordString(at))
        || (FactAnswerer.IsYesNoStart(text.WordString(at)) && at + 1 < text.Count && text.WordString(at + 1) is "it" or "they" or "its" or "there" or "the" or "that" or "this");

    /// <summary>
    /// The claim of a tag question without its tag, marked as asked yes/no; the text itself when it has no tag. A lone
    /// word tag needs the "?" and a content word before it ("... on the left or the right?" keeps its "right").
    /// </summary>
    public static TokenizedText WithoutTag(TokenizedText text)
    {
        if (text.Count < 3)
        {
            return text;
        }

        var (start, end) = (0, text.Count);
        foreach (var lead in LeadTags)
        {
            if (StartsWith(text, lead) && text.Count - lead.Length >= 3)
            {
                start = lead.Length;
                break;
            }
        }

        // Up to two tags, the outer first ("..., but I'm not sure, am I right?").
        for (var round = 0; round < 2; round++)
        {
            var before = end;
            foreach (var tag in PhraseTags)
            {
                if (EndsWith(text, tag, end) && end - tag.Length - start >= 3)
                {
                    // "..., who is right?", "which is correct?": a question of its own, not a tag.
                    end -= FactAnswerer.IsQuestionWord(text.WordString(end - tag.Length - 1)) ? 0 : tag.Length;
                    break;
                }
            }

            if (end == before)
            {
                break;
            }
        }

        // "..., y or n?", "y/n", "true/false: ...", "si o no": the two answers offered, in any spelling the set holds.
        start = start == 0 && AnswerPairLength(text, 0) is var offered and > 0 && text.Count - offered >= 3 ? offered : start;
        start = start == 0 ? AfterOfferedPair(text) : start;
        end = end == text.Count && AnswerPairLength(text, -1) is var trail and > 0 && end - trail - start >= 3 ? end - trail : end;
        if (end == text.Count && text.EndsWithQuestionMark && WordTags.Contains(text.WordString(end - 1)) && end - 1 - start >= 3
            && !Vocabulary.StopWords.Contains(text.WordString(end - 2)) && !FactAnswerer.IsQuestionWord(text.WordString(start)))
        {
            end--;
        }

        if (start == 0 && end == text.Count)
        {
            return text;
        }

        // "My flatmate insists the iliacus ends on the greater trochanter - is she right?": the teller and the reporting
        // verb before a claim handed in to be judged are no part of it.
        start = start == 0 && end < text.Count ? AfterReportingFrame(text, end) : start;

        // A question word left at the front ("where does it insert, right?") asks for more than yes or no.
        var claim = new TokenizedText(text.Window(start, end - start).ToString()) { EndsWithQuestionMark = true };
        return FactAnswerer.IsQuestionWord(claim.WordString(0)) ? text : new TokenizedText(claim.Text) { EndsWithQuestionMark = true, Tagged = true };
    }

    /// <summary>
    /// "does the major tilt the pelvis the same way?" after the psoas minor's action: the same way as the muscle the chat
    /// was about, named ("... the same way as the psoas minor?") so the claim can be weighed against what the facts say of
    /// each. Null unless the message is a yes/no claim that says "the same" without saying as what, names one muscle, and
    /// the chat was about another one (not a part or group of it).
    /// </summary>
    public static TokenizedText? WithComparedContextMuscle(TokenizedText text, KnowledgeIndex index, ConversationContext? context)
    {
        if ((context?.MuscleId ?? context?.NamedMuscleId) is not { } id || !index.MuscleById.TryGetValue(id, out var muscle) || !SaysTheSame(text)
            || !FactAnswerer.IsYesNo(text))
        {
            return null;
        }

        var named = index.MusclesNamedIn(text.Text);
        var standard = Array.IndexOf(index.Muscles, muscle);
        if (named.Length != 1 || standard < 0 || FactAnswerer.Related(index, named[0], standard))
        {
            return null;
        }

        return new TokenizedText(text.Text + " as the " + muscle.Name.ToLowerInvariant()) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>Words that set two things side by side ("compare that with the major", "how is it different from the iliacus").</summary>
    private static readonly FrozenSet<string> CompareWords = new[]
    {
        "compare", "compared", "comparing", "comparison", "versus", "vs", "v", "contrast", "differ", "differs", "different",
        "difference", "differences", "against", "similar", "alike",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a comparison with the last muscle may hold besides the muscle and the comparing word.</summary>
    private static readonly FrozenSet<string> CompareFrame = new[]
    {
        "and", "so", "ok", "okay", "now", "can", "could", "you", "u", "please", "pls", "that", "this", "it", "its", "with", "to",
        "from", "the", "a", "how", "is", "are", "does", "do", "what", "whats", "about", "of", "one", "muscle", "then", "between",
        "them", "those", "these", "for", "me", "by", "in", "terms", "same",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The longest message read as comparing the last answer with another muscle.</summary>
    private const int MaxCompareWords = 10;

    /// <summary>
    /// "compare that with the major" after the psoas minor's action, "how is it different from the iliacus?" after an
    /// origin: the last attribute asked of both muscles ("action of the psoas minor and the psoas major"), so the reply
    /// shows each muscle's version side by side instead of a topic about the two. Only when the chat was about one
    /// muscle's attribute, the message names one other muscle (not a part or the group of it) and holds nothing but a
    /// comparing word and the words around one. Not caught: a comparison that names its own attribute ("compare their
    /// nerve supply") - that names its subject and is answered as asked.
    /// </summary>
    public static TokenizedText? WithLastMuscleCompared(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { MuscleId: { } id, Attribute: { } attribute } || text.Count > MaxCompareWords || analysis.Muscles.Count == 0
            || analysis.GreyMuscles.Count > 0 || !index.MuscleById.TryGetValue(id, out var last) || analysis.Safety.TouchesPain)
        {
            return null;
        }

        var named = analysis.Muscles[0].Muscle;
        var standard = Array.IndexOf(index.Muscles, last);
        if (standard < 0 || named == standard)
        {
            return null;
        }

        for (var m = 1; m < analysis.Muscles.Count; m++)
        {
            if (analysis.Muscles[m].Muscle != named)
            {
                return null;
            }
        }

        var compares = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (analysis.NamesMuscle(i))
            {
                continue;
            }

            compares |= CompareWords.Contains(word);
            if (!CompareWords.Contains(word) && !CompareFrame.Contains(word))
            {
                return null;
            }
        }

        if (!compares || FactAnswerer.Related(index, named, standard))
        {
            return null;
        }

        return new TokenizedText($"{Vocabulary.AttributeQueryWord(attribute)} of the {last.Name.ToLowerInvariant()} and the {index.Muscles[named].Name.ToLowerInvariant()}")
        {
            EndsWithQuestionMark = true,
        };
    }

    /// <summary>"The same way", "the same direction", "do the same", "likewise": a claim that something matches, with no "as" or "like" saying what.</summary>
    private static bool SaysTheSame(TokenizedText text)
    {
        var same = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word is "like" or "unlike" or "than" || (word == "as" && same))
            {
                return false;
            }

            same |= word is "likewise" or "similarly" || (word == "same" && (i + 1 == text.Count || text.WordString(i + 1) is "way" or "direction" or "thing" or "side" or "too"));
        }

        return same;
    }

    /// <summary>
    /// "does it get blood from the lumbar arteries" after the psoas major: "it" replaced by the muscle's name, when the
    /// chat was about one muscle, the message is a yes/no claim (or asks for the muscles helping "it",
    /// <see cref="AsksForOtherMuscles"/>) naming no muscle, and "it" is not a dummy ("is it safe to ..."). Null otherwise.
    /// </summary>
    public static TokenizedText? WithContextMuscle(TokenizedText text, KnowledgeIndex index, ConversationContext? context)
    {
        // Only a yes/no claim or a request for the muscles helping it: other follow-ups ("what does it do in people who
        // have one") already take the last muscle, and naming it there would let the question's other words pull the
        // answer to a topic.
        var helpers = !FactAnswerer.IsYesNo(text) && AsksForOtherMuscles(text);
        if ((context?.MuscleId ?? context?.NamedMuscleId ?? (helpers ? TitleMuscle(index, context) : null)) is not { } id
            || !index.MuscleById.TryGetValue(id, out var muscle) || !(helpers || FactAnswerer.IsYesNo(text)))
        {
            return null;
        }

        // "so it's a hip flexor then?": the joined "it's" before an article is "it is" (the possessive "its" never stands there).
        var (at, joined) = (-1, false);
        for (var i = 0; i < text.Count && at < 0; i++)
        {
            var word = text.WordString(i);
            joined = word == "its" && i + 1 < text.Count && text.WordString(i + 1) is "a" or "an" or "the";
            at = word == "it" || joined ? i : -1;
        }

        if (at < 0 || (at + 1 < text.Count && DummyItWords.Contains(text.WordString(at + 1)) && !ClassifiesTheMuscle(text, at + 1))
            || (at + 1 == text.Count && at > 0 && text.WordString(at - 1) is "is" or "was"))
        {
            return null;
        }

        if (index.MusclesNamedIn(text.Text).Length > 0)
        {
            return null;
        }

        // The helpers of a member are the group's: the facts name the muscles that help the iliopsoas.
        var name = !helpers ? muscle.Name.ToLowerInvariant()
            : "the " + (Array.Find(index.Muscles, m => m.IsGroup && !m.Parts.IsDefault && m.Parts.Contains(muscle.Id)) ?? muscle).Name.ToLowerInvariant();
        var before = at > 0 ? text.Window(0, at).ToString() + " " : string.Empty;
        var after = at + 1 < text.Count ? " " + text.Window(at + 1, text.Count - at - 1).ToString() : string.Empty;
        return new TokenizedText(before + name + (joined ? " is" : string.Empty) + after) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>The one muscle the title of the chat's topic names ("Hip flexion - the main job of the iliopsoas"), or null.</summary>
    private static string? TitleMuscle(KnowledgeIndex index, ConversationContext? context) =>
        context?.TopicId is { } topicId && Array.Find(index.Topics, t => t.Id == topicId) is { } topic
        && index.MusclesNamedIn(topic.Title) is [var only] ? index.Muscles[only].Id : null;

    /// <summary>The verbs (or "with" after one) right before "it" that make "it" the muscle helped: "help it", "work with it".</summary>
    private static readonly FrozenSet<string> HelpingWords = new[]
    {
        "help", "helps", "assist", "assists", "support", "supports", "aid", "aids", "with",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "what other muscles help it flex the hip", "which other muscles assist it with that?", "what other muscles work
    /// with it": muscles besides the one "it" points at are asked for, so "it" is the muscle helped (named, it finds the
    /// helpers' facts), not the subject asked about. Only with a helping word before "it" ("what other muscles does it
    /// attach near" asks about it).
    /// </summary>
    private static bool AsksForOtherMuscles(TokenizedText text)
    {
        var (other, muscles) = (false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word == "it")
            {
                return other && muscles && i > 0 && HelpingWords.Contains(text.WordString(i - 1));
            }

            other |= word is "other" or "else" or "besides" or "helper" or "helpers" or "helping";
            muscles |= word is "muscle" or "muscles" or "helper" or "helpers";
        }

        return false;
    }

    /// <summary>Nouns after "it is a" that make "it" a dummy: "is it a good idea", "is it a myth that", "is it the best way".</summary>
    private static readonly FrozenSet<string> DummyKindNouns = new[]
    {
        "idea", "way", "case", "problem", "thing", "sign", "myth", "fact", "question", "matter", "must", "mistake", "risk", "concern",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "is it a hip flexor?", "so it's the main hip flexor?": an article after "it" that opens a kind the muscle is said
    /// to be, not a judgement of doing something ("is it a good idea to ...", "is it the best way", "is it a myth that").
    /// </summary>
    private static bool ClassifiesTheMuscle(TokenizedText text, int article)
    {
        if (text.WordString(article) is not ("a" or "an" or "the") || article + 1 >= text.Count)
        {
            return false;
        }

        var next = text.WordString(article + 1);
        return !DummyItWords.Contains(next) && !DummyKindNouns.Contains(next);
    }

    /// <summary>
    /// "and the other one?" after the psoas minor's insertion, "what about the other muscle": "the other" names the one
    /// other muscle sharing a word of the last muscle's name (the psoas major after the psoas minor, and back), so the
    /// follow-up carries the last attribute to it. Only "other" ending the message or before "one" or "muscle" ("the
    /// other side" is a side of the body); null when there is no such muscle (the iliacus) or the message names one.
    /// </summary>
    public static TokenizedText? WithOtherMuscle(TokenizedText text, KnowledgeIndex index, ConversationContext? context)
    {
        // Most messages hold no "other": they pay one scan of their words and nothing else.
        if (text.Count > 8 || !text.Words.Contains("other")
            || (context?.MuscleId ?? context?.NamedMuscleId) is not { } id || !index.MuscleById.TryGetValue(id, out var last)
            || index.MusclesNamedIn(text.Text).Length > 0)
        {
            return null;
        }

        var names = last.Name.ToLowerInvariant().Split(' ');
        var partners = index.Muscles.Where(m => m.Id != last.Id && !m.IsGroup && m.Name.ToLowerInvariant().Split(' ').Intersect(names).Any()).ToList();
        if (partners.Count != 1)
        {
            return null;
        }

        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordString(i) != "other" || text.WordString(i - 1) is not ("the" or "that" or "this"))
            {
                continue;
            }

            var span = i + 1 == text.Count ? 1 : text.WordString(i + 1) is "one" or "muscle" ? 2 : 0;
            if (span == 0)
            {
                return null;
            }

            var before = text.Window(0, i).ToString();
            var after = i + span < text.Count ? " " + text.Window(i + span, text.Count - i - span).ToString() : string.Empty;
            return new TokenizedText($"{before} {partners[0].Name.ToLowerInvariant()}{after}") { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>
    /// "and the minor?", "what about the major one": "minor" or "major" standing alone names the psoas minor or major
    /// (no other muscle of ours has either word). Only where the word is the muscle: at the end, before "one" or
    /// "muscle", or after "the" before an attribute word ("where does the minor insert"); "the major hip flexor" is not.
    /// Null when nothing is elided.
    /// </summary>
    public static TokenizedText? WithElidedPsoas(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word is not ("minor" or "major") || (i > 0 && text.WordString(i - 1) is "psoas" or "soas" or "psoa" or "psos"))
            {
                continue;
            }

            var previous = i > 0 ? text.WordString(i - 1) : null;
            var next = i + 1 < text.Count ? text.WordString(i + 1) : null;
            var standsAlone = next is null or "one" or "muscle" or "ones"
                || (previous == "the" && (Vocabulary.CueWords.Contains(next) || FactAnswerer.IsYesNoStart(next) || MuscleVerbs.Contains(next)));
            if (!standsAlone || previous is not (null or "the" or "and" or "about" or "for" or "of" or "its" or "to" or "with")
                || QualifiesAnotherName(text, i))
            {
                continue;
            }

            var before = i > 0 ? text.Window(0, i).ToString() + " " : string.Empty;
            var after = text.Window(i, text.Count - i).ToString();
            return new TokenizedText(before + "psoas " + after) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>
    /// A multiple-choice question pasted with its options ("Which nerve innervates the iliacus? A) obturator B) femoral
    /// C) sciatic"): the stem alone, so the wrong options are never read as what the student asks about. Options are
    /// lettered from a in order after the "?", at least two, each a short phrase (at most five words) that asks nothing;
    /// parts of an exam question ("(a) Name the origin ... (b) State ...") are questions and stay. The text as it was
    /// otherwise.
    /// </summary>
    public static string WithoutChoices(string raw)
    {
        var mark = raw.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            // A stem that ends in a colon instead ("The iliacus is innervated by: (a) obturator nerve (b) femoral nerve").
            // Or three options or more straight after the stem ("the psoas major originates from A) the sacrum B) ... C) ...").
            // Not when the "options" are the attributes asked for ("psoas major vs minor: a) origin b) insertion").
            var first = ChoiceMarker().Match(raw);
            var stem = first.Success ? raw.AsSpan(0, first.Index).TrimEnd() : [];
            var rest = first.Success ? raw[first.Index..] : "";
            var choices = stem.Length > 0 && (stem[^1] == ':' || (stem.Count(' ') >= 2 && ChoiceMarker().Count(rest) >= 3));
            mark = choices && !ChoiceMarker().Split(rest).Any(o => Vocabulary.SingleWordCues.Contains(o.Trim().ToLowerInvariant()))
                ? stem.Length - 1 : -1;
        }

        if (mark < 0 || mark + 1 >= raw.Length)
        {
            return raw;
        }

        var options = ChoiceMarker().Split(raw[(mark + 1)..]);
        if (options.Length < 3 || !string.IsNullOrWhiteSpace(options[0]))
        {
            return raw;
        }

        var markers = ChoiceMarker().Matches(raw[(mark + 1)..]);
        for (var i = 0; i < markers.Count; i++)
        {
            var letter = char.ToLowerInvariant(markers[i].Value.Trim().TrimStart('(')[0]);
            var option = options[i + 1].Trim();
            if (letter != 'a' + i || option.Length == 0 || option.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 5 || option.Contains('?', StringComparison.Ordinal))
            {
                return raw;
            }
        }

        return raw[..(mark + 1)];
    }

    /// <summary>
    /// An exam question's label, and the forms it asks in, rewritten so the question itself is read: "Q7.", "MCQ:",
    /// "Multiple choice,", "Viva question:" and "(fill in the blank)" are dropped, with the blank itself ("___"); "T/F:",
    /// "T or F", "True/false:" become "true or false:", which opens a claim to be judged. The text as it was otherwise.
    /// </summary>
    public static string WithoutExamLabel(string raw)
    {
        if (raw.Length == 0)
        {
            return raw;
        }

        var text = ExamLabel().Replace(raw, "", 1);
        text = NumberedLabel().Replace(text, "", 1);
        text = TrueFalseLabel().Replace(text, "true or false: ", 1);
        text = TrueFalseTag().Replace(text, " true or false?", 1);
        text = BlankMarks().Replace(text, " ");
        return text.Length == raw.Length && text == raw ? raw : text;
    }

    /// <summary>"Q7.", "Question 3:", "MCQ:", "Multiple choice question -", "Viva:", "Short answer:", "Pick one:" opening the message.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:q(?:uestion)?\s*\d+[a-z]?|mcqs?|multiple[\s-]*choice(?:\s+question)?|viva(?:\s+(?:voce|question))?|oral\s+exam(?:\s+question)?|short[\s-]*answer(?:\s+question)?|exam\s+question|fill\s+in\s+the\s+blanks?|(?:pick|choose|select)\s+(?:one|the\s+(?:right|correct|best)\s+(?:one|answer|option)))\s*[:.,)\-]+\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ExamLabel();

    /// <summary>
    /// A heading that ends in a question number, within the first 40 characters: "Anatomy quiz 4 - Q12:", "Week 3 revision,
    /// q5)". The number alone ("Q7.") is <see cref="ExamLabel"/>'s.
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^:?!]{0,40}?\bq(?:uestion)?\s*\d+[a-z]?\s*[:.)\-]+\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NumberedLabel();

    /// <summary>"T/F:", "T or F", "TF:", "True/false", "true-false" opening the message.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:t\s*/\s*f|t\s+or\s+f|tf|true\s*[/-]\s*false)\b\s*[:.,\-]*\s*", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TrueFalseLabel();

    /// <summary>"(T/F)", "- true/false?" closing the message.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[\s,.\-]*\(?\s*(?:t\s*/\s*f|true\s*/\s*false)\s*\)?\s*\??\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TrueFalseTag();

    /// <summary>A blank to fill ("___", "....." between words) and the words that say so ("(fill in the blank)").</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"_{2,}|\.{4,}|\(?\s*\bfill\s+in\s+the\s+(?:blanks?|gaps?)\b\s*\)?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BlankMarks();

    /// <summary>"A)", "(b)", "c." or "D:" standing alone.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|\s)(?:\(?[A-Ea-e]\)|[A-Ea-e][.:])(?=\s)")]
    internal static partial System.Text.RegularExpressions.Regex ChoiceMarker();

    /// <summary>
    /// Words that voice typing splits in two ("in sert", "inner vates", "ori gin", "so as minor") joined again: two
    /// neighbours whose join is a word of the knowledge (a muscle name's, a topic's or an attribute cue) while one of
    /// them is no word at all (neither the knowledge's nor everyday English), and "so as" before "major" or "minor",
    /// which is how "psoas" is heard ("sew as", "sow as" too). Three pieces, or two, whose join is a muscle's name misspelt
    /// ("illy a cus", "ilio so as") become that name: three short pieces none of which is a name or cue, or two of which
    /// one is no word. Null when nothing is split.
    /// </summary>
    public static TokenizedText? WithJoinedSplits(TokenizedText text, KnowledgeIndex index)
    {
        var kinds = index.Kinds(text);
        string[]? words = null;
        for (var i = 0; i + 1 < text.Count; i++)
        {
            var first = text.WordString(i);
            var second = text.WordString(i + 1);
            string? joined = null;
            var span = 2;
            if (SoundsLikeSo.Contains(first) && second is "as" or "az" && i + 2 < text.Count && text.WordString(i + 2) is "major" or "minor")
            {
                joined = "psoas";
            }
            else if (i + 2 < text.Count && IsSyllable(first, kinds[i]) && IsSyllable(second, kinds[i + 1]) && IsSyllable(text.WordString(i + 2), kinds[i + 2])
                && (IsNamePiece(first, kinds[i]) || IsNamePiece(second, kinds[i + 1]) || IsNamePiece(text.WordString(i + 2), kinds[i + 2]))
                && index.NearLongMuscleWord(first + second + text.WordString(i + 2)) is { } three)
            {
                // Three short pieces of one name ("illy a cus", "ilio so as"), none a name or cue of its own.
                (joined, span) = (three, 3);
            }
            else if ((IsNoWord(first, kinds[i]) || IsNoWord(second, kinds[i + 1])) && index.NearLongMuscleWord(first + second) is { } two)
            {
                joined = two;
            }
            else if ((IsNoWord(first, kinds[i]) || IsNoWord(second, kinds[i + 1])) && first.Length + second.Length >= 6)
            {
                var candidate = first + second;
                if (index.IsMuscleWord(candidate) || index.IsTopicWord(candidate) || Vocabulary.CueWords.Contains(candidate))
                {
                    joined = candidate;
                }
            }

            if (joined is null)
            {
                continue;
            }

            words ??= [.. text.Words];
            words[i] = joined;
            for (var k = 1; k < span; k++)
            {
                words[i + k] = null!;
            }

            i += span - 1;
        }

        return words is null ? null
            : new TokenizedText(string.Join(' ', words.Where(w => w is not null))) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>
    /// "PM insertion?", "Pm nerve supply", "origin of the PM": students' shorthand for the psoas major, spelt out (never
    /// after a number: "3 pm", "at 5 30 pm" is the time of day); and "lumber", phone autocorrect's real word for
    /// "lumbar" ("Lumber plexus levels"), which no question about these muscles means; "diff" for the difference. Null
    /// when there is none.
    /// </summary>
    public static TokenizedText? WithSpelledOutShorthand(TokenizedText text)
    {
        string[]? words = null;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            var spelt = word switch
            {
                "pm" when i == 0 || !text.WordString(i - 1).All(char.IsAsciiDigit) => "psoas major",
                "lumber" => "lumbar",
                // "psoas major vs minor whats the diff fr": chat shorthand for the difference.
                "diff" or "diffs" => "difference",
                _ => null,
            };
            if (spelt is not null)
            {
                words ??= [.. text.Words];
                words[i] = spelt;
            }
        }

        return words is null ? null
            : new TokenizedText(string.Join(' ', words)) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>How voice typing hears the first syllable of "psoas" ("so as", "sew as", "sow as major").</summary>
    private static readonly FrozenSet<string> SoundsLikeSo = new[] { "so", "sew", "sow", "soh" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// A short piece voice typing may have heard as a word of its own ("ilio", "so", "a", "cus"): no cue of its own and no whole
    /// name ("psoas", "major"); pieces of spelt-out aliases ("ilio" of "ilio psoas", "cus" of "ill ee ah cus") count.
    /// </summary>
    private static bool IsSyllable(string word, WordKind kind) =>
        word.Length <= 5 && !Vocabulary.SingleWordCues.Contains(word) && ((kind & WordKind.Muscle) == 0 || word.Length < 5);

    /// <summary>A piece of a split name: no word at all ("illy") or a piece of a spelt-out alias ("ilio", "cus").</summary>
    private static bool IsNamePiece(string word, WordKind kind) => (kind & WordKind.Muscle) != 0 || IsNoWord(word, kind);

    /// <summary>A word neither the knowledge nor everyday English has ("sert", "vates", "cus").</summary>
    private static bool IsNoWord(string word, WordKind kind) => kind == WordKind.None && EverydayEnglish.Rank(word) == int.MaxValue;

    /// <summary>
    /// "the rhomboid major and minor", "teres major or minor": after "and"/"or", the qualifier shares the name before it,
    /// which is the psoas only when that name is ("psoas major and minor").
    /// </summary>
    private static bool QualifiesAnotherName(TokenizedText text, int at) =>
        at >= 3 && text.WordString(at - 1) is "and" or "or" && text.WordString(at - 2) is "major" or "minor"
        && text.WordString(at - 3) is not ("psoas" or "soas" or "psoa" or "psos");

    /// <summary>Verbs a muscle is the subject of ("does the minor come from the spine", "where does the major end").</summary>
    private static readonly FrozenSet<string> MuscleVerbs = new[]
    {
        "come", "comes", "start", "starts", "begin", "begins", "arise", "arises", "end", "ends", "attach", "attaches", "go",
        "goes", "run", "runs", "lie", "lies", "sit", "sits", "tilt", "tilts", "flex", "flexes", "work", "works", "connect",
        "connects", "reach", "reaches", "insert", "inserts", "originate", "originates", "get", "gets", "need", "needs",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that ask what sets something off, with the pronoun between ("sets them off", "brings it on").</summary>
    private static readonly FrozenSet<string> SetsOff = new[] { "set", "sets", "bring", "brings", "kick", "kicks", "spark", "sparks" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Pronouns = new[] { "it", "them", "this", "that", "these", "those", "they" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The words that, after "how", ask how often something is found ("how common", "how rare", "how usual").</summary>
    private static readonly FrozenSet<string> FrequencyWords = new[] { "common", "rare", "usual", "unusual", "uncommon", "frequent", "frequently" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "how common is it to not have it?", "how rare is that": asking how often something is found in words one of which
    /// is also a title word of the knowledge ("the common tendon"), read as "how often". Both are share questions
    /// (<see cref="FactAnswerer.AsksNumber"/>), so only the stray subject word goes. Only a question that names no muscle
    /// (a follow-up, whose muscle is the last one): with its muscle named the share is found as it is ("how common is it for
    /// people to have no psoas minor"), and "how often ... for" would read as what the muscle is for. A question that names
    /// a tendon keeps its words ("how common is a common tendon injury"). Null when not so asked.
    /// </summary>
    public static TokenizedText? WithPlainFrequency(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) != "how" || !FrequencyWords.Contains(text.WordString(i + 1)))
            {
                continue;
            }

            if (text.Words.Any(w => w is "tendon" or "tendons" || index.IsMuscleWord(w)))
            {
                return null;
            }

            var words = text.Words.ToList();
            words[i + 1] = "often";
            return new TokenizedText(string.Join(' ', words)) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>
    /// Words that may stand between "who" and its verb of having a condition: adverbs and the hedges "tends to", "is", "are"
    /// ("who usually gets it", "who tends to get it", "who is most affected").
    /// </summary>
    private static readonly FrozenSet<string> WordsBeforePersonVerb = new[]
    {
        "usually", "typically", "mostly", "most", "commonly", "often", "normally", "generally", "tends", "tend", "to", "is", "are",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs of having a condition after "who" ("who gets it", "who is affected", "who develops one").</summary>
    private static readonly FrozenSet<string> PersonVerbs = new[]
    {
        "get", "gets", "develop", "develops", "suffer", "suffers", "experience", "experiences", "affected", "prone",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "who usually gets it?", "who tends to develop that", "who is affected": asking which people have a condition, with
    /// no word the facts use for it, read as "which people get it" (the hedge dropped): the facts say who in that word
    /// ("often in people taking up a new sport"). Only "who" opening the question (after a follow-up's lead word) and a
    /// verb of having a condition after it; "who says so" and "who named it" ask for a source or a history. Null when not
    /// so asked.
    /// </summary>
    public static TokenizedText? WithPlainPerson(TokenizedText text)
    {
        var at = 0;
        while (at + 2 < text.Count && CauseLeads.Contains(text.WordString(at)))
        {
            at++;
        }

        if (at + 1 >= text.Count || text.WordString(at) != "who")
        {
            return null;
        }

        var verb = at + 1;
        while (verb < text.Count - 1 && WordsBeforePersonVerb.Contains(text.WordString(verb)))
        {
            verb++;
        }

        if (!PersonVerbs.Contains(text.WordString(verb)))
        {
            return null;
        }

        // The hedge between ("usually", "tends to") says how often, not what is asked: a fact's "usually" elsewhere must not answer.
        // "people" takes the plain verb ("which people get it"): "gets" would find "before it gets there" of an insertion.
        var said = text.WordString(verb);
        var plain = said.EndsWith('s') && PersonVerbs.Contains(said[..^1]) ? said[..^1] : said;
        var before = at > 0 ? text.Window(0, at).ToString() + " " : string.Empty;
        var after = verb + 1 < text.Count ? " " + text.Window(verb + 1, text.Count - verb - 1).ToString() : string.Empty;
        return new TokenizedText($"{before}which people {plain}{after}") { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
    }

    /// <summary>
    /// "what sets them off?", "what triggers it?", "what brings them on?": asking for a cause in words that are also the
    /// knowledge's nouns ("sets" and reps, "trigger" points), read as "what causes them". Null when not so asked.
    /// </summary>
    public static TokenizedText? WithPlainCause(TokenizedText text)
    {
        // "and what sets them off", "so what triggers it": a follow-up's lead word before the question word.
        var lead = 0;
        while (lead + 2 < text.Count && CauseLeads.Contains(text.WordString(lead)))
        {
            lead++;
        }

        for (var i = lead + 1; i + 1 < text.Count; i++)
        {
            var word = text.WordString(i);
            var next = text.WordString(i + 1);
            var span = 0;
            if (word is "triggers" or "trigger" or "provokes" or "provoke" && Pronouns.Contains(next))
            {
                span = 1;
            }
            else if (SetsOff.Contains(word) && Pronouns.Contains(next) && i + 2 < text.Count && text.WordString(i + 2) is "off" or "on")
            {
                span = 1;
            }
            else if (SetsOff.Contains(word) && next is "off")
            {
                span = 2;
            }

            if (span == 0 || !(text.WordString(lead) is "what" or "whats" or "which" or "does" or "do" or "can" or "could" or "will"))
            {
                continue;
            }

            // "sets them off" keeps its pronoun and loses "off"; "sets off trigger points" loses "off".
            var words = text.Words.ToList();
            words[i] = "causes";
            if (span == 1 && i + 2 < words.Count && words[i + 2] is "off" or "on" && !(word is "triggers" or "trigger" or "provokes" or "provoke"))
            {
                words.RemoveAt(i + 2);
            }
            else if (span == 2)
            {
                words.RemoveAt(i + 1);
            }

            return new TokenizedText(string.Join(' ', words)) { EndsWithQuestionMark = text.EndsWithQuestionMark, Tagged = text.Tagged };
        }

        return null;
    }

    /// <summary>Lead words a follow-up puts before the question word of a cause ("and what sets them off").</summary>
    private static readonly FrozenSet<string> CauseLeads = TurnWords.Set(TurnWords.Conjunctions, TurnWords.Okays, ["but", "also"]);

    private static bool StartsWith(TokenizedText text, string[] words)
    {
        if (text.Count < words.Length)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (text.WordString(i) != words[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the words before <paramref name="end"/> end with <paramref name="words"/>.</summary>
    private static bool EndsWith(TokenizedText text, string[] words, int end)
    {
        var offset = end - words.Length;
        if (offset < 0)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (text.WordString(offset + i) != words[i])
            {
                return false;
            }
        }

        return true;
    }
}
