using System.Collections.Frozen;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// Questions about the history of the muscles: who named or first described them, when, the origin of a name
/// ("when was the iliacus named", "who first described the psoas minor", "history of the iliopsoas"). The words of such
/// a question ("named", "described") are everyday words some facts happen to use, so retrieval finds a fact for any of
/// them; unless some fact speaks of history, the honest reply is that the sources do not cover it.
/// </summary>
internal static class HistoryQuestions
{
    /// <summary>Words that make a question about history on their own.</summary>
    private static readonly FrozenSet<string> HistoryWords = new[]
    {
        "historical", "historically", "historian", "historians", "discovered", "discovery", "discoverer",
        "discover", "etymology", "etymological", "eponym", "eponymous", "century", "centuries", "ancient",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that ask who gave a name or first account, with "first", "when" or "who" ("when was it named").</summary>
    private static readonly FrozenSet<string> NamingVerbs = new[]
    {
        "named", "described", "describe", "identified", "identify", "coined", "discovered", "documented", "recognised",
        "recognized", "christened", "dissected",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Fact words that would show the knowledge does speak of history (then retrieval answers).</summary>
    /// <summary>"History" alone is no marker: "a history of trauma" is a person's history.</summary>
    private static readonly string[] HistoryMarkers = ["historically", "century", "discovered", "discovery", "etymology", "eponym"];

    /// <summary>What the question asks of history ("the history of the iliacus"), or null when it is no history question or a fact covers history.</summary>
    public static string? Uncovered(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (analysis.Safety.TouchesPain || !(AsksHistory(text) || HistoryOfAMuscle(text, analysis)) || KnowledgeSpeaksOfHistory(index))
        {
            return null;
        }

        var muscle = Muscle(analysis, index)?.ToLowerInvariant();
        if (AsksWhereTheNameComesFrom(text))
        {
            return NameOrigin(muscle);
        }

        return AsksHistory(text) && !AsksWhoNamedOrDescribed(text) && AsksTheYearOfAFirst(text)
            ? "when that was first done"
            : $"who first named or described {(muscle is null ? "these muscles" : "the " + muscle)}, or when";
    }

    /// <summary>
    /// What the question asks of the meaning or language of a muscle's name (<see cref="AsksWhatTheNameMeans"/>), or null.
    /// Asked before the checks for words of another field or region: "latin" and "greek" are no words of ours, but the
    /// muscle's name is.
    /// </summary>
    public static string? UncoveredNameMeaning(TokenizedText text, Analysis analysis, KnowledgeIndex index) =>
        !analysis.Safety.TouchesPain && AsksWhatTheNameMeans(text, analysis) && !KnowledgeSpeaksOfHistory(index)
            ? NameOrigin(Muscle(analysis, index)?.ToLowerInvariant())
            : null;

    private static string NameOrigin(string? muscle) => $"where the name {(muscle is null ? "of these muscles" : "of the " + muscle)} comes from";

    /// <summary>The muscle the history question names, for the reply's title; null when it names none.</summary>
    public static string? Muscle(Analysis analysis, KnowledgeIndex index) =>
        analysis.Muscles.Count > 0 ? index.Muscles[analysis.Muscles[0].Muscle].Name : null;

    private static bool AsksHistory(TokenizedText text)
    {
        var words = Enumerable.Range(0, text.Count).Select(text.WordString).ToList();
        if (words.Any(HistoryWords.Contains) || AsksWhereTheNameComesFrom(text))
        {
            return true;
        }

        var asksWhen = AsksWhen(words) || Follows(words, "year") || Follows(words, "century");
        if (AsksTheYearOfAFirst(text))
        {
            return true;
        }

        var naming = words.Any(NamingVerbs.Contains);
        // "who describes the psoas as a link" asks which source says so; "who first described" and "who named" ask history.
        var asksWho = words.Contains("who") && (words.Contains("first") || words.Any(w => w is "named" or "coined" or "discovered"));
        // "who gave the iliacus its name", "who chose the name": who named it, in other words.
        if (words.Contains("who") && words.Any(w => w is "gave" or "give" or "gives" or "chose" or "picked") && words.Any(w => w is "name" or "names"))
        {
            return true;
        }

        return naming && (asksWhen || asksWho || (words.Contains("first") && words.Any(w => w is "anatomist" or "anatomists" or "scientist" or "scientists")));
    }

    /// <summary>
    /// The origin of a word: "where does the word iliacus come from", "what is the name psoas derived from", "why is it
    /// called psoas". "where does the iliacus come from" (no "word", "name" or "term") asks the muscle's origin, and "what
    /// is it called" asks a name. The naming word stands at most three words before the verb ("the term psoas major
    /// comes from"): "what is the name of the nerve that comes from L2-L4" asks a nerve (the review, 3 Dec 2026).
    /// </summary>
    private static bool AsksWhereTheNameComesFrom(TokenizedText text)
    {
        var namingAt = -1;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            namingAt = word is "word" or "name" or "term" ? i : namingAt;
            var naming = namingAt >= 0 && i - namingAt <= 3;
            if (naming && (word is "derived" or "derive" or "derives"
                || (word is "come" or "comes" or "came" && i + 1 < text.Count && text.WordString(i + 1) == "from")))
            {
                return true;
            }

            if (word == "why" && i + 3 < text.Count && text.WordString(i + 1) is "is" or "was" or "are" && text.WordString(i + 3) == "called")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words naming a word as a word ("the word psoas", "the name iliacus", "the term iliopsoas").</summary>
    private static bool IsNamingWord(string word) => word is "word" or "name" or "term";

    /// <summary>Languages a muscle's name may come from ("is the word psoas latin or greek", "which language is it from").</summary>
    private static bool IsLanguageWord(string word) => word is "latin" or "greek" or "language" or "languages";

    /// <summary>
    /// The meaning or the language of a muscle's name, which is where the name comes from in other words: "what does the
    /// word psoas originally mean", "the name iliacus means what?", "is the word psoas latin or greek", "is psoas a greek
    /// word", "which language is the name iliacus from". A meaning asked of a word that is no muscle's name ("what does the
    /// term lordosis mean") is a definition the facts may give, and a name asked in a language ("the latin name of the
    /// psoas major", "the greek word for loin") is a name, not where one comes from.
    /// </summary>
    private static bool AsksWhatTheNameMeans(TokenizedText text, Analysis analysis)
    {
        var naming = -1;
        var language = false;
        var meaning = false;
        var literal = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (IsNamingWord(word))
            {
                // "the latin name of the psoas major", "the greek word for loin": a name in a language, asked as a name.
                if (i > 0 && IsLanguageWord(text.WordString(i - 1)) && i + 1 < text.Count && text.WordString(i + 1) is "of" or "for")
                {
                    return false;
                }

                naming = naming < 0 ? i : naming;
            }

            // "etymology of iliacus, latin or greek?": the etymology names the word asked about.
            naming = naming < 0 && word is "etymology" or "etymological" ? i : naming;
            language |= IsLanguageWord(word);
            meaning |= word is "mean" or "means" or "meaning" or "meant";
            literal |= word is "originally" or "literally";
        }

        if (analysis.Muscles.Count == 0)
        {
            return false;
        }

        // "what does the word psoas mean": the muscle's name right after the naming word; "what does psoas literally mean".
        return (meaning && (literal || NamesAMuscleAfter(analysis, naming))) || (language && naming >= 0);
    }

    /// <summary>Whether a muscle's name stands within two words after the naming word at <paramref name="naming"/>.</summary>
    private static bool NamesAMuscleAfter(Analysis analysis, int naming)
    {
        if (naming < 0)
        {
            return false;
        }

        foreach (var muscle in analysis.Muscles)
        {
            if (muscle.Start > naming && muscle.Start <= naming + 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"the history of the iliacus": "history" with a muscle named within the next few words (not "a history of trauma").</summary>
    private static bool HistoryOfAMuscle(TokenizedText text, Analysis analysis)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) == "history" && analysis.Muscles.Any(m => m.Start > i && m.Start <= i + 3))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "when" asking a time: the first or last word, after "and", "so", "but" or "exactly" ("who named it and when"), or
    /// before "was", "were", "did" or "is" ("ok when was it named").
    /// Inside a clause ("a tight hip that eases when she sits") it is a conjunction of the story, not the question.
    /// </summary>
    private static bool AsksWhen(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            // "ok when was the iliacus named": "when" before a tense of "be" or "do" opens the question, whatever comes before it.
            if (words[i] == "when" && (i == 0 || i == words.Count - 1 || words[i - 1] is "and" or "so" or "but" or "exactly" or "then"
                || words[i + 1] is "was" or "were" or "did" or "is"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "In what year was the iliopsoas tendon first released surgically?", "which century was it first operated on": the
    /// year or century of a first, which is history whatever was done (no fact gives a date).
    /// </summary>
    private static bool AsksTheYearOfAFirst(TokenizedText text)
    {
        var words = Enumerable.Range(0, text.Count).Select(text.WordString).ToList();
        return words.Contains("first") && (Follows(words, "year") || Follows(words, "century") || Follows(words, "decade"));
    }

    private static bool AsksWhoNamedOrDescribed(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (NamingVerbs.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"what year", "which century": the word after a question word.</summary>
    private static bool Follows(List<string> words, string word)
    {
        var at = words.IndexOf(word);
        return at > 0 && words[at - 1] is "what" or "which";
    }

    private static bool KnowledgeSpeaksOfHistory(KnowledgeIndex index)
    {
        var markers = HistoryMarkers.Select(index.Facts.Term).ToHashSet(StringComparer.Ordinal);
        return index.Facts.Passages.Any(p => index.Facts.FactTerms(p.Ordinal).Overlaps(markers));
    }
}
