using System.Collections.Frozen;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Routing.Retrieval;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The question router: typed requests (muscle card, help, sources, quiz), then intent for free text (muscle card, one
/// attribute, topic, quiz, help, greetings, sources, off-topic), with fuzzy matching, did-you-mean below the confidence
/// threshold and the safety rules (disclaimer, urgent notice, no diagnosis). No I/O and no clock; randomness only for
/// the quiz pick (injectable). Replies are not fitted to any platform's length: each renderer owns its limit.
/// </summary>
public sealed class AnswerEngine : IAnswerEngine, IMuscleNameCompleter
{
    private readonly IndexCache _indexes;
    private readonly ConversationMemory? _memory;
    private readonly ITextEmbedder? _embedder;
    private readonly Random _random;
    private readonly object _randomGate = new();

    public AnswerEngine(IKnowledgeProvider knowledge)
        : this(knowledge, Random.Shared)
    {
    }

    /// <summary>With a seeded <paramref name="random"/> for reproducible quiz picks (tests).</summary>
    public AnswerEngine(IKnowledgeProvider knowledge, Random random)
        : this(knowledge, random, null, null)
    {
    }

    /// <summary>
    /// With per-chat follow-up <paramref name="memory"/> and a sentence <paramref name="embedder"/> for the
    /// semantic half of retrieval (both optional: without them every question stands alone and ranking is lexical).
    /// </summary>
    public AnswerEngine(IKnowledgeProvider knowledge, Random random, ConversationMemory? memory, ITextEmbedder? embedder)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(random);
        _indexes = new IndexCache(knowledge, embedder);
        _random = random;
        _memory = memory;
        _embedder = embedder;
    }

    /// <summary>The index for the provider's current snapshot (tests and benchmarks).</summary>
    internal KnowledgeIndex CurrentIndex() => _indexes.Current().Index;

    public Reply Answer(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var indexed = _indexes.Current();
        var chat = $"{message.Platform}:{message.ChatId}";
        var remember = _memory is not null && message.FollowsUp;
        var context = remember ? _memory!.Get(chat) : null;
        var reply = Route(message.Request, indexed.Index, context, Semantic(indexed));
        if (remember && reply is { Intent: Intent.Quiz, Quiz: { } quiz } && QuizContext(indexed.Index, quiz, message.Request) is { } quizzed)
        {
            // "my answer: it inserts on the lesser trochanter" after a quiz question on the psoas minor: "it" is the quiz's muscle.
            _memory!.Set(chat, quizzed);
        }
        else if (remember && NextContext(reply, context) is { } next)
        {
            _memory!.Set(chat, message.Request is not AskRequest ask ? next
                : next.TopicId is not null ? WithQuestion(WithNamedMuscle(next, indexed.Index, ask.Text), indexed.Index, ask.Text, context)
                : next.Attribute is not null ? WithQuestion(next, indexed.Index, ask.Text, context)
                : next);
        }

        return reply;
    }

    /// <summary>
    /// Completes when the semantic vectors of the current knowledge are ready (true), or when there is no model or
    /// it failed to load (false). <c>ask</c> waits on this so its output never depends on timing.
    /// </summary>
    public async Task<bool> SemanticReadyAsync(CancellationToken cancellationToken)
    {
        if (_embedder is null)
        {
            return false;
        }

        var indexed = _indexes.Current();
        var vectors = await indexed.Vectors.WaitAsync(cancellationToken).ConfigureAwait(false);
        return vectors is not null;
    }

    /// <summary>Whether the last answered question's knowledge has semantic vectors loaded (false while loading).</summary>
    public bool SemanticActive => _indexes.Current().Vectors is { IsCompletedSuccessfully: true, Result: not null };

    /// <summary>How many questions consulted the model (the cascade's misses); for metrics and benchmarks.</summary>
    public long ModelConsultations => Interlocked.Read(ref _modelConsultations);

    private long _modelConsultations;

    private SemanticLookup? Semantic(IndexCache.Indexed indexed)
    {
        if (_embedder is null || indexed.Vectors is not { IsCompletedSuccessfully: true, Result: { } vectors })
        {
            return null;
        }

        var embedder = _embedder;
        return new SemanticLookup(
            question =>
            {
                Interlocked.Increment(ref _modelConsultations);
                try
                {
                    return embedder.EmbedQuery(question);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The lexical ranking stands on its own; a failing model must never fail an answer.
                    return null;
                }
            },
            vectors);
    }

    /// <summary>
    /// A topic's context with the one muscle its question named, if it named exactly one and the topic's title does not
    /// name it too ("the iliopsoas bursa" is the topic's subject, and "what does it do" asks about the bursa).
    /// </summary>
    private static ConversationContext WithNamedMuscle(ConversationContext next, KnowledgeIndex index, string? question) =>
        index.MusclesNamedIn(question ?? string.Empty) is [var muscle] && Array.Find(index.Topics, t => t.Id == next.TopicId) is { } topic
        && !index.MusclesNamedIn(topic.Title).Contains(muscle)
            ? next with { NamedMuscleId = index.Muscles[muscle].Id }
            : next;

    /// <summary>
    /// A topic's or a muscle attribute's context with the question it answered, or with the question of the last turn
    /// when this one only named another muscle of it ("and the psoas?" re-asked "what shape is the iliacus" of the psoas).
    /// </summary>
    private static ConversationContext WithQuestion(ConversationContext next, KnowledgeIndex index, string question, ConversationContext? previous) =>
        next with
        {
            Question = previous is { Question: { } asked } && previous.TopicId == next.TopicId && TopicMuscleSwap.IsSwapShape(TokenizedText.From(Head(question)), index)
                ? asked
                : question,
        };

    /// <summary>
    /// The subject a quiz question leaves for the next turn: the one muscle the request named ("quiz me on the psoas
    /// minor"), else the one the question names, with the one attribute the question asks about ("Where does the psoas
    /// minor insert?"); null when it names no single muscle (the last subject stays).
    /// </summary>
    private static ConversationContext? QuizContext(KnowledgeIndex index, QuizQuestion quiz, ChatRequest request)
    {
        var asked = request switch
        {
            AskRequest ask => ask.Text,
            QuizRequest { About: { } about } => about,
            _ => null,
        };
        var named = asked is null ? [] : Analyze(TokenizedText.From(Head(asked)), index).Muscles.Select(m => m.Muscle).Distinct().ToList();
        var question = Analyze(TokenizedText.From(Head(quiz.Question)), index);
        var inQuestion = question.Muscles.Select(m => m.Muscle).Distinct().ToList();
        var muscle = named.Count == 1 ? named[0] : inQuestion.Count == 1 ? inQuestion[0] : -1;
        if (muscle < 0)
        {
            return null;
        }

        var attributes = question.Attributes.Distinct().ToList();
        return new ConversationContext(index.Muscles[muscle].Id, attributes.Count == 1 ? attributes[0] : null, null);
    }

    /// <summary>The name of the chat's muscle (or of the one muscle its topic's question named), or null for a topic alone.</summary>
    private static string? SubjectName(KnowledgeIndex index, ConversationContext context) =>
        (context.MuscleId ?? context.NamedMuscleId) is { } id && index.MuscleById.TryGetValue(id, out var muscle) ? muscle.Name : null;

    private static ConversationContext? NextContext(Reply reply, ConversationContext? previous)
    {
        var next = reply.Intent switch
        {
            Intent.Muscle => new ConversationContext(reply.Entity, null, null),
            Intent.MuscleAttribute => new ConversationContext(reply.Entity, reply.Attribute, null),
            Intent.Topic => new ConversationContext(null, null, reply.Entity),
            Intent.NotCovered => previous,
            // A red flag is remembered for the follow-up window; the crisis reply starts afresh.
            Intent.Urgent when reply.Entity != EngineCopy.CrisisEntity => new ConversationContext(null, null, null) { RedFlag = true },
            // "ok thanks" after a red flag does not clear it: "so which stretch for it?" still refers to it.
            Intent.Thanks or Intent.Greeting when previous is { RedFlag: true } => previous,
            _ => null,
        };
        if (next is null || ReferenceEquals(next, previous) || !next.HasSubject)
        {
            return next;
        }

        // The facts shown of one subject add up over the chat, so "tell me more" again shows the next ones.
        var sameSubject = previous is not null && previous.MuscleId == next.MuscleId && previous.Attribute == next.Attribute && previous.TopicId == next.TopicId;
        // A "tell me more" reply carries no left-out facts of its own: what it showed is taken off the last answer's.
        var leftOut = !reply.LeftOut.IsDefaultOrEmpty || !sameSubject || previous!.LeftOut.IsDefaultOrEmpty
            ? reply.LeftOut
            : previous.LeftOut.RemoveAll(reply.Facts.Contains);
        return next with
        {
            ShownFacts = sameSubject && !previous!.ShownFacts.IsDefaultOrEmpty ? previous.ShownFacts.AddRange(reply.Facts.Where(f => !previous.ShownFacts.Contains(f))) : reply.Facts,
            LeftOut = leftOut.IsDefault ? [] : leftOut,
            Disclaimed = reply.Disclaimer is not null,
        };
    }

    public ImmutableArray<NameSuggestion> Complete(string typed, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var index = _indexes.Current().Index;
        var normalized = TextNormalizer.Normalize(typed, 100);
        if (normalized.Length == 0)
        {
            return [.. index.Muscles.Take(limit).Select(m => new NameSuggestion(m.Name, m.Id))];
        }

        return [.. index.Complete(normalized, limit).Select(c => new NameSuggestion(Clip(c.Label, 100), index.Muscles[c.Muscle].Id))];
    }

    /// <summary>Answers one typed request; only free text (<see cref="AskRequest"/>) is parsed here.</summary>
    private Reply Route(ChatRequest request, KnowledgeIndex index, ConversationContext? context, SemanticLookup? semantic) => request switch
    {
        AskRequest { ViaCommand: true } ask when TokenizedText.From(Head(ask.Text)).Count == 0 => EngineCopy.AskUsage(),
        AskRequest ask => Ask(ask.Text, index, context, semantic),
        MuscleCardRequest card => MuscleCommand(TokenizedText.From(Head(card.Name)), index),
        HelpRequest => EngineCopy.Help(index, null),
        UnknownCommandRequest unknown => EngineCopy.UnknownCommand(index, unknown.Name),
        SourcesRequest => EngineCopy.Sources(index),
        QuizRequest quiz => Quiz(index, quiz.About is { } about ? TokenizedText.From(Head(about)) : null),
        ReloadRequest => EngineCopy.ReloadIsForModerators(),
        // Scores, settings and quiz answers are the adapters' own; one that reaches the engine gets help.
        _ => EngineCopy.NotHere(index),
    };

    /// <summary>
    /// A free-text question: its exam label and length request cut (<see cref="LengthRequests"/>), a multiple-choice
    /// question answered from its stem with a line naming the option the facts support (<see cref="ChoiceOptions"/>), and
    /// a short answer when one was asked for: a muscle's summary instead of its card, no "Related" line.
    /// </summary>
    private Reply Ask(string typed, KnowledgeIndex index, ConversationContext? context, SemanticLookup? semantic)
    {
        var labelled = QuestionForms.WithoutExamLabel(typed);
        var (raw, brief) = LengthRequests.Cut(labelled);
        if (brief && (!HasContentWord(TokenizedText.From(raw)) || MoreFollowUps.AsksToRestate(TokenizedText.From(labelled))))
        {
            // "in one sentence please", "say that briefly": a request about the last answer, which the follow-up rules read whole.
            (raw, brief) = (labelled, false);
        }

        // "what does the book say vs the blog" after an answer: the last subject as those two sources give it, not two
        // options to choose between.
        // Never for a message that speaks of a crisis, a red flag or pain: those go through FreeText's safety checks first.
        var asGiven = context is { HasSubject: true, RedFlag: false } && !SpeaksOfAnyConcern(TokenizedText.From(typed), index)
            && SourceReferences.For(index).Find(TokenizedText.From(Head(raw))) is { AsksNothingElse: true } referred
            ? SourceReferences.Restate(index, context, referred.Sources) : null;
        // "Surgeon on rotation here - remind me where ...": who asks is no part of the question ("rotation" would be read as
        // the hip's); the safety checks below still read the message as typed.
        raw = IntroClauses.WithoutSelfIntroduction(raw, index);
        // "Front: lesser trochanter / Back: which muscles?": the sides of a flashcard label its text, they name no place.
        raw = IntroClauses.WithoutCardLabels(raw);
        var choices = asGiven is null ? ChoiceOptions.Read(raw) : null;
        var stem = choices is null ? raw : WithoutChoices(raw, choices.Stem, index);
        var reply = asGiven is null ? FreeText(TokenizedText.From(Head(stem)), index, context, semantic) : Compose(asGiven, index, TokenizedText.From(Head(raw)));
        // "Moi, I am from Finland ... The iliopsoas have how many muscle inside it?": where the message as put finds no
        // answer, a leading clause that only greets or introduces (IntroClauses) may be what was read as its subject; the
        // question after it is asked instead, and kept when it names a muscle and finds an answer. The safety checks below
        // still read the whole message.
        if (asGiven is null && reply.Intent is Intent.NotCovered or Intent.OffTopic or Intent.DidYouMean)
        {
            // The question after every introducing clause first: "I am from Finland and my english is ..." left in front
            // reads "Finland" as a typo of a fact's word.
            var rests = IntroClauses.Rests(stem, index).ToList();
            rests.Reverse();
            foreach (var rest in rests)
            {
                var restText = TokenizedText.From(Head(rest));
                // Only a question that names one of the muscles, answered from the facts: "my cat, named Psoas, what does it
                // eat" stays off-topic however its rest is read.
                if (UsesAMuscleWord(restText, index)
                    && FreeText(restText, index, context, semantic) is { Intent: Intent.Muscle or Intent.MuscleAttribute or Intent.Topic } past)
                {
                    reply = past;
                    break;
                }
            }
        }

        // The safety layer reads the question as typed too: a rewrite for routing (a voice-typing join reads "illiac psoas
        // is angry" as "iliopsoas is angry") must never drop a pain phrase the student wrote.
        if (reply.Disclaimer is null && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer)
            && index.Safety.Inspect(TokenizedText.From(typed)).TouchesPain)
        {
            reply = reply with { Disclaimer = index.Safety.Rules.Disclaimer.Trim() };
        }

        // And it reads the message as given to the router, before any rewrite for routing: a description replaced by a
        // muscle's name ("the one that makes my leg numb"), a turn's opener dropped, must never cost a red flag its urgent
        // reply or a personal pain question its "please see a professional" section (the review, 3 Dec 2026).
        if (reply.Intent != Intent.Urgent)
        {
            var given = TokenizedText.From(Head(stem));
            var givenSafety = index.Safety.Inspect(given);
            if (givenSafety.RedFlags.Count > 0)
            {
                reply = Compose(EngineCopy.Urgent(), index, given);
            }
            else if (givenSafety.TouchesPain && givenSafety.IsPersonal)
            {
                reply = Compose(reply, index, given);
            }
        }

        if (brief)
        {
            reply = Shortened(reply, index);
        }

        if (choices is not null && !ReferenceEquals(stem, raw) && ChoiceOptions.Verdict(choices, reply, index) is { } verdict)
        {
            reply = reply with { Sections = reply.Sections.Insert(0, new ReplySection(null, verdict)) };
        }

        return reply;
    }

    /// <summary>Whether a word is left that is not a stop word or courtesy ("please"): something asked about.</summary>
    private static bool HasContentWord(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.ThanksWords.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short answer: a muscle's summary line instead of its whole card; any other answer without its "Related" line and
    /// with at most <see cref="BriefFacts"/> facts a section (each with its editors' note; a "Sources disagree" line stays).
    /// </summary>
    private static Reply Shortened(Reply reply, KnowledgeIndex index)
    {
        if (reply.Intent == Intent.Muscle && reply.Entity is { } id && index.MuscleById.TryGetValue(id, out var muscle))
        {
            var cited = new Citations();
            return reply with { Sections = ReplyComposer.MuscleOverview(muscle, cited), Sources = cited.Resolve(index.Snapshot) };
        }

        if (reply.Intent is not (Intent.MuscleAttribute or Intent.Topic))
        {
            return reply;
        }

        return reply with { Sections = [.. reply.Sections.Where(s => s.Heading is not "Related").Select(s => s with { Body = FirstFacts(s.Body, BriefFacts) })] };
    }

    /// <summary>How many facts a section of a short answer keeps.</summary>
    private const int BriefFacts = 2;

    /// <summary>The body's first <paramref name="keep"/> bullets ("- ...") with their indented lines; other lines stay.</summary>
    private static string FirstFacts(string body, int keep)
    {
        var lines = body.Split('\n');
        var kept = new List<string>(lines.Length);
        var bullets = 0;
        var inDropped = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                bullets++;
                inDropped = bullets > keep;
            }
            else if (!line.StartsWith(' '))
            {
                inDropped = false;
            }

            if (!inDropped)
            {
                kept.Add(line);
            }
        }

        return bullets > keep ? string.Join('\n', kept) : body;
    }

    /// <summary>
    /// The stem of a multiple-choice question (<see cref="ChoiceOptions.Read"/>), unless the options speak of
    /// pain or the message of a red flag or a crisis: the safety reading always sees what the student wrote.
    /// </summary>
    private static string WithoutChoices(string raw, string stem, KnowledgeIndex index)
    {
        var whole = TokenizedText.From(Head(raw));
        var finding = index.Safety.Inspect(whole);
        return finding.RedFlags.Count > 0 || index.Safety.SpeaksOfCrisis(whole) || index.Safety.TouchesPain(TokenizedText.From(Head(raw[stem.Length..])))
            ? raw : stem;
    }

    private static string Head(string raw) => raw.Length > TextNormalizer.MaxRoutingChars ? raw[..TextNormalizer.MaxRoutingChars] : raw;

    private static Reply MuscleCommand(TokenizedText name, KnowledgeIndex index)
    {
        if (name.Count == 0)
        {
            return EngineCopy.MuscleUsage(index);
        }

        var analysis = Analyze(name, index);
        if (analysis.Muscles.Count > 0)
        {
            return analysis.Attributes.Count > 0
                ? Compose(AttributeAnswer(index, name, analysis, analysis.Muscles.Select(m => m.Muscle).ToList(), analysis.Attributes, analysis.StrongAttribute), index, name)
                : Compose(MuscleAnswer(index, analysis.Muscles[0]), index, name);
        }

        // A whole-name fuzzy match is more forgiving than word windows ("psoasmaj").
        var whole = index.MuscleFuzzy.Search(name.Text, 12, RoutingThresholds.MuscleGrey);
        var grey = analysis.GreyMuscles
            .Select(g => g.Muscle)
            .Concat(MusclesNear(name, index))
            .Distinct()
            .Take(3)
            .ToArray();
        if (whole.Count > 0 && whole[0].Score >= RoutingThresholds.MuscleAccept && grey.Length > 0)
        {
            var mention = new MuscleMention(grey[0], 0, name.Count, whole[0].Score, index.MuscleFuzzy[whole[0].Key]);
            return Compose(MuscleAnswer(index, mention), index, name);
        }

        if (grey.Length > 0)
        {
            return DidYouMean(index, grey.Select(m => index.Muscles[m].Name), Math.Max(analysis.BestGreyScore, whole.Count > 0 ? whole[0].Score : 0) / 100.0, name);
        }

        return Compose(EngineCopy.UnknownMuscle(index, name.Text), index, name);
    }

    /// <summary>The quiz phrases as one set: a question is looked up once per word, not once per phrase.</summary>
    private static readonly PhraseSet QuizPhrases = new(Vocabulary.QuizPhrases);

    /// <summary>
    /// Words just before a quiz phrase that tell of a quiz already taken or still to come ("i slipped up in the quiz", "we
    /// had a quiz", "failed the quiz", "revising for the upcoming quiz"), not a request for one.
    /// </summary>
    private static readonly FrozenSet<string> PastQuizWords = new[]
    {
        "in", "on", "from", "during", "after", "before", "about", "at", "of", "had", "took", "did", "sat", "wrote", "failed",
        "flunked", "bombed", "passed", "missed", "messed", "yesterdays", "todays", "lasts", "last", "upcoming", "tomorrows",
        "revising", "studying", "cramming", "prepping",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words just after a quiz phrase that tell of a quiz taken or to come ("the quiz said ...", "a quiz today", "(quiz
    /// tomorrow)", "quiz friday"). "on" is none: "quiz on the iliacus" asks for one.
    /// </summary>
    private static readonly FrozenSet<string> PastQuizFollowers = new[]
    {
        "was", "were", "said", "says", "asked", "asks", "had", "today", "yesterday", "earlier", "went", "tomorrow", "tomorow",
        "tmrw", "tmr", "tonight", "soon", "next", "coming", "is", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether a quiz phrase asks for a quiz: an occurrence that is not told as a quiz already taken and is not followed
    /// by a question of the student's own ("quiz me", "give me a quiz", "can you quiz me on the iliacus", "next question
    /// pls"). "i slipped up in the quiz, which nerve supplies the iliacus" asks about the nerve, "we had a quiz today, where
    /// does the psoas minor insert" about the insertion, and "ok another question, where does the iliacus insert" too.
    /// </summary>
    private static bool AsksForQuiz(TokenizedText text)
    {
        if (!QuizPhrases.AnyIn(text))
        {
            return false;
        }

        // Only a quiz phrase after the last question word can ask for a quiz: one before it leads into the student's own.
        var after = 0;
        for (var i = text.Count - 1; i >= 0; i--)
        {
            if (FactAnswerer.OpensQuestion(text.WordString(i)))
            {
                after = i + 1;
                break;
            }
        }

        for (var i = after; i < text.Count; i++)
        {
            var length = QuizPhrases.LongestAt(text, i);
            // "Front: lesser trochanter / Back: which muscles? (flashcard)": after a question of the student's own, a card
            // word names the form the answer is wanted in, not a request for one of the bot's questions.
            if (length == 1 && after > 0 && text.WordString(i) is "flashcard" or "flashcards")
            {
                continue;
            }

            if (length > 0 && !TellsOfPastQuiz(text, i, length))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A student's own answer handed in to be checked: "I answer and you check: psoas major inserts on the greater
    /// trochanter, right?", "check my flashcard: iliacus innervation = femoral nerve L2-L3", "my answer: it inserts on the
    /// lesser trochanter". By its shape: a checking word (<see cref="CheckFrameWords"/>) followed at once by a muscle's
    /// name or "it", with no question word before it; the claim after it is what is asked (and a quiz phrase before it,
    /// "ok quiz time", is the frame, not a request). Null when there is none. Not caught: a claim before the frame
    /// ("psoas major inserts on the lesser trochanter - check?"); "how do I check the psoas" asks how (a question word).
    /// </summary>
    private static TokenizedText? ClaimToCheck(TokenizedText text, KnowledgeIndex index)
    {
        var frame = -1;
        for (var i = 0; i + 1 < text.Count; i++)
        {
            var word = text.WordString(i);
            if (FactAnswerer.OpensQuestion(word))
            {
                return null;
            }

            var next = text.WordString(i + 1);
            if (CheckFrameWords.Contains(word) && (next is "it" || index.IsMuscleWord(next)))
            {
                frame = i;
            }
        }

        // The claim handed in is asked as a yes/no question ("my answer: it inserts on the lesser trochanter" asks whether
        // it does), so "it" takes the last muscle (QuestionForms.WithContextMuscle) and the verdict comes first.
        return frame < 0 || frame + 2 >= text.Count ? null
            : new TokenizedText(text.Window(frame + 1, text.Count - frame - 1).ToString()) { EndsWithQuestionMark = true };
    }

    /// <summary>Words that hand an answer in to be checked ("you check:", "my flashcard:", "my answer:").</summary>
    private static readonly FrozenSet<string> CheckFrameWords = new[]
    {
        "check", "checking", "flashcard", "flashcards", "answer", "answers", "verify", "mark", "grade", "card",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "quiz me on the french revolution", "test me about world war 2": the subject after the last "on" or "about" is
    /// words none of which a fact or a muscle's name uses, so the quiz would be about another subject. "quiz me",
    /// "quiz me on the psoas", "quiz me on ilacus" (a misspelt muscle), "quiz me on nerve supply" and "quiz me on
    /// everything" stay quizzes. Not caught: a subject of another field that shares a word with the facts ("quiz me on
    /// the hip hop charts").
    /// </summary>
    private static bool QuizOnAnotherSubject(TokenizedText text, KnowledgeIndex index)
    {
        var from = -1;
        for (var i = text.Count - 2; i >= 0; i--)
        {
            if (text.WordString(i) is "on" or "about")
            {
                from = i + 1;
                break;
            }
        }

        if (from < 0)
        {
            return false;
        }

        var unknown = false;
        for (var i = from; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // "quiz me on what we talked about yesterday", "quiz me on lecture 4 stuff": the class's timetable and material
            // are no subject of another field (the review, 3 Dec 2026).
            if (Vocabulary.StopWords.Contains(word) || CardWords.Contains(word) || Vocabulary.Filler.Contains(word) || EverydayWords.IsBareNumber(word)
                || Vocabulary.GeneralWords.Contains(word) || Vocabulary.ClaimTellers.Contains(word) || QuizMaterialWords.Contains(word))
            {
                continue;
            }

            if (index.IsMuscleWord(word) || index.Facts.Knows(word))
            {
                return false;
            }

            unknown = true;
        }

        return unknown && Analyze(text, index) is { Muscles.Count: 0, GreyMuscles.Count: 0 };
    }

    /// <summary>What a class covered, said in a quiz request ("what we talked about", "this week's material").</summary>
    private static readonly FrozenSet<string> QuizMaterialWords = new[]
    {
        "talked", "covered", "learned", "learnt", "studied", "discussed", "did", "went", "everything", "anything",
    }.Concat(Vocabulary.CourseMaterial).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the quiz phrase at <paramref name="start"/> comes within three words after a word of a quiz taken, or right before one.</summary>
    private static bool TellsOfPastQuiz(TokenizedText text, int start, int length)
    {
        for (var i = Math.Max(0, start - 3); i < start; i++)
        {
            if (PastQuizWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return start + length < text.Count && PastQuizFollowers.Contains(text.WordString(start + length));
    }

    /// <summary>
    /// Whether a message speaks of a crisis, a red flag or pain: a shortcut that restates the last answer ("ok and per the
    /// book?") must not run for it, so the crisis line, the urgent line and the disclaimer are decided as for any question.
    /// </summary>
    private static bool SpeaksOfAnyConcern(TokenizedText text, KnowledgeIndex index)
    {
        if (index.Safety.Rules.Crisis.Urgent.Length > 0 && index.Safety.SpeaksOfCrisis(text))
        {
            return true;
        }

        var safety = index.Safety.Inspect(text);
        return safety.TouchesPain || safety.RedFlags.Count > 0;
    }

    private Reply FreeText(TokenizedText text, KnowledgeIndex index, ConversationContext? context, SemanticLookup? semantic)
    {
        if (text.Count == 0)
        {
            return EngineCopy.EmptyQuestion();
        }

        // Suicide or self-harm comes before everything, greetings included ("hi, i want to die").
        if (index.Safety.Rules.Crisis.Urgent.Length > 0 && index.Safety.SpeaksOfCrisis(text))
        {
            return Compose(EngineCopy.Crisis(index), index, text);
        }

        // Greetings and thanks, alone or in front of a question.
        var (lead, thanks, greeting) = LeadingCourtesy(text);
        if (lead == text.Count && (thanks || greeting))
        {
            return thanks
                ? EngineCopy.Thanks()
                : EngineCopy.Greeting(index);
        }

        // "lol ok", "cool cool", "got it, makes sense": nothing asked, so never the last answer again nor a refusal. Not
        // right after an urgent reply: a cheerful "Okay!" must not follow "please get medical help now".
        if (!thanks && !greeting && context?.RedFlag != true && EllipticFollowUps.Acknowledges(text))
        {
            return EngineCopy.Acknowledged();
        }

        if (lead > 0 && (thanks || greeting))
        {
            text = new TokenizedText(text.Window(lead, text.Count - lead).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark };
        }

        // "..., kindly also state its innervation. With thanks, Jan": a letter's sign-off and the name under it ask nothing.
        text = IntroClauses.WithoutSignOff(text, index) ?? text;
        // "... for my physio exam": why the student asks, not what.
        text = IntroClauses.WithoutPurpose(text, index) ?? text;
        // "... like the major does?": a yes/no claim about the first muscle, not about the one it is likened to.
        text = IntroClauses.WithoutComparedMuscle(text, index) ?? text;
        // "sorry I meant the minor, not the major": the muscle meant, not the one taken back.
        text = IntroClauses.WithoutRejectedMuscle(text, index) ?? text;
        text = WithoutInstructionVerb(text, index);
        var phrase = string.Join(' ', text.Words.Where(w => w is not ("please" or "bot" or "anatomybot")));
        if (Vocabulary.HelpMessages.Contains(phrase))
        {
            return EngineCopy.Help(index, null);
        }

        // "ok quiz time, I answer and you check: psoas major inserts on the greater trochanter, right?", "check my flashcard:
        // iliacus innervation = femoral nerve": a claim to check, not a request for a quiz question.
        text = ClaimToCheck(text, index) ?? text;
        // "quiz me on what we talked about", "now test me on that": a quiz question about the chat's subject.
        if (context is { HasSubject: true, RedFlag: false } && EllipticFollowUps.QuizOnTheChat(text, index, QuizPhrases))
        {
            return Quiz(index, SubjectName(index, context) is { } name ? TokenizedText.From(name) : null);
        }

        if (AsksForQuiz(text))
        {
            return QuizOnAnotherSubject(text, index) ? EngineCopy.OffTopic(index) : Quiz(index, text);
        }

        // "switching topics to psoas major now", "ok let's talk about the iliacus": a new subject and nothing asked of it, so
        // that muscle's overview (and the chat's new subject), whatever the last subject was.
        if (TurnOpeners.SwitchedTo(text, index) is { } switched
            && Analyze(switched, index) is { Muscles.Count: 1, GreyMuscles.Count: 0, Attributes.Count: 0 } switchedTo)
        {
            return Compose(MuscleAnswer(index, switchedTo.Muscles[0], overview: true), index, text);
        }

        // "hmm, what about ...", "ok back to it, ...", "scratch that - psoas minor pls": the turn's opener is no part of
        // what it asks about the last subject.
        text = TurnOpeners.WithoutAcknowledgement(text) ?? text;
        text = context is { HasSubject: true } ? TurnOpeners.Read(text, index) ?? text : text;
        // "the nerve one more time", "its insertion again": the closing repetition is no subject word of the question.
        text = context is { HasSubject: true } ? EllipticFollowUps.WithoutRepetition(text) ?? text : text;
        text = QuestionForms.WithoutTag(text);
        text = QuestionForms.WithJoinedSplits(text, index) ?? text;
        text = QuestionForms.WithSpelledOutShorthand(text) ?? text;
        // "the major and minor scales": a qualifier of a thing no fact names is no psoas left unsaid.
        text = QualifiesAnotherNoun(text, index) ? text : QuestionForms.WithElidedPsoas(text) ?? text;
        text = QuestionForms.WithPlainCause(text) ?? text;
        text = QuestionForms.WithPlainFrequency(text, index) ?? text;
        text = QuestionForms.WithPlainPerson(text) ?? text;
        text = FactAnswerer.WithoutCorrectionAsides(text) ?? text;
        // "just the blog's version please", "ok and per the book?": the last answer's subject as those sources give it.
        var referred = SourceReferences.For(index).Find(text);
        if (referred is { AsksNothingElse: true } && context is { HasSubject: true, RedFlag: false } && !SpeaksOfAnyConcern(text, index)
            && SourceReferences.Restate(index, context, referred.Sources) is { } asGiven)
        {
            return Compose(asGiven, index, text);
        }

        var analysis = Analyze(text, index);
        if (analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && QuestionForms.WithContextMuscle(text, index, context) is { } resolved)
        {
            text = resolved;
            analysis = Analyze(text, index);
        }

        if (ForeignFollowUps.AsEnglish(text, analysis, index, context) is { } english)
        {
            // "und der iliacus?", "y el iliaco?": "and the iliacus?" in another language.
            text = english;
            analysis = Analyze(text, index);
        }

        if (analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && QuestionForms.WithOtherMuscle(text, index, context) is { } other)
        {
            // "and the other one?" after the psoas minor: the psoas major, asked as "and the psoas major?".
            text = other;
            analysis = Analyze(text, index);
        }

        if (analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && EllipticFollowUps.WithOtherMembers(text, index, context) is { } members)
        {
            // "and the other two?" after the psoas major's action: the psoas minor and the iliacus, asked the same.
            text = members;
            analysis = Analyze(text, index);
        }

        if (analysis.Muscles.Count == 1 && QuestionForms.WithComparedContextMuscle(text, index, context) is { } compared)
        {
            text = compared;
            analysis = Analyze(text, index);
        }

        if (QuestionForms.WithLastMuscleCompared(text, analysis, index, context) is { } sideBySide)
        {
            // "compare that with the major" after the psoas minor's action: the action of both.
            text = sideBySide;
            analysis = Analyze(text, index);
        }

        if (TopicMuscleSwap.Swapped(text, analysis, index, context) is { } swapped)
        {
            // "and the psoas?" after "what shape is the iliacus" (a topic answered): that question, asked of the psoas.
            text = swapped;
            analysis = Analyze(text, index);
            context = null;
        }

        // Never for a message that speaks of pain or a red flag: "the one that makes my leg numb" describes a symptom, not
        // a member, and the safety layer must read the words as written.
        if (!analysis.Safety.TouchesPain && analysis.Safety.RedFlags.Count == 0
            && !AsksWhichMuscle(text) && !LandmarkQuestions.AsksForOneOfThem(text) && !DescribedMuscles.EndsAskingWhich(text) && DescribedMuscles.Named(index, text, analysis, context?.TopicId) is { } named)
        {
            // "and the fan-shaped one, where does it insert?", "the one missing in some people?": the member its facts
            // describe, named as by its name, so the rest of the question (and the last one's attribute) is asked of it.
            text = named;
            analysis = Analyze(text, index);
        }

        if (context is { RedFlag: true })
        {
            // A red flag of its own gets the usual urgent reply below; one that only refers back gets it again here.
            if (analysis.Safety.RedFlags.Count == 0 && (RedFlagFollowUp.RefersBack(text, analysis) || MoreFollowUps.AsksForMore(text) || MoreFollowUps.AsksToRestate(text)))
            {
                return Compose(EngineCopy.UrgentFollowUp(index), index, text);
            }

            // A red flag alone is no subject to follow up on.
            context = context.HasSubject ? context : null;
        }

        // "and for the left side?" after a muscle's nerve: the same attribute again, not that there are two muscles.
        if (SideFollowUps.AsLastSubject(text, index, context) is { } sided)
        {
            text = sided;
            analysis = Analyze(text, index);
        }

        // "which version should I write in the exam?" after an answer with two versions: both again, said to differ.
        if (context is { HasSubject: true, RedFlag: false } && LastAnswerFollowUps.AsksWhichToGive(text, analysis, index)
            && WhichToGive(text, analysis, index, context) is { } versions)
        {
            return Compose(versions, index, text);
        }

        // "explain more simply", "in plain english": the last answer's facts again, not the next ones.
        // "source for that?", "who says so?", "where is that from?": the same facts again, each with its source.
        if (MoreFollowUps.AsksToRestate(text) || (context is { HasSubject: true } && MoreFollowUps.AsksWhoSaysIt(text) && !AsksWhetherSourcesAgree(text)))
        {
            return Compose(MoreFollowUps.Restate(index, context, text), index, text);
        }

        // "why?", "but why is that?", "how come?": the fact that gives the reason for the last answer, wherever it is filed
        // (its own "because" clause or a linked fact); without one, the subject's next facts as for "tell me more".
        if (ReasonFollowUps.AsksWhy(text) && ReasonFollowUps.ReasonFor(index, context) is var reason and >= 0)
        {
            var why = FactReply(index, text, analysis, [reason], 1);
            // The reason of a pain answer is still about the pain: the disclaimer stays.
            why = context is { Disclaimed: true } && why.Disclaimer is null && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer)
                ? why with { Disclaimer = index.Safety.Rules.Disclaimer.Trim() }
                : why;
            return Compose(why, index, text);
        }

        // "why?", "tell me more": the last subject's next facts.
        if (MoreFollowUps.AsksForMore(text))
        {
            return Compose(MoreFollowUps.More(index, context), index, text);
        }

        // "and the third?", "what about number 2", "the last one?" after a stretch: the item of the last topic's numbered
        // list, not a fact elsewhere that shares the ordinal's word ("two-thirds of the iliac fossa").
        if (analysis.Muscles.Count == 0 && NumberedItems.FollowUp(index, text, context) is var listed and >= 0)
        {
            return Compose(FactReply(index, text, analysis, [listed], 1, listItem: true), index, text);
        }

        // "what if it hurts while I'm doing them" after the strengthening exercises: the last topic's own word on pain ("stop
        // if it starts to hurt more"), not the symptoms of a sore hip; the disclaimer comes with the pain.
        if (LastAnswerFollowUps.PainDuringIt(text, analysis, index, context) is { } duringIt)
        {
            // "and if they hurt?" asks what to do, not whether: no "Yes." over the pain fact.
            var asked = new TokenizedText(text.Text) { EndsWithQuestionMark = false };
            return Compose(FactReply(index, asked, analysis, duringIt, 1), index, text);
        }

        if (DisputeFollowUp(text, analysis, index, context) is { } disputed)
        {
            return Compose(disputed, index, text);
        }

        // "front or back of the femur?" after where the iliopsoas inserts: the facts of that attribute holding an option.
        if (LastSubjectChoice.Facts(text, analysis, index, context) is { } chosen)
        {
            return Compose(FactReply(index, text, analysis, chosen, 1), index, text);
        }

        // "What are your sources?" lists the documents; "which source says L2 to L4" or "how do the sources rate a psoas
        // release" asks about a subject of its own, answered from the facts (each cites its source).
        if (analysis.Muscles.Count == 0 && !analysis.Safety.TouchesPain
            && NamesASource(text)
            && OwnSubjectWords(text, analysis, index) == 0)
        {
            return EngineCopy.Sources(index);
        }

        // "where does it insert?" with nothing said before: which muscle "it" is, never a guess.
        if (EllipticFollowUps.PointsAtNoSubject(text, analysis, index, context) is { } pointedAttribute)
        {
            return Compose(EngineCopy.WhichMuscle(index, pointedAttribute), index, text);
        }

        // "thats a lot no?": a question about the last answer leans on it, though it holds no word of the knowledge.
        var followed = FollowUpGate.Context(text, analysis, index, context) ?? (LastAnswerFollowUps.AsksAboutIt(text, analysis) ? context : null);
        var decided = Decide(text, analysis, index, followed, semantic);
        // "what did the PT clinic blog recommend first", "with reference to Myers, explain ...": where the question as put
        // finds no answer, the reference's words ("clinic", "blog", "Myers") may be what was read as its subject; the
        // question without them is asked instead, and kept when it finds one. The facts' own attributions ("the
        // manual-therapy book names ...") still match a reference that is left in, so a question answered as put stays so.
        if (referred is not null && decided.Intent is Intent.NotCovered or Intent.OffTopic or Intent.DidYouMean && HasContentWord(referred.Rest)
            && FreeText(referred.Rest, index, context, semantic) is { Intent: not (Intent.NotCovered or Intent.OffTopic or Intent.DidYouMean) } withoutReference)
        {
            return withoutReference;
        }

        // "what bone is that bump on?" after the insertion, "and the discs, which ones exactly?" after the origin, "ok and
        // in plain terms?": a short turn that found nothing of its own leans on the last answer. The last subject's fact
        // holding its words answers, else the last answer's facts again; a real change of subject stays off-topic.
        if (decided.Intent == Intent.OffTopic && context is { HasSubject: true, RedFlag: false }
            && EllipticFollowUps.Leans(text, analysis, index, context, out var holdsSubjectWord)
            && ((holdsSubjectWord ? OnContextAnswer(text, analysis, index, [], [], context, semantic, RetrievalThresholds.Grey) : null)
                ?? MoreFollowUps.Restate(index, context, text, cite: true)) is { Intent: not Intent.DidYouMean } leaned)
        {
            decided = leaned;
        }

        // "which of those is right?", "is that a lot?", "is that per leg or in total?", "are you sure?": a question about the
        // last answer itself stays on its subject, though a word of it ("right", "leg") matched a fact elsewhere. An honest
        // "my sources don't cover" stays ("is that different in women?" after an origin).
        if (followed is not null && decided.Intent != Intent.NotCovered && LastAnswerFollowUps.AsksAboutIt(text, analysis)
            && (!LastAnswerFollowUps.SameSubject(decided, followed) || LastAnswerFollowUps.DropsTheNumber(index, decided, followed))
            && MoreFollowUps.Restate(index, followed, text, cite: true) is { Intent: not Intent.DidYouMean } restated)
        {
            decided = WithRestatedVerdict(text, analysis, index, followed, restated);
        }
        else if (followed is not null && decided.Intent is not (Intent.NotCovered or Intent.Urgent) && !LastAnswerFollowUps.SameSubject(decided, followed)
            && analysis.Safety.RedFlags.Count == 0
            && ShownFactFollowUps.AsksOfShownFacts(text, analysis, index, followed)
            && MoreFollowUps.Restate(index, followed, text, cite: true) is { Intent: not Intent.DidYouMean } again)
        {
            // "is that on one side or both sides?" after the share without a psoas minor: the last answer's facts hold its
            // words ("one side only", "both sides"), though a topic phrase of them found another fact.
            decided = WithRestatedVerdict(text, analysis, index, followed, again);
        }

        // "what exercises help with it?" after "my hip hurts at the front when I stand up": "it" is the pain, so the
        // answer keeps the disclaimer the last one carried, whatever topic its words found. Only a pronoun that is the
        // object closing the question (EndsOnObjectPronoun): in "what is the sacral chakra? is it real?" "it" is the chakra.
        // The same holds for any turn that carries the pain thread on (StaysOnThePain): a correction of the muscle meant
        // ("no i meant the iliacus"), or a follow-up naming no muscle that is about the student ("how long until i can
        // train again", "should i use heat or ice") or has a follow-up shape ("and how many reps?").
        if (context is { Disclaimed: true } && decided.Disclaimer is null
            && ((followed is not null && analysis.Muscles.Count == 0 && EndsOnObjectPronoun(text)) || StaysOnThePain(text, analysis, index, followed))
            && decided.Intent is Intent.Topic or Intent.MuscleAttribute or Intent.Muscle or Intent.NotCovered
            && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer))
        {
            decided = decided with { Disclaimer = index.Safety.Rules.Disclaimer.Trim() };
        }

        return Compose(decided, index, text);
    }

    /// <summary>
    /// "is it a hip flexor then?" after the psoas major's actions: a claim put about the last answer, which that answer's
    /// facts (a muscle's attribute: all its facts, as an attribute answer weighs them) settle for the last muscle. The
    /// restated reply opens with the verdict they give; none when they settle nothing ("is that right?" claims nothing).
    /// </summary>
    private static Reply WithRestatedVerdict(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext followed, Reply restated)
    {
        if (restated.Title is not { } title || !FactAnswerer.IsYesNo(text))
        {
            return restated;
        }

        var facts = MoreFollowUps.SubjectFacts(index, followed, out _, out var topic);
        var attribute = topic < 0 && followed.Attribute is not null;
        var chosen = new List<int>(facts.Count);
        foreach (var passage in facts)
        {
            if (attribute || restated.Facts.Contains(passage.Id))
            {
                chosen.Add(passage.Ordinal);
            }
        }

        int[] subject = attribute && facts.Count > 0 ? [facts[0].Muscle] : [];
        return FactAnswerer.Verdict(index, text, analysis, chosen, attribute, subject) is { } verdict ? restated with { Title = Verdicted(verdict, title) } : restated;
    }

    /// <summary>Verbs that ask what remedies a complaint ("what would help", "how do I fix it", "what eases it").</summary>
    private static readonly FrozenSet<string> RemedyVerbs = new[]
    {
        "help", "helps", "helpful", "fix", "fixes", "ease", "eases", "relieve", "relieves", "relief", "treat", "treats", "cure",
        "cures", "heal", "heals", "soothe", "loosen", "release",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool AsksForRemedy(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (RemedyVerbs.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a turn after an answer that carried the disclaimer goes on about the same pain or injury: a correction of
    /// the muscle meant ("no i meant the iliacus", "sorry, psoas minor not major"), or a message naming no muscle that
    /// leans on the last answer (the follow-up gate let it) and speaks of the student ("how many reps should i do then",
    /// "should i use heat or ice") or has a follow-up shape ("and for how long?", "what about stretches?"). A new
    /// question that names a muscle ("where does the psoas minor insert") or, by its own words, a topic whose facts never
    /// speak of pain ("and what is the psoas paradox?") is answered as new, without the disclaimer unless its answer
    /// speaks of pain. A topic whose facts do ("I have an exam tomorrow, what does the lumbar plexus supply", whose
    /// topic is also about nerve pain) keeps it. A remedy asked right after the pain, naming no muscle ("what stretches
    /// would help"), goes on about it whichever topic answers, a topic of its own included.
    /// </summary>
    private static bool StaysOnThePain(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? followed)
    {
        if (FactAnswerer.IsCorrection(text))
        {
            return true;
        }

        // "what stretches would help", "what can fix it": a remedy asked right after the pain, naming no muscle, is asked
        // for that pain, whichever topic (stretches, strengthening) answers it.
        if (followed is not null && analysis.Muscles.Count == 0 && AsksForRemedy(text))
        {
            return true;
        }

        // A question that names a topic of its own whose facts never speak of pain ("and what is the psoas paradox?") is
        // a new question, whatever its shape; "and what stretches help?" goes on about the pain.
        if (followed is null || analysis.Muscles.Count > 0
            || (analysis.TopicHadPhrase && analysis.BestTopic.Score >= RoutingThresholds.TopicAccept && !TopicSpeaksOfPain(index, analysis.BestTopic.Topic)))
        {
            return false;
        }

        if (FactAnswerer.IsFollowUp(text) || FollowUpGate.AsksOnlyAnAmount(text, index))
        {
            return true;
        }

        for (var i = 0; i < text.Count; i++)
        {
            if (SafetyMatcher.IsPersonalWord(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a fact of the topic speaks of pain or injury (the stretches' "if you are in pain or injured").</summary>
    private static bool TopicSpeaksOfPain(KnowledgeIndex index, int topic)
    {
        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Topic == topic && passage.Kind == PassageKind.TopicFact && index.Safety.TouchesPain(passage.Fact.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "Elucidate the psoas paradox", "please expound upon its origin": a rare word no fact uses, opening an imperative
    /// and followed by a determiner, is the exam's command verb (a noun is not followed by "the"), so it is dropped like a
    /// greeting. Everyday verbs ("tape the psoas"), treatments, measures, safety and muscle words are never dropped.
    /// </summary>
    private static TokenizedText WithoutInstructionVerb(TokenizedText text, KnowledgeIndex index)
    {
        var at = 0;
        while (at < text.Count && InstructionLead.Contains(text.WordString(at)))
        {
            at++;
        }

        // "walk me through the first stretch", "talk us through the origin": asking to be guided, not walking or talking.
        if (at + 3 < text.Count && text.WordString(at) is "walk" or "talk" or "take" or "run" && text.WordString(at + 1) is "me" or "us"
            && text.WordString(at + 2) is "through" or "thru")
        {
            return WithoutWords(text, at, 3);
        }

        if (at + 2 >= text.Count)
        {
            return WithoutTrailingShorthand(text, index);
        }

        var word = text.WordString(at);
        var next = text.WordString(at + 1);
        // "Jot down what nerve goes to the iliacus", "write up the origin": a verb and its particle before the object;
        // a noun is not followed by "down the" or "up what".
        if (at + 3 < text.Count && next is "down" or "up" or "out" && (InstructionObject.Contains(text.WordString(at + 2)) || IsQuestionWord(text.WordString(at + 2)))
            && word.Length >= 3 && IsRareUnknownWord(word, index))
        {
            return WithoutTrailingShorthand(WithoutWords(text, at, 2), index);
        }

        // "Tabulate origin, insertion and innervation", "itemise innervation": a verb's form (-ate, -ise, -ize, -ify)
        // right before an attribute asked, where an adjective ("embryological origin") would stand before a noun.
        var commandBeforeCue = Vocabulary.SingleWordCues.Contains(next) && VerbEnding(word);
        if ((!InstructionObject.Contains(next) && !commandBeforeCue) || word.Length < 5 || !IsRareUnknownWord(word, index))
        {
            return WithoutTrailingShorthand(text, index);
        }

        // "Enumerate the actions", "itemise the attachments": the command asks for a list, which the answer must still see
        // (ListRequests), so it is said in the plain word the facts know rather than dropped.
        var dropped = WithoutWords(text, at, 1);
        return WithoutTrailingShorthand(ListRequests.IsListVerb(word) ? WithWordBefore(dropped, at, ListRequests.PlainListVerb) : dropped, index);
    }

    private static TokenizedText WithWordBefore(TokenizedText text, int at, string word) =>
        new(at == 0 ? word + " " + text.Text : text.Window(0, at).ToString() + " " + word + " " + text.Window(at, text.Count - at).ToString())
        {
            EndsWithQuestionMark = text.EndsWithQuestionMark,
        };

    private static bool IsQuestionWord(string word) => word is "what" or "which" or "where" or "how" or "why" or "whether" or "who";

    private static bool VerbEnding(string word) =>
        word.EndsWith("ate", StringComparison.Ordinal) || word.EndsWith("ise", StringComparison.Ordinal)
        || word.EndsWith("ize", StringComparison.Ordinal) || word.EndsWith("ify", StringComparison.Ordinal);

    /// <summary>
    /// A word that no fact uses, names no muscle, safety term, treatment or measure, misspells no cue and is no everyday
    /// English: one the instruction rules may drop where it stands as a command or a chat aside.
    /// </summary>
    private static bool IsRareUnknownWord(string word, KnowledgeIndex index) =>
        !Vocabulary.StopWords.Contains(word) && !index.Facts.Knows(word) && !index.IsMuscleWord(word)
        && !index.Safety.IsSafetyWord(word) && EverydayEnglish.Rank(word) >= RoutingThresholds.EverydayWordRank
        && !EverydayWords.AsksWhatNoFactHolds([word]) && QueryAnalyzer.FuzzyCue(word) is null && !EverydayWords.IsBareNumber(word);

    /// <summary>
    /// "psoas paradox tldr", "iliacus insertion asap": chat shorthand for how the answer is wanted (<see cref="Shorthand"/>)
    /// closing a message without a question word, after a word the facts use (the subject is already said), is no
    /// subject the sources lack. Any other last word stays: "iliacus insertion apes", "psoas mri" (a test).
    /// </summary>
    private static TokenizedText WithoutTrailingShorthand(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count < 3 || text.Count > MaxShorthandMessage)
        {
            return text;
        }

        var last = text.WordString(text.Count - 1);
        var before = text.WordString(text.Count - 2);
        if (!Shorthand.Contains(last) || !IsRareUnknownWord(last, index)
            || index.IsMuscleWord(before) || Vocabulary.StopWords.Contains(before) || !index.Facts.Knows(before)
            || text.Words.Any(IsQuestionWord))
        {
            return text;
        }

        return new TokenizedText(text.Window(0, text.Count - 1).ToString()) { EndsWithQuestionMark = text.EndsWithQuestionMark };
    }

    /// <summary>Chat shorthand for how an answer is wanted: short, now, simply, for the asker.</summary>
    private static readonly FrozenSet<string> Shorthand = new[]
    {
        "tldr", "tl", "dr", "asap", "rn", "eli5", "pls", "plz", "pl0x", "plox", "nvm", "thx", "ty", "tyvm", "bc", "bcuz", "cuz",
        "fyi", "imo", "imho", "jk", "srsly", "ofc", "tbh", "ngl", "fr", "ffs", "fml", "brb", "idc", "idk", "gg", "yolo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A message of at most this many words can close with shorthand ("psoas paradox tldr").</summary>
    private const int MaxShorthandMessage = 6;

    /// <summary>The text with <paramref name="count"/> words from <paramref name="at"/> left out (at least one word stays after them).</summary>
    private static TokenizedText WithoutWords(TokenizedText text, int at, int count)
    {
        var rest = text.Window(at + count, text.Count - at - count).ToString();
        return at == 0
            ? new TokenizedText(rest) { EndsWithQuestionMark = text.EndsWithQuestionMark }
            : new TokenizedText(text.Window(0, at).ToString() + " " + rest) { EndsWithQuestionMark = text.EndsWithQuestionMark };
    }

    /// <summary>Courtesy that may come before a command verb ("please", "can you", "kindly").</summary>
    private static readonly HashSet<string> InstructionLead = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "kindly", "now", "can", "could", "would", "will", "you", "u", "briefly",
    };

    /// <summary>What follows a verb but not a noun: a determiner, an object pronoun, "upon".</summary>
    private static readonly HashSet<string> InstructionObject = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "its", "their", "this", "these", "those", "upon", "me", "us",
    };

    /// <summary>Words asking whether the sources agree on something ("is that disputed?", "do the sources agree on that?").</summary>
    private static readonly FrozenSet<string> DisputeAskWords = new[]
    {
        "disputed", "dispute", "debated", "debate", "controversial", "contested", "agree", "agreed", "disagree", "disagreement",
        "differ", "consensus", "contradict", "conflicting", "settled", "contradictory",
        // "do the sources argue about that?", "is there a conflict there?", "are they consistent on it?" (not "vary": "does
        // that vary?" asks of people, not of the sources).
        "argue", "arguing", "argument", "arguments", "disagreeing", "conflict", "conflicts", "controversy", "debatable",
        "contentious", "unanimous", "consistent", "inconsistent",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Who may say it, besides the source words ("do the books say the same").</summary>
    private static readonly FrozenSet<string> AuthorWords = new[]
    {
        "authors", "author", "texts", "books", "book", "documents", "articles", "writers", "experts", "sites",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "is that contested between the sources?", "do the authors agree among themselves?": who disputes, not what; the
    /// facts use these words too ("the discs between them"), which must not make them a subject of the question's own.
    /// </summary>
    private static readonly FrozenSet<string> DisputeFrame = AuthorWords.Concat(new[]
    {
        "between", "among", "amongst", "anatomists", "each", "other", "themselves",
        // "do all sources give the same level?", "is that one the same in every book": what is compared, said of the last answer.
        "same", "all", "every", "give", "gives", "say", "says", "level", "levels", "number", "numbers", "figure", "figures", "one",
        "answer", "value", "values", "text", "source",
    }).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "is that disputed?", or "the same" asked of all the sources ("do all sources give the same level?", "is that the
    /// same in every book?"); "and the iliacus - same levels?" compares muscles, not sources.
    /// </summary>
    private static bool AsksWhetherSourcesAgree(TokenizedText text) => AsksWhetherSourcesAgree(text, out _);

    /// <summary>
    /// As above; <paramref name="allSay"/> is set for "do all sources say that?", "does every book say so?": every source
    /// asked of what the last answer said (a pronoun stands for it: "list all sources" asks for the list).
    /// </summary>
    private static bool AsksWhetherSourcesAgree(TokenizedText text, out bool allSay)
    {
        var (same, everySource, all, pronoun, certain) = (false, false, false, false, false);
        allSay = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (DisputeAskWords.Contains(word))
            {
                return true;
            }

            same |= word == "same";
            certain |= CertaintyWords.Contains(word);
            all |= word is "all" or "every" or "both";
            pronoun |= word is "that" or "this" or "it" or "so";
            // Not "both" or "each" alone: "is it the same on both sides?" asks of the body, not of the sources.
            everySource |= Vocabulary.SourceWords.Contains(word) || AuthorWords.Contains(word);
        }

        // "how sure are the sources about that?", "how confident are the books on it": how firmly the sources say it is
        // whether they agree on it, and with no disagreement recorded the facts again with who says each.
        allSay = !same && everySource && pronoun && (all || certain);
        return (same && everySource) || allSay;
    }

    /// <summary>
    /// How sure a claim is ("how sure", "how confident", "how reliable"): asked of the sources and of what the last answer
    /// said, a question whether they agree; "are you sure?" (no source word) is left to <see cref="LastAnswerFollowUps"/>.
    /// </summary>
    private static readonly FrozenSet<string> CertaintyWords = new[]
    {
        "sure", "certain", "confident", "reliable", "trustworthy", "solid", "firm", "definite", "definitive",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "so is that disputed?", "do the sources agree on that?" after an answer: the disagreement the sources record on the
    /// last subject (a muscle's attribute or a topic), opened with "The sources differ."; null when the message has a
    /// subject of its own ("is psoas massage disputed?") or none is recorded (the question is then answered as usual).
    /// </summary>
    private static Reply? DisputeFollowUp(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        if (context is not { HasSubject: true } || analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0 || text.Count > 8
            || !AsksWhetherSourcesAgree(text, out var allSay)
            || !text.Words.Any(w => w is "that" or "this" or "it" or "there" or "them" or "those" or "these" || Vocabulary.SourceWords.Contains(w) || AuthorWords.Contains(w))
            || text.Words.Any(w => !DisputeAskWords.Contains(w) && !Vocabulary.SourceWords.Contains(w) && !DisputeFrame.Contains(w) && !CertaintyWords.Contains(w)
                && IsSubjectWord(w, index) && index.Facts.Knows(w)))
        {
            return null;
        }

        var facts = index.Facts;
        var muscle = context.MuscleId is { } m ? Array.FindIndex(index.Muscles, x => x.Id == m) : -1;
        var topic = context.TopicId is { } t ? Array.FindIndex(index.Topics, x => x.Id == t) : -1;
        List<int> notes = muscle >= 0 && context.Attribute is { } attribute
            ? [.. facts.Passages.Where(p => p.Kind == PassageKind.Disagreement && p.Muscle == muscle && p.Attribute == attribute).Select(p => p.Ordinal)]
            : topic >= 0 ? [.. facts.TopicDisagreements(topic).Select(p => p.Ordinal)] : [];
        if (notes.Count == 0)
        {
            // "do all sources say that?" with no disagreement recorded: the last answer's facts again, each with its source.
            return allSay && MoreFollowUps.Restate(index, context, text, cite: true) is { Intent: not Intent.DidYouMean } restated
                ? restated with { Sections = [new ReplySection(null, "My sources record no disagreement on this; each fact below names the sources that say it."), .. restated.Sections] }
                : null;
        }

        var reply = FactReply(index, text, analysis, notes, 1);
        return reply.Title is { } title && !title.StartsWith("The sources differ.", StringComparison.Ordinal)
            ? reply with { Title = Verdicted("The sources differ.", title.StartsWith("Yes. ", StringComparison.Ordinal) || title.StartsWith("No. ", StringComparison.Ordinal) ? title[(title.IndexOf(' ') + 1)..] : title) }
            : reply;
    }

    /// <summary>
    /// The last answer's versions when the student asks which to give in an exam: for a muscle's attribute its facts (each
    /// with its source, a standard-anatomy note where the editors gave one) under "The sources differ." when a disagreement
    /// is recorded, with a line saying to name both; for a topic, its shown facts again with their sources. Null when
    /// there is nothing to show.
    /// </summary>
    private static Reply? WhichToGive(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext context)
    {
        var muscle = context.MuscleId is { } m && index.MuscleById.ContainsKey(m) ? Array.FindIndex(index.Muscles, x => x.Id == m) : -1;
        if (muscle < 0 || context.Attribute is not { } attribute)
        {
            return MoreFollowUps.Restate(index, context, text, cite: true) is { Intent: not Intent.DidYouMean } restated ? restated : null;
        }

        var (facts, disputed) = (new List<int>(), false);
        foreach (var passage in index.Facts.Passages)
        {
            if (passage.Muscle == muscle && passage.Attribute == attribute)
            {
                disputed |= passage.Kind == PassageKind.Disagreement;
                if (passage.Kind == PassageKind.MuscleFact)
                {
                    facts.Add(passage.Ordinal);
                }
            }
        }

        if (facts.Count == 0)
        {
            return null;
        }

        var reply = FactReply(index, text, analysis, facts, 1, briefDisputes: true);
        if (!disputed || reply.Title is not { } title)
        {
            return reply;
        }

        // The title says the sources differ and each version names its sources: the "Sources disagree" summary of the same
        // two versions is left out, so the reply stays short.
        return reply with
        {
            Title = title.StartsWith("The sources differ.", StringComparison.Ordinal) ? title : Verdicted("The sources differ.", title),
            Sections = [new ReplySection(null, EngineCopy.NameBothVersions), .. reply.Sections.Select(WithoutDisagreementLines)],
        };
    }

    private static ReplySection WithoutDisagreementLines(ReplySection section)
    {
        if (!section.Body.Contains(ReplyComposer.DisagreementLabel, StringComparison.Ordinal))
        {
            return section;
        }

        var kept = section.Body.Split('\n').Where(line => !line.StartsWith(ReplyComposer.DisagreementLabel, StringComparison.Ordinal)).ToArray();
        return kept.Length == 0 ? section : section with { Body = string.Join('\n', kept) };
    }

    /// <summary>How many words open the question as greeting, thanks or filler, and whether thanks or a greeting is among them.</summary>
    private static (int Lead, bool Thanks, bool Greeting) LeadingCourtesy(TokenizedText text)
    {
        var lead = 0;
        var thanks = false;
        var greeting = false;
        while (lead < text.Count)
        {
            var word = text.WordString(lead);
            if (Vocabulary.ThanksWords.Contains(word))
            {
                thanks = true;
            }
            else if (Vocabulary.GreetingWords.Contains(word))
            {
                greeting = true;
            }
            else if (!Vocabulary.Filler.Contains(word))
            {
                break;
            }

            lead++;
        }

        return (lead, thanks, greeting);
    }

    private static Reply Decide(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context, SemanticLookup? semantic)
    {
        if (UrgentOrClippedName(text, analysis, index) is { } early)
        {
            return early;
        }

        // A how-to whose object is foreign to the topic its verb names ("how do I fix my bike chain"), and a sum ("whats
        // 12 times 12", "what is 7 plus 8"; "times" and numbers are words of the sets and reps), are no questions about
        // the muscles.
        if (analysis.HowToForeignObject
            || (analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && !analysis.Safety.TouchesPain && AsksASum(text)))
        {
            return EngineCopy.OffTopic(index);
        }

        // "how long to rest a roast leg of lamb": before the rest and healing-time checks, which would read "rest" as ours.
        if (OfAnotherCreature(text, analysis, index, context))
        {
            return EngineCopy.OffTopic(index);
        }

        // "is the word psoas latin or greek", "what does the name iliacus mean": the muscle's name as a word, which no fact
        // explains; before the checks that read the languages as another field.
        if (HistoryQuestions.UncoveredNameMeaning(text, analysis, index) is { } name)
        {
            return NotCovered(index, name, [], text, HistoryQuestions.Muscle(analysis, index));
        }

        // Before the self-care facts: "how many weeks until my torn psoas heals", "how much does a psoas release session
        // cost" (of ours: a muscle, a pain or a sure topic named; "how much does a camera cost" is off-topic) and "what
        // nerve supplies the iliopsoas bursa itself" ask what none of them holds.
        var ours = analysis.Muscles.Count > 0 || analysis.Safety.TouchesPain || NamesSureTopic(analysis) || UsesAMuscleWord(text, index);
        if ((HealingTimeQuestions.Uncovered(text, index) ?? (ours ? CostQuestions.Uncovered(text, index) : null)
            ?? StructureSupplyQuestions.Uncovered(text, analysis)) is { } healing)
        {
            // The rest and rehabilitation facts the question's words match are the nearest, not the answer.
            var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();
            var nearest = FactAnswerer.Rank(index, text, analysis, muscles, [], null, null).Hits;
            return NotCovered(index, healing, nearest, text, HistoryQuestions.Muscle(analysis, index));
        }

        if (SelfCare(text, analysis, index) is { } care)
        {
            return care;
        }

        if (AboutAnotherRegion(text, analysis, index, context))
        {
            return AskedByLandmark(text, analysis, index) ?? DescribedMember(text, analysis, index, context, plainWordsOnly: true) ?? EngineCopy.OffTopic(index);
        }

        if (OfAnotherField(text, analysis, index, context) || NameOfAThing(text, analysis, index))
        {
            // "which muscle sticks to the iliopubic eminence?": "muscle sticks" reads like a thing of another field, but
            // a muscle asked for by a landmark the attachment facts name is a reverse lookup ("the elbow" names none), and
            // "what muscle is described as joining the upper body to the lower body" one a member's facts describe.
            return AskedByLandmark(text, analysis, index) ?? DescribedMember(text, analysis, index, context) ?? EngineCopy.OffTopic(index);
        }

        // "which of the group does NOT reach the thigh bone?", "what muscle lies lateral to the psoas?": before the checks
        // of things no fact knows, which would read the description's words as the subject.
        if (DescribedMember(text, analysis, index, context) is { } described)
        {
            return described;
        }

        if (HistoryQuestions.Uncovered(text, analysis, index) is { } history)
        {
            return NotCovered(index, history, [], text, HistoryQuestions.Muscle(analysis, index));
        }

        if (!analysis.Safety.TouchesPain && AsksWhenItFormsInTheEmbryo(text))
        {
            var muscle = HistoryQuestions.Muscle(analysis, index);
            return NotCovered(index, $"when {(muscle is null ? "these muscles form" : "the " + muscle.ToLowerInvariant() + " forms")} in the embryo", [], text, muscle);
        }

        // A size or a difference between the sexes: no fact gives one, so the facts the other words match are the
        // nearest ("the common tendon" for the length of a tendon), not the answer.
        if ((SizeQuestions.Uncovered(text, analysis, index) ?? SexDifferenceQuestions.Uncovered(text, index)) is { } measure)
        {
            var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();
            var nearest = FactAnswerer.Rank(index, text, analysis, muscles, [], null, null).Hits;
            return NotCovered(index, measure, nearest, text, HistoryQuestions.Muscle(analysis, index));
        }

        // "does cupping therapy loosen a tight psoas", "what does an X-ray show when the iliopsoas tendon is calcified":
        // the thing the question asks about is a term no fact knows, so its other words ("loosen", "tight", "tendon")
        // name no answer. Only in a question of ours (a muscle, a pain or a sure topic named); the rest is left to the
        // off-topic checks below.
        if ((analysis.Muscles.Count > 0 || analysis.Safety.TouchesPain || NamesSureTopic(analysis) || UsesAMuscleWord(text, index))
            && UnheardAskedThing(text, analysis, index) is { Count: > 0 } thing)
        {
            var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();
            var nearest = FactAnswerer.Rank(index, text, analysis, muscles, [], null, null).Hits;
            return NotCovered(index, NamedStructure(text, thing), nearest, text, HistoryQuestions.Muscle(analysis, index));
        }

        // "what is the psoas sign doctors check in appendicitis", "snapping hip syndrome - is it caused by ...": a named
        // finding no fact holds, though the facts use each of its words.
        if (ours && NamedFindings.Uncovered(text, index) is { } finding)
        {
            var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();
            var nearest = FactAnswerer.Rank(index, text, analysis, muscles, [], null, null).Hits;
            return NotCovered(index, finding, nearest, text, HistoryQuestions.Muscle(analysis, index));
        }

        // "what is the muscle spindle density of the psoas major?", "iliacus capillary density?": a property of a named
        // muscle that no fact holds and the checks above did not name, before its known words ("muscle") find a fact.
        // "the breakdown of the iliacus" asks for the whole card.
        if (!AsksForCard(text, analysis) && MuscleProperties.Uncovered(text, analysis, index, UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text)) is { } property)
        {
            var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();
            var nearest = FactAnswerer.Rank(index, text, analysis, muscles, [], null, null).Hits;
            return NotCovered(index, property, nearest, text, HistoryQuestions.Muscle(analysis, index));
        }

        var subject = ReadSubject(text, analysis, index, context);
        if (PronounBeforeMuscle(text, analysis, index, context, semantic, subject) is { } back)
        {
            return back;
        }

        if (EndByDirection(text, analysis, index, context, subject) is { } end)
        {
            return AttributeAnswer(index, text, analysis, end.Muscles, end.Attributes, strong: true);
        }

        subject = WithFollowUp(text, analysis, index, context, subject);
        if (subject.Muscles.Count == 1 && subject.Attributes.Count == 0 && FramingWords.AsksWhatIsSaidOf(text, analysis))
        {
            // "What does the book say about the psoas minor?": the muscle as a whole, in short (the overview).
            return MuscleAnswer(index, analysis.Muscles[0], overview: true);
        }

        if (subject.Muscles.Count == 1 && FactAnswerer.IsYesNo(text) && VerdictChecks.HipActionVerdict(index, text, analysis.MuscleWordPositions, VerdictChecks.AskedMuscles(index, text, analysis)) == "No.")
        {
            // "Is the iliopsoas a hip extensor?": its action facts say no, and they are the answer, not the clinic's
            // hip-extension drills that share the claim's words.
            return FactReply(index, text, analysis, VerdictChecks.HipActionFacts(index, subject.Muscles[0]), 1, briefDisputes: true);
        }

        if (ComparedMuscles(text, analysis, index, subject) is { } compared)
        {
            // A topic comparing exactly these muscles answers ("psoas major vs minor"); one about another pair does not.
            var about = Retrieve(text, analysis, index, subject.Muscles, subject.Attributes, null, semantic);
            if (about is not null && TopicIsAbout(index, about, compared))
            {
                return about;
            }

            return ComparisonTopic(index, compared) is { } pairTopic
                ? FactReply(index, text, analysis, [.. index.Facts.OfTopic(pairTopic).Where(p => index.Facts.Passages[p].Kind == PassageKind.TopicFact).Take(TopicLeadFacts)], 1)
                : MuscleComparison(index, compared);
        }

        if (subject.Muscles.Count > 0)
        {
            // "Which muscle attaches near the lesser trochanter besides the psoas major?": the muscles named only to be
            // left out are no subject; the landmark is looked up among the others.
            if (LandmarkQuestions.LeftOut(text, analysis) is { Count: > 0 } leftOut && subject.Muscles.TrueForAll(leftOut.Contains)
                && !subject.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation)
                && (subject.Attributes.Any(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion) || AsksWhichMuscle(text) || LandmarkQuestions.AsksForOneOfThem(text))
                && ReverseLookup(index, text, analysis, subject.Attributes.Count > 0 ? subject.Attributes : [MuscleAttribute.Origin, MuscleAttribute.Insertion], leftOut) is { } others)
            {
                return others;
            }

            if (NamedMuscleAnswer(text, analysis, index, subject) is { } named)
            {
                return named;
            }
        }
        else if (!subject.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation) && CourseLookup(index, text) is { } course)
        {
            // "What runs from T12 down to the lesser trochanter?": a course by its two ends, each end looked up in its own facts.
            return course;
        }
        else if (subject.Attributes.Any(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion)
            && !subject.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation)
            && ReverseLookup(index, text, analysis, subject.Attributes) is { } reverse)
        {
            return reverse;
        }
        else if (subject.Attributes.Count == 0 && (AsksWhichMuscle(text) || LandmarkQuestions.AsksForOneOfThem(text) || LandmarkQuestions.AsksWhatHoldsAPlace(text))
            && ReverseLookup(index, text, analysis, [MuscleAttribute.Origin, MuscleAttribute.Insertion]) is { } landmark)
        {
            // "Which muscle is anchored to the iliac crest?", "what muscle lines the iliac fossa?": no attachment cue,
            // but a muscle asked for by a landmark its attachment facts name is a reverse lookup of either end.
            return landmark;
        }

        if (NoMuscleShortcut(text, analysis, index, subject) is { } shortcut)
        {
            return shortcut;
        }

        if (LastTopicFollowUp(text, analysis, index, context, subject, semantic) is { } followUp)
        {
            return followUp;
        }

        var ownSubject = subject.OwnSubject;
        if (Retrieve(text, analysis, index, subject.Muscles, subject.Attributes, ownSubject ? null : context, semantic,
            stayOnContext: !ownSubject && subject.OwnWords == 0, chat: context) is { } retrieved)
        {
            return retrieved;
        }

        return Fallback(text, analysis, index, subject);
    }

    /// <summary>
    /// The words of the thing a question asks about that no fact knows (<see cref="AskedThings.UnheardThing"/>), or of a
    /// part of a tissue asked for that no fact describes ("how many motor units", <see cref="AsksForAnUnknownThing"/>).
    /// </summary>
    private static List<string> UnheardAskedThing(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        var unknown = UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text);
        var thing = AskedThings.UnheardThing(text, analysis, index, unknown);
        if (thing.Count > 0)
        {
            return thing;
        }

        return UnknownThingAsked(text, unknown, index) is { } tissue ? [tissue] : thing;
    }

    /// <summary>
    /// A muscle asked for ("which muscle ...", "..., which one is it?") by a landmark, with no muscle named or guessed and
    /// no pain: the attachment facts that name the landmark (<see cref="ReverseLookup"/>), or null when none names it well.
    /// </summary>
    private static Reply? AskedByLandmark(TokenizedText text, Analysis analysis, KnowledgeIndex index) =>
        analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && !analysis.Safety.TouchesPain
        && !analysis.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation)
        && (AsksWhichMuscle(text) || LandmarkQuestions.AsksForOneOfThem(text))
            ? ReverseLookup(index, text, analysis, analysis.Attributes.Any(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion)
                ? analysis.Attributes : [MuscleAttribute.Origin, MuscleAttribute.Insertion])
            : null;

    /// <summary>
    /// A member asked for by what its facts say of it ("which muscle is fan-shaped", "which of the group does NOT reach the
    /// thigh bone", "what muscle lies lateral to the psoas": <see cref="DescribedMuscles"/>), with no pain in the question.
    /// A landmark the attachment facts name is looked up in them first (as further on), unless the question denies something.
    /// Null when the question has none of these shapes or no member's facts hold its description apart from the others'.
    /// </summary>
    private static Reply? DescribedMember(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context, bool plainWordsOnly = false)
    {
        // "which of them is sometimes missing?" after a member's answer asks of the group that answer belongs to (the
        // group's own facts answer it further on); a denial is still read here.
        if ((context is { HasSubject: true } && LandmarkQuestions.AsksForOneOfThem(text) && !DescribedMuscles.Denies(text, analysis))
            || DescribedMuscles.OffersAnAnswer(text, analysis))
        {
            return null;
        }

        if (analysis.Safety.TouchesPain || !(AsksWhichMuscle(text) || LandmarkQuestions.AsksForOneOfThem(text) || DescribedMuscles.AsksForAMember(text, index)))
        {
            return null;
        }

        // "which muscles help flex the thigh besides the iliopsoas", "which muscles are helping the iliopsoas": the group
        // named other than as the set asked from ("which of the three iliopsoas muscles") asks for a muscle outside it.
        // A nerve or an artery keeps its own lookups further on.
        if (analysis.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation)
            || (NamesTheGroup(text, index) && !LandmarkQuestions.AsksForOneOfThem(text) && !DescribedMuscles.AsksFromTheSet(text, index)))
        {
            return null;
        }

        if (!DescribedMuscles.Denies(text, analysis) && analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0
            && !analysis.Attributes.Any(a => a is MuscleAttribute.BloodSupply or MuscleAttribute.Innervation)
            && ReverseLookup(index, text, analysis, analysis.Attributes.Any(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion)
                ? analysis.Attributes : [MuscleAttribute.Origin, MuscleAttribute.Insertion]) is { } landmark)
        {
            return landmark;
        }

        return DescribedMuscles.Find(index, text, analysis, plainWordsOnly) is { } found ? LandmarkReply(index, found.Passages, found.Confidence) : null;
    }

    /// <summary>Whether the question uses the group's own name ("iliopsoas"), not only an alias it shares with a member ("psoas").</summary>
    private static bool NamesTheGroup(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (index.GroupNames.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Nothing but a sum and the words that ask for one: a number, a word of arithmetic and another number ("12 times
    /// 12", "100 divided by 4"). "Is it 3 times 15 reps" names reps, so it stays a question about the sets.
    /// </summary>
    private static bool AsksASum(TokenizedText text)
    {
        var sum = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (EverydayWords.IsBareNumber(word) || SumAskWords.Contains(word) || Vocabulary.StopWords.Contains(word))
            {
                continue;
            }

            if (!SumWords.Contains(word) || i == 0 || i + 1 >= text.Count || !EverydayWords.IsBareNumber(text.WordString(i - 1)))
            {
                return false;
            }

            var next = text.WordString(i + 1) is "by" && i + 2 < text.Count ? i + 2 : i + 1;
            sum |= EverydayWords.IsBareNumber(text.WordString(next));
        }

        return sum;
    }

    private static readonly FrozenSet<string> SumWords = new[]
    {
        "times", "plus", "minus", "multiplied", "divided",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that ask for a sum's result ("whats", "calculate") besides the stop words.</summary>
    private static readonly FrozenSet<string> SumAskWords = new[]
    {
        "what", "whats", "equals", "equal", "calculate", "compute", "work", "out", "by", "please", "quick", "hey",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "What are the rotator cuff muscles?", "what does the deltoid do?": a muscle or joint elsewhere in the body, none of
    /// ours, no pain and nothing pointing back at the last answer. A topic of ours named outright still answers when its
    /// facts mention that part ("is the gluteus maximus a satellite muscle"), not when they never do ("what muscles make
    /// up the rotator cuff"). In a conversation, a word of the last subject besides the body part ("what kg of ankle weight"
    /// after the strengthening) keeps the question in it.
    /// </summary>
    private static bool AboutAnotherRegion(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context) =>
        !analysis.Safety.TouchesPain && !(context is not null && FactAnswerer.HasPronoun(text))
        && ((analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0
                && (text.Words.Any(w => Vocabulary.OtherRegionWords.Contains(w) && (!NamesSureTopic(analysis) || !TopicFactsUse(index, analysis.BestTopic.Topic, w)))
                    || Vocabulary.NamesAnotherRegionInPlainSense(text.Words) || NamesAnotherMuscle(text, index)))
            || (OnlyQualifiersNamed(text, analysis) && QualifiesAnotherNoun(text, index)))
        && !TouchesLastSubject(index, analysis.TermsOutsideMuscles(text, index.Facts), context);

    /// <summary>
    /// "What is the diaphragm of a camera lens?", "a hip check in ice hockey": no muscle named or guessed, no pain, and
    /// every word of ours tied to a noun no fact knows (<see cref="ForeignAnchors"/>); a follow-up pointing back stays ours.
    /// </summary>
    /// <summary>Whether a word of a muscle's name stands in the question ("psoas", "iliacus"), even one the analysis did not take for a muscle.</summary>
    private static bool UsesAMuscleWord(TokenizedText text, KnowledgeIndex index) =>
        text.Words.Any(w => index.IsMuscleWord(w) && !Vocabulary.StopWords.Contains(w));

    /// <summary>"Where do I farm the iliacus talisman?": a muscle's name given to a thing of another field (<see cref="ForeignAnchors.NameOfAThing"/>), with no attribute asked and no pain.</summary>
    private static bool NameOfAThing(TokenizedText text, Analysis analysis, KnowledgeIndex index) =>
        analysis.Muscles.Count > 0 && !analysis.Safety.TouchesPain
        && UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text) is var unknown
        && ((analysis.Attributes.Count == 0 && ForeignAnchors.NameOfAThing(text, analysis, index, unknown))
            || ForeignAnchors.NamedAsAThing(text, analysis, index, unknown));

    /// <summary>"how long to rest a roast leg of lamb": every part of the body named is another creature's or thing's (<see cref="ForeignAnchors.OwnsEveryBodyPart"/>), with no muscle named or guessed and no pain.</summary>
    private static bool OfAnotherCreature(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context) =>
        NoneOfOursNamed(text, analysis, index, context)
        && ForeignAnchors.OwnsEveryBodyPart(text, index, UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text))
        && !TouchesLastSubject(index, analysis.TermsOutsideMuscles(text, index.Facts), context);

    private static bool OfAnotherField(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context) =>
        NoneOfOursNamed(text, analysis, index, context)
        && ForeignAnchors.OwnAllOurWords(text, index, UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text))
        && !TouchesLastSubject(index, analysis.TermsOutsideMuscles(text, index.Facts), context);

    /// <summary>No muscle named, guessed or used as a word, no pain, and no pronoun pointing back to the last subject.</summary>
    private static bool NoneOfOursNamed(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context) =>
        analysis.Muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && !analysis.Safety.TouchesPain
        && !UsesAMuscleWord(text, index)
        && !(context is not null && FactAnswerer.HasPronoun(text));

    /// <summary>
    /// No muscle named, or only by a bare "major" or "minor" ("the major and minor scales", "a major and a minor league").
    /// A muscle only guessed at beside the qualifier ("scales in music") is a guess from the other subject's words.
    /// </summary>
    private static bool OnlyQualifiersNamed(TokenizedText text, Analysis analysis) =>
        analysis.MuscleWordPositions.All(i => text.Word(i) is "major" or "minor" or "and" or "or" or "vs" or "versus" or "the" or "a");

    /// <summary>
    /// "the origin of the zygomaticus major", "where does the rhomboideus minor insert": a qualifier of a muscle's name
    /// after a word that is no English word, no word of our names and none a fact uses names a muscle elsewhere.
    /// </summary>
    private static bool NamesAnotherMuscle(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 1; i < text.Count; i++)
        {
            if (text.Word(i) is "major" or "minor" && text.WordString(i - 1) is var name && name.Length > 3 && !index.IsMuscleWord(name)
                && !Vocabulary.StopWords.Contains(name) && EverydayEnglish.Rank(name) == int.MaxValue && !index.Facts.Knows(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "the major and minor scales in music theory", "a minor league in baseball": with none of our muscles named, "major"
    /// or "minor" right before a word no fact uses (no muscle word, no joining word) qualifies that thing, not a psoas.
    /// "major vs minor", "the major hip flexor", "major or minor, which is bigger" keep their sense of ours.
    /// </summary>
    private static bool QualifiesAnotherNoun(TokenizedText text, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            // "the relative minor of C major", "a symphony in G minor": a lone letter (not the article "a") before the
            // qualifier is a key in music, never a muscle.
            if (i > 0 && text.Word(i) is "major" or "minor" && text.WordString(i - 1) is { Length: 1 } letter && letter[0] is >= 'b' and <= 'h')
            {
                return true;
            }

            if (i + 1 >= text.Count)
            {
                break;
            }

            if (text.Word(i) is "major" or "minor" && text.WordString(i + 1) is var noun && noun.Length > 2
                && !index.IsMuscleWord(noun) && !Vocabulary.StopWords.Contains(noun) && !Vocabulary.NamesNoSubject(noun)
                && noun is not ("vs" or "versus" or "nor") && !index.Facts.Knows(noun) && !EverydayWords.IsBareNumber(noun))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a fact of the topic uses the word: "what muscles make up the hamstring group" names the group-members topic
    /// by its phrase, but none of its facts speak of the hamstrings (one on pain elsewhere does), so it asks of another group.
    /// </summary>
    private static bool TopicFactsUse(KnowledgeIndex index, int topic, string word)
    {
        var term = index.Facts.Term(word);
        foreach (var passage in index.Facts.OfTopic(topic))
        {
            if (index.Facts.FactTerms(passage).Contains(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Replies owed before any subject is read: the urgent notice for a red flag, the completions of a clipped name.</summary>
    private static Reply? UrgentOrClippedName(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (analysis.Safety.RedFlags.Count > 0)
        {
            return EngineCopy.Urgent();
        }

        // "psoas m": a name cut short that several muscle names continue is a question, not the group's card.
        if (text.Count is >= 2 and <= 4 && text.WordString(text.Count - 1).Length <= 2 && !Vocabulary.StopWords.Contains(text.WordString(text.Count - 1)))
        {
            var completions = index.Complete(text.Text, RoutingThresholds.CutNameCompletions).DistinctBy(c => c.Muscle).Take(RoutingThresholds.CutNameSuggestions).Select(c => index.Muscles[c.Muscle].Name).ToArray();
            if (completions.Length >= 2)
            {
                return DidYouMean(index, completions, RoutingThresholds.GuessConfidence, text);
            }
        }

        return null;
    }

    /// <summary>A personal pain or injury with "what do i do": the sources' facts on looking after it and seeing a professional.</summary>
    private static Reply? SelfCare(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (SelfCareQuestions.AsCareQuestion(text, analysis) is not { } asked)
        {
            return null;
        }

        var own = new Dictionary<int, double>();
        var careAnalysis = Analyze(asked, index);
        // Topic facts only, and two of them: advice on looking after it, not a dispute or a whole topic.
        var (ranked, _, _) = FactAnswerer.RankWithOwn(index, asked, careAnalysis, [], [], null, null, own, p => p.Kind == PassageKind.TopicFact);
        if (ranked.Count == 0 || ranked[0].Score < RetrievalThresholds.Grey)
        {
            return null;
        }

        List<int> chosen = [.. FactAnswerer.Select(ranked, index.Facts, asked, own).Take(SelfCareQuestions.MaxFacts)];
        if (!SelfCareQuestions.AsksWhatToDo(text) && ReportedSymptomFact(index, text, analysis) is { } reported && !chosen.Contains(reported))
        {
            chosen.Insert(0, reported);
        }

        return FactReply(index, text, analysis, chosen, ranked[0].Score, briefDisputes: true);
    }

    /// <summary>
    /// "my lower back keeps aching after squats", "knee hurts and i think its my psoas" (a report, not "what do i do"):
    /// the sourced fact on pain that the report's own words reach best (low back pain from a tense psoas, referral below the knee), so the answer
    /// speaks of what was reported before the advice to see someone. Only a fact that speaks of pain or stiffness: the
    /// definition of the body part named is no answer to a pain. Null when none answers well.
    /// </summary>
    private static int? ReportedSymptomFact(KnowledgeIndex index, TokenizedText text, Analysis analysis)
    {
        var own = new Dictionary<int, double>();
        var (ranked, terms, _) = FactAnswerer.RankWithOwn(index, text, analysis, [], [], null, null, own, p => p.Kind == PassageKind.TopicFact);
        // What was reported besides the pain and the muscle ("lower back", "knee", "stiff every morning"): a report of
        // nothing else ("tweaked my hip flexor") has no symptom of its own to look up.
        var reported = new List<QueryTerm>();
        foreach (var term in terms)
        {
            if (term.Term is not null && !term.Corrected && !Vocabulary.StopWords.Contains(term.Word) && !Vocabulary.NamesNoSubject(term.Word)
                && !index.IsMuscleWord(term.Word) && !index.Safety.TouchesPain(term.Word))
            {
                reported.Add(term);
            }
        }

        // The fact holding most of what was reported ("knee" outweighs "for days"), among those that answer well.
        int? best = null;
        var bestHeld = 0.0;
        foreach (var (passage, score) in ranked)
        {
            if (score < RetrievalThresholds.Accept || reported.Count == 0)
            {
                break;
            }

            var factTerms = index.Facts.FactTerms(passage);
            var held = reported.Where(t => factTerms.Contains(t.Term!)).Sum(t => t.Idf);
            if (held > bestHeld && own.GetValueOrDefault(passage) > 0 && index.Safety.TouchesPain(index.Facts.Passages[passage].Fact.Text))
            {
                (best, bestHeld) = (passage, held);
            }
        }

        return best;
    }

    /// <summary>The question's own subject, before follow-up memory: its muscles and attributes, and whether a pronoun points back.</summary>
    private static ResolvedSubject ReadSubject(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context)
    {
        var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToList();

        var ownWords = OwnSubjectWords(text, analysis, index);
        // "it", "they" point back at the last subject unless the question names a muscle or a topic of its own.
        var refersBack = context is not null && (FactAnswerer.HasSubjectPronoun(text) || AsksWhichSource(text) || FollowUpGate.PointsBackAtTopic(text, context)) && muscles.Count == 0
            && analysis.GreyMuscles.Count == 0 && (analysis.BestTopic.Score < RoutingThresholds.TopicAccept || (context.MuscleId is not null && PronounBeforeCue(text)));
        if (context is { HasSubject: true } && muscles.Count == 0 && analysis.GreyMuscles.Count == 0 && FollowUpGate.AsksOnlyAnAmount(text, index))
        {
            // "how many times a day?": its unit words are no subject of their own; the last subject answers.
            (refersBack, ownWords) = (true, 0);
        }

        var ownSubject = (muscles.Count > 0 || analysis.GreyMuscles.Count > 0 || ownWords > 0) && !refersBack;
        return new ResolvedSubject(muscles, analysis.Attributes.ToList(), analysis.StrongAttribute, ownWords, ownSubject, refersBack);
    }

    /// <summary>
    /// "it inserts on the lesser trochanter" (a quiz answer), "does it attach to the femur?": the pronoun right before an
    /// attribute's verb is the muscle the claim is about, the last one, though the landmark's words name a topic well.
    /// </summary>
    private static bool PronounBeforeCue(TokenizedText text)
    {
        if (FactAnswerer.SubjectPronounAt(text) is not { } at || at + 1 >= text.Count || text.WordString(at) is not ("it" or "they"))
        {
            return false;
        }

        var next = text.WordString(at + 1);
        foreach (var cue in Vocabulary.AttributeCues)
        {
            if (cue.Phrase == next)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"which source says L2 to L4", "who says that": a question about whose claim the last answer showed.</summary>
    private static bool AsksWhichSource(TokenizedText text) =>
        text.Count > 2 && text.WordString(0) is "which" or "what" or "who" or "whose"
        && Enumerable.Range(1, Math.Min(2, text.Count - 1)).Any(i => Vocabulary.SourceWords.Contains(text.WordString(i)) || text.WordString(i) is "says" or "said");

    /// <summary>"does it go through the psoas" after the lumbar plexus: the pronoun before the muscle is the last topic.</summary>
    private static Reply? PronounBeforeMuscle(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context,
        SemanticLookup? semantic, ResolvedSubject subject)
    {
        if (context?.TopicId is not null && subject.Muscles.Count > 0 && (FactAnswerer.SubjectPronounAt(text) ?? DemonstrativeAt(text)) is { } pronoun
            && analysis.Muscles.All(m => m.Start > pronoun)
            && Retrieve(text, analysis, index, [], [], context, semantic) is { Intent: Intent.Topic or Intent.MuscleAttribute } back)
        {
            return back;
        }

        return null;
    }

    /// <summary>
    /// "should a therapist work on those before the iliopsoas?" after the secondary flexors: "those", "these" stand for
    /// what the last topic listed, as "they" does (used only when the muscle named comes after it).
    /// </summary>
    private static int? DemonstrativeAt(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) is "those" or "these")
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>
    /// "ty! and at the top?", "and further down?", "what about the psoas minor's lower end" after an answer about one end
    /// of a muscle: the direction names the end asked, whatever end the last answer or a weak end cue ("end up further
    /// down") carried, and it is that muscle's (or the named one's) end, not a topic a word of the direction shares
    /// ("further" with further reading). Null when the last answer was not about an end.
    /// </summary>
    private static ResolvedSubject? EndByDirection(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context, ResolvedSubject subject)
    {
        if (context?.Attribute is not (MuscleAttribute.Origin or MuscleAttribute.Insertion) || analysis.GreyMuscles.Count > 0
            || analysis.Safety.TouchesPain || NamesSureTopic(analysis)
            || !subject.Attributes.TrueForAll(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion)
            || FollowUpGate.EndByDirection(text) is not { } end)
        {
            return null;
        }

        var muscle = subject.Muscles.Count > 0 ? subject.Muscles[0]
            : context.MuscleId is { } id && index.MuscleById.ContainsKey(id) ? Array.FindIndex(index.Muscles, m => m.Id == id) : -1;
        return muscle < 0 || subject.Muscles.Count > 1 ? null : subject with { Muscles = [muscle], Attributes = [end], Strong = true };
    }

    /// <summary>Follow-ups: "what about its nerve supply?" takes the last muscle; "and the iliacus?" the last attribute.</summary>
    private static ResolvedSubject WithFollowUp(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context, ResolvedSubject subject)
    {
        // After a topic answered a question naming one muscle, a pronoun with an attribute named outright ("what nerve
        // supplies it?") asks that muscle's attribute.
        var remembered = context?.MuscleId ?? (subject.Strong && subject.Attributes.Count > 0 && FactAnswerer.HasSubjectPronoun(text) ? context?.NamedMuscleId : null);
        var contextMuscle = remembered is { } cm && index.MuscleById.ContainsKey(cm) ? Array.FindIndex(index.Muscles, m => m.Id == cm) : -1;
        // "which of them is sometimes missing?" after one part of the group: "them" are the group's parts, so the group's
        // attribute answers (it says which part), not the last part's.
        if (!subject.OwnSubject && contextMuscle >= 0 && subject.Attributes.Count > 0 && AsksWhichOfThem(text)
            && Array.FindIndex(index.Muscles, m => m.IsGroup && !m.Parts.IsDefault && m.Parts.Contains(index.Muscles[contextMuscle].Id)) is var group and >= 0)
        {
            return subject with { Muscles = [group] };
        }

        if (!subject.OwnSubject && contextMuscle >= 0 && (subject.Attributes.Count > 0 || FactAnswerer.HasPronoun(text)))
        {
            return subject with { Muscles = [contextMuscle] };
        }

        if (subject.Muscles.Count > 0 && (subject.Attributes.Count == 0 || FollowUpGate.OnlyForAfterAnd(text)) && context?.Attribute is { } lastAttribute
            && (FactAnswerer.IsFollowUp(text) || IsBareFollowUp(text, analysis)) && !AsksInGeneral(text))
        {
            return subject with { Attributes = [lastAttribute], Strong = true };
        }

        return subject;
    }

    /// <summary>
    /// "which of them", "which of the two", "which one of those", "which ones": a choice among several muscles, not a
    /// question about the one last named.
    /// </summary>
    private static bool AsksWhichOfThem(TokenizedText text)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) != "which")
            {
                continue;
            }

            var next = text.WordString(i + 1);
            var after = i + 2 < text.Count ? text.WordString(i + 2) : null;
            var third = i + 3 < text.Count ? text.WordString(i + 3) : null;
            // Not "which of the sources": "the" only before the muscles counted ("which of the two", "which of the muscles").
            if ((next == "of" && (after is "them" or "those" or "these" or "both" or "all" || (after == "the" && third is "two" or "three" or "muscles" or "parts" or "pair")))
                || (next is "one" or "ones" && (after is not "of" || third is "them" or "those" or "these" or "the")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A named (or remembered) muscle: its card when asked for, its attribute when one is asked, else null for retrieval.</summary>
    private static Reply? NamedMuscleAnswer(TokenizedText text, Analysis analysis, KnowledgeIndex index, ResolvedSubject subject)
    {
        var (muscles, attributes, strong) = (subject.Muscles, subject.Attributes, subject.Strong);
        if (attributes.Count == 0 && AsksForCard(text, analysis))
        {
            var mention = analysis.Muscles.Count > 0 ? analysis.Muscles[0] : new MuscleMention(muscles[0], 0, 0, 100, index.Muscles[muscles[0]].Name);
            return MuscleAnswer(index, mention, overview: AsksInGeneral(text) || AsksWhatItIs(text));
        }

        if (attributes.Count > 0 && (strong || analysis.BestTopic.Score < RoutingThresholds.TopicAccept || AsksYesNoOfPart(text, analysis, index)))
        {
            // "From which somites does the iliopsoas develop?": a cue word, but the subject is not in the facts.
            var questionTerms = analysis.TermsOutsideMuscles(text, index.Facts);
            var unknownWords = UnknownWords(questionTerms, index, text);
            var knownWeight = questionTerms.Where(t => t.Term is not null && !Vocabulary.CueWords.Contains(t.Word) && !Vocabulary.NamesNoSubject(t.Word)).Sum(t => t.Idf);
            // Everyday words alone ("said out loud", "kinda lost") say how the named attribute is asked, unless they are
            // the choice asked about ("more often in men or in women").
            // A test, a treatment or a measure no fact holds ("which reflex tests the nerve roots") is never settled.
            var settled = !EverydayWords.AsksWhatNoFactHolds(unknownWords) && !AsksForAnUnknownThing(text, unknownWords, index)
                && ((strong && EverydayWords.Weight(unknownWords, index.Facts.MaxIdf) <= knownWeight)
                    || (unknownWords.Count > 0 && SubjectPositions.Subjects(text, analysis, index, EverydayWords.Rare(unknownWords)).Count == 0
                        && !OffersUnknownChoice(text, unknownWords, index)));
            if (UncoveredSubject(text, index, unknownWords, settled) is { } uncovered
                && !AsksYesNoOfAnUnheardStructure(text, index, subject, unknownWords))
            {
                var nearest = FactAnswerer.Rank(index, text, analysis, muscles, attributes, null, null).Hits;
                return NotCovered(index, EverydayWords.Rare(unknownWords).Count > 0 || unknownWords.Count == 0 ? uncovered : "that", nearest, text, index.Muscles[muscles[0]].Name);
            }

            return TopicFactOrAttribute(text, analysis, index, subject);
        }

        return null;
    }

    /// <summary>
    /// "Which veins drain blood from the iliacus?", "how many motor units does the psoas have?": the thing asked for
    /// (the word or two right after "which" or "what", past "kind of"; or after "how many") is a part of a tissue the
    /// facts never describe (<see cref="TissueParts"/>) and a word no fact uses, so the words the facts do use ("blood",
    /// "drain") cannot settle the question: the sources lack what it asks. "Which direction", "what precautions" ask
    /// for something the facts may well hold, and are answered as usual.
    /// </summary>
    private static bool AsksForAnUnknownThing(TokenizedText text, List<string> unknownWords, KnowledgeIndex index) =>
        UnknownThingAsked(text, unknownWords, index) is not null;

    /// <summary>The words of the tissue part <see cref="AsksForAnUnknownThing"/> finds asked for ("motor units"), or null.</summary>
    private static string? UnknownThingAsked(TokenizedText text, List<string> unknownWords, KnowledgeIndex index)
    {
        for (var i = 0; i + 1 < text.Count; i++)
        {
            var word = text.WordString(i);
            var j = word is "which" or "what" or "whats" ? i + 1 : word == "how" && text.WordString(i + 1) is "many" or "much" ? i + 2 : -1;
            if (j < 0)
            {
                continue;
            }

            while (j < text.Count && text.WordString(j) is "kind" or "kinds" or "type" or "types" or "sort" or "sorts" or "of" or "the" or "a")
            {
                j++;
            }

            var next = j + 1 < text.Count ? text.WordString(j + 1) : null;
            var head = j < text.Count ? text.WordString(j) : null;
            // A tissue part only a topic's keyword holds ("a single unit" of the common tendon) is no fact about it.
            bool Unheard(string? w) => w is not null && (unknownWords.Contains(w) || (TissueParts.Contains(w) && !index.Facts.InFactText(w)));
            return head is not null && (TissueParts.Contains(head) || (next is not null && TissueParts.Contains(next)))
                && (Unheard(head) || Unheard(next))
                    ? (next is not null && TissueParts.Contains(next) ? head + " " + next : head)
                    : null;
        }

        return null;
    }

    /// <summary>Parts of tissues and vessels the sources never describe: veins, lymph nodes, motor units, cells, receptors.</summary>
    private static readonly FrozenSet<string> TissueParts = new[]
    {
        "vein", "veins", "venous", "lymph", "lymphatic", "lymphatics", "node", "nodes", "unit", "units", "neuron", "neurons",
        "neurone", "neurones", "cell", "cells", "receptor", "receptors", "spindle", "spindles", "enzyme", "enzymes", "gene",
        "genes", "hormone", "hormones", "sarcomere", "sarcomeres", "capillary", "capillaries", "synapse", "synapses",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "Does the psoas major originate from the sacrum?", "is the iliacus supplied by the obturator nerve?": a yes/no
    /// question whose attribute's facts list its structures in full, about a structure no fact names. The facts settle
    /// it ("No." and where the sources put it); a question that is not yes/no still gets "my sources don't cover".
    /// </summary>
    private static bool AsksYesNoOfAnUnheardStructure(TokenizedText text, KnowledgeIndex index, ResolvedSubject subject, List<string> unknownWords) =>
        // A claim handed in with a tag or a hedge ("I think the iliacus comes from the ischium, not sure though") names its
        // end with a weak cue too: the claim is what is asked.
        (subject.Strong || text.Tagged) && unknownWords.Count > 0
        // "does the psoas major originate from the mesoderm?": where a muscle comes from in the embryo is another sense of
        // its origin, one the sources never give, so no "No." from the attachment facts.
        && !unknownWords.Exists(DevelopmentWords.Contains) && FactAnswerer.IsYesNo(text) && subject.Attributes.All(FactAnswerer.ListsStructures)
        && unknownWords.All(w => EverydayEnglish.Rank(w) == int.MaxValue) && !AsksWhereANerveRuns(text, index);

    /// <summary>Spans of time a stage of the embryo is counted in.</summary>
    private static readonly FrozenSet<string> DevelopmentTimes = new[]
    {
        "week", "weeks", "month", "months", "day", "days", "trimester", "stage",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "In which week of embryonic development does the psoas appear?", "how many weeks into the embryo does the iliacus
    /// form": the time a muscle forms in the embryo, which no fact gives (one author's belief says only that the psoas forms
    /// before any other muscle), so the facts the other words match ("appears on the list of symptoms") are no answer.
    /// </summary>
    private static bool AsksWhenItFormsInTheEmbryo(TokenizedText text)
    {
        var (embryo, time) = (false, false);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            embryo |= DevelopmentWords.Contains(word);
            time |= DevelopmentTimes.Contains(word) && i > 0 && text.WordString(i - 1) is "which" or "what" or "many";
        }

        return embryo && time;
    }

    /// <summary>Words of embryology: a muscle's origin in the embryo, not its attachment.</summary>
    private static readonly FrozenSet<string> DevelopmentWords = new[]
    {
        "mesoderm", "mesodermal", "ectoderm", "endoderm", "somite", "somites", "myotome", "myotomes", "dermomyotome", "embryo",
        "embryos", "embryonic", "embryological", "embryology", "foetus", "fetus", "germ", "sclerotome", "paraxial",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// An attribute word can sit in a question about something else ("what exercises help if a pinched nerve makes my
    /// psoas weak"): a topic fact that explains far more of the question wins, else the muscle's attribute answers.
    /// </summary>
    private static Reply TopicFactOrAttribute(TokenizedText text, Analysis analysis, KnowledgeIndex index, ResolvedSubject subject)
    {
        var (muscles, attributes) = (subject.Muscles, subject.Attributes);
        var own = new Dictionary<int, double>();
        // Lexical only: a named muscle and attribute is a settled question, which never pays for the model.
        var (ranked, _, _) = FactAnswerer.RankWithOwn(index, text, analysis, muscles, attributes, null, null, own);
        var top = ranked.Count > 0 ? index.Facts.Passages[ranked[0].Passage] : null;
        var attributeBest = ranked.Where(r => index.Facts.Passages[r.Passage] is { Muscle: >= 0 } p && p.Attribute is { } a && attributes.Contains(a))
            .Select(r => r.Score).DefaultIfEmpty(0).Max();
        if (top is { Topic: >= 0 } && ranked[0].Score >= RetrievalThresholds.Accept + RoutingThresholds.TopicOverAttributeMargin
            && ranked[0].Score >= attributeBest + RoutingThresholds.TopicOverAttributeMargin
            && !analysis.Attributes.Any(a => IsExplicit(text, a)) && HasNonCueSubjectWord(text, analysis, index)
            && !AsksYesNoOfPart(text, analysis, index))
        {
            return FactReply(index, text, analysis, Covering(index, text, analysis, ranked, text, own), ranked[0].Score);
        }

        if (top is not null && ranked[0].Score >= RetrievalThresholds.Accept && !AsksYesNoOfPart(text, analysis, index)
            && TopHoldsWhatTheAttributeLacks(text, analysis, index, muscles, attributes, top))
        {
            return FactReply(index, text, analysis, Covering(index, text, analysis, ranked, text, own), ranked[0].Score);
        }

        return AttributeAnswer(index, text, analysis, muscles, attributes, subject.Strong);
    }

    /// <summary>
    /// "What kidney relation does the psoas have?", "the quadratus lumborum relation to psoas": the question names a
    /// structure that none of the asked muscle's facts of that attribute mention, and the best-ranked fact (a part's, or
    /// a topic's) names it: that fact answers, not the attribute's first facts.
    /// </summary>
    private static bool TopHoldsWhatTheAttributeLacks(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<int> muscles,
        List<MuscleAttribute> attributes, FactPassage top)
    {
        if (top.Muscle >= 0 && muscles.Contains(top.Muscle) && top.Attribute is { } a && attributes.Contains(a))
        {
            return false;
        }

        var missing = new List<string>();
        foreach (var term in analysis.TermsOutsideMuscles(text, index.Facts))
        {
            // A misspelling may be a cue ("orgin") and an everyday word ("bone", "work") names no structure.
            if (term.Term is not { } t || term.Corrected || !IsSubjectWord(term.Word, index) || Vocabulary.CueWords.Contains(term.Word)
                || Vocabulary.NamesNoSubject(term.Word) || EverydayWords.IsEveryday(term.Word))
            {
                continue;
            }

            var held = false;
            // "Does the psoas major come from L3?": a level inside a range the attribute's facts give ("L1-L5") is held.
            var level = term.Word.Length is 2 or 3 && term.Word[0] is 'l' or 't' && char.IsAsciiDigit(term.Word[1])
                && VerdictChecks.LevelsOf(term.Word) is { Count: 1 } one ? one.First() : 0;
            foreach (var attribute in attributes)
            {
                foreach (var p in index.Facts.OfAttribute(attribute))
                {
                    held |= muscles.Contains(index.Facts.Passages[p].Muscle)
                        && (index.Facts.FactTerms(p).Contains(t) || (level > 0 && VerdictChecks.LevelsOf(index.Facts.Passages[p].Fact.Text).Contains(level)));
                }
            }

            if (!held)
            {
                missing.Add(t);
            }
        }

        var topTerms = index.Facts.FactTerms(top.Ordinal);
        return missing.Count > 0 && missing.TrueForAll(topTerms.Contains);
    }

    /// <summary>
    /// Whether the question says something beyond the muscle, filler and the attribute cue's own words: "where does
    /// iliacus come from" asks only the origin, however well "come" matches "the thigh comes up" in another topic.
    /// </summary>
    private static bool HasNonCueSubjectWord(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!analysis.NamesMuscle(i) && IsSubjectWord(text.WordString(i), index) && !Vocabulary.CueWords.Contains(text.WordString(i)) && !QueryAnalyzer.InTheBody(text, i))
            {
                return true;
            }
        }

        return false;
    }


    /// <summary>No muscle named: a typo between two muscles, a clipped name, or a topic's title alone is answered before retrieval.</summary>
    private static Reply? NoMuscleShortcut(TokenizedText text, Analysis analysis, KnowledgeIndex index, ResolvedSubject subject)
    {
        if (subject.Muscles.Count > 0)
        {
            return null;
        }

        // "ilocus innervetion levels", "ilocus origin": a misspelt name only one muscle is near, with a strong cue for its
        // attribute, is that muscle's attribute; a did-you-mean offering the one answer only delays it.
        if (OneGuessedMuscleAsked(text, analysis, index) is { } guessed)
        {
            return AttributeAnswer(index, text, analysis, [guessed], analysis.Attributes, strong: true);
        }

        // A typo equally close to two muscles ("psoas maior") or a clipped name ("iliac") is a question, not a guess.
        if (analysis.GreyMuscles.Count > 0 && analysis.BestTopic.Score < RoutingThresholds.TopicAccept)
        {
            return GreyMuscleSuggestions(index, analysis, text);
        }

        if (text.Count == 1 && MusclesNear(text, index) is { Length: > 0 } clipped)
        {
            return DidYouMean(index, clipped.Select(m => index.Muscles[m].Name), RoutingThresholds.GuessConfidence, text);
        }

        // A topic's title or keyword alone, or "tell me about" it: the whole topic, as /muscle gives the whole card.
        if (TopicNamed(text, index) is not { } named)
        {
            return null;
        }

        // "tell me about X", "describe X", "everything on X": the whole topic, as /muscle gives the whole card. The title
        // alone or "what is X": its first facts, and "tell me more" for the rest (a whole topic ran to 2,000 characters).
        var lead = index.Facts.Passages.Where(p => p.Topic == named && p.Kind == PassageKind.TopicFact).Select(p => p.Ordinal).ToList();
        if (AsksForWholeTopic(text) || lead.Count <= TopicLeadFacts + 1)
        {
            return TopicAnswer(index, named, 1);
        }

        var reply = FactReply(index, text, analysis, [.. lead.Take(TopicLeadFacts)], 1);
        // One pointer, with the count: the budget's own pointer (a lead fact it left out) gives way to it.
        var left = lead.Count(p => !reply.Facts.Contains(index.Facts.Passages[p].Id));
        var more = new ReplySection(null, $"There is more: ask \"tell me more\" ({left} more facts).");
        var sections = reply.Sections.RemoveAll(s => s.Heading is null && s.Body == ReplyBudget.MoreHint);
        var related = sections.IndexOf(sections.FirstOrDefault(r => r.Heading == "Related")!);
        return reply with { Sections = related >= 0 ? sections.Insert(related, more) : sections.Add(more) };
    }

    /// <summary>
    /// The one muscle a misspelt name is near, when the question asks its attribute with a strong cue ("ilocus innervetion
    /// levels"): no muscle named outright, every guess the same muscle and none of them two muscles apart, the guessed words
    /// unknown to the facts (so "iliac" of "the iliac crest" is no guess) and at least five letters long (a clipped name,
    /// "ilia", "psoas m", still gets suggestions), the guess close (<see cref="RoutingThresholds.GuessedMuscleAccept"/>),
    /// no topic named outright ("the so-called psoas paradox") and no pain. Null otherwise.
    /// </summary>
    private static int? OneGuessedMuscleAsked(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (analysis.Muscles.Count > 0 || analysis.GreyMuscles.Count == 0 || !analysis.StrongAttribute || analysis.Attributes.Count == 0
            || analysis.Safety.TouchesPain || analysis.BestGreyScore < RoutingThresholds.GuessedMuscleAccept
            || analysis.BestTopic.Score >= RoutingThresholds.TopicAccept)
        {
            return null;
        }

        var muscle = analysis.GreyMuscles[0].Muscle;
        foreach (var grey in analysis.GreyMuscles)
        {
            if (grey.Muscle != muscle || grey.Ambiguous)
            {
                return null;
            }

            for (var i = grey.Start; i < grey.End && i < text.Count; i++)
            {
                var word = text.WordString(i);
                if (word.Length < 5 || index.Facts.Knows(word))
                {
                    return null;
                }
            }
        }

        return muscle;
    }

    /// <summary>Nothing retrieved well enough: a guess at what was meant, the muscle's own fallback, or the off-topic reply.</summary>
    private static Reply Fallback(TokenizedText text, Analysis analysis, KnowledgeIndex index, ResolvedSubject subject)
    {
        if (analysis.GreyMuscles.Count > 0)
        {
            return GreyMuscleSuggestions(index, analysis, text);
        }

        if (subject.Muscles.Count > 0)
        {
            return KnownMuscleFallback(text, analysis, index, subject.Muscles, subject.Attributes);
        }

        var (bestTopic, bestScore) = analysis.BestTopic;
        if (bestTopic >= 0 && bestScore >= RoutingThresholds.TopicGrey && !GuessAmidForeignWords(text, analysis, index))
        {
            var titles = analysis.TopicScores.Take(3).Select(t => index.Topics[t.Topic].Title);
            return DidYouMean(index, titles, bestScore, text);
        }

        if (analysis.Attributes.Count > 0 && analysis.UnexplainedWords == 0 && index.Muscles.Length > 0)
        {
            var word = Vocabulary.AttributeQueryWord(analysis.Attributes[0]);
            var names = index.Muscles.Where(m => !m.IsGroup).Concat(index.Muscles.Where(m => m.IsGroup))
                .Take(3).Select(m => $"{word} of the {m.Name.ToLowerInvariant()}");
            return DidYouMean(index, names, RoutingThresholds.GuessConfidence, text);
        }

        // A word or two that is a clipped or misspelt muscle name ("psoa", "iliac") deserves a suggestion, not a
        // refusal; longer texts had their chance in the word-window analysis above.
        if (text.Count <= 2 && MusclesNear(text, index) is { Length: > 0 } near)
        {
            return DidYouMean(index, near.Select(m => index.Muscles[m].Name), RoutingThresholds.GuessConfidence, text);
        }

        return EngineCopy.OffTopic(index);
    }

    /// <summary>
    /// The muscle is known but no fact answered well enough. "My sources don't cover ..." needs a real unknown subject
    /// (a word no fact uses: "how long is the psoas in cm"); leftover everyday words ("where is it exactly", "treated
    /// as a single unit") get the nearest facts when retrieval found any, else the card.
    /// </summary>
    private static Reply KnownMuscleFallback(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<int> muscles, List<MuscleAttribute> attributes)
    {
        var name = index.Muscles[muscles[0]].Name;
        var mention = analysis.Muscles.Count > 0 ? analysis.Muscles[0] : new MuscleMention(muscles[0], 0, 0, 100, name);
        var subject = SubjectWords(text, analysis, index);
        if (subject.Length == 0)
        {
            return MuscleAnswer(index, mention, overview: AsksInGeneral(text) || AsksWhatItIs(text));
        }

        var asked = WhereAsked(text, analysis);

        var outside = analysis.WordsOutsideMuscles(text);
        var terms = analysis.TermsOutsideMuscles(text, index.Facts);
        // Any word no fact uses, a medical one included ("a psoas abscess"), unless it only qualifies a claim or says how
        // something hurts ("psoas totally fried"). The reply names those words ("ibuprofen", "abscess"), not the
        // question's frame around them ("what do the sources say").
        var framed = StrayWords.FramedByAnotherLanguage(text);
        var lacking = terms.Where(t => t.Term is null && !Vocabulary.QualifiesAClaim(t.Word) && !EverydayWords.IsEveryday(t.Word) && !EverydayWords.IsBareNumber(t.Word)
            && !StrayWords.IsForeign(t.Word, framed) && !IsAlternativeToAKnownWord(text, t.Word, index)
            && !MisspeltEverydayWord(t.Word, index) && !FramingWords.Frames(text, t.Word, index)
            && (!index.Safety.InPainPhrase(text, t.Word) || EverydayWords.IsClinicalSubject(t.Word))).Select(t => t.Word).Distinct().Take(4).ToList();
        lacking = SubjectPositions.Subjects(text, analysis, index, lacking);
        if (lacking.Count > 0)
        {
            return NotCovered(index, $"{NamedStructure(text, lacking)} of the {name.ToLowerInvariant()}", [], text, name);
        }

        // The nearest facts answer only when they are the muscle's own, the topic the question's words point at, or
        // every word of the question is one the facts use ("the earliest muscle to develop in the womb"); "who first
        // described it in history" shares a word with a fact, not its subject.
        var own = new Dictionary<int, double>();
        var (ranked, _, _) = FactAnswerer.RankWithOwn(index, asked, analysis, muscles, attributes, null, null, own);
        var top = ranked.Count > 0 && ranked[0].Score >= RetrievalThresholds.Grey ? index.Facts.Passages[ranked[0].Passage] : null;
        if (top is not null && (muscles.Contains(top.Muscle) || (asked != text && index.MusclesNamedIn(top.Ordinal).Any(muscles.Contains))
            || (top.Topic >= 0 && top.Topic == analysis.BestTopic.Topic && analysis.BestTopic.Score >= RoutingThresholds.TopicGrey)
            || (top.Topic >= 0 && terms.All(t => t.Term is not null))))
        {
            return FactReply(index, text, analysis, Covering(index, text, analysis, ranked, asked, own), ranked[0].Score);
        }

        // No fact scored well, but a topic fact among the first holds at least half the weight of the question's subject
        // words ("supple" and "birth" of "does a supple psoas make giving birth easier"): that fact, alone, rather than
        // a "not covered" naming words the facts do use, or the card.
        if (HeldSubject(index, terms, ranked) is { } held)
        {
            return FactReply(index, text, analysis, [held.Passage], held.Score);
        }

        // Only everyday words left ("exactly", "always present", "how big"): the muscle's overview, never a false "not
        // covered" and never the whole card presented as the answer.
        // Words outside the places a question asks about ("pakisabi", "mohon" around "psoas minor") are noise too.
        var left = outside.Where(w => w.Length > 1 && !Vocabulary.StopWords.Contains(w)
            && !CardWords.Contains(w) && !Vocabulary.Filler.Contains(w) && !index.IsMuscleWord(w) && !Vocabulary.NamesNoSubject(w)
            && !Vocabulary.CueWords.Contains(w) && !Vocabulary.QualifiesAClaim(w) && !EverydayWords.IsEveryday(w) && !EverydayWords.IsBareNumber(w) && !FramingWords.Frames(text, w, index)
            && !index.Safety.InPainPhrase(text, w)).Distinct().ToList();
        if (SubjectPositions.Subjects(text, analysis, index, left).Count == 0)
        {
            return MuscleAnswer(index, mention, overview: true);
        }

        return NotCovered(index, $"{subject} of the {name.ToLowerInvariant()}", [], text, name);
    }

    /// <summary>The first of the best-ranked topic facts that holds most of the question's subject (<see cref="HoldsMostOfTheSubject"/>), or null.</summary>
    private static (int Passage, double Score)? HeldSubject(KnowledgeIndex index, IReadOnlyList<QueryTerm> terms, List<(int Passage, double Score)> ranked)
    {
        for (var i = 0; i < ranked.Count && i < RoutingThresholds.SubjectHeldLook; i++)
        {
            if (index.Facts.Passages[ranked[i].Passage] is { Topic: >= 0, Kind: PassageKind.TopicFact } fact && HoldsMostOfTheSubject(index, terms, fact))
            {
                return ranked[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the fact holds at least <see cref="RoutingThresholds.SubjectHeldShare"/> of the idf weight of the question's
    /// subject words (those the facts use, less cue, stop and everyday framing words: "make", "play", "part"), and two of them at least.
    /// </summary>
    private static bool HoldsMostOfTheSubject(KnowledgeIndex index, IReadOnlyList<QueryTerm> terms, FactPassage top)
    {
        var factTerms = index.Facts.FactTerms(top.Ordinal);
        double asked = 0, held = 0;
        var words = 0;
        foreach (var t in terms)
        {
            if (t.Term is not { } term || t.Corrected || Vocabulary.CueWords.Contains(t.Word) || Vocabulary.NamesNoSubject(t.Word) || Vocabulary.StopWords.Contains(t.Word))
            {
                continue;
            }

            asked += t.Idf;
            if (factTerms.Contains(term))
            {
                held += t.Idf;
                words++;
            }
        }

        // One shared word is the keyword hijack issue 8 describes ("the doi of the psoas paper" and a fact on papers).
        return words >= 2 && held >= asked * RoutingThresholds.SubjectHeldShare;
    }

    /// <summary>"where is psoas exactly", "where does the iliopsoas lie": where something lies is what the location facts say.</summary>
    private static TokenizedText WhereAsked(TokenizedText text, Analysis analysis) =>
        !analysis.StrongAttribute && text.Count > 1 && text.WordString(0) is "where" or "wheres"
            ? new TokenizedText(text.Text + " located") { EndsWithQuestionMark = text.EndsWithQuestionMark }
            : text;

    /// <summary>A topic named by a sure phrase ("the iliopsoas bursa"): the question is in the domain even when most of its words are not.</summary>
    private static bool NamesSureTopic(Analysis analysis) => analysis.TopicHadPhrase && analysis.BestTopic.Score >= RoutingThresholds.TopicAccept;

    /// <summary>"insershun", "orijin": a misspelt attribute name still names the attribute outright.</summary>
    private static bool IsMisspeltCue(string word, MuscleAttribute attribute) =>
        word.Length >= 5 && !Vocabulary.CueWords.Contains(word) && QueryAnalyzer.FuzzyCue(word) is { } cue && cue.Attributes.Length == 1 && cue.Attributes.Contains(attribute);

    /// <summary>
    /// What an attribute question asks that the facts do not hold, or null: its unknown words ("the obturator nerve"),
    /// unless the known words settle it; or where a nerve runs ("which nerve emerges from the front of the psoas major")
    /// when no fact places a nerve that way.
    /// </summary>
    private static string? UncoveredSubject(TokenizedText text, KnowledgeIndex index, List<string> unknownWords, bool settledByKnown)
    {
        var course = AsksWhereANerveRuns(text, index);
        // The rare words name it when there are any ("amateur", not "dangerous amateur"); everyday ones only alone.
        var rare = EverydayWords.Rare(unknownWords);
        var named = unknownWords.Count > 0 ? NamedStructure(text, rare.Count > 0 ? rare : unknownWords) : null;
        if (!course)
        {
            return named is not null && !settledByKnown ? named : null;
        }

        // "the obturator nerve" names the structure; an unknown verb ("pierces") does not, so the question says it.
        if (named is not null && named.Contains(' ', StringComparison.Ordinal))
        {
            return named;
        }

        var words = text.Words.SkipWhile(w => w is not ("which" or "what" or "where")).ToList();
        return words.Count > 1 ? string.Join(' ', words) : null;
    }

    /// <summary>The unknown words, with the structure noun that follows them ("obturator nerve").</summary>
    private static string NamedStructure(TokenizedText text, List<string> unknownWords)
    {
        var shown = unknownWords.Take(4).ToList();
        for (var i = 0; i + 1 < text.Count; i++)
        {
            if (text.WordString(i) == shown[^1] && SubjectNouns.Contains(text.WordString(i + 1)))
            {
                shown.Add(text.WordString(i + 1));
                break;
            }
        }

        return string.Join(' ', shown);
    }

    /// <summary>
    /// A nerve named as a structure with a place or path ("emerges from the front", "the course of"), where no fact
    /// names a nerve with that word: the question is about a nerve's path, not about what supplies the muscle.
    /// </summary>
    private static bool AsksWhereANerveRuns(TokenizedText text, KnowledgeIndex index)
    {
        var words = text.Words;
        if (!words.Any(w => w is "nerve" or "nerves") || !words.Any(Vocabulary.CourseWords.Contains))
        {
            return false;
        }

        var nerve = index.Facts.Term("nerve");
        var places = words.Where(Vocabulary.CourseWords.Contains).Select(index.Facts.Term).ToHashSet();
        // Every place word must be in one fact: the lumbar plexus runs through the psoas, but no fact says which nerve
        // pierces its front.
        return !index.Facts.Passages.Any(p => index.Facts.FactTerms(p.Ordinal) is var terms && terms.Contains(nerve) && places.IsSubsetOf(terms));
    }

    /// <summary>
    /// "Does the psoas minor reach the lesser trochanter?": a yes/no claim about one part, with a cue beyond "does"
    /// ("reach", "start", "lack"), is settled by that part's own facts, not by a topic about the others.
    /// </summary>
    private static bool AsksYesNoOfPart(TokenizedText text, Analysis analysis, KnowledgeIndex index) =>
        FactAnswerer.IsYesNo(text) && analysis.Muscles.Count > 0 && analysis.Muscles.All(m => !index.Muscles[m.Muscle].IsGroup)
        && text.Words.Skip(1).Any(w => Vocabulary.SingleWordCues.Contains(w) && w is not ("do" or "does" or "doing" or "for"));

    /// <summary>The attribute named outright ("origin", "insertion", "innervation"), not only hinted by a cue ("nerve").</summary>
    private static bool IsExplicit(TokenizedText text, MuscleAttribute attribute)
    {
        // A cue for both ends ("attach", "attachments") names neither end outright: the landmark asked about picks one.
        if (Vocabulary.AttributeCues.Any(c => c.Strong && c.Attributes.Length == 1 && c.Phrase.Contains(' ', StringComparison.Ordinal) && c.Attributes.Contains(attribute) && ContainsPhrase(text, c.Phrase)))
        {
            return true;
        }

        // "which bone does the psoas major finish on": a bone asked with a start or end word names that end outright.
        var boneAsked = attribute is MuscleAttribute.Origin or MuscleAttribute.Insertion && QueryAnalyzer.AsksWhichBone(text);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if ((!SubjectNouns.Contains(word) || AsksWhich(text, i))
                && (Vocabulary.AttributeCues.Any(c => (c.Strong || boneAsked) && c.Attributes.Length == 1 && c.Phrase == word && c.Attributes.Contains(attribute)) || IsMisspeltCue(word, attribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "and which nerve supplies it", "what movements": a subject noun asked for by "which"/"what" names its attribute
    /// outright, as the second part of a two-part question ("a pinched nerve" still does not); so does the last item of a
    /// list of attribute words ("origin, insertion and nerve of the iliacus") and "its" noun asked ("... and what is its
    /// nerve").
    /// </summary>
    private static bool AsksWhich(TokenizedText text, int at)
    {
        if (at == 0)
        {
            return false;
        }

        var before = text.WordString(at - 1);
        var asked = at + 1 == text.Count || AskedNounVerbs.Contains(text.WordString(at + 1));
        return (asked && (WhichWords.Contains(before) || before == "its"))
            || (before == "and" && at >= 2 && (asked || ListGoesOn.Contains(text.WordString(at + 1)))
                && Vocabulary.AttributeCues.Any(c => c.Strong && c.Phrase == text.WordString(at - 2)));
    }

    /// <summary>What may follow the last noun of a list of attribute words ("origin, insertion and nerve of the iliacus").</summary>
    private static readonly FrozenSet<string> ListGoesOn = new[] { "of", "for", "please", "pls", "plz" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What follows the noun of "which nerve supplies it", "what nerve is it": a verb, not a second noun ("what nerve problems").</summary>
    private static readonly FrozenSet<string> AskedNounVerbs = new[]
    {
        "supplies", "supply", "supplied", "supplying", "serves", "serve", "feeds", "controls", "is", "are", "does", "do", "goes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Strong cue words that can also be the subject of a question about something else ("a pinched nerve").</summary>
    private static readonly HashSet<string> SubjectNouns = new(StringComparer.Ordinal)
    {
        "nerve", "nerves", "blood", "movement", "movements", "motion", "function", "functions", "absent", "missing",
    };

    /// <summary>How many words name a subject of the question's own: not a muscle, cue, pronoun or filler word.</summary>
    private static int OwnSubjectWords(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        var count = 0;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if ((word.Length > 2 || word.Any(char.IsAsciiDigit)) && !Vocabulary.StopWords.Contains(word) && !Vocabulary.CueWords.Contains(word) && !CardWords.Contains(word) && !Vocabulary.SourceWords.Contains(word)
                && !Vocabulary.Filler.Contains(word) && !Vocabulary.NamesNoSubject(word) && !index.IsMuscleWord(word) && word is not ("its" or "itself" or "they" or "them" or "their")
                && index.Facts.Knows(word))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The question's own words beyond the muscle name and the filler: what it asks about.</summary>
    private static string SubjectWords(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        var words = analysis.WordsOutsideMuscles(text).Where(w => IsSubjectWord(w, index)).Take(5);
        return string.Join(' ', words);
    }

    /// <summary>A word that says what a question asks about: not a stop, card, filler or muscle-name word.</summary>
    private static bool IsSubjectWord(string w, KnowledgeIndex index) =>
        w.Length > 1 && !Vocabulary.StopWords.Contains(w) && !CardWords.Contains(w) && !Vocabulary.Filler.Contains(w) && !index.IsMuscleWord(w);

    private static readonly HashSet<string> CardWords = new(StringComparer.Ordinal)
    {
        "tell", "about", "what", "whats", "is", "are", "the", "a", "an", "describe", "explain", "overview", "summary",
        "summarise", "summarize", "info", "card", "everything", "all", "me", "give", "show", "please", "pls", "on", "of",
        "muscle", "group", "who", "some", "basics", "quick", "facts", "full", "whole", "entire", "complete", "everything",
        "anatomy", "anatomically", "general", "generally", "overall", "in",
    };

    /// <summary>The topic whose title, id or keyword is the whole question once card words are dropped, or -1.</summary>
    private static int? TopicNamed(TokenizedText text, KnowledgeIndex index)
    {
        var words = text.Words;
        var start = 0;
        while (start < words.Count && (CardWords.Contains(words[start]) || Vocabulary.StopWords.Contains(words[start])))
        {
            start++;
        }

        var rest = string.Join(' ', words.Skip(start));
        return rest.Length == 0 ? null : index.TopicTitled(rest);
    }

    /// <summary>How many facts a topic named alone ("the psoas paradox", "what's the psoas paradox") shows first.</summary>
    private const int TopicLeadFacts = 2;

    /// <summary>"tell me about", "describe", "everything", "overview": the question asks for all of it.</summary>
    private static bool AsksForWholeTopic(TokenizedText text) =>
        text.Words.Any(w => w is "describe" or "everything" or "overview" or "summary" or "summarise" or "summarize" or "all" or "full"
            or "whole" or "entire" or "complete" or "card" or "basics") || (text.Words.Contains("tell") && text.Words.Contains("about"));

    /// <summary>
    /// The muscle's name alone, or with "tell me about", "what is", "describe": the whole card. With a word asking for
    /// all of it ("full", "whole", "everything"), a noun for an account of the muscle counts as a card word too ("give me
    /// the full picture of the iliacus", "full rundown on the psoas major", sixteenth blind trial's summary, which had
    /// got "my sources don't cover that"); alone such a noun asks nothing of the card ("a picture of the iliacus"), but
    /// "the rundown", "the lowdown" and "a breakdown" ask for the whole by themselves.
    /// </summary>
    private static bool AsksForCard(TokenizedText text, Analysis analysis)
    {
        var wholeAsked = false;
        var accountNoun = false;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            wholeAsked |= word is "full" or "whole" or "entire" or "complete" or "everything";
            if (WholeAccountNouns.Contains(word))
            {
                continue;
            }

            if (AccountNouns.Contains(word))
            {
                accountNoun = true;
                continue;
            }

            if (!analysis.NamesMuscle(i) && !CardWords.Contains(word) && !Vocabulary.GreetingWords.Contains(word))
            {
                return false;
            }
        }

        return !accountNoun || wholeAsked;
    }

    /// <summary>Nouns for an account of a muscle as a whole, asked with "full", "whole" or "everything" (see <see cref="AsksForCard"/>).</summary>
    private static readonly FrozenSet<string> AccountNouns = new[]
    {
        "picture", "run", "down", "details", "detail", "information", "profile", "story", "description", "guide", "notes",
        "review", "recap", "works",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns that mean an account of the whole by themselves ("give me the rundown on psoas minor").</summary>
    private static readonly FrozenSet<string> WholeAccountNouns = new[] { "rundown", "lowdown", "breakdown" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "what's the iliopsoas", "what is the psoas minor", "what muscles are in the iliopsoas group": a definition or
    /// membership question wants what the muscle is and, for the group, its members (the overview), not the whole card;
    /// "tell me about", "describe", "everything on", "the full card" still get the card.
    /// </summary>
    private static bool AsksWhatItIs(TokenizedText text) =>
        text.Words.Any(w => w is "what" or "whats" or "which")
        && !text.Words.Any(w => w is "tell" or "about" or "describe" or "explain" or "summary" or "summarise" or "summarize" or "info"
            or "card" or "everything" or "all" or "give" or "show" or "basics" or "facts" or "full" or "whole" or "entire" or "complete");

    /// <summary>"what about the psoas minor in general", "overall": the muscle's overview, not the last attribute again.</summary>
    private static bool AsksInGeneral(TokenizedText text) => text.Words.Any(w => w is "general" or "generally" or "overall");

    /// <summary>"iliacus?" right after an attribute question: a muscle name with nothing else to say.</summary>
    private static bool IsBareFollowUp(TokenizedText text, Analysis analysis)
    {
        if (analysis.Muscles.Count == 0 || text.Count > 5)
        {
            return false;
        }

        // "and the iliacus?", "ok now iliacus?", "iliacus then": a muscle with at most one other word, not counting the
        // chatter of a turn in a conversation, which asks nothing of its own.
        var other = 0;
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (analysis.NamesMuscle(i) || TurnChatter.Contains(word))
            {
                continue;
            }

            if (CardWords.Contains(word) && word is "tell" or "describe" or "what" or "whats")
            {
                return false;
            }

            other++;
        }

        return other <= 1;
    }

    /// <summary>Words that move a conversation on without asking anything ("ok now", "right, then").</summary>
    private static readonly FrozenSet<string> TurnChatter = new[]
    {
        "ok", "okay", "k", "kk", "now", "so", "then", "alright", "cool", "great", "thanks", "thx", "next", "and",
        // A correction's own words ("no psoas minor pls", "nope, the iliacus instead", "sorry i meant the minor").
        "no", "nope", "nah", "sorry", "oops", "actually", "i", "meant", "mean", "instead", "rather", "pls", "plz", "please",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "where do they send the pain?" after trigger points, "which of the two is easier to reach?" after the iliacus lying
    /// lateral, "how far do I bend the front knee?" after the stretches: a question naming no muscle, whose words the last
    /// subject's facts hold as fully as any other fact does, is asked of that subject, though a word of it ("pain") names
    /// another topic too. A question naming a muscle, or another topic by a sure phrase without a pronoun pointing back,
    /// has a subject of its own; one with a word no fact uses ("in kg") is left to the honest-scope check.
    /// </summary>
    private static Reply? LastTopicFollowUp(TokenizedText text, Analysis analysis, KnowledgeIndex index, ConversationContext? context,
        ResolvedSubject subject, SemanticLookup? semantic)
    {
        if (context is null || subject.Muscles.Count > 0 || analysis.GreyMuscles.Count > 0
            || ContextFilter(index, context) is not { } onContext
            || (NamesSureTopic(analysis) && index.Topics[analysis.BestTopic.Topic].Id != context.TopicId && !FactAnswerer.HasSubjectPronoun(text)
                && !DemonstrativeSubject(text) && !EndsOnObjectPronoun(text)))
        {
            return null;
        }

        var own = new Dictionary<int, double>();
        var (_, terms, _) = FactAnswerer.RankWithOwn(index, WhereAsked(text, analysis), analysis, [], subject.Attributes, null, null, own);
        // "can it get inflamed?" after the bursa: another aspect of the last topic's subject, which its own facts do not hold.
        if (subject.Attributes.Count == 0 && AspectFollowUps.Fact(text, analysis, index, context, terms) is var aspect and >= 0)
        {
            // Another aspect of a pain answer's subject ("how is it treated?" after a contracture) is still about it: the
            // disclaimer stays; one of a neutral subject gets it only when its own words or fact speak of pain.
            var aspectReply = FactReply(index, text, analysis, [aspect], 1);
            return context is { Disclaimed: true } && aspectReply.Disclaimer is null && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer)
                ? aspectReply with { Disclaimer = index.Safety.Rules.Disclaimer.Trim() }
                : aspectReply;
        }

        var unknown = UnknownWords(terms, index, text);
        if (EverydayWords.AsksWhatNoFactHolds(unknown) || EverydayWords.Rare(unknown).Count > 0)
        {
            return null;
        }

        // How much of the question a fact's own words hold (each term once, by its weight): the fact's length and how
        // often it repeats a word ("pain" four times in the symptoms) do not decide whose subject the question is.
        var (best, bestOnContext, contextPassage) = (0.0, 0.0, -1);
        foreach (var passage in own.Keys)
        {
            var held = 0.0;
            var factTerms = index.Facts.FactTerms(passage);
            foreach (var term in terms)
            {
                if (term.Term is not null && !Vocabulary.StopWords.Contains(term.Word) && !AfterHow(text, term.Word) && factTerms.Contains(term.Term))
                {
                    held += term.Idf * term.Share;
                }
            }

            best = Math.Max(best, held);
            if (onContext(index.Facts.Passages[passage]) && held > bestOnContext)
            {
                (bestOnContext, contextPassage) = (held, passage);
            }
        }

        if (bestOnContext <= 0 || bestOnContext < best
            || (bestOnContext == best && AcceptsAnotherTopic(analysis, index, context) && !DemonstrativeSubject(text) && !EndsOnObjectPronoun(text)
                && (!AsksOfTopicItself(index, context.TopicId, terms, index.Facts.FactTerms(contextPassage))
                    || AsksOfTopicItself(index, index.Topics[analysis.BestTopic.Topic].Id, terms, index.Facts.FactTerms(contextPassage)))))
        {
            return null;
        }

        return OnContextAnswer(text, analysis, index, [], subject.Attributes, context, semantic, RetrievalThresholds.Grey);
    }

    /// <summary>
    /// "what symptoms can that cause", "does this help", "is that risky": "that" or "this" after an auxiliary, before a
    /// verb or ending the question, is its subject, the last answer's ("does that book say" names its own): on a tie
    /// with a topic the question's words name, the last topic answers ("it" may be the body part, "that" is what was said).
    /// </summary>
    private static bool DemonstrativeSubject(TokenizedText text)
    {
        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordString(i) is "that" or "this" && text.WordString(i - 1) is "can" or "could" or "does" or "do" or "did" or "will"
                    or "would" or "might" or "may" or "should" or "is" or "was"
                && (i + 2 >= text.Count || DemonstrativeVerbs.Contains(text.WordString(i + 1))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "what happens when you release it?", "so what should I do about it?", "what do I need for that?": a pronoun that
    /// ends the question after a preposition, or in a clause of when, if or after, is the object of what is asked about
    /// the last answer's subject, so on a tie with a topic the question's words name, the last topic answers. "what
    /// causes them?", "how long should I rest it?" ask for another topic's subject (the causes, rest) and are left alone.
    /// </summary>
    private static bool EndsOnObjectPronoun(TokenizedText text)
    {
        if (text.Count < 3 || text.WordString(text.Count - 1) is not ("it" or "them" or "that" or "this" or "those" or "these"))
        {
            return false;
        }

        if (text.WordString(text.Count - 2) is "about" or "for" or "with" or "on" or "to" or "from" or "into" or "after" or "before")
        {
            return true;
        }

        for (var i = 1; i < text.Count - 2; i++)
        {
            if (text.WordString(i) is "when" or "if" or "once" or "after" or "while" or "whenever")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Verbs after "can that", "does this": the demonstrative is their subject, not a determiner ("does that book").</summary>
    private static readonly FrozenSet<string> DemonstrativeVerbs = new[]
    {
        "cause", "do", "mean", "help", "work", "hurt", "affect", "lead", "matter", "happen", "feel", "change", "make", "give",
        "bring", "trigger", "result", "damage", "harm", "injure", "irritate", "pinch",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the question's words name a topic other than the last one well enough to answer it ("what sets them off": the causes).</summary>
    private static bool AcceptsAnotherTopic(Analysis analysis, KnowledgeIndex index, ConversationContext context) =>
        analysis.BestTopic.Score >= RoutingThresholds.TopicAccept && index.Topics[analysis.BestTopic.Topic].Id != context.TopicId;

    /// <summary>
    /// "where do they send (refer) the pain?" after "Trigger points and referral patterns": every word of the question
    /// that the last topic's best fact holds is one of the topic's own title or keywords, so the question asks what the
    /// topic is about and a tie with another topic's facts is the last topic's. "what triggers them?" asks the causes,
    /// which the trigger-point facts only mention: the causes topic answers. When the question's words are as much the
    /// other topic's own ("how long should I rest it" after rehabilitation: the Rest topic), the topic it names answers.
    /// </summary>
    private static bool AsksOfTopicItself(KnowledgeIndex index, string? topicId, IReadOnlyList<QueryTerm> terms, IReadOnlySet<string> held)
    {
        if (topicId is null || !index.TopicById.TryGetValue(topicId, out var topic))
        {
            return false;
        }

        var own = index.Facts.ContentTerms(topic.Title + " " + string.Join(' ', topic.Keywords));
        var any = false;
        foreach (var term in terms)
        {
            if (term.Term is null || !held.Contains(term.Term))
            {
                continue;
            }

            if (!own.Contains(term.Term))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>"far" in "how far", "long" in "how long": the question's measure word, not a word of its subject.</summary>
    internal static bool AfterHow(TokenizedText text, string word)
    {
        for (var i = 1; i < text.Count; i++)
        {
            if (text.WordString(i - 1) == "how" && text.WordString(i) == word)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Free text answered from the best facts, or "my sources don't cover" with the nearest ones; null to fall back.</summary>
    private static Reply? Retrieve(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<int> muscles,
        List<MuscleAttribute> attributes, ConversationContext? context, SemanticLookup? semantic, bool stayOnContext = false,
        ConversationContext? chat = null)
    {
        var own = new Dictionary<int, double>();
        var asked = WhereAsked(text, analysis);
        var (ranked, terms, _) = FactAnswerer.RankWithOwn(index, asked, analysis, muscles, attributes, context, null, own);
        var unknown = UnknownWords(terms, index, text);
        // Words that no fact uses, in a question about the muscles: the subject is not in the sources.
        var knownWeight = terms.Where(t => t.Term is not null && !t.Corrected && !Vocabulary.CueWords.Contains(t.Word)).Sum(t => t.Idf);
        var unknownWeight = EverydayWords.Weight(unknown, index.Facts.MaxIdf);
        var inDomain = muscles.Count > 0 || analysis.Safety.TouchesPain || (knownWeight > 0 && knownWeight >= unknownWeight) || NamesSureTopic(analysis)
            || TouchesLastSubject(index, terms, chat);

        // Not about these muscles, and words no fact uses: another subject altogether ("the deltoid", "the human hand").
        var namesOurMuscles = muscles.Count > 0 || UsesAMuscleWord(text, index);
        // A measure or unit alone ("what kg cuff weight for the leg raises") asks an amount of something the facts
        // describe: in the domain, and not covered, rather than another subject.
        // A topic named by a sure phrase with only everyday words besides ("should the strengthening sets be repeated
        // morning, noon and night") is a question about that topic, not another subject.
        if (!namesOurMuscles && unknown.Count > 0 && !analysis.Safety.TouchesPain && analysis.GreyMuscles.Count == 0 && context is null
            && (knownWeight == 0 || !unknown.TrueForAll(w => Vocabulary.UnitWords.Contains(w) || Vocabulary.MeasureWords.Contains(w)))
            && !(NamesSureTopic(analysis) && unknown.TrueForAll(EverydayWords.IsEveryday))
            && !TouchesLastSubject(index, terms, chat))
        {
            return EngineCopy.OffTopic(index);
        }

        // An attribute alone ("what is the origin", "insertion?") names no subject: the caller asks which muscle.
        // A misspelt knowledge word ("femorel nerve") names a subject as much as one spelt right.
        if (muscles.Count == 0 && knownWeight == 0 && !terms.Any(t => t.Corrected && t.Term is not null && !Vocabulary.CueWords.Contains(t.Word))
            && !analysis.Safety.TouchesPain && context is null)
        {
            return null;
        }

        // The model only now: neither reply above reads the ranking, so an off-topic question never pays for it.
        (ranked, var usedModel) = FactAnswerer.WithModel(index, asked, analysis, muscles, attributes, context, semantic, ranked);
        var best = ranked.Count > 0 ? ranked[0].Score : 0;
        double LexicalBest() => !usedModel ? best
            : FactAnswerer.Rank(index, text, analysis, muscles, attributes, context, null).Hits is { Count: > 0 } lexical ? lexical[0].Score : 0;
        // Everyday words the facts happen to use ("name", "given") say nothing about what is asked.
        var subjectWeight = terms.Where(t => t.Term is not null && !t.Corrected && !Vocabulary.CueWords.Contains(t.Word) && !Vocabulary.NamesNoSubject(t.Word)).Sum(t => t.Idf);
        // Whether the facts cover the question is the lexical ranking's call: the model finds a near fact for any
        // question, so a fused score would answer "what is a psoas abscess" with the nearest clinical note.
        // Rare words outside the places a question asks about ("my lecturer keeps mentioning", "Viva in 10 min") are
        // noise around a subject the facts know (a muscle named or a word of its name: "the psoas paradox"), and weigh
        // like everyday words (SubjectPositions); around no muscle ("a roast leg of lamb") they stay what is asked.
        var allRare = EverydayWords.Rare(unknown);
        var rare = namesOurMuscles ? SubjectPositions.Subjects(text, analysis, index, allRare) : allRare;
        unknownWeight -= (allRare.Count - rare.Count) * index.Facts.MaxIdf * (1 - RoutingThresholds.EverydayUnknownShare);
        var asksWhatNoFactHolds = unknown.Count > 0 && (EverydayWords.AsksWhatNoFactHolds(unknown) || AsksForAnUnknownThing(text, unknown, index));
        if (inDomain && unknown.Count > 0 && (asksWhatNoFactHolds || (rare.Count > 0
                ? LexicalBest() < RetrievalThresholds.LexicalSettled || unknownWeight > subjectWeight
                : OnlyEverydayUncovered(analysis, muscles, LexicalBest(), unknownWeight, subjectWeight))))
        {
            // Only everyday words unknown ("can a flexible psoas help a woman push during childbirth"): a topic fact
            // holding most of what the question asks about answers, however many everyday words lower its score.
            if (rare.Count == 0 && !asksWhatNoFactHolds && HeldSubject(index, terms, ranked) is { } held)
            {
                return FactReply(index, text, analysis, [held.Passage], held.Score);
            }

            return NotCovered(index, NotCoveredSubject(unknown, rare, muscles.Count > 0 ? index.Muscles[muscles[0]].Name : null), ranked, text, muscles.Count > 0 ? index.Muscles[muscles[0]].Name : null);
        }

        // "and how often?", "what is it for?": nothing but the question words, so the answer is among the last
        // subject's facts, even where a stray word ("often") matches a fact elsewhere better.
        if (stayOnContext && OnContextAnswer(text, analysis, index, muscles, attributes, context, semantic) is { } onContext)
        {
            return onContext;
        }

        // An answer only the model found (the words matched no fact well) must clear a higher bar: the model finds
        // something near any in-domain question, "what is a psoas abscess" included.
        if (best >= RetrievalThresholds.Accept && (!usedModel || FactAnswerer.ModelAnswerHolds(ranked, own)))
        {
            return FactReply(index, text, analysis, Covering(index, text, analysis, ranked, text, own), best);
        }

        return SureTopicOrGuess(text, analysis, index, ranked, own, unknown.Count == 0, inDomain && muscles.Count == 0);
    }

    /// <summary>
    /// Only everyday words no fact uses ("is it normal that the stretch hurts", "at the gym", "do all humans have"):
    /// they say how the question is asked, not what it asks, so the subject is uncovered only when no fact answers it
    /// well, or when they outweigh what it asks about while it names no muscle, no topic by a sure phrase ("the psoas
    /// paradox") and touches no pain.
    /// </summary>
    private static bool OnlyEverydayUncovered(Analysis analysis, List<int> muscles, double lexicalBest, double unknownWeight, double subjectWeight) =>
        lexicalBest < RoutingThresholds.EverydayUncoveredBelow
        || (muscles.Count == 0 && !analysis.Safety.TouchesPain && !NamesSureTopic(analysis) && unknownWeight > subjectWeight);

    /// <summary>"and how often?": the best of the last subject's facts when one clears the accept bar, else null.</summary>
    private static Reply? OnContextAnswer(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<int> muscles,
        List<MuscleAttribute> attributes, ConversationContext? context, SemanticLookup? semantic, double bar = RetrievalThresholds.Accept)
    {
        if (context is null || ContextFilter(index, context) is not { } onContext)
        {
            return null;
        }

        var ownOnContext = new Dictionary<int, double>();
        var (near, _, nearByModel) = FactAnswerer.RankWithOwn(index, text, analysis, muscles, attributes, context, semantic, ownOnContext, onContext);
        return near.Count > 0 && near[0].Score >= bar && (!nearByModel || FactAnswerer.ModelAnswerHolds(near, ownOnContext))
            ? FactReply(index, text, analysis, FactAnswerer.Select(near, index.Facts, text, ownOnContext), near[0].Score)
            : null;
    }

    /// <summary>Below the accept bar: a sure topic's own top fact, else did-you-mean with the best headings (grey zone), else null.</summary>
    private static Reply? SureTopicOrGuess(TokenizedText text, Analysis analysis, KnowledgeIndex index, List<(int Passage, double Score)> ranked,
        Dictionary<int, double> own, bool allKnown, bool mayGuess)
    {
        var best = ranked.Count > 0 ? ranked[0].Score : 0;
        // "where is psoas exactly": a topic named by a sure phrase, its fact on top and nothing unknown is the answer.
        if (NamesSureTopic(analysis) && allKnown && best >= RetrievalThresholds.Grey && index.Facts.Passages[ranked[0].Passage].Topic == analysis.BestTopic.Topic)
        {
            return FactReply(index, text, analysis, Covering(index, text, analysis, ranked, text, own), best);
        }

        if (mayGuess && best >= RetrievalThresholds.Grey)
        {
            var headings = ranked.Select(r => index.Facts.Passages[r.Passage]).Select(SuggestionFor).Distinct().Take(3);
            return DidYouMean(index, headings, best, text);
        }

        return null;
    }

    /// <summary>
    /// What the sources do not cover, named as a student would: "the weight of the psoas major" for "how much does the
    /// psoas major weigh", otherwise the unknown words that are not everyday English, else "that".
    /// </summary>
    private static string NotCoveredSubject(List<string> unknown, List<string> rare, string? muscle)
    {
        var measure = unknown.Select(MeasureNoun).FirstOrDefault(m => m is not null);
        if (measure is null)
        {
            return rare.Count > 0 ? string.Join(' ', rare.Take(4)) : "that";
        }

        var unit = unknown.Find(Vocabulary.UnitWords.Contains);
        return muscle is not null ? $"the {measure} of the {muscle.ToLowerInvariant()}" : unit is null ? $"its {measure}" : $"the {measure} in {unit}";
    }

    private static string? MeasureNoun(string word) => word switch
    {
        "weigh" or "weighs" or "weighed" or "heavy" or "heaviness" or "mass" or "kg" or "kilograms" or "grams" or "lb" or "lbs" or "oz" => "weight",
        "wide" or "width" => "width",
        "thick" or "thickness" => "thickness",
        "size" or "volume" or "diameter" or "age" or "length" => word,
        "lengths" => "length",
        _ when Vocabulary.UnitWords.Contains(word) || Vocabulary.MeasureWords.Contains(word) => "measurements",
        _ => null,
    };

    /// <summary>The facts of the conversation's last topic or muscle, or null when it names neither.</summary>
    private static Func<FactPassage, bool>? ContextFilter(KnowledgeIndex index, ConversationContext context)
    {
        var topic = context.TopicId is { } t ? Array.FindIndex(index.Topics, x => x.Id == t) : -1;
        var muscle = context.MuscleId is { } m ? Array.FindIndex(index.Muscles, x => x.Id == m) : -1;
        return topic < 0 && muscle < 0 ? null : p => (topic >= 0 && p.Topic == topic) || (muscle >= 0 && p.Muscle == muscle);
    }

    /// <summary>
    /// "and what weight in kg should the cuff be?" after the strengthening sets: a word of the question that the last
    /// subject's facts use (the cuff weights) keeps it in the conversation's subject, so an unknown word ("kg") makes
    /// it a detail the sources lack, not another subject altogether ("what kg of ankle weight" is no question about the
    /// ankle). A body part elsewhere ("the ankle") is no word of the last subject's, though a fact may use it.
    /// </summary>
    private static bool TouchesLastSubject(KnowledgeIndex index, IReadOnlyList<QueryTerm> terms, ConversationContext? chat)
    {
        if (chat is null || ContextFilter(index, chat) is not { } onContext)
        {
            return false;
        }

        foreach (var term in terms)
        {
            if (term.Term is null || term.Corrected || Vocabulary.NamesNoSubject(term.Word) || Vocabulary.StopWords.Contains(term.Word)
                || Vocabulary.OtherRegionWords.Contains(term.Word))
            {
                continue;
            }

            foreach (var passage in index.Facts.Passages)
            {
                if (onContext(passage) && index.Facts.FactTerms(passage.Ordinal).Contains(term.Term))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Content words no fact uses (after stemming, synonyms and typo correction) that may name a subject; in a message
    /// framed by another language, not its own words (<see cref="StrayWords"/>: "psoas major sinir hangi seviyeler").
    /// </summary>
    private static List<string> UnknownWords(IReadOnlyList<QueryTerm> terms, KnowledgeIndex index, TokenizedText text)
    {
        var unknown = new List<string>();
        var framed = StrayWords.FramedByAnotherLanguage(text);
        foreach (var t in terms)
        {
            if (t.Term is null && StrayWords.IsForeign(t.Word, framed))
            {
                continue;
            }

            // A medicine or treatment no fact names is unknown even when it shares a stem with a fact's word ("muscle
            // relaxants" and "relaxed"), and even inside a pain phrase ("muscle relaxants" raises the disclaimer).
            var unknownTerm = t.Term is null || (EverydayWords.IsClinicalSubject(t.Word) && !index.Facts.UsesWord(t.Word));
            if (unknownTerm && !unknown.Contains(t.Word) && index.UnknownSubjectWords.Get(t.Word, index, static (i, w) => NamesAnUnknownSubject(w, i))
                && !IsAlternativeToAKnownWord(text, t.Word, index) && !FramingWords.Frames(text, t.Word, index)
                && (!index.Safety.InPainPhrase(text, t.Word) || EverydayWords.IsClinicalSubject(t.Word)))
            {
                unknown.Add(t.Word);
            }
        }

        return unknown;
    }

    /// <summary>
    /// "is the psoas major deep or superficial", "femoral or obturator nerve": one side of an "or" the facts do not use
    /// is the other choice of a question they settle with the side they use; "red or white fibres" has no known side.
    /// </summary>
    private static bool IsAlternativeToAKnownWord(TokenizedText text, string word, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.WordString(i) != word)
            {
                continue;
            }

            if (KnownAcrossOr(text, i, -1, index) || KnownAcrossOr(text, i, 1, index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word at <paramref name="at"/> has "or" next to it (one way) and then, past a determiner, a word the facts use.</summary>
    private static bool KnownAcrossOr(TokenizedText text, int at, int step, KnowledgeIndex index) =>
        AcrossOr(text, at, step) is { } other && !Vocabulary.StopWords.Contains(other) && !index.IsMuscleWord(other) && index.Facts.Knows(other);

    /// <summary>The word on the other side of an "or" (in English or another language: "femoral oder obturator") next to the word at <paramref name="at"/> (past "the", "in"), or null.</summary>
    private static string? AcrossOr(TokenizedText text, int at, int step)
    {
        var i = at + step;
        if (i < 0 || i >= text.Count || !Vocabulary.OrWords.Contains(text.WordString(i)))
        {
            return null;
        }

        i += step;
        while (i >= 0 && i < text.Count && text.WordString(i) is "the" or "a" or "an" or "is" or "it" or "its" or "in" or "on" or "for")
        {
            i += step;
        }

        return i < 0 || i >= text.Count ? null : text.WordString(i);
    }

    /// <summary>"in men or in women", "red or white": two words no fact uses, offered as the choice, are what is asked.</summary>
    private static bool OffersUnknownChoice(TokenizedText text, List<string> unknownWords, KnowledgeIndex index)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (AcrossOr(text, i, 1) is { } other && (unknownWords.Contains(text.WordString(i)) || unknownWords.Contains(other))
                && !Vocabulary.StopWords.Contains(text.WordString(i)) && !Vocabulary.StopWords.Contains(other)
                && !index.Facts.Knows(text.WordString(i)) && !index.Facts.Knows(other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word no fact uses names a subject: no cue, filler, muscle or safety word (a condition or medicine aside), nor a typo of a cue or stop
    /// word, nor a misspelt word that names no subject ("meny" people, "discrepency").
    /// </summary>
    private static bool NamesAnUnknownSubject(string word, KnowledgeIndex index) =>
        (word.Length >= 3 || Vocabulary.UnitWords.Contains(word) || EverydayWords.IsClinicalSubject(word)) && !EverydayWords.IsBareNumber(word) && !Vocabulary.CueWords.Contains(word) && !Vocabulary.NamesNoSubject(word)
        && !Vocabulary.Filler.Contains(word) && !index.IsMuscleWord(word) && (!index.Safety.IsSafetyWord(word) || EverydayWords.IsClinicalSubject(word))
        && !Vocabulary.FuzzyCueWords.Any(c => EditDistance.Within(word, c.Phrase, EditDistance.Allowed(word)))
        && (word.Length < 5 || QueryAnalyzer.FuzzyCue(word) is null)
        // A misspelt English function word ("whcih") names nothing; one a letter from another language's ("vein" and the
        // German "eine", "diet" and the Dutch "niet") may be the very subject.
        && !Vocabulary.EnglishStopWords.Any(w => w.Length >= 4 && EditDistance.Within(word, w, 1)) && !Vocabulary.QualifiesAClaim(word)
        && !MisspeltNoSubjectWord(word) && !MisspeltEverydayWord(word, index);

    /// <summary>
    /// A word that is no English word at all (not in the everyday list) one edit from a word that names no subject:
    /// "meny" is "many", "discrepency" is "discrepancy". A real word stays itself ("renal" is not "real").
    /// </summary>
    private static bool MisspeltNoSubjectWord(string word) =>
        word.Length >= 4 && EverydayEnglish.Rank(word) == int.MaxValue
        && (Vocabulary.GeneralWords.Any(w => w.Length >= 4 && EditDistance.Within(word, w, 1))
            || Vocabulary.FrameWordNear(word));

    /// <summary>
    /// "wat is teh orgin", "blud suply", "wich nerv", "psoas minor akshun": a word in no list (no English word, none the
    /// facts use) that misspells a frequent English word, by one edit or as it sounds, is that word, not a subject the
    /// sources lack; a misspelt pain or condition term ("absess") still names one, and a measure, treatment or test the
    /// router knows by name ("torque", which sounds like "talk") is itself.
    /// </summary>
    private static bool MisspeltEverydayWord(string word, KnowledgeIndex index) =>
        !Vocabulary.MeasureWords.Contains(word) && !Vocabulary.UnitWords.Contains(word) && !EverydayWords.IsClinicalSubject(word)
        && EverydayEnglish.MisspellsAFrequentWord(word) && !index.Safety.NearsAPainTerm(word);

    /// <summary>The facts chosen for a question, with one for a part of it none of them answers (<see cref="FactAnswerer.CoverAskedParts"/>).</summary>
    private static List<int> Covering(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<(int Passage, double Score)> ranked,
        TokenizedText asked, Dictionary<int, double> own) =>
        WithEachQuestionsAttribute(index, text, analysis, ranked,
            FactAnswerer.CoverAskedParts(FactAnswerer.Select(ranked, index.Facts, asked, own), ranked, index.Facts, analysis.TermsOutsideMuscles(text, index.Facts),
                index.Safety, analysis.PainWords is not null, analysis.Muscles.Count > 1 && Compares(text)));

    /// <summary>
    /// "What does the psoas minor do, and how many people lack it?": a message of two questions about one muscle whose
    /// chosen facts answer one attribute it asks and not another gets the best-ranked fact of the other too (its first
    /// fact when none is ranked), so neither question goes unanswered.
    /// </summary>
    private static List<int> WithEachQuestionsAttribute(KnowledgeIndex index, TokenizedText text, Analysis analysis,
        List<(int Passage, double Score)> ranked, List<int> chosen)
    {
        var muscles = analysis.Muscles.Select(m => m.Muscle).Distinct().ToArray();
        if (chosen.Count == 0 || muscles.Length != 1 || analysis.Attributes.Count < 2 || !QuestionForms.AsksTwoQuestions(text))
        {
            return chosen;
        }

        var facts = index.Facts;
        foreach (var attribute in analysis.Attributes)
        {
            if (chosen.Count >= RetrievalThresholds.MaxFacts || chosen.Exists(c => facts.Passages[c].Attribute == attribute))
            {
                continue;
            }

            bool Answers(int passage) => facts.Passages[passage] is { Kind: PassageKind.MuscleFact } p && p.Muscle == muscles[0] && p.Attribute == attribute;
            var best = ranked.FindIndex(r => Answers(r.Passage));
            var passage = best >= 0 ? ranked[best].Passage : facts.Passages.FirstOrDefault(p => Answers(p.Ordinal))?.Ordinal ?? -1;
            if (passage >= 0)
            {
                chosen.Add(passage);
            }
        }

        return chosen;
    }

    private static bool Compares(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (ComparisonWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A suggestion the user can send back as a question: the topic title, or "insertion of the psoas minor".</summary>
    private static string SuggestionFor(FactPassage passage) =>
        passage.Attribute is { } a && passage.Muscle >= 0
            ? passage.Heading.Replace(Vocabulary.AttributeLabels[a], Vocabulary.AttributeQueryWord(a), StringComparison.Ordinal)
            : passage.Heading;

    private static Reply FactReply(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen, double score, bool briefDisputes = false,
        bool listItem = false)
    {
        var listed = AllOfTheAttribute(index, text, analysis, chosen);
        chosen = listed ?? chosen;
        var top = chosen.Count > 0 ? chosen[0] : -1;
        chosen = WithoutStrayClinicalNotes(index, text, analysis, FactAnswerer.Focus(index, text, analysis, chosen, listItem));
        if (FactAnswerer.OrderingFact(index, text, chosen) is var ordering and >= 0)
        {
            // "Should I do the lengthening drills before any strength work?": the fact that names the first step answers.
            chosen = [ordering, .. chosen];
            top = ordering;
        }

        var notes = RelevantTopicNotes(index, text, analysis, chosen);
        var reply = FactReplyOf(index, text, analysis, chosen, score, notes.Show, briefDisputes ? static _ => true : notes.Brief, more: false, related: true);
        reply = ReplyBudget.Fits(reply) || listed is not null ? reply : WithinBudget(index, text, analysis, chosen, top, score, briefDisputes, reply);
        // Most replies show no dispute: they pay a scan of their fact ids (FactIndex names every dispute with DisagreementIdPart).
        return reply.Title is { } title && title.Contains(". ", StringComparison.Ordinal)
            && reply.Facts.Any(id => id.Contains(FactIndex.DisagreementIdPart, StringComparison.Ordinal)) && FactAnswerer.IsYesNo(text)
            ? BriefOtherDisputes(index, text, analysis, reply, score) : reply;
    }

    /// <summary>
    /// "Enumerate the actions attributed to psoas major", "all the works the psoas is doing": a list request
    /// (<see cref="ListRequests"/>) whose best fact is one of a muscle's facts of an attribute the question asks gets every
    /// fact of that muscle's attribute, in the file's order, with the disagreement notes already chosen; null when the
    /// question asks no list or its best fact is a topic's (a topic's facts are not all one list).
    /// </summary>
    private static List<int>? AllOfTheAttribute(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen)
    {
        if (chosen.Count == 0 || index.Facts.Passages[chosen[0]] is not { Kind: PassageKind.MuscleFact, Attribute: { } attribute } first
            || !analysis.Attributes.Contains(attribute) || !ListRequests.AsksForList(text))
        {
            return null;
        }

        var all = new List<int>();
        foreach (var p in index.Facts.Passages)
        {
            if (p.Kind == PassageKind.MuscleFact && p.Muscle == first.Muscle && p.Attribute == attribute)
            {
                all.Add(p.Ordinal);
            }
        }

        foreach (var c in chosen)
        {
            if (index.Facts.Passages[c].Kind == PassageKind.Disagreement && !all.Contains(c))
            {
                all.Add(c);
            }
        }

        return all;
    }

    /// <summary>
    /// "Does the iliopsoas help rotate the hip outward?": a verdict's reply with the same facts, its disputes about another
    /// point (the abduction dispute) and those whose every side a shown fact already states (the verdict's fact says who
    /// credits the rotation and who hedges it) named with their sources only; "tell me more" gives their sides. The reply
    /// as it was when it has no verdict or would not be shorter. Nothing is added or dropped: a fact the budget left out
    /// stays out (it may bring words, "risk of injury", that a neutral question must not get a disclaimer for).
    /// </summary>
    private static Reply BriefOtherDisputes(KnowledgeIndex index, TokenizedText text, Analysis analysis, Reply reply, double score)
    {
        var ids = reply.Facts.ToHashSet(StringComparer.Ordinal);
        var shown = new List<int>(ids.Count);
        foreach (var passage in index.Facts.Passages)
        {
            if (ids.Contains(passage.Id))
            {
                shown.Add(passage.Ordinal);
            }
        }

        // The reply's own order: its first fact leads (the verdict and the title rest on it).
        shown.Sort((a, b) => reply.Facts.IndexOf(index.Facts.Passages[a].Id).CompareTo(reply.Facts.IndexOf(index.Facts.Passages[b].Id)));
        if (shown.Count < 2 || index.Facts.Passages[shown[0]].Kind == PassageKind.Disagreement
            || FactAnswerer.Verdict(index, text, analysis, shown, attributeAnswer: false) is null)
        {
            return reply;
        }

        var notes = RelevantTopicNotes(index, text, analysis, shown, briefOthers: true);
        var more = !reply.LeftOut.IsDefaultOrEmpty;
        var leftOut = reply.LeftOut;
        var trimmed = FactReplyOf(index, text, analysis, shown, score, notes.Show, notes.Brief, more, related: true);
        trimmed = ReplyBudget.Fits(trimmed) ? trimmed : FactReplyOf(index, text, analysis, shown, score, notes.Show, notes.Brief, more, related: false);
        if (!ReplyBudget.Fits(trimmed, ReplyBudget.FactChars))
        {
            // Still a wall with each dispute named: one about another point than the claim's (abduction under "can the
            // iliopsoas rotate the hip outward?") is left for "tell me more"; the verdict and the facts it rests on stay.
            // A dispute the reply shows as one of its own facts goes too, not only one its topic notes would add; it is
            // what "tell me more" shows next.
            List<int> onClaim = [.. shown.Where(s => !FactAnswerer.DisputeOffTheClaim(index, text, index.Facts.Passages[s]))];
            var dropped = shown.Where(s => !onClaim.Contains(s)).Select(s => index.Facts.Passages[s].Id).ToList();
            var onTheClaim = FactReplyOf(index, text, analysis, onClaim, score,
                note => notes.Show(note) && !(note.Kind == PassageKind.Disagreement && FactAnswerer.DisputeOffTheClaim(index, text, note)), notes.Brief,
                more || dropped.Count > 0, related: false);
            if (onTheClaim.Title == trimmed.Title && ReplyBudget.Length(onTheClaim) < ReplyBudget.Length(trimmed))
            {
                trimmed = onTheClaim;
                leftOut = [.. leftOut.IsDefault ? [] : leftOut, .. dropped];
            }
        }

        if (!ReplyBudget.Fits(trimmed, ReplyBudget.FactChars) && trimmed.Title.StartsWith("The sources differ.", StringComparison.Ordinal))
        {
            // "Is the psoas the only muscle linking the upper body to the legs?": under "The sources differ." the disputes
            // shown with their sides are the answer, and a fact beside them is left for "tell me more".
            List<int> disputes = [.. shown.Where(s => index.Facts.Passages[s].Kind == PassageKind.Disagreement)];
            var bySides = disputes.Count is > 0 && disputes.Count < shown.Count
                ? FactReplyOf(index, text, analysis, disputes, score, notes.Show, notes.Brief, more: true, related: false) : trimmed;
            trimmed = bySides.Title == trimmed.Title && ReplyBudget.Length(bySides) < ReplyBudget.Length(trimmed) ? bySides : trimmed;
        }

        return ReplyBudget.Length(trimmed) < ReplyBudget.Length(reply) && trimmed.Title == reply.Title ? trimmed with { LeftOut = leftOut } : reply;
    }

    /// <summary>
    /// "Trace the course of psoas major from the lumbar spine to the femur": an anatomy question with no pain in it is
    /// answered by anatomy facts; a muscle's clinical note that shares its words ("anchored to the lumbar spine") is no
    /// companion of them (it would bring the pain disclaimer to a neutral question). A clinical note answering first
    /// stays, and so does one a yes/no verdict rests on ("does the lumbar plexus go through the psoas major").
    /// </summary>
    private static List<int> WithoutStrayClinicalNotes(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen)
    {
        if (analysis.Safety.TouchesPain || analysis.Attributes.Contains(MuscleAttribute.Clinical) || chosen.Count < 2
            || index.Facts.Passages[chosen[0]].Attribute == MuscleAttribute.Clinical)
        {
            return chosen;
        }

        if (chosen.FindIndex(1, c => index.Facts.Passages[c].Attribute == MuscleAttribute.Clinical) < 0)
        {
            return chosen;
        }

        List<int> anatomy = [chosen[0], .. chosen.Skip(1).Where(c => index.Facts.Passages[c].Attribute != MuscleAttribute.Clinical)];
        return FactAnswerer.Verdict(index, text, analysis, anatomy, attributeAnswer: false)
            == FactAnswerer.Verdict(index, text, analysis, chosen, attributeAnswer: false) ? anatomy : chosen;
    }

    /// <summary>
    /// "What does the psoas minor do, and how many people lack it?": the one fact shown of an attribute the message asks
    /// is the answer to one of its questions, and is not given up for length.
    /// </summary>
    private static bool OnlyAnswerOfItsAttribute(KnowledgeIndex index, Analysis analysis, List<int> kept, int at)
    {
        var p = index.Facts.Passages[kept[at]];
        return p.Attribute is { } attribute && analysis.Attributes.Contains(attribute)
            && !kept.Where((k, i) => i != at).Any(k => index.Facts.Passages[k].Attribute == attribute && index.Facts.Passages[k].Kind == PassageKind.MuscleFact);
    }

    /// <summary>
    /// An answer over <see cref="ReplyBudget.Chars"/>, shortened in order of least loss: first the "Related" line (a
    /// pointer, not an answer); then the sides of a dispute the question did not ask about (named with its sources, the
    /// sides left for "tell me more"), unless a number is asked (both values are the answer then); last, above
    /// <see cref="ReplyBudget.FactChars"/>, the facts whose own words answer the question least, never the first, the asked number, the lead fact of a topic the question
    /// names, one that answers as well as the first, nor one the yes/no verdict rests on (each goes with the notes only
    /// it brought, and "tell me more" shows it next). What the question asked for stays even when the answer is still long.
    /// </summary>
    private static Reply WithinBudget(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen, int top, double score, bool briefDisputes, Reply whole)
    {
        var asksNumber = FactAnswerer.AsksNumber(text);
        Func<FactPassage, bool> Brief(TopicNotes n) => briefDisputes ? static _ => true : asksNumber ? n.Brief : note => !n.Asked(note);
        var notes = RelevantTopicNotes(index, text, analysis, chosen);
        var reply = FactReplyOf(index, text, analysis, chosen, score, notes.Show, briefDisputes ? static _ => true : notes.Brief, more: false, related: false);
        if (!ReplyBudget.Fits(reply))
        {
            reply = FactReplyOf(index, text, analysis, chosen, score, notes.Show, Brief(notes), more: false, related: false);
        }

        var kept = new List<int>(chosen);
        var leftOut = ImmutableArray.CreateBuilder<string>();
        var lead = NamedTopicLead(index, analysis, chosen);
        // The topic asked as a whole: its lead fact is the answer, and the others share only the title's words with the
        // question, so their own words say nothing about which answers best; the later ones go first.
        var asksWhole = lead >= 0 && chosen[0] == lead && FactAnswerer.AsksTopicAsAWhole(index, text, analysis, index.Facts.Passages[lead].Topic);
        top = asksWhole ? lead : top;
        var verdict = FactAnswerer.Verdict(index, text, analysis, chosen, attributeAnswer: false);
        var twoQuestions = QuestionForms.AsksTwoQuestions(text);
        bool Droppable(int at) => at > 0 && kept[at] != top && kept[at] != lead && index.Facts.Passages[kept[at]].Kind != PassageKind.Disagreement
            && !(asksNumber && index.Facts.HoldsNumber(kept[at]))
            && !(twoQuestions && OnlyAnswerOfItsAttribute(index, analysis, kept, at))
            && (verdict is null || FactAnswerer.Verdict(index, text, analysis, [.. kept.Where((_, i) => i != at)], attributeAnswer: false) == verdict);
        // The fact whose own words answer the question least goes first (the later one on a tie): the ranking's order
        // also reflects the heading's words, which every fact of a topic shares. One whose own words answer it as well
        // as the first fact's is as much the answer, and stays.
        var inChosen = chosen.ToHashSet();
        var own = index.Facts.Search(analysis.TermsOutsideMuscles(text, index.Facts), p => inChosen.Contains(p.Ordinal), chosen.Count)
            .ToDictionary(h => h.Passage, h => h.Own);
        var topOwn = own.GetValueOrDefault(top);
        while (!ReplyBudget.Fits(reply, ReplyBudget.FactChars))
        {
            // An author's view that answers no better than a fact of anatomy shown with it goes first ("does the psos
            // atach to the diafragm": the fascia link stays, the breathing belief goes), the last one first. A view whose
            // own words answer best ("... during pregnancy make labour easier?") is the answer and is weighed as any fact.
            var view = OutansweredView(index, kept, own);
            var at = -1;
            for (var i = kept.Count - 1; i > 0 && !(view > 0 && Droppable(view)); i--)
            {
                var answers = own.GetValueOrDefault(kept[i]);
                if (asksWhole ? Droppable(i) && at < 0
                    : Droppable(i) && (answers < topOwn || answers == 0) && (at < 0 || answers < own.GetValueOrDefault(kept[at])))
                {
                    at = i;
                }
            }

            at = view > 0 && Droppable(view) ? view : at;
            if (at <= 0)
            {
                break;
            }

            leftOut.Insert(0, index.Facts.Passages[kept[at]].Id);
            kept.RemoveAt(at);
            notes = RelevantTopicNotes(index, text, analysis, kept);
            reply = FactReplyOf(index, text, analysis, kept, score, notes.Show, Brief(notes), more: true, related: false);
        }

        if (!ReplyBudget.Fits(reply, ReplyBudget.FactChars) && !asksNumber && !briefDisputes
            && OneDisputeInFull(index, text, analysis, kept, notes) is { } oneInFull)
        {
            reply = FactReplyOf(index, text, analysis, kept, score, notes.Show, oneInFull, more: leftOut.Count > 0, related: false);
            if (!ReplyBudget.Fits(reply, ReplyBudget.FactChars))
            {
                // Still a wall: a dispute a shown fact already takes a side in is named too; the fact gives its value,
                // the name says the sources differ, and "tell me more" gives the other side.
                var sided = notes.TakesASide;
                reply = FactReplyOf(index, text, analysis, kept, score, notes.Show, note => oneInFull(note) || (note.Kind == PassageKind.Disagreement && sided(note)), more: leftOut.Count > 0, related: false);
            }
        }

        if (!ReplyBudget.Fits(reply, ReplyBudget.FactChars) && !asksNumber && !briefDisputes && !AsksAboutADispute(text))
        {
            // Still a wall, and a dispute's sides are what make it one ("wats this paradox thing with psoas": the fact,
            // then both sides of the flexion-or-extension dispute): each dispute is named with its sources, which says
            // that the sources differ and on what, and "tell me more" gives each side. Not when a number is asked or the
            // question is about a dispute (both values are the answer then); not a dispute whose own question names the
            // point asked ("does the iliopsoas abduct the hip?" keeps the abduction dispute's sides), nor one whose sides
            // give a level the question names ("T12" in "put these in order ... T12, inguinal ligament").
            var sidesAnswer = SidesGiveAnAskedValue(index, text, analysis);
            var pointAsked = NamesTheAskedPoint(index, text, analysis);
            var named = FactReplyOf(index, text, analysis, kept, score, notes.Show,
                note => note.Kind == PassageKind.Disagreement && !sidesAnswer(note) && !pointAsked(note), more: leftOut.Count > 0, related: false);
            reply = named.Title == reply.Title && ReplyBudget.Length(named) < ReplyBudget.Length(reply) ? named : reply;
        }

        // Nothing could go without losing what was asked: the shorter of the two stands.
        return ReplyBudget.Length(reply) < ReplyBudget.Length(whole) ? reply with { LeftOut = leftOut.ToImmutable() } : whole;
    }

    /// <summary>
    /// Whether a dispute's own question names a point the student's question asks: a content word of four letters or
    /// more, not a muscle's, in the same form or with the same first five letters ("abduct" and "(abduction)").
    /// </summary>
    private static Func<FactPassage, bool> NamesTheAskedPoint(KnowledgeIndex index, TokenizedText text, Analysis analysis)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (word.Length >= 4 && !analysis.MuscleWordPositions.Contains(i) && !index.IsMuscleWord(word) && !Vocabulary.StopWords.Contains(word))
            {
                asked.Add(word.Length > 5 ? word[..5] : word);
            }
        }

        return note => note.Note is { } name && FactAnswerer.Words(name).Any(w => w.Length >= 4 && asked.Contains(w.Length > 5 ? w[..5] : w));
    }

    /// <summary>
    /// Whether a dispute's sides give a level or number the question names and the dispute's own question does not:
    /// naming the dispute without its sides could drop what was asked. (A shown fact holding it too is not weighed: a
    /// fact the reply folds into the dispute as a side is among the shown ones.)
    /// </summary>
    private static Func<FactPassage, bool> SidesGiveAnAskedValue(KnowledgeIndex index, TokenizedText text, Analysis analysis)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            // A level or a number ("T12", "40"): a value a side gives. Not any other word: "rotate" in "can the psoas
            // major laterally rotate the hip?" is in a side of the abduction dispute too ("as well as outward rotation").
            if (!analysis.MuscleWordPositions.Contains(i) && !index.IsMuscleWord(word) && word.Any(char.IsAsciiDigit))
            {
                asked.Add(index.Facts.Term(word));
            }
        }

        return note =>
        {
            if (note.Values.IsDefaultOrEmpty || asked.Count == 0)
            {
                return false;
            }

            // Short words count too: a level ("T12", "L1") is three characters.
            var named = FactAnswerer.Words(note.Note ?? "").Select(index.Facts.Term).ToHashSet(StringComparer.Ordinal);
            foreach (var value in note.Values)
            {
                if (FactAnswerer.Words(value.Text).Any(w => asked.Contains(index.Facts.Term(w)) && !named.Contains(index.Facts.Term(w))))
                {
                    return true;
                }
            }

            return false;
        };
    }

    /// <summary>
    /// The last shown author's view (not the first fact) whose own words answer the question no better than a shown fact
    /// of anatomy does; -1 when there is none.
    /// </summary>
    private static int OutansweredView(KnowledgeIndex index, List<int> kept, Dictionary<int, double> own)
    {
        var anatomy = -1.0;
        foreach (var k in kept)
        {
            if (!index.Facts.Passages[k].Fact.IsOpinion)
            {
                anatomy = Math.Max(anatomy, own.GetValueOrDefault(k));
            }
        }

        for (var i = kept.Count - 1; i > 0; i--)
        {
            if (index.Facts.Passages[kept[i]].Fact.IsOpinion && own.GetValueOrDefault(kept[i]) <= anatomy)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A wall made of two or more disputes the ranking brought ("does the iliopsoas help rotate the hip outward" with the
    /// rotation and the abduction disputes, each with its sides): the dispute whose own question shares most words with
    /// the student's keeps its sides, the others are named with their sources (their sides are a "tell me more" away).
    /// A dispute named without its sides still says that the sources differ, and on what. Null when there is no choice.
    /// </summary>
    private static Func<FactPassage, bool>? OneDisputeInFull(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> kept, TopicNotes notes)
    {
        var disputes = kept.Select(k => index.Facts.Passages[k]).Where(p => p.Kind == PassageKind.Disagreement && p.Note is not null).ToList();
        if (disputes.Count < 2)
        {
            return null;
        }

        var asked = analysis.TermsOutsideMuscles(text, index.Facts).Where(t => t.Term is not null).Select(t => t.Term!).ToHashSet(StringComparer.Ordinal);
        var best = disputes[0];
        var bestShared = -1;
        foreach (var dispute in disputes)
        {
            var shared = index.Facts.ContentTerms(dispute.Note!).Count(asked.Contains);
            if (shared > bestShared)
            {
                (best, bestShared) = (dispute, shared);
            }
        }

        return note => (note.Kind == PassageKind.Disagreement && note.Ordinal != best.Ordinal) || !notes.Asked(note);
    }

    /// <summary>The lead fact (what the topic is about) of the topic of the first chosen fact, when the question names that topic; else -1.</summary>
    private static int NamedTopicLead(KnowledgeIndex index, Analysis analysis, List<int> chosen)
    {
        var topic = index.Facts.Passages[chosen[0]].Topic;
        if (topic < 0 || !analysis.TopicScores.Any(t => t.Topic == topic && t.Score >= RoutingThresholds.TopicAccept))
        {
            return -1;
        }

        return index.Facts.Passages.FirstOrDefault(p => p.Topic == topic && p.Kind == PassageKind.TopicFact)?.Ordinal ?? -1;
    }

    private static Reply FactReplyOf(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen, double score,
        Func<FactPassage, bool> showNote, Func<FactPassage, bool> briefNote, bool more, bool related)
    {
        var cited = new Citations();
        var (sections, ids) = FactAnswerer.Compose(index, chosen, cited, dropSingleHeading: true, showNote: showNote, briefNote: briefNote);
        if (more)
        {
            sections = sections.Add(new ReplySection(null, ReplyBudget.MoreHint));
        }

        var first = index.Facts.Passages[chosen[0]];
        var verdict = FactAnswerer.Verdict(index, text, analysis, chosen, attributeAnswer: false) ?? FactAnswerer.DisputeVerdict(index, text, analysis, ids);
        if (first.Topic >= 0)
        {
            var topic = index.Topics[first.Topic];
            var relatedLine = related ? ReplyComposer.RelatedLine(index, topic, chosen.Select(c => index.Facts.Passages[c].Topic).ToHashSet(), RelatedShown) : null;
            // The title already names the topic: a section under the same heading would say it twice.
            sections = [.. sections.Select(s => string.Equals(s.Heading, topic.Title, StringComparison.OrdinalIgnoreCase) ? s with { Heading = null } : s)];
            var all = relatedLine is null ? sections : sections.Add(relatedLine);
            return new Reply
            {
                Intent = Intent.Topic,
                Entity = topic.Id,
                Confidence = Math.Clamp(score, 0, 1),
                Title = Verdicted(verdict, topic.Title),
                Sections = all,
                Sources = cited.Resolve(index.Snapshot),
                Facts = ids,
            };
        }

        var muscle = index.Muscles[first.Muscle];
        var title = $"{muscle.Name}: {Vocabulary.AttributeLabels[first.Attribute!.Value].ToLowerInvariant()}";
        return new Reply
        {
            Intent = Intent.MuscleAttribute,
            Entity = muscle.Id,
            Attribute = first.Attribute,
            Confidence = Math.Clamp(score, 0, 1),
            Title = Verdicted(verdict, title),
            Sections = sections,
            Sources = cited.Resolve(index.Snapshot),
            Facts = ids,
        };
    }

    /// <summary>
    /// Which of the shown topics' disagreements the question touches: a note whose own words answer the question at
    /// least half as well as the best shown fact ("how long should I rest" shows the rest dispute; "what shape is the
    /// iliacus" does not show whether the psoas can be felt by hand).
    /// </summary>
    private static TopicNotes RelevantTopicNotes(KnowledgeIndex index, TokenizedText text, Analysis analysis, List<int> chosen, bool briefOthers = false)
    {
        var terms = analysis.TermsOutsideMuscles(text, index.Facts);
        var shown = chosen.ToHashSet();
        var topics = chosen.Select(c => index.Facts.Passages[c].Topic).Where(t => t >= 0).ToHashSet();
        var hits = index.Facts.Search(terms, p => shown.Contains(p.Ordinal) || (p.Kind == PassageKind.Disagreement && topics.Contains(p.Topic)), 64);
        var bestFact = hits.Where(h => index.Facts.Passages[h.Passage].Kind != PassageKind.Disagreement).Select(h => h.Own).DefaultIfEmpty(0).Max();
        var relevant = hits.Where(h => index.Facts.Passages[h.Passage].Kind == PassageKind.Disagreement && h.Own > 0 && h.Own >= bestFact * RoutingThresholds.DisputeShareOfBestFact)
            .Select(h => h.Passage).ToHashSet();
        // A shown fact that states one side of a dispute brings the dispute with it, so both values are always visible.
        var shownFacts = chosen.Select(c => index.Facts.Passages[c]).Where(p => p.Kind != PassageKind.Disagreement).Select(p => p.Fact).ToList();
        bool StatesASide(FactPassage note) => note.Values.Any(v => shownFacts.Any(f => FactAnswerer.Restates(index.Facts, f, v)));

        // The main topic's disputes come with an overview of it (its lead fact shown) or a question about a dispute
        // ("who is right"); otherwise a dispute comes when the question touches it or a shown fact states one of its
        // sides. A dispute about another part of the topic (the rib-or-vertebra question under "which organs lie in
        // front of the psoas") would only lengthen the answer.
        var mainTopic = index.Facts.Passages[chosen[0]].Topic;
        // A question that names the topic or asks about the dispute sees each side; an answer that shows the lead fact
        // without the question naming its topic ("i pulled my psoas, what should i do") names the dispute with its
        // sources and leaves the sides for a follow-up.
        var asksDispute = mainTopic >= 0 && AsksAboutADispute(text);
        var overview = mainTopic >= 0 && (asksDispute || ShowsLeadFact(index, mainTopic, chosen));
        var named = asksDispute || analysis.TopicScores.Any(t => t.Topic == mainTopic && t.Score >= RoutingThresholds.TopicAccept);
        // A question that names the topic as a whole ("what is the psoas paradox") is asking for its dispute too.
        bool Asked(FactPassage note) => shown.Contains(note.Ordinal) || relevant.Contains(note.Ordinal) || (overview && named && note.Topic == mainTopic);
        bool Full(FactPassage note) => Asked(note) || StatesASide(note);
        // Under a verdict (BriefOtherDisputes), a dispute about another point (abduction under a rotation question) and one
        // whose every side a shown fact already states are named only: their sides would lengthen the answer or say the
        // verdict's fact again.
        bool Restated(FactPassage note) => note.Values.Length > 1 && note.Values.All(v => shownFacts.Any(f => FactAnswerer.Restates(index.Facts, f, v)))
            && FactAnswerer.ShownFactsNameThePoint(index, text, note, shownFacts);
        return new TopicNotes(note => (overview && note.Topic == mainTopic) || Full(note),
            note => !Full(note) || (briefOthers && (Restated(note) || FactAnswerer.DisputeOffTheClaim(index, text, note))), Asked, StatesASide);
    }

    /// <summary>
    /// Which topic disputes an answer shows (<see cref="Show"/>), which of those only by name (<see cref="Brief"/>), and
    /// why a dispute's sides may be needed: the question asks about it (<see cref="Asked"/>), or a shown fact states one of
    /// its sides (<see cref="TakesASide"/>).
    /// </summary>
    private sealed record TopicNotes(Func<FactPassage, bool> Show, Func<FactPassage, bool> Brief, Func<FactPassage, bool> Asked, Func<FactPassage, bool> TakesASide);

    private static bool ShowsLeadFact(KnowledgeIndex index, int topic, List<int> chosen) =>
        index.Topics[topic].Facts is { IsDefaultOrEmpty: false } facts && chosen.Any(c => ReferenceEquals(index.Facts.Passages[c].Fact, facts[0]));

    /// <summary>"Who is right?", "do the sources differ", "both versions": the question is about a dispute itself.</summary>
    private static bool AsksAboutADispute(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (Vocabulary.DisputeWords.Contains(word)
                || (word == "right" && i >= 2 && text.WordString(i - 1) is "is" or "are" && text.WordString(i - 2) is "who" or "which"))
            {
                return true;
            }
        }

        return false;
    }

    private static string Verdicted(string? verdict, string title) => verdict is null ? title : $"{verdict} {title}";

    /// <summary>Related topics named under an answer: a short pointer, not a second answer.</summary>
    internal const int RelatedShown = 2;

    /// <summary>
    /// "Is the Iliad by Homer worth reading?", "recommend a good movie": a word no fact uses that is only near a muscle's
    /// name ("Iliad"), or a topic only guessed at ("recommend"), beside a word that names a subject no fact uses ("Homer",
    /// "movie"), with no attribute asked and no pain, is a sentence about that other subject, not a typo of ours to guess
    /// at. "illy acus origin" asks an attribute; "psoas maior" has nothing besides.
    /// </summary>
    private static bool GuessAmidForeignWords(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        if (analysis.Attributes.Count > 0 || analysis.Safety.TouchesPain || analysis.Muscles.Count > 0)
        {
            return false;
        }

        // A guess from a word the facts use ("iliac" of "the inner lip of the iliac crest") is ours, whatever else is said.
        var guessed = new bool[text.Count];
        foreach (var grey in analysis.GreyMuscles)
        {
            for (var i = grey.Start; i < grey.Start + grey.Count && i < text.Count; i++)
            {
                if (index.Facts.Knows(text.WordString(i)))
                {
                    return false;
                }

                guessed[i] = true;
            }
        }

        var unknown = UnknownWords(analysis.TermsOutsideMuscles(text, index.Facts), index, text);
        for (var i = 0; i < text.Count; i++)
        {
            if (!guessed[i] && unknown.Contains(text.WordString(i)) && !index.IsMuscleWord(text.WordString(i))
                && MusclesNear(new TokenizedText(text.WordString(i)), index).Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Did-you-mean for muscles only guessed at, phrased with the asked attribute ("origin of the psoas minor").</summary>
    private static Reply GreyMuscleSuggestions(KnowledgeIndex index, Analysis analysis, TokenizedText text)
    {
        if (GuessAmidForeignWords(text, analysis, index))
        {
            return EngineCopy.OffTopic(index);
        }

        var attribute = analysis.Attributes.Count > 0 ? analysis.Attributes[0] : (MuscleAttribute?)null;
        var names = analysis.GreyMuscles.Select(g => index.Muscles[g.Muscle].Name.ToLowerInvariant())
            .Select(n => attribute is { } a ? $"{Vocabulary.AttributeQueryWord(a)} of the {n}" : n);
        return DidYouMean(index, names, analysis.BestGreyScore / 100.0, text);
    }

    private static Reply NotCovered(KnowledgeIndex index, string subject, List<(int Passage, double Score)> ranked, TokenizedText text, string? muscle = null)
    {
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        sections.Add(new ReplySection(null, $"My sources don't cover {Clip(subject, 60)}."));
        var cited = new Citations();
        var ids = ImmutableArray<string>.Empty;
        // A neutral question is not answered with injury and pain facts it did not ask about.
        if (!index.Safety.TouchesPain(text))
        {
            // Only the head of the ranking can be shown; checking every ranked fact would cost a scan per fact.
            ranked = [.. ranked.Take(24).Where(r => !index.FactTouchesPain(r.Passage))];
        }

        if (ranked.Count > 0 && ranked[0].Score >= RetrievalThresholds.Grey)
        {
            var nearest = FactAnswerer.Select(ranked, index.Facts, text).Take(2).ToList();
            var (near, nearIds) = FactAnswerer.Compose(index, nearest, cited);
            sections.Add(new ReplySection("The nearest they do cover", string.Join('\n', near.Select(s => s.Heading + ":\n" + s.Body))));
            ids = nearIds;
        }

        return new Reply
        {
            Intent = Intent.NotCovered,
            Title = muscle is null ? "Not in my sources" : $"{muscle}: not in my sources",
            Sections = sections.ToImmutable(),
            Sources = cited.Resolve(index.Snapshot),
            Facts = ids,
        };
    }

    /// <summary>"Which muscle attaches to the lesser trochanter?": the origin and insertion facts that name the landmark.</summary>
    private static Reply? ReverseLookup(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<MuscleAttribute> attributes, List<int>? leftOut = null)
    {
        var wanted = attributes.Where(a => a is MuscleAttribute.Origin or MuscleAttribute.Insertion).ToHashSet();
        // "Which muscles attach to the discs?" may mean either end: a landmark is looked up in both.
        if (text.Words.Any(w => w.StartsWith("attach", StringComparison.Ordinal)))
        {
            wanted.UnionWith([MuscleAttribute.Origin, MuscleAttribute.Insertion]);
        }
        var words = LandmarkWords(text, analysis, index);
        var terms = index.Facts.QueryTerms(words).Where(t => t.Term is not null).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        // Muscles left out ("besides the psoas major") and the group, which holds them, are no answer.
        var hits = index.Facts.Search(terms, p => p.Kind == PassageKind.MuscleFact && p.Attribute is { } a && wanted.Contains(a)
            && (leftOut is null || (!leftOut.Contains(p.Muscle) && !index.Muscles[p.Muscle].IsGroup)));
        if (hits.Count == 0 || hits[0].Coverage < RoutingThresholds.ReverseLookupCoverage)
        {
            return null;
        }

        var chosen = BothEnds(index, hits, wanted);
        // "Which muscle arises from the transverse processes of the lumbar vertebrae?": all five, which the fact giving
        // L1-L5 covers and one giving L1 alone (the psoas minor) does not, however alike their words. (Both ends named
        // settle it above: "begins at the lumbar vertebrae and finishes on the pubis" is the psoas minor.)
        var levels = VerdictChecks.LevelsOf(text.Text);
        if (chosen is null && levels.Count > 0
            && hits.Where(h => levels.IsSubsetOf(VerdictChecks.LevelsOf(index.Facts.Passages[h.Passage].Fact.Text))).ToList() is { Count: > 0 } covering)
        {
            hits = covering;
        }

        chosen ??= hits.Where(h => h.Coverage >= hits[0].Coverage * RoutingThresholds.ReverseLookupCompanion).Take(RetrievalThresholds.MaxFacts).Select(h => h.Passage).ToList();
        if (AsksWhichNot(text)
            && OtherMuscles(index, [.. hits.Where(h => h.Coverage >= hits[0].Coverage * RoutingThresholds.ReverseLookupCompanion).Select(h => h.Passage)], wanted) is { Count: > 0 } others)
        {
            // A muscle is left out only when none of its facts of the asked end names the landmark as well as the best
            // one does, not merely when it fell outside the few facts shown.
            chosen = others;
        }
        return LandmarkReply(index, chosen, hits[0].Coverage);
    }

    /// <summary>
    /// The words of a reverse lookup that may name a landmark: no cue word, no word of a muscle named (or left out) and no
    /// leaving-out word; a word of a muscle's name only guessed at stays when a word the facts use follows it ("iliac"
    /// of "the lip of the iliac crest"), and "lesser" of "lesser trochanter" stays, since no muscle was named by it; before
    /// a cue word it is a bare qualifier ("major and minor origins").
    /// </summary>
    private static List<string> LandmarkWords(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        var words = new List<string>(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            var word = text.WordString(i);
            if (Vocabulary.CueWords.Contains(word) || analysis.NamesMuscle(i) || LandmarkQuestions.LeavesOut(word) || word is "whose" || LandmarkQuestions.NamesTheSet(text, i)
                || LandmarkQuestions.IsExtentWord(word))
            {
                continue;
            }

            if (index.IsMuscleWord(word) && !(i + 1 < text.Count && index.Facts.Knows(text.WordString(i + 1)) && !index.IsMuscleWord(text.WordString(i + 1))
                && !Vocabulary.StopWords.Contains(text.WordString(i + 1)) && !Vocabulary.CueWords.Contains(text.WordString(i + 1))))
            {
                continue;
            }

            words.Add(word);
        }

        return words;
    }

    /// <summary>
    /// "What runs from T12 down to the lesser trochanter?", "a muscle that goes from the first lumbar vertebra to the
    /// pubis, which is it?": the start of the course looked up in the origin facts and its end in the insertion facts,
    /// and the muscles whose facts name both ends (a member before the group, whose facts restate it). Null when no
    /// muscle's facts name both ends well enough.
    /// </summary>
    private static Reply? CourseLookup(KnowledgeIndex index, TokenizedText text)
    {
        if (LandmarkQuestions.Course(text) is not var (from, to))
        {
            return null;
        }

        var starts = BestEnd(index, from, MuscleAttribute.Origin);
        var ends = BestEnd(index, to, MuscleAttribute.Insertion);
        var both = new List<(int Muscle, PassageHit Start, PassageHit End)>();
        foreach (var (muscle, start) in starts)
        {
            if (ends.TryGetValue(muscle, out var end))
            {
                both.Add((muscle, start, end));
            }
        }

        if (both.Count == 0)
        {
            return null;
        }

        if (both.Exists(b => !index.Muscles[b.Muscle].IsGroup))
        {
            both.RemoveAll(b => index.Muscles[b.Muscle].IsGroup);
        }

        both.Sort((a, b) => (b.Start.Coverage + b.End.Coverage).CompareTo(a.Start.Coverage + a.End.Coverage));
        var top = both[0].Start.Coverage + both[0].End.Coverage;
        List<int> chosen = [.. both.Where(b => b.Start.Coverage + b.End.Coverage >= top * RoutingThresholds.ReverseLookupCompanion)
            .Take(2).SelectMany(b => new[] { b.Start.Passage, b.End.Passage })];
        return LandmarkReply(index, chosen, top / 2);
    }

    /// <summary>Per muscle, its attachment fact of <paramref name="attribute"/> that names most of <paramref name="words"/>, when it names enough.</summary>
    private static Dictionary<int, PassageHit> BestEnd(KnowledgeIndex index, List<string> words, MuscleAttribute attribute)
    {
        var best = new Dictionary<int, PassageHit>();
        var terms = index.Facts.QueryTerms(words).Where(t => t.Term is not null).ToList();
        if (terms.Count == 0)
        {
            return best;
        }

        foreach (var hit in index.Facts.Search(terms, p => p.Kind == PassageKind.MuscleFact && p.Attribute == attribute))
        {
            var muscle = index.Facts.Passages[hit.Passage].Muscle;
            if (hit.Coverage >= RoutingThresholds.ReverseLookupCoverage && (!best.TryGetValue(muscle, out var held) || hit.Coverage > held.Coverage))
            {
                best[muscle] = hit;
            }
        }

        return best;
    }

    /// <summary>
    /// The attachment facts a landmark question chose, under a line naming their muscles. Facts over
    /// <see cref="ReplyBudget.FactChars"/> ("which muscle arises from the body of L1": the psoas major's and the psoas
    /// minor's origins, each with its disagreement note; "which muscle runs from T12 and L1 down to the pubis": both ends
    /// of the psoas minor, each with its note) come without the notes: the question asks which muscle, and each fact
    /// shown keeps its own editors' note.
    /// </summary>
    private static Reply LandmarkReply(KnowledgeIndex index, List<int> chosen, double confidence)
    {
        var reply = LandmarkReply(index, chosen, confidence, attributeNotes: true);
        if (ReplyBudget.Fits(reply, ReplyBudget.FactChars))
        {
            return reply;
        }

        var bare = LandmarkReply(index, chosen, confidence, attributeNotes: false);
        return ReplyBudget.Length(bare) < ReplyBudget.Length(reply) ? bare : reply;
    }

    private static Reply LandmarkReply(KnowledgeIndex index, List<int> chosen, double confidence, bool attributeNotes)
    {
        var cited = new Citations();
        var (sections, ids) = FactAnswerer.Compose(index, chosen, cited, attributeNotes: attributeNotes);
        var first = index.Facts.Passages[chosen[0]];
        var names = chosen.Select(c => index.Muscles[index.Facts.Passages[c].Muscle].Name).Distinct().ToArray();
        var lead = new ReplySection(null, (names.Length == 1 ? $"The {names[0].ToLowerInvariant()}." : $"{string.Join(" and ", names)}."));
        return new Reply
        {
            Intent = Intent.MuscleAttribute,
            Entity = index.Muscles[first.Muscle].Id,
            Attribute = first.Attribute,
            Confidence = Math.Clamp(confidence, 0, 1),
            Title = $"{string.Join(", ", names)}: {string.Join(" and ", chosen.Select(c => index.Facts.Passages[c].Attribute!.Value).Distinct().Select(a => Vocabulary.AttributeLabels[a].ToLowerInvariant()))}",
            Sections = sections.Insert(0, lead),
            Sources = cited.Resolve(index.Snapshot),
            Facts = ids,
        };
    }

    /// <summary>
    /// "Which muscle ...", "what muscles ...", "name the muscle ...", "identify the muscle ...", and the same asked last
    /// ("femoral nerve, which muscle?"), a question word misspelt ("whihc", "wat"): the question asks for a muscle by
    /// what it says of it. "Name"/"identify" count only as the opening word, where they are the instruction.
    /// </summary>
    private static bool AsksWhichMuscle(TokenizedText text)
    {
        if (text.Count < 3)
        {
            return false;
        }

        for (var i = 0; i < text.Count - 1; i++)
        {
            var word = text.WordString(i);
            if (!WhichWords.Contains(word) && !(i == 0 && word is "name" or "identify"))
            {
                continue;
            }

            for (var j = i + 1; j < Math.Min(i + 4, text.Count); j++)
            {
                if (text.WordString(j) is "muscle" or "muscles")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The question words that ask for one of several things, with their common slips.</summary>
    private static readonly FrozenSet<string> WhichWords = new[] { "which", "what", "whats", "whihc", "wich", "whcih", "wat", "wht", "wot" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that ask how two things compare ("compare", "vs", "the same muscle", "how do they differ").</summary>
    private static readonly FrozenSet<string> ComparisonWords = new[]
    {
        "compare", "compared", "comparing", "comparison", "contrast", "contrasting", "difference", "differences", "different",
        "differ", "differs", "differentiate", "vs", "versus", "same", "similar", "distinguish", "apart", "alike",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// "compare iliacus and psoas major", "are psoas major and iliacus the same muscle": two or more muscles of ours, no
    /// attribute, and a comparison word. Null otherwise ("compare the origins of ..." is an attribute answer).
    /// </summary>
    private static List<int>? ComparedMuscles(TokenizedText text, Analysis analysis, KnowledgeIndex index, ResolvedSubject subject)
    {
        // "do the sources differ on ...": a question about the sources, not about how the muscles differ.
        if (subject.Muscles.Count < 2 || subject.Attributes.Count > 0 || analysis.Safety.TouchesPain || NamesASource(text))
        {
            return null;
        }

        // "palpation of iliacus vs psoas", "how do they differ in shape": one aspect compared is the facts' to answer.
        return Compares(text) && !AsksAnAspect(text, analysis, index) ? subject.Muscles : null;
    }

    /// <summary>Words that only frame a comparison ("the difference between the two", "from each other").</summary>
    private static readonly FrozenSet<string> ComparisonFrame = new[] { "between", "both", "two", "from", "with", "than", "each", "other", "one", "another" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the question names something the facts hold besides the muscles and how it compares them ("palpation", "shape").</summary>
    private static bool AsksAnAspect(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        foreach (var term in analysis.TermsOutsideMuscles(text, index.Facts))
        {
            if (term.Term is not null && IsSubjectWord(term.Word, index) && !ComparisonWords.Contains(term.Word) && !ComparisonFrame.Contains(term.Word)
                && !Vocabulary.NamesNoSubject(term.Word) && !Vocabulary.CueWords.Contains(term.Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a topic answer is about every compared muscle (its related list names each, as the psoas major vs minor
    /// topic names both): a comparison topic about another pair answers a different question.
    /// </summary>
    private static bool TopicIsAbout(KnowledgeIndex index, Reply reply, List<int> muscles) =>
        reply.Intent == Intent.Topic && reply.Entity is { } id && index.TopicById.TryGetValue(id, out var topic) && !topic.Related.IsDefaultOrEmpty
        && muscles.All(m => topic.Related.Contains(index.Muscles[m].Id));

    /// <summary>
    /// The topic that compares exactly these muscles: its title is a comparison ("Psoas major vs psoas minor") and its
    /// related list names each; null when none does. A topic that only touches on telling them apart (palpation) is not.
    /// </summary>
    private static int? ComparisonTopic(KnowledgeIndex index, List<int> muscles)
    {
        for (var t = 0; t < index.Topics.Length; t++)
        {
            var topic = index.Topics[t];
            if (!topic.Related.IsDefaultOrEmpty && muscles.All(m => topic.Related.Contains(index.Muscles[m].Id))
                && TokenizedText.From(topic.Title).Words.Any(ComparisonWords.Contains))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>Two or more muscles compared as a whole: each one's summary under its name (a part compared is an attribute answer).</summary>
    private static Reply MuscleComparison(KnowledgeIndex index, List<int> muscles)
    {
        var cited = new Citations();
        var named = muscles.Take(3).Select(m => index.Muscles[m]).ToList();
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        foreach (var muscle in named)
        {
            sections.Add(new ReplySection(muscle.Name, ReplyComposer.MuscleOverview(muscle, cited)[0].Body));
        }

        return new Reply
        {
            Intent = Intent.Muscle,
            Entity = named[0].Id,
            Confidence = 1,
            Title = string.Join(" and ", named.Select((m, i) => i == 0 ? m.Name : m.Name.ToLowerInvariant())),
            Sections = sections.ToImmutable(),
            Sources = cited.Resolve(index.Snapshot),
        };
    }

    /// <summary>
    /// "Which muscle does NOT insert on the lesser trochanter?", "which one of them does not insert on ...", "which muscle is
    /// not attached to the pubis": a negation among the first words of a which-question, before the landmark (reverse
    /// lookups only: "which of the three ..." still goes elsewhere, and nerves are no landmark here).
    /// </summary>
    private static bool AsksWhichNot(TokenizedText text) =>
        text.Count > 2 && text.WordString(0) is "which" or "what"
        && Enumerable.Range(1, Math.Min(WhichNotReach, text.Count - 1)).Any(i => text.WordString(i) is "not" or "doesnt" or "dont" or "never" or "isnt" or "arent");

    /// <summary>How many words after "which" a negation may stand: "which one of the three muscles does not" is eight.</summary>
    private const int WhichNotReach = 8;

    /// <summary>The first fact of the asked end for each muscle (no group) that the landmark's facts did not name.</summary>
    private static List<int> OtherMuscles(KnowledgeIndex index, List<int> named, HashSet<MuscleAttribute> wanted)
    {
        var muscles = named.Select(c => index.Facts.Passages[c].Muscle).ToHashSet();
        return [.. index.Facts.Passages
            .Where(p => p.Kind == PassageKind.MuscleFact && p.Attribute is { } a && wanted.Contains(a) && !muscles.Contains(p.Muscle) && !index.Muscles[p.Muscle].IsGroup)
            .DistinctBy(p => (p.Muscle, p.Attribute))
            .Take(RetrievalThresholds.MaxFacts)
            .Select(p => p.Ordinal)];
    }

    /// <summary>
    /// "Which muscle starts at T12 and ends on the femur?": with both ends asked, a muscle is scored by its best origin
    /// and best insertion fact together, and the muscles that fit both ends best are shown with those facts. Null when
    /// no muscle matches at both ends (one landmark: the facts that name it answer).
    /// </summary>
    private static List<int>? BothEnds(KnowledgeIndex index, List<PassageHit> hits, HashSet<MuscleAttribute> wanted)
    {
        if (!wanted.Contains(MuscleAttribute.Origin) || !wanted.Contains(MuscleAttribute.Insertion))
        {
            return null;
        }

        var byMuscle = hits.GroupBy(h => index.Facts.Passages[h.Passage].Muscle)
            .Select(g => (Muscle: g.Key, Ends: g.GroupBy(h => index.Facts.Passages[h.Passage].Attribute).Select(e => e.First()).ToList()))
            .Select(m => (m.Muscle, m.Ends, Score: m.Ends.Sum(e => e.Coverage)))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Muscle)
            .ToList();
        if (byMuscle[0].Ends.Count < 2)
        {
            return null;
        }

        // "Which muscle starts at T12 and ends on the femur?": the group's facts restate its member's, so a member whose
        // facts name both ends answers without them (as in CourseLookup).
        if (byMuscle.Exists(m => m.Ends.Count == 2 && !index.Muscles[m.Muscle].IsGroup))
        {
            byMuscle.RemoveAll(m => index.Muscles[m.Muscle].IsGroup);
        }

        return [.. byMuscle.Where(m => m.Ends.Count == 2 && m.Score >= byMuscle[0].Score * RoutingThresholds.ReverseLookupCompanion)
            .SelectMany(m => m.Ends.OrderBy(e => index.Facts.Passages[e.Passage].Attribute)).Take(RetrievalThresholds.MaxFacts).Select(e => e.Passage)];
    }

    private static int[] MusclesNear(TokenizedText text, KnowledgeIndex index) =>
        index.MuscleFuzzy.Search(text.Text, 12, RoutingThresholds.MuscleGrey)
            .Select(w => index.FindMuscles(new TokenizedText(index.MuscleFuzzy[w.Key]), 100).Select(h => h.Muscle).FirstOrDefault(-1))
            .Where(m => m >= 0)
            .Distinct()
            .Take(3)
            .ToArray();

    private const string NoDiagnosisHeading = "Please see a professional";

    /// <summary>Adds the safety layer (no diagnosis, disclaimer, urgent notice) to a composed reply.</summary>
    private static Reply Compose(Reply reply, KnowledgeIndex index, TokenizedText question)
    {
        var safety = index.Safety.Inspect(question);
        var rules = index.Safety.Rules;
        var sections = reply.Sections;
        // Idempotent: a reply some step already composed (a "did you mean" inside a free-text answer) keeps one section.
        if (reply.Intent != Intent.Urgent && safety.TouchesPain && safety.IsPersonal && !string.IsNullOrWhiteSpace(rules.NoDiagnosis)
            && !sections.Any(s => s.Heading == NoDiagnosisHeading))
        {
            sections = sections.Add(new ReplySection(NoDiagnosisHeading, rules.NoDiagnosis.Trim()));
            // The answer was fitted to the budget before this section came: "how many days should I rest my irritated
            // iliopsoas" loses its "Related" pointer to make room, never a fact or the safety text.
            if (!ReplyBudget.Fits(reply with { Sections = sections }, ReplyBudget.FactChars))
            {
                sections = sections.RemoveAll(s => s.Heading == ReplyComposer.RelatedHeading);
            }
        }

        var answerText = reply.Title + "\n" + string.Join("\n", sections.Select(s => s.Heading + "\n" + s.Body));
        // A reply that brings its own disclaimer ("tell me more" after an injury question) keeps it.
        var touches = safety.TouchesPain || reply.Disclaimer is not null || index.Safety.TouchesPain(answerText);
        var crisis = reply.Entity == EngineCopy.CrisisEntity && reply.Intent == Intent.Urgent;
        // A reply may bring its own notice (the crisis line, a red flag remembered from the last turn).
        var urgent = reply.UrgentNotice is { Length: > 0 } own ? own
            : safety.RedFlags.Count > 0 && !string.IsNullOrWhiteSpace(rules.UrgentNotice) ? rules.UrgentNotice.Trim() : null;
        // The crisis reply is no study answer: it carries the medical disclaimer only when pain came up too.
        var disclaimer = (touches || (urgent is not null && !crisis)) && !string.IsNullOrWhiteSpace(rules.Disclaimer) ? rules.Disclaimer.Trim() : null;
        return reply with { Sections = sections, Disclaimer = disclaimer, UrgentNotice = urgent };
    }

    /// <summary>The muscle's whole card, or with <paramref name="overview"/> its summary and what else can be asked.</summary>
    private static Reply MuscleAnswer(KnowledgeIndex index, MuscleMention mention, bool overview = false)
    {
        var muscle = index.Muscles[mention.Muscle];
        var cited = new Citations();
        var sections = overview ? ReplyComposer.MuscleOverview(muscle, cited) : ReplyComposer.MuscleCard(index, muscle, cited);
        return new Reply
        {
            Intent = Intent.Muscle,
            Entity = muscle.Id,
            Confidence = mention.Score / 100.0,
            Title = muscle.Name,
            Sections = sections,
            Sources = cited.Resolve(index.Snapshot),
        };
    }

    /// <summary>
    /// An attribute answer: each asked attribute's most relevant facts (two for one muscle and one attribute, else one)
    /// with the note where the sources disagree. Over <see cref="ReplyBudget.FactChars"/> ("does the psoas major originate
    /// from the sacrum?" with two origin facts, the rib claim its editors' note corrects and the disagreement note), the
    /// answer is made again with one fact of an attribute whose facts are the sources' versions of one list (an
    /// attachment, a nerve, an artery), the lower-ranked version left for "tell me more"; the verdict weighs every fact of
    /// the attribute either way, and a fact a shown note corrects still comes with it. Actions and relations are distinct
    /// facts and keep two (one of them may be what was asked). The longer answer stands when the shorter would say
    /// another verdict or be no shorter. Still over it, the answer is made once more without the disagreement notes (the
    /// facts shown keep their editors' notes), unless the question asks about a dispute or names the sources ("according
    /// to each source": their versions are asked). Not when the question asks for
    /// all of it or names a level or number (both versions are the answer then).
    /// </summary>
    private static Reply AttributeAnswer(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<int> muscleIndexes,
        IReadOnlyList<MuscleAttribute> wanted, bool strong)
    {
        var whole = AttributeAnswer(index, text, analysis, muscleIndexes, wanted, strong, factsEach: 2);
        // "Describe in full the proximal attachments", "which text says it starts at L1?": all of it, or a level one
        // version gives and the other may not, is asked.
        if (ReplyBudget.Fits(whole, ReplyBudget.FactChars) || AsksForWholeTopic(text) || ListRequests.AsksForList(text))
        {
            return whole;
        }

        var level = text.Words.Any(w => w.Any(char.IsAsciiDigit));
        var shorter = level ? whole : AttributeAnswer(index, text, analysis, muscleIndexes, wanted, strong, factsEach: 1);
        if (shorter.Title != whole.Title || ReplyBudget.Length(shorter) >= ReplyBudget.Length(whole))
        {
            shorter = whole;
        }

        if (!ReplyBudget.Fits(shorter, ReplyBudget.FactChars) && !AsksAboutADispute(text) && !NamesASource(text)
            && NamedDisputes(index, text, analysis, muscleIndexes, wanted, strong) is var named
            && (ReplyBudget.Fits(named, ReplyBudget.FactChars) ? named : AttributeAnswer(index, text, analysis, muscleIndexes, wanted, strong, factsEach: 2, noteChars: 0)) is var bare
            && bare.Title == whole.Title && ReplyBudget.Length(bare) < ReplyBudget.Length(shorter)
            && (!level || KeepsTheAskedLevels(text, bare)))
        {
            // Still a wall ("where does psoas major attach": each end, the rib claim the origin's note repeats with its
            // correction, and the note): the disagreement notes go, and the facts only they brought; a short line names
            // each dispute when it fits, each fact shown keeps its own editors' note, and "tell me more" shows the rest.
            shorter = bare;
        }

        if (ReferenceEquals(shorter, whole))
        {
            return whole;
        }

        ImmutableArray<string> leftOut = [.. whole.Facts.Where(id => !shorter.Facts.Contains(id))];
        var hinted = shorter with { Sections = shorter.Sections.Add(new ReplySection(null, ReplyBudget.MoreHint)) };
        return (leftOut.Length > 0 && ReplyBudget.Fits(hinted, ReplyBudget.FactChars) ? hinted : shorter) with { LeftOut = leftOut };
    }

    /// <summary>
    /// The answer without the disagreement notes that make it too long, longest first, each named by a short line
    /// ("Sources disagree on the origin."): a short note that gives both values ("the post gives L1-L4; the book L2, L3 and
    /// L4") stays when dropping the longer ones is enough, so a multi-part answer still shows both sides where it can.
    /// </summary>
    private static Reply NamedDisputes(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<int> muscleIndexes,
        IReadOnlyList<MuscleAttribute> wanted, bool strong)
    {
        var lengths = new SortedSet<int>();
        foreach (var m in muscleIndexes)
        {
            foreach (var d in index.Muscles[m].Disagreements.IsDefault ? [] : index.Muscles[m].Disagreements)
            {
                lengths.Add(d.Note.Trim().Length);
            }
        }

        Reply? named = null;
        foreach (var length in lengths.Reverse())
        {
            // Keep the notes shorter than this one; the first that fits is the one that drops least.
            named = AttributeAnswer(index, text, analysis, muscleIndexes, wanted, strong, factsEach: 2, noteChars: length - 1, nameDisputes: true);
            if (ReplyBudget.Fits(named, ReplyBudget.FactChars))
            {
                return named;
            }
        }

        return named ?? AttributeAnswer(index, text, analysis, muscleIndexes, wanted, strong, factsEach: 2, noteChars: 0, nameDisputes: true);
    }

    /// <summary>
    /// "Psoas major starts at T12 and goes down to which lumbar vertebra": a level named in a question of several parts
    /// (here the origin and the insertion) may go without the notes when the facts shown still name it; a single part's
    /// level ("does the psoas minor arise from L1?") keeps both versions, as the notes are half its answer.
    /// </summary>
    private static bool KeepsTheAskedLevels(TokenizedText text, Reply reply)
    {
        var headed = 0;
        foreach (var section in reply.Sections)
        {
            headed += section.Heading is null ? 0 : 1;
        }

        if (headed < 2)
        {
            return false;
        }

        var shown = VerdictChecks.LevelsOf(string.Join('\n', reply.Sections.Select(s => s.Body)));
        return VerdictChecks.LevelsOf(text.Text).IsSubsetOf(shown);
    }

    /// <summary>"According to each source", "what do the sources say": the sources' versions are asked, and their notes with them.</summary>
    private static bool NamesASource(TokenizedText text)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (Vocabulary.SourceWords.Contains(text.WordString(i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Small enough never to outweigh a difference in the question's words: it only breaks their ties.</summary>
    private const double SourceTieBreak = 1e-6;

    private static Reply AttributeAnswer(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<int> muscleIndexes,
        IReadOnlyList<MuscleAttribute> wanted, bool strong, int factsEach, int noteChars = int.MaxValue, bool nameDisputes = false)
    {
        var cited = new Citations();
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        var ids = ImmutableArray.CreateBuilder<string>();
        var muscles = muscleIndexes.Select(m => index.Muscles[m]).DistinctBy(m => m.Id).Take(3).ToArray();
        var relevance = FactAnswerer.Relevance(index, text, analysis);
        // One fact for length: of those the question's words rank alike, the one most sources give (the consensus, "the
        // sides of T12, all the lumbar vertebrae" over one post's list of processes and bodies).
        Func<Fact, double> ranking = factsEach > 1 ? relevance : f => relevance(f) + (f.Sources.IsDefault ? 0 : f.Sources.Length) * SourceTieBreak;
        var attributes = FactAnswerer.AnsweringAttributes(muscles, AskedAttributes(index, text, analysis, wanted, strong), relevance,
            a => IsExplicit(text, a) || (analysis.BothEndsCued && a is MuscleAttribute.Origin or MuscleAttribute.Insertion)
                // "What does the psoas minor do, and how many people lack it?": each question names what it asks.
                || QuestionForms.AsksTwoQuestions(text));
        var shown = new List<int>();
        foreach (var muscle in muscles)
        {
            List<Fact> shownFacts = [];
            foreach (var attribute in attributes)
            {
                var heading = muscles.Length > 1 || attributes.Length > 1
                    ? $"{Vocabulary.AttributeLabels[attribute]} of the {muscle.Name.ToLowerInvariant()}"
                    : Vocabulary.AttributeLabels[attribute];
                List<FactPassage> focusedPassages = [];
                // "Psoas major actions list", "enumerate the actions": every fact of the one attribute asked, in the file's order.
                var listed = muscles.Length == 1 && attributes.Length == 1 && ListRequests.AsksForList(text);
                var focused = muscles.Length == 1 && attributes.Length == 1 && !listed ? FocusedAttributeSection(index, text, analysis, muscle, attribute, cited, heading, focusedPassages) : null;
                var maxFacts = listed ? int.MaxValue : muscles.Length * attributes.Length > 1 ? 1 : FactAnswerer.ListsStructures(attribute) ? factsEach : 2;
                sections.Add(focused
                    ?? ReplyComposer.AttributeSection(index, muscle, attribute, cited, heading, maxFacts, ranking, shownFacts, noteChars, nameDisputes)
                    ?? new ReplySection(heading, $"My sources say nothing about the {Vocabulary.AttributeQueryWord(attribute)} of the {muscle.Name.ToLowerInvariant()}."));
                if (focused is not null)
                {
                    // The verdict still weighs every fact of the attribute; the ids name what is shown.
                    ids.AddRange(focusedPassages.Select(p => p.Id));
                    var muscleIndex = Array.IndexOf(index.Muscles, muscle);
                    shown.AddRange(index.Facts.Passages.Where(p => p.Muscle == muscleIndex && p.Attribute == attribute).Select(p => p.Ordinal));
                    continue;
                }

                FactAnswerer.AttributePassages(index, AttributeOwners(muscle, attribute), attribute, shownFacts, ids, shown);
            }
        }

        var first = muscles[0];
        var single = muscles.Length == 1 && attributes.Length == 1;
        var title = single
            ? $"{first.Name}: {Vocabulary.AttributeLabels[attributes[0]].ToLowerInvariant()}"
            : string.Join(", ", muscles.Select(m => m.Name));
        if (single && sections.Count > 0 && sections[0].Heading == Vocabulary.AttributeLabels[attributes[0]])
        {
            // "Psoas major: insertion" above "Insertion:": the heading says again what the title just said.
            sections[0] = sections[0] with { Heading = null };
        }

        var verdict = FactAnswerer.Verdict(index, text, analysis, shown, attributeAnswer: true, muscleIndexes);
        var score = analysis.Muscles.Count > 0 ? analysis.Muscles[0].Score : 100;
        var confidence = score / 100.0 * (strong ? 1.0 : RoutingThresholds.HintedAttributeFactor);
        return new Reply
        {
            Intent = Intent.MuscleAttribute,
            Entity = first.Id,
            Attribute = attributes[0],
            Confidence = confidence,
            Title = Verdicted(verdict, title),
            Sections = sections.ToImmutable(),
            Sources = cited.Resolve(index.Snapshot),
            Facts = ids.ToImmutable(),
        };
    }

    /// <summary>
    /// The attributes an attribute answer covers: two at most (one when a hinted action is among them), unless the
    /// question names three or more outright ("the origin, insertion and nerve supply of the iliacus"): an exam
    /// question listing its parts gets each part, up to four, rather than the first two.
    /// </summary>
    private static MuscleAttribute[] AskedAttributes(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<MuscleAttribute> wanted, bool strong)
    {
        var asked = EndOfLandmark(index, text, analysis, wanted);
        // "What does the psoas minor do, and how many people lack it?": a hinted action asked as a question of its own is asked.
        var cap = strong || !wanted.Contains(MuscleAttribute.Action) || QuestionForms.AsksTwoQuestions(text) ? 2 : 1;
        if (asked.Count > 2)
        {
            // "Where does it attach and what nerve supplies it": one cue for both ends ("attach") asks both, beside the
            // attribute named outright.
            var explicitEnds = IsExplicit(text, MuscleAttribute.Origin) || IsExplicit(text, MuscleAttribute.Insertion);
            var pairCued = !explicitEnds && asked.Contains(MuscleAttribute.Origin) && asked.Contains(MuscleAttribute.Insertion);
            var bothEnds = pairCued || analysis.BothEndsCued;
            var named = asked.Where(a => IsExplicit(text, a) || (bothEnds && a is MuscleAttribute.Origin or MuscleAttribute.Insertion)).ToArray();
            if (named.Length > 2)
            {
                return named.Length > 4 ? named[..4] : named;
            }
        }

        return [.. asked.Take(cap)];
    }

    /// <summary>
    /// "Does the psoas minor attach to the femur?", "is it attached to T12?": both ends asked without naming either, and a
    /// landmark that only one end's facts name, for any muscle (the femur is where muscles insert, T12 where they arise):
    /// that end is the one asked about, whether or not this muscle's facts name the landmark.
    /// </summary>
    private static IReadOnlyList<MuscleAttribute> EndOfLandmark(KnowledgeIndex index, TokenizedText text, Analysis analysis, IReadOnlyList<MuscleAttribute> wanted)
    {
        if (!wanted.Contains(MuscleAttribute.Origin) || !wanted.Contains(MuscleAttribute.Insertion) || analysis.BothEndsCued
            || IsExplicit(text, MuscleAttribute.Origin) || IsExplicit(text, MuscleAttribute.Insertion))
        {
            return wanted;
        }

        var landmarks = analysis.TermsOutsideMuscles(text, index.Facts)
            .Where(t => t.Term is not null && !Vocabulary.CueWords.Contains(t.Word) && !Vocabulary.NamesNoSubject(t.Word))
            .Select(t => t.Term!)
            .ToList();
        if (landmarks.Count == 0)
        {
            return wanted;
        }

        bool Names(MuscleAttribute end) => index.Facts.OfAttribute(end).Any(p => landmarks.Any(index.Facts.FactTerms(p).Contains));
        var (origin, insertion) = (Names(MuscleAttribute.Origin), Names(MuscleAttribute.Insertion));
        return origin == insertion ? wanted : [.. wanted.Where(a => a != (origin ? MuscleAttribute.Insertion : MuscleAttribute.Origin))];
    }

    /// <summary>Whose facts answer for a muscle's attribute: its own, or its parts' when a group has none of its own.</summary>
    private static HashSet<string> AttributeOwners(Muscle muscle, MuscleAttribute attribute)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal) { muscle.Id };
        if (muscle.Get(attribute).Length == 0 && muscle.IsGroup && !muscle.Parts.IsDefaultOrEmpty)
        {
            owners.UnionWith(muscle.Parts);
        }

        return owners;
    }

    /// <summary>
    /// An attribute question that asks something specific about it ("what action ... when the femur is fixed", "which
    /// thoracic vertebra ... highest attachment"): the facts whose own words answer it (at most two), and the note where
    /// the sources disagree, instead of every fact of the attribute. Null when nothing in the question narrows it down.
    /// </summary>
    private static ReplySection? FocusedAttributeSection(KnowledgeIndex index, TokenizedText text, Analysis analysis, Muscle muscle,
        MuscleAttribute attribute, Citations cited, string heading, List<FactPassage> shown)
    {
        var facts = muscle.Get(attribute);
        if (facts.Length <= 2)
        {
            return null;
        }

        var words = analysis.WordsOutsideMuscles(text)
            .Where(w => w.Length > 2 && !Vocabulary.StopWords.Contains(w) && !Vocabulary.CueWords.Contains(w) && !Vocabulary.NamesNoSubject(w)
                && !CardWords.Contains(w) && !Vocabulary.Filler.Contains(w) && !index.IsMuscleWord(w))
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var muscleIndex = Array.IndexOf(index.Muscles, muscle);
        bool Own(FactPassage p) => p.Kind == PassageKind.MuscleFact && p.Muscle == muscleIndex && p.Attribute == attribute;
        var hits = index.Facts.Search(index.Facts.QueryTerms(words), Own).Where(h => h.Own > 0).ToList();
        // "Which is the lowest vertebra it comes from": the fact with the range of levels answers first, whatever its words.
        if (index.Facts.Passages.FirstOrDefault(p => Own(p) && FactAnswerer.GivesAskedLevel(text, p.Fact.Text)) is { } level)
        {
            hits.RemoveAll(h => h.Passage == level.Ordinal);
            hits.Insert(0, new PassageHit(level.Ordinal, hits.Count > 0 ? hits[0].Score : 1, 1, hits.Count > 0 ? hits[0].Own : 1));
        }

        if (hits.Count == 0 || hits.Count == facts.Length)
        {
            return null;
        }

        var best = hits.Where(h => h.Own >= hits[0].Own * RetrievalThresholds.Companion).Take(2).Select(h => index.Facts.Passages[h.Passage]).ToList();
        shown.AddRange(best);
        shown.AddRange(index.Facts.AttributeDisagreements(muscleIndex, attribute));
        var chosen = best.Select(p => p.Fact).ToHashSet();
        var lines = facts.Where(chosen.Contains).Select(f => ReplyComposer.FactLine(f, cited)).ToList();
        foreach (var disagreement in muscle.Disagreements.IsDefault ? [] : muscle.Disagreements)
        {
            if (disagreement.Attribute == attribute)
            {
                lines.Add(ReplyComposer.DisagreementLabel + disagreement.Note.Trim());
            }
        }

        return new ReplySection(heading, string.Join('\n', lines));
    }

    private static Reply TopicAnswer(KnowledgeIndex index, int topicIndex, double score)
    {
        var topic = index.Topics[topicIndex];
        var cited = new Citations();
        var sections = ReplyComposer.TopicBody(index, topic, cited);
        return new Reply
        {
            Intent = Intent.Topic,
            Entity = topic.Id,
            Confidence = Math.Clamp(score, 0, 1),
            Title = topic.Title,
            Sections = sections,
            Sources = cited.Resolve(index.Snapshot),
        };
    }

    private static Reply DidYouMean(KnowledgeIndex index, IEnumerable<string> suggestions, double confidence, TokenizedText question)
    {
        var list = suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToImmutableArray();
        return Compose(
            new Reply
            {
                Intent = Intent.DidYouMean,
                Confidence = Math.Clamp(confidence, 0, 1),
                Title = "Did you mean...?",
                Sections = [new ReplySection(null, "I'm not sure I understood. Pick one of the suggestions or rephrase your question.")],
                Suggestions = list,
            },
            index, question);
    }

    /// <summary>
    /// A quiz question from the bank. A request that names a muscle ("quiz me on the iliacus") is scoped to the bank's
    /// questions whose question or right answer names it (when there are any); the scope travels in
    /// <see cref="Reply.QuizScope"/> to the chat's quiz service, which the platforms and the console draw from.
    /// </summary>
    private Reply Quiz(KnowledgeIndex index, TokenizedText? request = null)
    {
        var bank = index.Snapshot.Quiz;
        var scope = request is null ? [] : QuizScope(index, request);
        if (!scope.IsEmpty)
        {
            bank = [.. bank.Where(q => scope.Contains(q.Id))];
        }

        QuizQuestion? question;
        lock (_randomGate)
        {
            question = QuizPicker.Pick(bank, new HashSet<string>(), _random);
        }

        if (question is null)
        {
            return EngineCopy.QuizBankEmpty();
        }

        return EngineCopy.Quiz(question) with { QuizScope = scope };
    }

    /// <summary>
    /// The ids of the bank's questions about the muscles a quiz request names, misspelt too ("/quiz ilacus"); empty when
    /// it names none.
    /// </summary>
    private static ImmutableArray<string> QuizScope(KnowledgeIndex index, TokenizedText request)
    {
        var named = Analyze(request, index).Muscles.Select(m => m.Muscle).ToArray();
        if (named.Length == 0)
        {
            return [];
        }

        return [.. index.Snapshot.Quiz
            .Where(q => index.MusclesNamedIn(q.Question + " " + q.CorrectOption).Any(named.Contains))
            .Select(q => q.Id)];
    }

    private static bool ContainsPhrase(TokenizedText text, string phrase)
    {
        var words = phrase.Count(c => c == ' ') + 1;
        for (var i = 0; i + words <= text.Count; i++)
        {
            if (text.Window(i, words).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clip(string text, int max) => EngineCopy.Clip(text, max);

    private static Analysis Analyze(TokenizedText text, KnowledgeIndex index) => QueryAnalyzer.Analyze(text, index);

}
