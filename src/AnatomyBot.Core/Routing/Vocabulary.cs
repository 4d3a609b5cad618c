using System.Collections.Frozen;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>A phrase that asks for one or more attributes of a muscle; weak cues ("does") yield to strong ones.</summary>
internal sealed record AttributeCue(string Phrase, MuscleAttribute[] Attributes, bool Strong);

/// <summary>The fixed words the router understands regardless of the knowledge base.</summary>
internal static class Vocabulary
{
    /// <summary>Words that ask about a dispute itself ("do the sources disagree", "both versions").</summary>
    public static readonly FrozenSet<string> DisputeWords = new[]
    {
        "disagree", "disagrees", "disagreement", "disagreements", "differ", "differs", "dispute", "disputed", "versions",
        "conflicting", "contradict", "contradicts", "contradictory", "controversial", "controversy", "debated",
        // "Do the sources agree on ...?", "is there agreement on ...": whether they agree is whether they differ.
        "agree", "agrees", "agreement", "consensus",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Function words, greetings and the word "muscle" in French, Italian, Spanish, Portuguese, German and Dutch, and since
    /// 3 Dec 2026 in Polish, Czech, Hindi and Urdu, Tagalog, Swahili, Indonesian, Turkish, Romanian, the Scandinavian
    /// languages, Finnish, Hungarian and Russian, written without accents as the normaliser leaves them: students mix them into English questions ("Hoi, ik heb een vraag:
    /// ...", "dove si inserisce il muscolo iliaco"), and like English stop words they are never what is asked about.
    /// None is an English word a question could be about ("come", "die", "son", "vast", "pour", "favor", "den", "op",
    /// "os", "met", "si", "sim" and "comment" are left out), nor the start of a muscle name typed half-way ("mi" of "psoas
    /// minor").
    /// </summary>
    private static readonly string[] OtherLanguageStopWords =
    [
        // French
        "ou", "quel", "quelle", "quels", "quelles", "est", "sont", "le", "la", "les", "du", "des", "un", "une", "et", "de",
        "qui", "que", "quoi", "pourquoi", "bonjour", "salut", "merci", "je", "jai", "ai", "avez", "vous", "tu",
        "elle", "nous", "mon", "ma", "mes", "ses", "ce", "cette", "dans", "sur", "avec", "pas", "ne", "se", "qu", "il",
        "svp", "trouve", "situe", "situee",
        // Italian
        "dove", "qual", "quale", "quali", "lo", "gli", "della", "del", "dei", "delle", "di", "da", "che", "cosa", "perche",
        "ciao", "grazie", "sono", "una", "ho", "domanda", "muscolo", "muscoli", "questo", "questa", "nel", "nella",
        "sul", "sulla", "al", "alla",
        // Spanish and Portuguese
        "donde", "cual", "el", "los", "las", "es", "musculo", "musculos", "hola", "gracias", "por", "tengo",
        "pregunta", "como", "cuando", "porque", "esta", "este", "y", "onde", "dos", "das", "ola", "obrigado",
        "obrigada", "tenho", "meu", "minha", "voce", "isso", "esse", "essa", "nao",
        // German
        "wo", "welche", "welcher", "welches", "der", "dem", "das", "ist", "sind", "ein", "eine", "einen", "muskel", "hallo",
        "danke", "ich", "habe", "frage", "mein", "meine", "wie", "warum", "und", "oder", "nicht", "vom", "zum", "zur", "im",
        "mit", "bitte", "verstehe", "versteh", "verstanden", "viele", "viel", "wieviele", "wieviel", "kann", "soll", "sollte",
        // Dutch
        "hoi", "ik", "heb", "een", "vraag", "wat", "waar", "welke", "hoe", "het", "van", "zit", "zijn", "mijn", "bij",
        "bedankt", "spier", "spieren", "en", "aan", "voor", "waarom", "hij", "zij", "dat", "ook", "niet",
        // Polish, Czech and Slovak (fourteenth blind trial's summary, 3 Dec 2026: "gdzie jest insertion of iliacus?" got
        // "My sources don't cover gdzie"; the words below and the languages after them are the lead's own list)
        "gdzie", "jest", "jak", "czy", "nie", "sie", "w", "mnie", "jaki", "jaka", "jakie", "ktory", "ktora", "ktore",
        "miesien", "miesnia", "pytanie", "dzieki", "prosze", "czesc", "ile", "dlaczego", "kde", "jaky", "proc", "ktery",
        "sval", "otazka", "prosim", "dekuji", "ahoj",
        // Hindi and Urdu in Latin letters ("log", people, is left out: the log roll test)
        "kya", "kahan", "kaha", "kitne", "kitna", "kitni", "kaise", "kyun", "kyon", "kyu", "hai", "hain", "ka", "ki", "ke",
        "ko", "aur", "yeh", "woh", "bhai", "yaar", "bata", "batao", "bataiye", "samjhao", "matlab", "wala", "wali", "mera",
        "meri", "mere", "mujhe", "hota", "hoti", "hote", "kaun", "konsa", "kaunsa", "nahi", "nahin", "bahut", "thoda",
        "toh", "hum", "aap", "tum", "kar", "karta", "karti", "karte", "raha", "rahi", "rahe",
        // Tagalog, Swahili, Indonesian and Malay
        "saan", "ano", "ang", "ng", "mga", "sa", "ba", "po", "paano", "bakit", "ilan", "yung", "ako", "ito", "kasi", "lang",
        "salamat", "wapi", "nini", "ni", "kwa", "gani", "misuli", "habari", "asante", "apa", "apakah", "bagaimana",
        "kenapa", "mengapa", "berapa", "yang", "dan", "ini", "itu", "otot", "saya", "aku", "tolong", "terima", "kasih",
        "adalah", "dari", "untuk", "dengan", "mana",
        // Turkish and Romanian ("care", "cum" and "pe" are English or a clinical abbreviation)
        "nerede", "nedir", "nasil", "neden", "hangi", "kas", "mu", "bu", "ve", "bir", "merhaba", "tesekkurler", "sagol",
        "kac", "icin", "nereye", "nereden", "unde", "muschiul", "muschi", "intrebare", "multumesc", "cine",
        // Swedish, Danish, Norwegian, Finnish and Hungarian ("var", "er" and "ar" are left out)
        "vad", "hur", "varfor", "vilken", "vilket", "och", "hvor", "hvad", "hvordan", "hvorfor", "hvilken", "og", "tack",
        "takk", "tak", "missa", "mika", "mita", "miksi", "kuinka", "lihas", "kiitos", "hol", "hogyan", "miert", "melyik",
        "izom", "koszonom",
        // Russian in Latin letters and in Cyrillic
        "gde", "chto", "kak", "pochemu", "kakoy", "kakaya", "myshtsa", "skolko", "eto", "spasibo", "privet", "где", "что",
        "как", "почему", "какой", "какая", "мышца", "сколько", "это", "спасибо", "привет",
    ];

    /// <summary>English function words and question words.</summary>
    public static readonly FrozenSet<string> EnglishStopWords = new[]
    {
        "a", "an", "the", "of", "is", "are", "was", "were", "be", "been", "to", "in", "on", "at", "for", "and", "or",
        "it", "its", "this", "that", "these", "those", "what", "whats", "which", "who", "whom", "how", "hows",
        "why", "when", "can", "could", "would", "should", "will", "shall", "may", "might", "must", "you", "your", "yours",
        "me", "my", "i", "im", "ive", "we", "us", "our", "they", "them", "their", "he", "she", "his", "her", "by",
        "with", "about", "from", "into", "onto", "as", "than", "then", "there", "theres", "here", "so", "if", "but",
        "not", "no", "yes", "please", "pls", "plz", "tell", "explain", "describe", "show", "give", "know", "want",
        "like", "does", "do", "did", "doing", "done", "has", "have", "had", "any", "some", "all", "one", "muscle",
        "muscles", "bot", "anatomybot", "hey", "hi", "hello", "also", "just", "really", "actually", "very", "much", "more",
        "most", "get", "got", "thing", "things", "kind", "sort", "tho", "though", "ok", "okay", "well", "wondering",
        "question", "quick", "mean", "means", "meaning", "info", "information", "something", "anything", "let", "lets",
        "where", "wheres", "dont", "doesnt", "isnt", "arent", "cant", "up", "down", "out", "over", "again", "am",
        // Interjections ("ah the iliacus hurts too", "ohh ok", "erm which nerve"): how it is said, never a subject; "ah"
        // must not match the "AH" of a pronunciation ("ill-ee-AH-cus"). Not "er" (the emergency room) nor "mm".
        "ah", "ahh", "aah", "ohh", "ooh", "eh", "erm", "umm", "hm",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// What the student is studying for or writing ("viva prep:", "revision flashcards:", "an essay paragraph on",
    /// "hint:"): the asker's study, never the subject (not "quiz", "test" or "exam": commands and rules read those). Kept
    /// apart from <see cref="EnglishStopWords"/>, whose near-misses are read as misspelt function words.
    /// </summary>
    private static readonly string[] StudyWords =
    [
        "prep", "revision", "revising", "flashcard", "flashcards", "essay", "essays", "paragraph", "hint", "hints",
        "worksheet", "homework", "coursework", "assignment",
    ];

    /// <summary>Words never looked up as what a question is about: English function words, the other languages' and study words.</summary>
    public static readonly FrozenSet<string> StopWords = EnglishStopWords.Concat(OtherLanguageStopWords).Concat(StudyWords).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "or" in English and in the languages of <see cref="OtherLanguageStopWords"/> ("femoral oder obturator?", "femoral
    /// ou obturateur", "L2 lub L3"): the word across it is the other choice of one question. Not the Dutch "of", which
    /// is English "of".
    /// </summary>
    public static readonly FrozenSet<string> OrWords = new[]
    {
        "or", "oder", "ou", "o", "lub", "albo", "nebo", "ya", "veya", "yoksa", "atau", "ili", "eller", "vagy", "sau", "au",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The other languages' function words that are no English one ("und", "der", "y", "el", "et", "le", not "en" or "a"):
    /// a message framed by them is not English, whatever its muscle name.
    /// </summary>
    public static readonly FrozenSet<string> OtherLanguageOnlyStopWords =
        OtherLanguageStopWords.Where(w => !EnglishStopWords.Contains(w)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Everyday words that name no subject: a question holding one of them that no fact uses is not therefore about
    /// something the sources lack ("is it true", "a few years ago", "summarise").
    /// </summary>
    public static readonly FrozenSet<string> GeneralWords = new[]
    {
        "true", "false", "fact", "facts", "myth", "myths", "real", "really", "ago", "now", "going", "gone", "go", "goes",
        "year", "years", "week", "weeks", "month", "months", "night", "nights", "today", "yesterday", "little", "bit",
        "lot", "lots", "unit", "summarise", "summarize", "summary", "outline", "proposed", "propose", "differentiate",
        "differentiated", "distinguish", "habit", "habits", "according", "state", "list", "name", "names",
        "briefly", "exactly", "actually", "basically", "generally", "usually", "often", "sometimes", "always", "never",
        "guys", "bro", "dude", "mate", "lol", "pls", "thx", "ok", "um", "uh", "hmm", "kinda", "sorta", "gonna", "wanna",
        "stuff", "things", "thing", "way", "ways", "make", "makes", "made", "use", "used", "using", "need", "needs",
        "good", "bad", "best", "better", "worse", "worst", "big", "small", "new", "old", "first", "last", "next",
        "someone", "somebody", "people", "person", "individual", "individuals", "being", "every", "each", "population",
        // Who the asker means by experience ("an amateur", "beginners", "abuse survivors"): people, not a subject.
        "amateur", "amateurs", "beginner", "beginners", "novice", "novices", "layperson", "laypeople", "layman", "survivor", "survivors",
        // The asker's own English ("sorry for my english", "in my language we say"), not what is asked.
        "sorry", "english", "language", "languages", "native", "translate", "translation", "translated",
        "other", "another", "same", "different",
        // "ditto for the iliacus", "same q for psoas major", "repeat for the minor": the last question asked again.
        "ditto", "q", "qn", "repeat",
        "considered", "consider", "regarded", "called", "known", "said", "says", "mentioned", "book", "text", "texts", "document", "documents", "handout", "handouts",
        "blog", "article", "author", "authors", "post", "clinic", "site", "bottom", "top", "define", "definition",
        "role", "explain", "describe", "briefly", "main", "mainly", "part", "parts", "side", "sides",
        "perform", "performs", "performed", "having", "ppl", "persons", "class", "classes", "lecture", "teacher",
        "professor", "exam", "exams", "quiz", "quizzes", "midterm", "midterms", "finals", "homework", "assignment",
        "revision", "agree", "agrees", "agreed", "span", "spans", "treated", "treat", "single",
        // "for my anatomy practical", "which structure lets it glide": an assessment, or a thing the answer names.
        "practical", "practicals", "osce", "viva", "structure", "structures",
        // When a test falls and how the asker gets ready ("quiz tmrw", "the upcoming exam"): their timetable, not a subject.
        "tomorrow", "tomorow", "tmrw", "tmr", "tonight", "upcoming", "soon", "revising", "studying", "cramming",
        "characterise", "characterize", "identify", "relate", "relates", "contribute", "contributes", "excerpt",
        "both", "either", "even", "many", "member", "members", "everybody", "worth", "worthwhile", "effective", "useful",
        "number", "numbers", "amount", "total",
        // Where a claim came from ("who came up with the theory", "heard the psoas is ...", "whose idea is it").
        "came", "heard", "hear", "hears", "idea", "ideas", "whose", "general", "overall",
        // Whether a claim holds, and who passed it on: "my pilates instructor says ..., legit?" asks about the claim.
        "legit", "legitimate", "bogus", "nonsense", "fake", "accurate", "correct", "wrong", "instructor", "instructors",
        "coach", "trainer", "friend", "friends", "mom", "mum", "dad", "guru", "influencer", "youtube", "tiktok", "online",
        // How one thing bears on another ("is the psoas involved in childbirth", "does it play a part in", "does it affect
        // sex drive"): the relation asked about, never its subject; the thing it bears on is.
        "involved", "involve", "involves", "involvement", "play", "plays", "affect", "affects", "affected", "effect", "effects",
        "impact", "impacts", "influence", "influences",
        // How sure the asker is ("i am confuse", "kinda lost", "not sure"): their state, not what they ask about.
        "confuse", "confused", "confusing", "confusion", "unsure", "puzzled", "clueless", "curious",
        // Chat shorthand for the asker's own stance or tone ("tbh", "ngl", "imo", "fr"): how it is said, never a subject.
        "tbh", "tbf", "ngl", "imo", "imho", "idk", "fr", "frfr", "smh", "lmao", "lmk", "btw", "rn", "irl", "ikr", "tho",
        "iirc", "afaik", "istg", "lowkey", "highkey", "literally", "honestly",
        // Laughter, texting spellings and mood words ("haha", "every1", "the vibes"): how it is said, never a subject.
        "haha", "hahaha", "hehe", "lolz", "xd", "omg", "every1", "some1", "any1", "vibe", "vibes",
        // The form of an exam question ("in my viva they asked", "the mcq said", "what goes in the blank"): how it is
        // asked, never its subject.
        "mcq", "mcqs", "viva", "vivas", "blank", "blanks",
        // A correction's own words ("oops, meant the iliacus", "nope, the minor"): the muscle it names is the subject.
        "oops", "whoops", "nope", "nah", "meant", "lifesaver", "lifesavers", "legend",
        // Punctuation spoken to voice typing ("so az minor origin comma which vertebra"): how it was typed, never a subject.
        "comma", "commas", "semicolon",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that frame the kind of answer wanted, never what it is about: the command words of exam questions
    /// ("contrast", "outline", "account for", "elaborate on") and the words of comparing ("difference", "discrepancy",
    /// "similarities", "versus"). Matched by stem, so "distinguished", "contrasting" and "compared" frame a question too.
    /// Command words that are also things a student may ask about (to "examine" or "assess" a muscle is a clinical
    /// test, to "develop" is embryology, to "support" or "apply" is what the facts say) are left out.
    /// </summary>
    private static readonly string[] FrameWords =
    [
        "account", "analyse", "analyze", "appraise", "clarify", "comment", "compare", "comparison", "contrast", "critique",
        "criticise", "criticize", "define", "describe", "differ", "difference", "differentiate", "discrepancy",
        "discrepancies", "discuss", "discussion", "distinction", "distinguish", "elaborate", "enumerate", "explain",
        "explanation", "identify", "illustrate", "indicate", "interpret", "justify", "justification", "rationale", "list", "outline", "similar", "similarity",
        "classify", "label", "annotate", "sketch", "deduce",
        "similarities", "specify", "summarise", "summarize", "summary", "state", "trace", "versus", "vs",
    ];

    private static readonly FrozenSet<string> FrameStems = FrameWords.Select(Stemmer.Stem).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What <see cref="FramesTheQuestion"/> found for each word (it depends on the fixed vocabulary only).</summary>
    private static readonly WordMemo<bool> FrameMemo = new();

    /// <summary>Whether the word is one of the <see cref="FrameWords"/> in any of its forms.</summary>
    public static bool FramesTheQuestion(string word) =>
        FrameMemo.Get(word, 0, static (_, w) => w.Length > 1 && FrameStems.Contains(Stemmer.Stem(w)));

    /// <summary>
    /// A word that says how a question is asked, not what it is about: an everyday word (<see cref="GeneralWords"/>) or
    /// one that frames the answer wanted (<see cref="FramesTheQuestion"/>). No fact using it or not decides the subject.
    /// </summary>
    public static bool NamesNoSubject(string word) => GeneralWords.Contains(word) || FramesTheQuestion(word);

    /// <summary>Whether a frame word of five letters or more is one edit from <paramref name="word"/> ("discrepency").</summary>
    public static bool FrameWordNear(string word) => FrameWords.Any(w => w.Length >= 5 && EditDistance.Within(word, w, 1));

    /// <summary>
    /// Muscles, groups and joints elsewhere in the body ("the rotator cuff", "the deltoid", "the hamstrings"): a question
    /// about one that names none of ours is off-topic, even where a fact mentions it in passing (the hamstring among
    /// pain sites). Left out: what lies next to the iliopsoas or what its facts are about (the hip, knee, back, pelvis,
    /// thigh, groin, spine, the secondary hip flexors and satellite muscles), and words with an in-domain sense (the
    /// "neck" of the femur, "foot" drop).
    /// </summary>
    public static readonly FrozenSet<string> OtherRegionWords = new[]
    {
        "rotator", "supraspinatus", "infraspinatus", "subscapularis", "teres", "deltoid", "deltoids", "delts", "biceps",
        "bicep", "triceps", "tricep", "brachialis", "brachioradialis", "trapezius", "traps", "rhomboid", "rhomboids",
        "latissimus", "lats", "pectoralis", "pecs", "pectoral", "pectorals", "serratus", "hamstring", "hamstrings",
        "quadriceps", "quads", "gluteus", "glutes", "glute", "calf", "calves", "gastrocnemius", "soleus", "tibialis",
        "achilles", "shoulder", "shoulders", "elbow", "elbows", "wrist", "wrists", "forearm", "forearms", "shin", "shins",
        "masseter", "sternocleidomastoid", "scalene", "scalenes", "jaw", "fingers", "thumb", "toes",
        // Organs no fact places near the iliopsoas ("a good anatomy textbook for the heart"); not the kidneys, the
        // intestines or the bladder, which the facts or the red flags name.
        "heart", "hearts", "lung", "lungs", "liver", "eye", "eyes", "ear", "ears", "teeth", "tooth", "skull", "tongue",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Parts of the body the facts name only in one sense of their own: the "neck" or "head" of the femur, the "front
    /// foot" of a stretch, the knee drawn to the "chest", the palms and "arms" of a stretch, the band round the "ankle", the "upper" back as against the low back.
    /// Without the word that makes that sense (the femur, the knee), a question about one is about another region.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> RegionsWithOurSense = new Dictionary<string, string[]>
    {
        ["neck"] = ["femur", "femoral", "thighbone", "bone", "hip"],
        ["necks"] = ["femur", "femoral", "thighbone", "bone", "hip"],
        ["head"] = ["femur", "femoral", "thighbone", "bone", "hip"],
        ["foot"] = ["drop", "front", "back", "stance", "floor", "lift", "lifting", "stand", "standing", "step", "walking"],
        ["feet"] = ["drop", "front", "back", "stance", "floor", "lift", "lifting", "stand", "standing", "step", "walking"],
        ["chest"] = ["knee", "knees", "thigh", "thighs", "bring", "pull", "curled"],
        // The therapist's hands that feel for the psoas, the hands of a stretch, "on the other hand": the human hand or
        // its bones without one of these is another region.
        ["hand"] = ["therapist", "therapists", "therapist's", "feel", "felt", "palpate", "palpating", "palpation", "massage", "release", "touch",
            "floor", "palm", "palms", "stretch", "stretches", "stretching", "arm", "arms", "leg", "foot", "other", "by", "place", "put", "raise", "position"],
        ["hands"] = ["therapist", "therapists", "therapist's", "feel", "felt", "palpate", "palpating", "palpation", "massage", "release", "touch",
            "floor", "palm", "palms", "stretch", "stretches", "stretching", "arm", "arms", "leg", "foot", "other", "by", "place", "put", "raise", "position", "knees"],
        ["arm"] = ["palm", "palms", "floor", "hand", "hands"],
        ["arms"] = ["palm", "palms", "floor", "hand", "hands"],
        // The band or cuff weight of the strengthening drills goes round the ankle.
        ["ankle"] = ["band", "loop", "weight", "weights", "cuff", "resistance"],
        ["ankles"] = ["band", "loop", "weight", "weights", "cuff", "resistance"],
        ["upper"] = ["fibres", "fibers", "part", "attachment", "end", "lumbar", "thigh", "femur"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The iliopsoas's own region: a question naming it ("the hands-on-the-floor hip flexor stretch") is about ours.</summary>
    private static readonly FrozenSet<string> OurRegionWords = new[]
    {
        "hip", "hips", "thigh", "thighs", "pelvis", "pelvic", "groin", "lumbar", "spine", "spinal", "femur", "femoral",
        "flexor", "flexors", "knee", "knees", "lordosis",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the word names a part of the body: our region, another region (<see cref="OtherRegionWords"/>), one with a
    /// sense of ours, or the body in plain words (<see cref="PlainBodyWords"/>). "How do I strengthen my abs" asks of a body.
    /// </summary>
    public static bool IsBodyWord(string word) =>
        OurRegionWords.Contains(word) || OtherRegionWords.Contains(word) || RegionsWithOurSense.ContainsKey(word) || PlainBodyWords.Contains(word);

    /// <summary>The body and its parts in everyday words, besides the region lists.</summary>
    private static readonly FrozenSet<string> PlainBodyWords = new[]
    {
        "body", "bodies", "back", "backs", "abs", "belly", "stomach", "tummy", "abdomen", "abdominal", "abdominals", "core",
        "leg", "legs", "muscle", "muscles", "bone", "bones", "joint", "joints", "tendon", "tendons", "ligament", "ligaments",
        "posture", "buttock", "buttocks", "bum", "butt", "waist", "torso", "trunk", "side", "sides", "ribs", "nerve", "nerves",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the words name a region of <see cref="RegionsWithOurSense"/> without the word that makes it ours, and
    /// nothing of the hip region besides.
    /// </summary>
    public static bool NamesAnotherRegionInPlainSense(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (OurRegionWords.Contains(word))
            {
                return false;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!RegionsWithOurSense.TryGetValue(words[i], out var ours)
                || (words[i] == "upper" && (i + 1 >= words.Count || words[i + 1] is not ("back" or "body" or "arm" or "arms" or "limb" or "limbs"))))
            {
                continue;
            }

            var oursToo = false;
            foreach (var word in words)
            {
                if (Array.IndexOf(ours, word) >= 0)
                {
                    oursToo = true;
                    break;
                }
            }

            if (!oursToo)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a structure lies or runs ("emerges from the front", "its course"): with a nerve named, a question about its
    /// path rather than about what supplies a muscle.
    /// </summary>
    public static readonly FrozenSet<string> CourseWords = new[]
    {
        "emerge", "emerges", "emerging", "pierce", "pierces", "piercing", "exit", "exits", "course", "path", "route",
        "anterior", "posterior", "front", "surface", "lateral", "medial", "behind", "beside", "border", "runs", "travels",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Past participles that qualify a claim ("proven", "shown", "confirmed") and name no subject.</summary>
    private static readonly FrozenSet<string> Participles = new[]
    {
        "proven", "shown", "known", "given", "taken", "seen", "written", "done", "gone", "chosen", "hidden", "thought",
        "believed", "meant", "found", "made", "confirmed", "accepted", "established", "approved", "recommended", "guaranteed",
        // Who a claim is put down to ("the actions attributed to", "credited with"), not what it is about.
        "attributed", "ascribed", "credited", "claimed", "reported", "described", "cited", "listed", "stated",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// An adverb ("precisely", "scientifically") or a participle ("validated", "proven"): it qualifies what is claimed
    /// and never names what a question is about, so a fact not using it does not make the question uncovered.
    /// </summary>
    public static bool QualifiesAClaim(string word) =>
        (word.Length > 5 && ClaimEndings.Any(e => word.EndsWith(e, StringComparison.Ordinal))) || Participles.Contains(word) || DegreeWords.Contains(word);

    /// <summary>
    /// Adjectives of degree ("excessive tension", "a slight ache"): how much of something, never what it is, so a fact
    /// that says "too much tension" answers "excessive tension".
    /// </summary>
    private static readonly FrozenSet<string> DegreeWords = new[]
    {
        "excessive", "excess", "extreme", "severe", "mild", "slight", "moderate", "intense", "constant", "prolonged",
        "repeated", "frequent", "persistent", "overly", "unusual", "considerable",
        // How near an amount is ("roughly four in ten", "nearly half"): never the thing counted.
        "roughly", "approximately", "approx", "nearly", "almost",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Adverbs and the participles of verbs of judging ("validated", "verified", "recognised").</summary>
    private static readonly string[] ClaimEndings = ["ly", "ated", "ified", "ized", "ised"];

    /// <summary>Measures a student may ask for; the sources give none, so a question asking one is not covered.</summary>
    public static readonly FrozenSet<string> MeasureWords = new[]
    {
        "weigh", "weighs", "weighed", "heavy", "heaviness", "mass", "size", "width", "wide", "thick", "thickness",
        "volume", "diameter", "centimetres", "centimeters", "millimetres", "millimeters", "grams", "kilograms", "age",
        // The facts speak of lengthening (stretching), never of a length: "average length" is a measure.
        "length", "lengths",
        // Physical measures of a tissue ("what temperature does the psoas reach", "the tensile strength of the tendon").
        "temperature", "temperatures", "tensile",
        // Force and motor units: measures no fact gives (a question naming one asks what the sources lack).
        "torque", "units",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A word the router itself knows as plain English, or a treatment or medicine ("creatine" is not "create"): never read as a typo of a knowledge word.</summary>
    public static bool IsPlainEnglish(string word) =>
        CueWords.Contains(word) || NamesNoSubject(word) || MeasureWords.Contains(word) || UnitWords.Contains(word)
        || EverydayWords.IsClinicalSubject(word);

    /// <summary>Units of measure: short, but a question asking in one ("length in cm") asks for a measure.</summary>
    public static readonly FrozenSet<string> UnitWords = new[]
    {
        "cm", "mm", "km", "kg", "mg", "lb", "lbs", "ml", "oz", "ft",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Articles, possessives, demonstratives and quantifiers that open a noun phrase ("the", "my", "these", "some", "each"):
    /// read past before the noun they determine ("the diaphragm of a camera", "stretch my ...", "all the actions",
    /// "does my ...", "the spindle density of each ...").
    /// </summary>
    public static readonly FrozenSet<string> Determiners = new[]
    {
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "its", "this", "that", "these", "those", "some", "any", "each",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that never make an answer more specific; a message made only of these plus a greeting is a greeting.</summary>
    public static readonly FrozenSet<string> Filler = new[]
    {
        "there", "bot", "anatomybot", "again", "everyone", "all", "guys", "folks", "friend", "mate", "buddy", "so",
        "much", "a", "lot", "very", "you", "ya", "u", "again", "and", "oh", "ok", "okay", "great", "awesome", "cool",
        "nice", "perfect", "that", "this", "was", "is", "helpful", "really", "super", "the", "info", "answer", "for",
        "it", "good", "morning", "afternoon", "evening", "day", "to", "too", "appreciate", "appreciated", "yo",
        // Laughter and praise around thanks ("lol thanks", "you're a lifesaver", "ur the best").
        "lol", "haha", "hahaha", "hehe", "lmao", "xd", "wow", "youre", "ur", "best", "star", "brilliant", "amazing",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> GreetingWords = new[]
    {
        "hi", "hello", "hey", "heya", "hiya", "howdy", "greetings", "hallo", "hola", "bonjour", "salut", "sup",
        "morning", "yo", "helo", "hello", "hii", "hiii", "heyy", "gday",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> ThanksWords = new[]
    {
        "thanks", "thank", "thx", "ty", "tyvm", "cheers", "thankyou", "thanx", "merci", "gracias", "danke",
        "appreciate", "appreciated", "tysm", "grazie", "obrigado", "obrigada", "lifesaver", "legend",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whole messages (after fillers are dropped) that ask how to use the bot.</summary>
    public static readonly FrozenSet<string> HelpMessages = new[]
    {
        "help", "help me", "helpme", "commands", "command", "menu", "usage", "how to use", "how do i use this",
        "how do i use you", "how do i use", "how does this work", "how do you work", "what can you do",
        "what do you do", "what can i ask", "what can i ask you", "what do you know", "what do you cover",
        "what can you help with", "who are you", "what are you", "instructions", "start", "options", "what topics",
        "what topics do you cover", "list topics", "topics", "what can you answer", "what can you tell me",
        "what do you know about", "how can you help", "how can you help me", "info", "about",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Who a student heard a claim from, the word after "my" or before a learner's bare "say": "my teacher says", "my book
    /// say", "our lecturer told us". No body word ("anatomy"), so "is my anatomy abnormal?" stays about the asker.
    /// </summary>
    public static readonly FrozenSet<string> ClaimTellers = new[]
    {
        "teacher", "teachers", "tutor", "lecturer", "lecturers", "professor", "prof", "instructor", "book", "books", "textbook",
        "notes", "lecture", "lectures", "class", "course", "atlas", "trainer", "coach", "classmate", "friend", "website",
        "article", "video", "internet", "web", "google", "wikipedia",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Verbs only a person reports a claim with ("my flatmate insists", "a friend reckons", "someone told me"), never a
    /// muscle's: the words before one are who made the claim, and a tag question ("..., right?") judges the claim after
    /// it. Not "shows" or "states": "the iliacus shows up on MRI, right?" keeps its subject.
    /// </summary>
    public static readonly FrozenSet<string> PersonReportingVerbs = new[]
    {
        "says", "said", "insists", "insisted", "reckons", "reckoned", "claims", "claimed", "thinks", "thought", "swears",
        "swore", "argues", "argued", "believes", "believed", "told", "tells",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Every verb that reports a claim: <see cref="PersonReportingVerbs"/> and those a text or a finding reports with too
    /// ("the book states", "a website mentions", "my notes say", "the scan shows").
    /// </summary>
    public static readonly FrozenSet<string> ReportingVerbs = PersonReportingVerbs.Concat(
    [
        "say", "claim", "states", "stated", "wrote", "writes", "mentions", "mentioned", "suggests", "suggested", "taught",
        "teaches", "showed", "shows", "reports", "reported",
    ]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// What a class or this chat is made of ("in this topic", "last week's module", "the lecture slides"): where the asker
    /// met a subject, never the subject.
    /// </summary>
    public static readonly FrozenSet<string> CourseMaterial = new[]
    {
        "chapter", "chapters", "module", "modules", "lesson", "lessons", "material", "materials", "topic", "topics", "session",
        "sessions", "syllabus", "slide", "slides",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> SourceWords = new[]
    {
        "source", "sources", "reference", "references", "citation", "citations", "bibliography", "cite",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly string[] QuizPhrases =
    [
        "quiz", "quiz me", "test me", "test my knowledge", "give me a question", "ask me a question",
        "ask me something", "another question", "practice question", "quiz question", "multiple choice",
        "give me a quiz", "mcq", "flashcard", "pop quiz", "new question", "next question",
    ];

    public static readonly AttributeCue[] AttributeCues = BuildCues();

    /// <summary>Every attribute's cues in one list, each attribute's strong cues before its weak ones.</summary>
    private static AttributeCue[] BuildCues() =>
    [
        .. OriginCues(), .. InsertionCues(), .. AttachmentCues(), .. ActionCues(), .. InnervationCues(),
        .. BloodSupplyCues(), .. PronunciationCues(), .. VariationCues(), .. RelationCues(), .. ClinicalCues(),
    ];

    /// <summary>One cue per phrase, all asking for the same attributes with the same strength.</summary>
    private static IEnumerable<AttributeCue> Cues(bool strong, MuscleAttribute[] attributes, params string[] phrases) =>
        phrases.Select(phrase => new AttributeCue(phrase, attributes, strong));

    /// <summary>Where a muscle starts ("origin", "arises from"); "start" and "begin" are weak.</summary>
    private static IEnumerable<AttributeCue> OriginCues()
    {
        MuscleAttribute[] origin = [MuscleAttribute.Origin];
        return Cues(true, origin, "origin", "origins", "originate", "originates", "originating", "arise", "arises", "arising",
                "arisen", "proximal attachment", "upper attachment", "superior attachment", "proximal attachments",
                "top attachment", "highest attachment", "upper end", "top end", "upper ends", "top ends", "proximal ends", "upper attachments", "proximal end",
                "arises from", "originate from", "originates from", "begin from", "begins from", "start from", "starts from",
                // The same word in French, Italian, Spanish, Portuguese, German and Dutch ("origine du psoas").
                "origine", "origen", "origem", "ursprung", "oorsprong", "entspringt")
            .Concat(Cues(false, origin, "start", "starts", "starting", "begin", "begins", "beginning", "come from", "comes from",
                "where does it start", "come off", "comes off", "coming off",
                // "does the psoas major reach up to T12?": reaching up is the upper end (reaching alone is the lower one).
                "reach up to", "reaches up to", "reaching up to", "go up to", "goes up to", "extend up to", "extends up to",
                "run up to", "runs up to", "up as far as", "as high as", "as far up as"));
    }

    /// <summary>Where a muscle ends ("insertion", "attaches to"); "end" and "reach" are weak.</summary>
    private static IEnumerable<AttributeCue> InsertionCues()
    {
        MuscleAttribute[] insertion = [MuscleAttribute.Insertion];
        return Cues(true, insertion, "insertion", "insertions", "insert", "inserts", "inserting", "inserted", "distal attachment", "lower attachment", "inferior attachment",
                "distal attachments", "bottom attachment", "lowest attachment", "lower attachments", "lower end", "lower ends", "bottom ends", "distal ends",
                "bottom end", "distal end", "insert on", "inserts on", "insert into", "inserts into", "inserts onto",
                // In French, Italian, Spanish, Portuguese, German and Dutch ("dove si inserisce", "s'insere ou").
                "insere", "inserisce", "inseriscono", "inserzione", "inserta", "insercion", "insercao", "ansatz", "aanhechting",
                "hecht", "insertie")
            .Concat(Cues(false, insertion, "end", "ends", "ending", "terminate", "terminates", "end up", "finish", "finishes", "finishing",
                // "psoas minor, where does it go to?", "does the iliacus go down to the femur": where a muscle goes is its
                // lower end ("which nerve goes to the iliacus" is not: see QueryAnalyzer.GoesToAMuscle).
                "go to", "goes to", "go down to", "goes down to",
                // "psoas minor where does it go", "and the minor, where does that one go?": asked of the muscle with no
                // place after the verb, where it goes is still its lower end.
                "where does it go", "where does that one go", "where does this one go", "where do they go",
                "reach", "reaches", "reaching"));
    }

    /// <summary>
    /// Attachments without a direction ("attachment points", "what does it attach to", "anchored to", "hooks onto"): both origin and insertion, as a
    /// muscle attaches at both ends; a landmark the question names picks the end whose facts name it.
    /// </summary>
    private static IEnumerable<AttributeCue> AttachmentCues() =>
        Cues(true, [MuscleAttribute.Origin, MuscleAttribute.Insertion], "attach", "attaches", "attaching", "attachment", "attachments", "attached", "attachment points",
            "attachment point", "origin and insertion", "bony attachments", "anchor", "anchors", "anchored", "anchoring",
            "hooks onto", "hook onto", "hooks into", "hook into",
            // "where is the psoas minor fixed at the bottom": a muscle fixed or fastened somewhere is attached there.
            "fixed to", "fixed at", "fixed on", "fixed onto", "fastened to", "fastened at", "fastened on", "fastens to",
            // "the inner wall of the pelvis is lined by which muscle": what lines a wall covers it, attached there.
            "lined by");

    /// <summary>What a muscle does ("action", "function"); "do", "role" and "for" are weak.</summary>
    private static IEnumerable<AttributeCue> ActionCues()
    {
        MuscleAttribute[] action = [MuscleAttribute.Action];
        return Cues(true, action, "action", "actions", "function", "functions", "movement", "movements", "motion",
                "what does it do",
                // "what is the work of the psoas minor in the body", "what make the iliacus when it contract": the work
                // of a muscle, and what it makes when it contract, are its action, whatever else "body" names. Not "job of" (a
                // topic title says "the main job of the iliopsoas"), "role of"
                // ("the role of the bursa") nor "when it contracts on one side" (the side-bending facts answer that).
                "work of", "when it contract",
                // "whats the point of the psoas minor": what it is for, not a trigger point.
                "whats the point of", "what is the point of", "whats the purpose of", "what is the purpose of",
                // In French, Italian, Spanish, Portuguese, German and Dutch ("la funzione del psoas").
                "fonction", "funzione", "funcion", "funcao", "funktion", "functie")
            .Concat(Cues(false, action, "do", "does", "doing", "role", "job", "purpose", "used for", "responsible for", "work",
                "works", "moves", "move", "for"));
    }

    /// <summary>Its nerve ("innervation", "nerve roots"); "supply" alone is weak.</summary>
    private static IEnumerable<AttributeCue> InnervationCues()
    {
        MuscleAttribute[] nerve = [MuscleAttribute.Innervation];
        return Cues(true, nerve, "innervation", "innervations", "innervated", "innervate", "innervates", "nerve", "nerves",
                "nerve supply", "nerve root", "nerve roots", "spinal level", "spinal levels", "spinal nerve",
                "spinal nerves", "segmental", "neural supply", "nervous supply", "motor nerve", "myotome",
                // "which roots does the minor one get": roots of a muscle are its nerve roots ("root" alone stays the
                // body/mind claims' root chakra).
                "roots",
                // In French, Italian, Spanish, Portuguese, German and Dutch ("e il nervo?").
                "nerf", "nervo", "nervio", "nerv", "zenuw", "innervazione", "inervacion", "inervacao", "innervatie", "innerviert")
            .Concat(Cues(false, nerve, "supply", "supplies", "supplied", "supplying", "versorgt", "inerva", "innerva"));
    }

    /// <summary>Its arteries ("blood supply", "vessels"), all strong.</summary>
    private static IEnumerable<AttributeCue> BloodSupplyCues() =>
        Cues(true, [MuscleAttribute.BloodSupply], "blood supply", "blood", "artery", "arteries", "arterial", "vascular", "vascularity",
            "vascularization", "vascularisation", "vessel", "vessels", "blood vessels", "vasculature", "perfusion",
            "perfused", "fed by", "feeds", "feed", "nourish", "nourishes", "nourished", "nourishment",
            // In French, Italian, Spanish, Portuguese and Dutch.
            "arteria", "artere", "arterie", "slagader");

    /// <summary>How its name is said ("pronounce"); "say" and "spell" are weak.</summary>
    private static IEnumerable<AttributeCue> PronunciationCues()
    {
        MuscleAttribute[] say = [MuscleAttribute.Pronunciation];
        return Cues(true, say, "pronunciation", "pronounce", "pronounced", "pronouncing", "phonetic", "phonetically")
            .Concat(Cues(false, say, "say", "said", "saying", "spoken", "sound", "sounds", "spell", "spelled"));
    }

    /// <summary>Whether everyone has it ("variation", "absent"); "lack" and "everyone" are weak.</summary>
    private static IEnumerable<AttributeCue> VariationCues()
    {
        MuscleAttribute[] variations = [MuscleAttribute.Variations];
        return Cues(true, variations, "variation", "variations", "variant", "variants", "absent", "absence", "missing",
                "anomaly", "anomalies", "anatomical variation", "anatomical variations", "born without",
                // "how common is it to not have one", "how often is that muscle just not there": whether it is there at
                // all, said with a negation ("is it always present" keeps the muscle's overview).
                "not have", "dont have", "doesnt have", "not having", "not there", "isnt there", "not present",
                // "how common is it not to have one": the denial before "to have" and a thing had ("is it bad not to have
                // stretched" asks no such thing).
                "not to have one", "not to have it", "not to have a", "not to have the", "not to have any", "not to have them")
            .Concat(Cues(false, variations, "lack", "lacks", "lacking", "everyone have", "everybody have", "does everyone",
                "not everyone", "percent", "percentage", "present in", "without a", "without one", "everyone", "exist", "exists",
                // "how many people are without psoas minor?" (nineteenth blind trial's summary): said to be without it ("people"
                // or "humans" would become cue words too)
                "are without", "is without", "be without",
                // "is it true that not everybody has one?" (a cue's words become cue words everywhere: "human" or "people"
                // alone would make "how many bones are in the human hand" an anatomy question)
                "not everybody", "everybody have", "does everybody", "everybody", "every1",
                // "Is a psoas minor found in every human body?" (sixteenth blind trial's summary; also an eighth-trial
                // follow-up): "in every", weak. Not "every human" or "all people": a cue's words become cue words, and
                // "humans" would then hide the subject of "do dogs have a psoas major like humans?".
                "in every"));
    }

    /// <summary>What lies around it ("relations", "neighbours"); "next to" and "near" are weak.</summary>
    private static IEnumerable<AttributeCue> RelationCues()
    {
        MuscleAttribute[] relations = [MuscleAttribute.Relations];
        return Cues(true, relations, "relations", "relation", "relationship", "relationships", "neighbours", "neighbors",
                "neighboring", "neighbouring", "surrounding structures", "structures near", "anatomical relations")
            .Concat(Cues(false, relations, "next to", "lies next to", "adjacent", "near", "nearby", "passes through",
                "runs through", "surroundings"));
    }

    /// <summary>Its clinical notes ("clinical significance"), all strong.</summary>
    private static IEnumerable<AttributeCue> ClinicalCues() =>
        Cues(true, [MuscleAttribute.Clinical], "clinical", "clinically", "clinical notes", "clinical significance", "clinical relevance",
            "clinical importance", "clinical note");

    /// <summary>Every word used by an attribute cue.</summary>
    public static readonly FrozenSet<string> CueWords =
        AttributeCues.SelectMany(c => c.Phrase.Split(' ')).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Cues that are one word on their own ("insert", "supply"), not only a word inside a longer cue ("through").</summary>
    public static readonly FrozenSet<string> SingleWordCues =
        AttributeCues.Where(c => !c.Phrase.Contains(' ', StringComparison.Ordinal)).Select(c => c.Phrase).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Single cue words long enough to match with a typo ("innervaton", "orgin").</summary>
    public static readonly AttributeCue[] FuzzyCueWords =
        AttributeCues.Where(c => c.Strong && !c.Phrase.Contains(' ', StringComparison.Ordinal) && c.Phrase.Length >= 5).ToArray();

    public static readonly FrozenDictionary<MuscleAttribute, string> AttributeLabels = new Dictionary<MuscleAttribute, string>
    {
        [MuscleAttribute.Pronunciation] = "Pronunciation",
        [MuscleAttribute.Origin] = "Origin",
        [MuscleAttribute.Insertion] = "Insertion",
        [MuscleAttribute.Action] = "Action",
        [MuscleAttribute.Innervation] = "Innervation",
        [MuscleAttribute.BloodSupply] = "Blood supply",
        [MuscleAttribute.Variations] = "Variations",
        [MuscleAttribute.Relations] = "Relations",
        [MuscleAttribute.Clinical] = "Clinical notes",
    }.ToFrozenDictionary();

    /// <summary>The word a suggestion uses to ask for an attribute ("innervation of the iliacus").</summary>
    public static string AttributeQueryWord(MuscleAttribute attribute) => attribute switch
    {
        MuscleAttribute.BloodSupply => "blood supply",
        MuscleAttribute.Clinical => "clinical notes",
        _ => AttributeLabels[attribute].ToLowerInvariant(),
    };
}
