using System.Collections.Frozen;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "What is the diaphragm of a camera lens?", "the fascia board on a house roof", "the solar plexus punch in boxing": a
/// word of ours (a topic keyword or a part
/// of the body) used in another field shows by the noun it is tied to, a word no fact, synonym or keyword knows that is
/// its head ("diaphragm setting", "hip check"), its possessor or modifier ("insect leg", "camera diaphragm") or its "of"
/// ("the spine of a book"). When every word of ours in a question is tied that way, and no muscle or pain is named, the
/// question is about the other field. A word of ours standing free ("good stretches for desk workers") keeps it ours, and
/// so do people who do something ("runners", "dancers"), treatments, tests and measures (they are uncovered, not foreign).
/// Not caught (2 Dec 2026): a head noun the facts also use ("a hip check in ice hockey", "the trochanter segment on an
/// insect's leg", "the spine of a book", "lumbar support", "a minor third in music theory").
/// </summary>
internal static class ForeignAnchors
{
    /// <summary>
    /// Whether every word of ours in <paramref name="text"/> is tied to a foreign noun (and one is). The caller checks
    /// that no muscle is named or guessed and no pain is touched; <paramref name="unknown"/> are the words no fact uses.
    /// </summary>
    public static bool OwnAllOurWords(TokenizedText text, KnowledgeIndex index, List<string> unknown)
    {
        if (unknown.Count == 0)
        {
            return false;
        }

        var foreign = new bool[text.Count];
        var any = false;
        for (var i = 0; i < text.Count; i++)
        {
            foreign[i] = IsForeignNoun(text.WordString(i), unknown);
            any |= foreign[i];
        }

        if (!any)
        {
            return false;
        }

        var ours = new List<(int Start, int End)>();
        foreach (var mention in index.FindTopicPhrases(text))
        {
            ours.Add((mention.Start, mention.Start + mention.Count));
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (Vocabulary.IsBodyWord(text.WordString(i)) && !ours.Exists(o => o.Start <= i && i < o.End))
            {
                ours.Add((i, i + 1));
            }
        }

        if (ours.Count == 0)
        {
            return false;
        }

        foreach (var (start, end) in ours)
        {
            if (!Tied(text, foreign, start, end))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// "how long to rest a roast leg of lamb", "a bone broth made from beef vertebrae", "the trochanter segment on an
    /// insect's leg": every part of the body the question names is tied to a foreign noun (its possessor or modifier, its
    /// head or its "of": <see cref="Tied"/>), so the parts are another creature's or another thing's, however well a free
    /// topic word ("rest", "segment") matches a fact. Unlike <see cref="OwnAllOurWords"/>, a topic word standing free does
    /// not keep the question ours: with no part of our body left, it is a word of the other field ("rest" the roast).
    /// The caller checks that no muscle is named or guessed and no pain is touched. People who do something ("a cyclist's
    /// hip", "a dancer's back") and parts standing free ("rest my leg") keep it ours.
    /// Not caught (3 Dec 2026): a thing of another field with no part of the body in it ("a flex fuel car").
    /// </summary>
    public static bool OwnsEveryBodyPart(TokenizedText text, KnowledgeIndex index, List<string> unknown)
    {
        var foreign = new bool[text.Count];
        var foreignWords = 0;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // An English word no fact uses as written ("beef", "broth") is another thing, though the typo index may read it
            // as a fact's word ("both"); a misspelling of a fact's word is rarely an English word.
            foreign[i] = IsForeignNoun(word, unknown)
                || (EverydayEnglish.Rank(word) != int.MaxValue && !index.Facts.UsesWord(word) && !index.IsMuscleWord(word)
                    && !Vocabulary.StopWords.Contains(word) && !Vocabulary.CueWords.Contains(word) && !Vocabulary.NamesNoSubject(word)
                    && MayNameAThing(word));
            foreignWords += foreign[i] ? 1 : 0;
        }

        // Two of them at least: one English word next to a part ("skinny legs") describes it.
        if (foreignWords < 2)
        {
            return false;
        }

        var parts = 0;
        for (var i = 0; i < text.Count; i++)
        {
            if (!Vocabulary.IsBodyWord(text.WordString(i)))
            {
                continue;
            }

            if (!Tied(text, foreign, i, i + 1))
            {
                return false;
            }

            parts++;
        }

        return parts > 0;
    }

    /// <summary>Words before a muscle's name that make the word after it a verb ("does the psoas look", "is iliacus active").</summary>
    private static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "does", "do", "did", "can", "could", "will", "would", "should", "is", "are", "was", "were", "has", "have", "had", "may",
        "might", "must", "doesnt", "dont", "didnt", "cant", "isnt", "arent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// What a student asks for about a muscle that is no fact about it ("a psoas major diagram", "iliacus notes for my
    /// exam") and the nouns of a condition ("a psoas disorder"): never the thing of another field a name is given to.
    /// (Flashcards, homework, essays and worksheets are stop words: <see cref="Vocabulary.StopWords"/>.)
    /// </summary>
    private static readonly FrozenSet<string> StudyAndConditionNouns = new[]
    {
        "diagram", "diagrams", "picture", "pictures", "image", "images", "photo", "photos", "video", "videos", "drawing", "drawings",
        "notes", "note", "exam", "exams", "quiz", "quizzes", "card", "cards", "mnemonic", "mnemonics",
        "definition", "definitions", "model", "models", "atlas", "textbook", "lecture", "lectures", "slide", "slides",
        "project", "presentation", "disease", "diseases", "disorder", "disorders", "condition",
        "conditions", "syndrome", "syndromes", "problem", "problems", "issue", "issues", "sign", "signs", "symptom", "symptoms",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "where do I farm the iliacus talisman", "the opening hours of Psoas Yoga Studio", "a discount on the psoas release
    /// ball": a muscle's name used as the name of a thing of another field shows as the first word of a compound whose
    /// head, right after the name or after one word the facts use, is an English noun no fact knows (not a part of the
    /// body, a person, a treatment, a measure, a study aid or a condition), with another word no fact knows elsewhere in
    /// the question. A name after an auxiliary is the subject of a verb ("does the psoas look different"), not a modifier.
    /// The caller checks that a muscle is named, no attribute asked and no pain touched; <paramref name="unknown"/> are the
    /// words no fact uses. Not caught (2 Dec 2026): the name last, after what it names ("the band Psoas Major"; given by
    /// a naming word, "my cat is called psoas minor", it is <see cref="NamedAsAThing"/>); a head noun outside the everyday
    /// list ("the iliacus amulet"); and a name after an auxiliary ("is Iliacus Records still pressing vinyl").
    /// </summary>
    public static bool NameOfAThing(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<string> unknown)
    {
        if (unknown.Count < 2)
        {
            return false;
        }

        foreach (var mention in analysis.Muscles)
        {
            var before = mention.Start - 1;
            if (before >= 0 && Vocabulary.Determiners.Contains(text.WordString(before)))
            {
                before--;
            }

            if (before >= 0 && Auxiliaries.Contains(text.WordString(before)))
            {
                continue;
            }

            var head = mention.End;
            if (head + 1 < text.Count && text.WordString(head) is var modifier && index.Facts.Knows(modifier) && !Vocabulary.StopWords.Contains(modifier) && !index.IsMuscleWord(modifier))
            {
                head++;
            }

            // The head ends the compound: the question goes on with a function word or another word no fact knows
            // ("Psoas Pilates Studio open on sundays"), not with a word of ours.
            if (head >= text.Count || (head + 1 < text.Count && !Vocabulary.StopWords.Contains(text.WordString(head + 1)) && !unknown.Contains(text.WordString(head + 1))))
            {
                continue;
            }

            var noun = text.WordString(head);
            if (!IsForeignNoun(noun, unknown) || EverydayEnglish.Rank(noun) == int.MaxValue || StudyAndConditionNouns.Contains(noun) || Vocabulary.NamesNoSubject(noun))
            {
                continue;
            }

            for (var i = 0; i < text.Count; i++)
            {
                // "where does lymph from the iliacus drain to", "by what age has a child's psoas grown to adult size": another
                // word built like a medical term ("lymph"), a measure, a treatment or a person makes the question one of
                // anatomy, and the word after the name a verb of it, not a thing named after the muscle.
                if ((i < mention.Start || i > head) && unknown.Contains(text.WordString(i)) && IsForeignNoun(text.WordString(i), unknown)
                    && !StrayWords.LooksMedical(text.WordString(i)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words that give a thing its name: "my cat is called Psoas", "I named my goldfish Iliacus", "its name is".</summary>
    private static readonly FrozenSet<string> NamingWords = new[] { "called", "named", "name", "nicknamed", "dubbed" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the named thing belongs to someone ("my cat", "our band", "my wi-fi network"): a possessive among the three
    /// words before it. "the textbook name is psoas major" and "the latin name is iliacus" name the muscle itself.
    /// </summary>
    private static bool SomeonesOwn(TokenizedText text, int thing)
    {
        for (var i = thing - 1; i >= 0 && i >= thing - 3; i--)
        {
            if (Possessives.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> Possessives = new[] { "my", "our", "his", "her", "their", "your" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words between a named thing and its naming word ("my cat is called", "my cat's name is").</summary>
    private static readonly FrozenSet<string> NamingLinks = new[] { "is", "was", "s", "are", "were" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "my cat's name is Psoas, what should I feed a kitten", "my band is called Psoas Minor, any tips for our first
    /// gig?", "I named my goldfish Iliacus": a muscle's name given to a thing by a naming word before it, the thing either
    /// between them ("named my goldfish Iliacus") or before a linking verb ("my cat is called"), and no part of the body
    /// ("a muscle called the psoas minor"), person ("my prof called the psoas ...": no linking verb) or pronoun ("why is
    /// it called the iliopsoas"); the thing a word no fact knows, or another such word in the question ("my band ...
    /// gig"), and the thing someone's own ("my cat", not "the textbook name is psoas major"). The caller checks that no
    /// pain is touched. Not caught (3 Dec 2026): a name in apposition without a naming word ("the band Psoas Major").
    /// </summary>
    public static bool NamedAsAThing(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<string> unknown)
    {
        foreach (var mention in analysis.Muscles)
        {
            if (NameSoughtFor(text, index, mention.Start))
            {
                return true;
            }

            for (var naming = mention.Start - 1; naming >= 0 && naming >= mention.Start - 3; naming--)
            {
                if (!NamingWords.Contains(text.WordString(naming)))
                {
                    continue;
                }

                var thing = -1;
                for (var i = naming + 1; i < mention.Start; i++)
                {
                    if (!Vocabulary.Determiners.Contains(text.WordString(i)) && !NamingLinks.Contains(text.WordString(i)))
                    {
                        thing = i;
                    }
                }

                // "my cat is called": the thing before a linking verb; "my cat's name is" (folded to "my cat name is"):
                // the thing before "name".
                var before = naming - 1;
                while (before >= 0 && NamingLinks.Contains(text.WordString(before)))
                {
                    before--;
                }

                if (thing < 0 && before >= 0 && (before < naming - 1 || text.WordString(naming) == "name"))
                {
                    thing = before;
                }

                if (thing >= 0 && IsNamedThing(text.WordString(thing), index) && SomeonesOwn(text, thing)
                    && (!index.Facts.Knows(text.WordString(thing)) || HasUnknownOutside(text, unknown, mention)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "what's a good name for my cat, I was thinking Psoas", "a name for my goldfish? maybe Iliacus": a name sought for
    /// someone's own thing no fact knows, anywhere before the muscle's name. "another name for the psoas" (the muscle
    /// itself) and "the name for this bump on my femur" (a part of the body) ask for one of ours.
    /// </summary>
    private static bool NameSoughtFor(TokenizedText text, KnowledgeIndex index, int mentionStart)
    {
        for (var i = 0; i + 2 < mentionStart; i++)
        {
            if (text.WordString(i) is not ("name" or "names") || text.WordString(i + 1) != "for")
            {
                continue;
            }

            var thing = i + 2;
            while (thing < mentionStart && Vocabulary.Determiners.Contains(text.WordString(thing)))
            {
                thing++;
            }

            if (thing < mentionStart && IsNamedThing(text.WordString(thing), index) && SomeonesOwn(text, thing) && !index.Facts.Knows(text.WordString(thing)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNamedThing(string word, KnowledgeIndex index) =>
        word.Length > 2 && word.All(char.IsAsciiLetter) && !Vocabulary.Determiners.Contains(word) && !Vocabulary.StopWords.Contains(word)
        && !Vocabulary.IsBodyWord(word) && !index.IsMuscleWord(word) && !NamesAPerson(word) && !EverydayWords.IsClinicalSubject(word);

    private static bool HasUnknownOutside(TokenizedText text, List<string> unknown, MuscleMention mention)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if ((i < mention.Start || i >= mention.End) && unknown.Contains(text.WordString(i)) && !Vocabulary.StopWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A foreign noun right after the span, right before it, or after its "of" and a determiner.</summary>
    private static bool Tied(TokenizedText text, bool[] foreign, int start, int end)
    {
        if ((end < text.Count && foreign[end]) || (start > 0 && foreign[start - 1]))
        {
            return true;
        }

        if (end + 1 < text.Count && text.Word(end) is "of")
        {
            var at = end + 1;
            if (Vocabulary.Determiners.Contains(text.WordString(at)))
            {
                at++;
            }

            return at < text.Count && foreign[at];
        }

        return false;
    }

    /// <summary>
    /// A word no fact uses that can name a thing of another field: not a part of the body, not a person who does
    /// something ("runners", "a dancer's hip"), not a treatment, test or measure, not a number or an ordinal ("the body
    /// of the 12th thoracic vertebra").
    /// </summary>
    private static bool IsForeignNoun(string word, List<string> unknown) => unknown.Contains(word) && MayNameAThing(word);

    /// <summary>A word that may name a thing of another field, whether or not the facts use it (the callers check that).</summary>
    private static bool MayNameAThing(string word) =>
        word.Length > 2 && word.All(char.IsAsciiLetter) && !Vocabulary.IsBodyWord(word) && !EverydayWords.IsClinicalSubject(word)
        && !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word) && !EverydayWords.IsBareNumber(word)
        && !NamesAPerson(word);

    /// <summary>People who do something ("dancers", "cyclists", "athletes", "kids"), by their ending or as a plain word for people.</summary>
    public static bool NamesAPerson(string word) =>
        word.EndsWith("er", StringComparison.Ordinal) || word.EndsWith("ers", StringComparison.Ordinal)
        || word.EndsWith("ist", StringComparison.Ordinal) || word.EndsWith("ists", StringComparison.Ordinal)
        || word is "people" or "person" or "persons" or "women" or "woman" or "men" or "man" or "kids" or "kid" or "children"
            or "child" or "athletes" or "athlete" or "patients" or "patient" or "elderly" or "seniors" or "adults" or "adult";
}
