using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Text;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// The question router: commands, then intent for free text (muscle card, one attribute, topic, quiz, help,
/// greetings, sources, off-topic), with fuzzy matching, did-you-mean below the confidence threshold and the
/// safety rules (disclaimer, urgent notice, no diagnosis). Pure: no I/O, no clock.
/// </summary>
public sealed class AnswerEngine : IAnswerEngine, IMuscleNameCompleter
{
    /// <summary>No rendered answer is longer than this (Telegram's message limit).</summary>
    public const int MaxAnswerChars = 4096;

    /// <summary>Topic confidence at or above which the router answers with the topic.</summary>
    public const double TopicAccept = 0.5;

    /// <summary>Topic confidence at or above which (and below <see cref="TopicAccept"/>) the router suggests.</summary>
    public const double TopicGrey = 0.3;

    private readonly IKnowledgeProvider _knowledge;
    private readonly Random _random;
    private readonly object _randomGate = new();
    private readonly object _buildGate = new();
    private Indexed? _indexed;

    public AnswerEngine(IKnowledgeProvider knowledge)
        : this(knowledge, Random.Shared)
    {
    }

    /// <summary>With a seeded <paramref name="random"/> for reproducible quiz picks (tests).</summary>
    public AnswerEngine(IKnowledgeProvider knowledge, Random random)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(random);
        _knowledge = knowledge;
        _random = random;
    }

    public Reply Answer(IncomingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var index = CurrentIndex();
        var reply = Route(message.Text ?? string.Empty, index);
        return ReplyComposer.Fit(reply, MaxAnswerChars);
    }

    public ImmutableArray<NameSuggestion> Complete(string partial, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        var index = CurrentIndex();
        var normalized = TextNormalizer.Normalize(partial, 100);
        if (normalized.Length == 0)
        {
            return [.. index.Muscles.Take(limit).Select(m => new NameSuggestion(m.Name, m.Id))];
        }

        return [.. index.Complete(normalized, limit).Select(c => new NameSuggestion(Clip(c.Label, 100), index.Muscles[c.Muscle].Id))];
    }

    /// <summary>The index for the provider's current snapshot, rebuilt only when the snapshot reference changes.</summary>
    internal KnowledgeIndex CurrentIndex()
    {
        var snapshot = _knowledge.Current;
        var indexed = Volatile.Read(ref _indexed);
        if (indexed is not null && ReferenceEquals(indexed.Snapshot, snapshot))
        {
            return indexed.Index;
        }

        lock (_buildGate)
        {
            indexed = Volatile.Read(ref _indexed);
            if (indexed is null || !ReferenceEquals(indexed.Snapshot, snapshot))
            {
                indexed = new Indexed(snapshot, KnowledgeIndex.Build(snapshot));
                Volatile.Write(ref _indexed, indexed);
            }

            return indexed.Index;
        }
    }

    private Reply Route(string raw, KnowledgeIndex index)
    {
        var head = raw.Length > TextNormalizer.MaxRoutingChars ? raw[..TextNormalizer.MaxRoutingChars] : raw;
        var trimmed = head.TrimStart();
        if (trimmed.Length > 1 && trimmed[0] == '/' && char.IsAsciiLetter(trimmed[1]))
        {
            return Command(trimmed, index);
        }

        return FreeText(TokenizedText.From(head), index);
    }

    private Reply Command(string text, KnowledgeIndex index)
    {
        var i = 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        var name = text[1..i].ToLowerInvariant();
        if (i < text.Length && text[i] == '@')
        {
            // "/help@AnatomyBot": Telegram addresses commands in groups this way.
            i++;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }
        }

        var argument = text[i..];
        switch (name)
        {
            case "help" or "start":
                return Help(index, null);
            case "sources":
                return Sources(index);
            case "quiz":
                return Quiz(index);
            case "reload":
                return Simple(Intent.Reload, "Reload", "Reloading the knowledge base is for moderators; the bot checks who asked.", 1);
            case "ask":
                var question = TokenizedText.From(argument);
                return question.Count == 0
                    ? Simple(Intent.Empty, "Ask a question", "Put your question after /ask, for example: /ask what nerve supplies the iliacus?", 1)
                    : FreeText(question, index);
            case "muscle":
                return MuscleCommand(TokenizedText.From(argument), index);
            default:
                return Help(index, $"I don't know the command /{Clip(name, 32)}.");
        }
    }

    private static Reply MuscleCommand(TokenizedText name, KnowledgeIndex index)
    {
        if (name.Count == 0)
        {
            return Simple(Intent.Help, "Which muscle?", $"Name a muscle after /muscle, for example /muscle iliacus. I know: {MuscleList(index)}.", 1);
        }

        var analysis = Analyze(name, index);
        if (analysis.Muscles.Count > 0)
        {
            return analysis.Attributes.Count > 0
                ? Compose(AttributeAnswer(index, analysis), index, name)
                : Compose(MuscleAnswer(index, analysis.Muscles[0]), index, name);
        }

        // A whole-name fuzzy match is more forgiving than word windows ("psoasmaj").
        var whole = index.MuscleFuzzy.Search(name.Text, 12, KnowledgeIndex.MuscleGrey);
        var grey = analysis.GreyMuscles
            .Select(g => g.Muscle)
            .Concat(MusclesNear(name, index))
            .Distinct()
            .Take(3)
            .ToArray();
        if (whole.Count > 0 && whole[0].Score >= KnowledgeIndex.MuscleAccept && grey.Length > 0)
        {
            var mention = new MuscleMention(grey[0], 0, name.Count, whole[0].Score, index.MuscleFuzzy[whole[0].Key]);
            return Compose(MuscleAnswer(index, mention), index, name);
        }

        if (grey.Length > 0)
        {
            return DidYouMean(index, grey.Select(m => index.Muscles[m].Name), Math.Max(analysis.BestGreyScore, whole.Count > 0 ? whole[0].Score : 0) / 100.0, name);
        }

        var unknown = Clip(name.Text, 60);
        return Compose(
            new Reply(Intent.UnknownMuscle, null, null, 1, "Muscle not covered",
                [new ReplySection(null, $"I don't have \"{unknown}\" in my knowledge base: I only cover the iliopsoas group. I know: {MuscleList(index)}.")],
                // No "did you mean": nothing is close, and the text already lists every muscle covered.
                [], null, null, [], null),
            index, name);
    }

    private Reply FreeText(TokenizedText text, KnowledgeIndex index)
    {
        if (text.Count == 0)
        {
            return Simple(Intent.Empty, "Ask me about the iliopsoas",
                "Send a question about the psoas major, psoas minor, iliacus or the iliopsoas group, or /help.", 1);
        }

        // Greetings and thanks, alone or in front of a question.
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

        if (lead == text.Count && (thanks || greeting))
        {
            return thanks
                ? Simple(Intent.Thanks, "You're welcome!", "Happy studying. Ask another question any time, or type /quiz to test yourself.", 1)
                : Simple(Intent.Greeting, "Hello!", GreetingBody(index), 1);
        }

        if (lead > 0 && (thanks || greeting))
        {
            text = new TokenizedText(text.Window(lead, text.Count - lead).ToString());
        }

        var phrase = string.Join(' ', Enumerable.Range(0, text.Count).Select(text.WordString).Where(w => w is not ("please" or "bot" or "anatomybot")));
        if (Vocabulary.HelpMessages.Contains(phrase))
        {
            return Help(index, null);
        }

        if (Vocabulary.QuizPhrases.Any(q => ContainsPhrase(text, q)))
        {
            return Quiz(index);
        }

        var analysis = Analyze(text, index);
        if (analysis.Muscles.Count == 0 && !analysis.Safety.TouchesPain
            && Enumerable.Range(0, text.Count).Any(i => Vocabulary.SourceWords.Contains(text.WordString(i))))
        {
            return Sources(index);
        }

        return Compose(Decide(text, analysis, index), index, text);
    }

    private static Reply Decide(TokenizedText text, Analysis analysis, KnowledgeIndex index)
    {
        var (bestTopic, bestScore) = analysis.BestTopic;
        var painful = analysis.Safety.TouchesPain;

        if (analysis.Muscles.Count > 0)
        {
            if (analysis.Attributes.Count > 0 && (analysis.StrongAttribute || bestScore < TopicAccept))
            {
                return AttributeAnswer(index, analysis);
            }

            if (bestTopic >= 0 && bestScore >= TopicAccept)
            {
                return TopicAnswer(index, bestTopic, bestScore);
            }

            var muscle = index.Muscles[analysis.Muscles[0].Muscle];
            if (painful && muscle.Get(MuscleAttribute.Clinical).Length > 0)
            {
                // Pain questions about a muscle get its clinical notes: education, never a diagnosis.
                return AttributeAnswer(index, analysis with { Attributes = [MuscleAttribute.Clinical], StrongAttribute = true });
            }

            return MuscleAnswer(index, analysis.Muscles[0]);
        }

        if (bestTopic >= 0 && (bestScore >= TopicAccept || (painful && bestScore >= TopicGrey)))
        {
            var (second, secondScore) = analysis.SecondTopic;
            if (!painful && second >= 0 && !analysis.TopicHadPhrase && bestScore < 0.7 && bestScore - secondScore < 0.04)
            {
                return DidYouMean(index, [index.Topics[bestTopic].Title, index.Topics[second].Title], bestScore, text);
            }

            return TopicAnswer(index, bestTopic, bestScore);
        }

        if (analysis.GreyMuscles.Count > 0)
        {
            var attribute = analysis.Attributes.Count > 0 ? analysis.Attributes[0] : (MuscleAttribute?)null;
            var names = analysis.GreyMuscles.Select(g => index.Muscles[g.Muscle].Name.ToLowerInvariant())
                .Select(n => attribute is { } a ? $"{Vocabulary.AttributeQueryWord(a)} of the {n}" : n);
            return DidYouMean(index, names, analysis.BestGreyScore / 100.0, text);
        }

        if (bestTopic >= 0 && bestScore >= TopicGrey)
        {
            var titles = analysis.TopicScores.Take(3).Select(t => index.Topics[t.Topic].Title);
            return DidYouMean(index, titles, bestScore, text);
        }

        if (analysis.Attributes.Count > 0 && analysis.UnexplainedWords == 0 && index.Muscles.Length > 0)
        {
            var word = Vocabulary.AttributeQueryWord(analysis.Attributes[0]);
            var names = index.Muscles.Where(m => !m.IsGroup).Concat(index.Muscles.Where(m => m.IsGroup))
                .Take(3).Select(m => $"{word} of the {m.Name.ToLowerInvariant()}");
            return DidYouMean(index, names, 0.5, text);
        }

        // A word or two that is a clipped or misspelt muscle name ("psoa", "iliac") deserves a suggestion, not a
        // refusal; longer texts had their chance in the word-window analysis above.
        if (text.Count <= 2 && MusclesNear(text, index) is { Length: > 0 } near)
        {
            return DidYouMean(index, near.Select(m => index.Muscles[m].Name), 0.5, text);
        }

        return OffTopic(index);
    }

    private static int[] MusclesNear(TokenizedText text, KnowledgeIndex index) =>
        index.MuscleFuzzy.Search(text.Text, 12, KnowledgeIndex.MuscleGrey)
            .Select(w => index.FindMuscles(new TokenizedText(index.MuscleFuzzy[w.Key]), 100).Select(h => h.Muscle).FirstOrDefault(-1))
            .Where(m => m >= 0)
            .Distinct()
            .Take(3)
            .ToArray();

    /// <summary>Adds the safety layer (no diagnosis, disclaimer, urgent notice) to a composed reply.</summary>
    private static Reply Compose(Reply reply, KnowledgeIndex index, TokenizedText question)
    {
        var safety = index.Safety.Inspect(question);
        var rules = index.Safety.Rules;
        var sections = reply.Sections;
        if (safety.TouchesPain && safety.IsPersonal && !string.IsNullOrWhiteSpace(rules.NoDiagnosis))
        {
            sections = sections.Add(new ReplySection("Please see a professional", rules.NoDiagnosis.Trim()));
        }

        var answerText = reply.Title + "\n" + string.Join("\n", sections.Select(s => s.Heading + "\n" + s.Body));
        var touches = safety.TouchesPain || index.Safety.TouchesPain(answerText);
        var urgent = safety.RedFlags.Count > 0 && !string.IsNullOrWhiteSpace(rules.UrgentNotice) ? rules.UrgentNotice.Trim() : null;
        var disclaimer = (touches || urgent is not null) && !string.IsNullOrWhiteSpace(rules.Disclaimer) ? rules.Disclaimer.Trim() : null;
        return reply with { Sections = sections, Disclaimer = disclaimer, UrgentNotice = urgent };
    }

    private static Reply MuscleAnswer(KnowledgeIndex index, MuscleMention mention)
    {
        var muscle = index.Muscles[mention.Muscle];
        var cited = new Citations();
        var sections = ReplyComposer.MuscleCard(index, muscle, cited);
        return new Reply(Intent.Muscle, muscle.Id, null, mention.Score / 100.0, muscle.Name, sections,
            cited.Resolve(index.Snapshot), null, null, [], null);
    }

    private static Reply AttributeAnswer(KnowledgeIndex index, Analysis analysis)
    {
        var cited = new Citations();
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        var muscles = analysis.Muscles.Select(m => index.Muscles[m.Muscle]).DistinctBy(m => m.Id).Take(3).ToArray();
        var attributes = analysis.Attributes.Take(2).ToArray();
        foreach (var muscle in muscles)
        {
            foreach (var attribute in attributes)
            {
                var heading = muscles.Length > 1 || attributes.Length > 1
                    ? $"{Vocabulary.AttributeLabels[attribute]} of the {muscle.Name.ToLowerInvariant()}"
                    : Vocabulary.AttributeLabels[attribute];
                sections.Add(ReplyComposer.AttributeSection(index, muscle, attribute, cited, heading)
                    ?? new ReplySection(heading, $"My sources say nothing about the {Vocabulary.AttributeQueryWord(attribute)} of the {muscle.Name.ToLowerInvariant()}."));
            }
        }

        var first = muscles[0];
        var title = muscles.Length == 1 && attributes.Length == 1
            ? $"{first.Name}: {Vocabulary.AttributeLabels[attributes[0]].ToLowerInvariant()}"
            : string.Join(", ", muscles.Select(m => m.Name));
        var confidence = analysis.Muscles[0].Score / 100.0 * (analysis.StrongAttribute ? 1.0 : 0.85);
        return new Reply(Intent.MuscleAttribute, first.Id, attributes[0], confidence, title, sections.ToImmutable(),
            cited.Resolve(index.Snapshot), null, null, [], null);
    }

    private static Reply TopicAnswer(KnowledgeIndex index, int topicIndex, double score)
    {
        var topic = index.Topics[topicIndex];
        var cited = new Citations();
        var sections = ReplyComposer.TopicBody(index, topic, cited);
        return new Reply(Intent.Topic, topic.Id, null, Math.Clamp(score, 0, 1), topic.Title, sections,
            cited.Resolve(index.Snapshot), null, null, [], null);
    }

    private static Reply DidYouMean(KnowledgeIndex index, IEnumerable<string> suggestions, double confidence, TokenizedText question)
    {
        var list = suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToImmutableArray();
        return Compose(
            new Reply(Intent.DidYouMean, null, null, Math.Clamp(confidence, 0, 1), "Did you mean...?",
                [new ReplySection(null, "I'm not sure I understood. Pick one of the suggestions or rephrase your question.")],
                [], null, null, list, null),
            index, question);
    }

    private Reply Quiz(KnowledgeIndex index)
    {
        QuizQuestion? question;
        lock (_randomGate)
        {
            question = QuizPicker.Pick(index.Snapshot.Quiz, new HashSet<string>(), _random);
        }

        if (question is null)
        {
            return Simple(Intent.Quiz, "Quiz", "The quiz bank is empty right now.", 1);
        }

        return new Reply(Intent.Quiz, question.Id, null, 1, "Quiz question", ReplyComposer.QuizBody(question), [], null, null, [], question);
    }

    private static Reply Help(KnowledgeIndex index, string? note)
    {
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        if (note is not null)
        {
            sections.Add(new ReplySection(null, note));
        }

        sections.Add(new ReplySection(null,
            $"I'm AnatomyBot, a study bot for the iliopsoas group: {MuscleList(index)}. Every answer cites its sources."));
        sections.Add(new ReplySection("Commands",
            "/muscle <name> - a muscle card, e.g. /muscle iliacus\n" +
            "/ask <question> - ask in your own words\n" +
            "/quiz - a multiple-choice question\n" +
            "/sources - the documents my answers come from\n" +
            "/help - this message"));
        var topics = index.Topics.Take(6).Select(t => t.Title).ToArray();
        sections.Add(new ReplySection("Try asking",
            "- What nerve supplies the iliacus?\n" +
            "- Where does the psoas major insert?\n" +
            "- How do you pronounce psoas?\n" +
            "- Does everyone have a psoas minor?\n" +
            "- Quiz me"));
        if (topics.Length > 0)
        {
            sections.Add(new ReplySection("Topics include", string.Join(", ", topics) + (index.Topics.Length > topics.Length ? $" and {index.Topics.Length - topics.Length} more." : ".")));
        }

        return new Reply(Intent.Help, null, null, 1, "AnatomyBot help", sections.ToImmutable(), [], null, null, [], null);
    }

    private static Reply Sources(KnowledgeIndex index)
    {
        var sources = index.Snapshot.Sources.IsDefault ? [] : index.Snapshot.Sources;
        var body = string.Join('\n', sources.Select(s => $"[{s.Id}] {s.Title}" + (string.IsNullOrWhiteSpace(s.Description) ? string.Empty : $": {s.Description.Trim()}")));
        return new Reply(Intent.Sources, null, null, 1, "Sources",
            [new ReplySection(null, $"My answers come from {sources.Length} documents, cited by id in every answer:"), new ReplySection(null, body)],
            sources, null, null, [], null);
    }

    private static Reply OffTopic(KnowledgeIndex index)
    {
        return new Reply(Intent.OffTopic, null, null, 1, "Outside what I cover",
            [
                new ReplySection(null,
                    $"Sorry, I can only help with the iliopsoas group: {MuscleList(index)}, their attachments, actions, nerves, " +
                    "blood supply, variations and related topics such as stretches, posture and palpation."),
                new ReplySection("Try", "\"What nerve supplies the iliacus?\", \"/muscle psoas minor\", \"quiz me\" or /help."),
            ],
            [], null, null, [], null);
    }

    private static Reply Simple(Intent intent, string title, string body, double confidence) =>
        new(intent, null, null, confidence, title, [new ReplySection(null, body)], [], null, null, [], null);

    private static string GreetingBody(KnowledgeIndex index) =>
        $"I'm AnatomyBot. Ask me about the iliopsoas group ({MuscleList(index)}), for example \"where does the iliacus originate?\", or type /quiz or /help.";

    // Capped so a large knowledge base never makes help or off-topic replies cost (or weigh) per muscle.
    private static string MuscleList(KnowledgeIndex index) =>
        index.Muscles.Length == 0
            ? "no muscles loaded yet"
            : string.Join(", ", index.Muscles.Take(12).Select(m => m.Name))
              + (index.Muscles.Length > 12 ? $" and {index.Muscles.Length - 12} more" : string.Empty);

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

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "...";

    private static Analysis Analyze(TokenizedText text, KnowledgeIndex index) => QueryAnalyzer.Analyze(text, index);

    private sealed record Indexed(KnowledgeSnapshot Snapshot, KnowledgeIndex Index);
}
