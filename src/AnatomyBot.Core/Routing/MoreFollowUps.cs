using System.Collections.Frozen;
using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing.Retrieval;

namespace AnatomyBot.Core.Routing;

/// <summary>
/// "why?", "tell me more", "more about that", "explain", "go on": a message that asks for more of the last answer and
/// names nothing of its own. It continues the chat's last subject (the topic, or the muscle's attribute) with the facts
/// not shown yet and each side of its disputes; when everything was shown it says so. Without a subject to continue
/// it asks what to say more about. A message with a subject of its own ("explain the psoas paradox") is never one.
/// </summary>
internal static class MoreFollowUps
{
    /// <summary>Whole messages (after courtesy words) that ask for more of the last answer.</summary>
    private static readonly FrozenSet<string> Asks = new[]
    {
        "why", "why so", "why is that", "why is it", "why is this", "why that", "how so", "how come", "how is that",
        "more", "tell me more", "tell me more about that", "tell me more about it", "tell me more about this", "say more",
        "more about that", "more about it", "more about this", "more on that", "more on it", "more on this", "more of that",
        "more details", "more detail", "more info", "more information", "in more detail", "details", "what else",
        "anything else", "what more", "go on", "keep going", "continue", "carry on", "explain", "explain that", "explain it",
        "explain this", "explain more", "explain further", "explain why", "elaborate", "elaborate on that", "elaborate on it",
        "expand", "expand on that", "expand on it", "go deeper", "what do you mean", "what does that mean", "meaning",
        "tell me about that", "tell me about it", "and then", "is that all", "thats all",
        // "why does it matter?" after the psoas paradox: why the last answer matters, not the posture fact that "matters".
        "why does it matter", "why does that matter", "why does this matter", "so what", "why is that important",
        "why is it important", "why is this important", "why should i care", "what does it mean",
        "what does this mean", "what is the point", "whats the point",
        // "any more?" after the stretches, "why not?" after a No: more of the same answer.
        "any more", "anymore", "any others", "any other", "any other ones", "got any more", "got any others", "others",
        "are there more", "are there any more", "is there more", "is there any more", "more of them", "why not", "how not",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words around the request that change nothing ("ok, can you explain that please").</summary>
    private static readonly FrozenSet<string> Courtesy = new[]
    {
        "ok", "okay", "k", "so", "but", "hmm", "hm", "um", "oh", "please", "pls", "plz", "can", "could", "would", "will",
        "you", "u", "just", "then", "thanks", "thank", "bit", "a", "little", "some", "bot", "anatomybot", "interesting",
        "cool", "nice", "great", "wow", "really",
        // Chat filler around the request ("why tho?", "but why though", "why lol", "huh why?").
        "tho", "though", "lol", "huh", "bro",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many new facts one "tell me more" shows.</summary>
    internal const int MaxNewFacts = 3;

    public static bool AsksForMore(TokenizedText text)
    {
        if (text.Count == 0 || text.Count > 8)
        {
            return false;
        }

        var start = 0;
        var end = text.Count;
        while (start < end && Courtesy.Contains(text.WordString(start)))
        {
            start++;
        }

        while (end > start && Courtesy.Contains(text.WordString(end - 1)) && text.WordString(end - 1) is not ("more" or "that"))
        {
            end--;
        }

        return end > start && Asks.Contains(text.Window(start, end - start).ToString());
    }

    /// <summary>
    /// Words a request to say the last answer again more plainly may hold ("can you explain that in plain english",
    /// "say it like i'm five", "in simpler words please", "i don't understand, explain again").
    /// </summary>
    private static readonly FrozenSet<string> RestateWords = new[]
    {
        "explain", "say", "put", "tell", "describe", "give", "word", "again", "that", "it", "this", "in", "into", "more", "other",
        "words", "terms", "english", "language", "like", "im", "i", "am", "me", "to", "for", "an", "the", "way", "kid", "child",
        "kids", "year", "old", "five", "5", "dont", "do", "not", "didnt", "get", "understand", "differently", "much", "lot", "less", "without",
        "jargon", "using", "version", "what", "so", "sorry", "too", "was", "is", "thats", "bit", "once", "with", "fewer", "sense",
        "make", "shorter", "short", "one", "sentence", "summarise", "summarize", "summary", "same", "up", "a", "line", "quick",
        // "ok and in plain terms?", "in a single word?", "one-word answer pls", "the way I'd tell a patient".
        "and", "single", "answer", "id", "would", "patient", "patients", "client", "clients", "someone", "somebody", "friend",
        // "tl;dr" (read "tl dr"), "shorten it".
        "dr", "shorten",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the word is one a request to say the last answer again may hold (<see cref="AsksToRestate"/>).</summary>
    internal static bool IsRestateWord(string word) => RestateWords.Contains(word) || PlainCues.Contains(word) || Courtesy.Contains(word);

    /// <summary>Whether the word makes a request one for the last answer in other words ("simply", "plain", "word").</summary>
    internal static bool IsPlainCue(string word) => PlainCues.Contains(word);

    /// <summary>The words that make such a request one for a plainer answer, not for more ("explain more" asks for more).</summary>
    private static readonly FrozenSet<string> PlainCues = new[]
    {
        "simply", "simpler", "simple", "plain", "plainer", "plainly", "layman", "laymans", "layperson", "eli5",
        "easier", "easy", "rephrase", "reword", "simplify", "simplified", "clearer", "complicated", "confusing", "complex",
        "technical", "jargon", "understand", "dumb", "differently", "summarise", "summarize", "shorter",
        // "in one sentence", "sum it up in a line", "tldr", "in a nutshell": the same answer, shorter.
        "sentence", "line", "nutshell", "tldr", "sum", "briefly", "brief",
        // "in one word?", "a one-word answer", "tl;dr" (read "tl dr"), "shorten it": the same answer, its first fact alone.
        "word", "tl", "shorten",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that ask for the shortest restatement: one fact ("in one sentence", "sum it up in a line", "tldr", "in one
    /// word?", "shorter pls", "summarise"): a shorter version of an answer of one to four facts is its first fact, the one
    /// that answered.
    /// </summary>
    private static readonly FrozenSet<string> OneFactWords = new[]
    {
        "sentence", "line", "tldr", "tl", "nutshell", "brief", "briefly", "sum", "word", "shorter", "shorten", "short", "summarise", "summarize", "summary",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Whole messages that ask who says what the last answer said ("who says that?", "source?", "says who"): the same facts
    /// again, each with its source.
    /// </summary>
    private static readonly FrozenSet<string> SourceAsks = new[]
    {
        "who says that", "who says so", "who said that", "who said so", "says who", "source", "sources", "whats the source",
        "what is the source", "what are the sources", "which source", "which sources", "which source says that",
        "which source says so", "according to who", "according to whom", "citation", "reference", "references",
        "where is that from", "where did you get that", "who claims that",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that point back at the last answer in a question about its source ("source for that?", "where is this from").</summary>
    private static readonly FrozenSet<string> SourcePointBack = new[] { "that", "this", "it", "those", "these", "thats", "so" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The verbs of "who says so", "who claimed that", "where did you get that from".</summary>
    private static readonly FrozenSet<string> SayingVerbs = new[] { "says", "say", "said", "claims", "claim", "claimed", "get", "got", "come", "comes", "found", "according" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Why the asker wants the source ("need it for my essay", "want to cite it", "for my notes"): their purpose, never a
    /// subject (the study words themselves are <see cref="Vocabulary.StopWords"/>).
    /// </summary>
    private static readonly FrozenSet<string> SourcePurposeWords = new[]
    {
        "need", "needed", "needs", "want", "wanted", "gotta", "have", "writing", "write", "quote", "quoting", "citing", "notes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Longest message read as a bare question about the last answer's source.</summary>
    private const int MaxSourceAskWords = 10;

    /// <summary>
    /// Whether the message asks only where the last answer comes from: a source word with a pointer back ("source for
    /// that?", "any reference for this?", "what's the source of that"), who said it ("says who?", "who claims so", "who
    /// said that"), or "where is that from" / "where did you get that"; besides those, only function words, courtesy and
    /// filler. What it does not catch: a question naming what was said ("who says T12?", which has a subject of its own)
    /// and "what are your sources?" with no pointer back, which asks for the documents.
    /// </summary>
    public static bool AsksWhoSaysIt(TokenizedText text)
    {
        if (text.Count < 2 || text.Count > MaxSourceAskWords)
        {
            return false;
        }

        var (source, back, who, where, from, saying, bare) = (false, false, false, false, false, false, true);
        foreach (var word in text.Words)
        {
            if (Vocabulary.SourceWords.Contains(word))
            {
                source = true;
            }
            else if (SayingVerbs.Contains(word))
            {
                saying = true;
            }
            else if (!Vocabulary.StopWords.Contains(word) && !Vocabulary.Filler.Contains(word) && !Vocabulary.ThanksWords.Contains(word)
                && !SourcePurposeWords.Contains(word))
            {
                return false;
            }

            back |= SourcePointBack.Contains(word);
            who |= word is "who" or "whom";
            where |= word is "where" or "wheres";
            from |= word == "from";
            // "source pls", "citation please?": the source word and courtesy alone ask for the last answer's source too;
            // "what are your sources?" (no courtesy word) still asks for the documents.
            bare &= Vocabulary.SourceWords.Contains(word) || Courtesy.Contains(word);
        }

        return (source && (back || bare)) || (who && (saying || back)) || (where && back && (from || saying));
    }

    /// <summary>
    /// "explain more simply", "say that in plain english", "explain it like i'm five", "i don't understand": the last
    /// answer asked again in other words, so its facts again (the same attribute of the same muscle, or the same
    /// topic), not the next ones and not a fact elsewhere that uses the word "simply". Only a message of nothing but
    /// such words: "explain the origin more simply" names its own subject.
    /// </summary>
    public static bool AsksToRestate(TokenizedText text)
    {
        if (text.Count == 0 || text.Count > 12)
        {
            return false;
        }

        if (SourceAsks.Contains(text.Text))
        {
            return true;
        }

        var cue = false;
        foreach (var word in text.Words)
        {
            if (!RestateWords.Contains(word) && !PlainCues.Contains(word) && !Courtesy.Contains(word))
            {
                return false;
            }

            cue |= PlainCues.Contains(word);
        }

        // "like i'm five", "for a 5 year old"; a bare "5?" picks a numbered item instead.
        return cue || (text.Words.Any(w => w is "five" or "5") && text.Words.Any(w => w is "like" or "old" or "im"));
    }

    /// <summary>
    /// The facts the last answer showed, once more, without the dispute notes of related facts (an editors' note that
    /// corrects a fact stays with it); a card's summary after a card. The disclaimer stays when the last answer carried one.
    /// </summary>
    public static Reply Restate(KnowledgeIndex index, ConversationContext? context, TokenizedText text, bool cite = false)
    {
        // "in one sentence", "tldr": the first fact alone; "who says that?": the same facts under the plain title.
        var most = text.Words.Any(OneFactWords.Contains) ? 1 : MaxNewFacts;
        var cites = cite || SourceAsks.Contains(text.Text) || AsksWhoSaysIt(text);
        if (context is null || !context.HasSubject || SubjectFacts(index, context, out var title, out var topic) is not { Count: > 0 } facts)
        {
            return WhatAbout(index);
        }

        var cited = new Citations();
        var muscle = facts[0].Muscle;
        var shown = context.ShownFacts.IsDefaultOrEmpty ? [] : context.ShownFacts;
        var again = facts.Where(p => shown.Contains(p.Id)).Take(most).Select(p => p.Ordinal).ToList();
        ImmutableArray<ReplySection> sections;
        var ids = ImmutableArray<string>.Empty;
        if (again.Count == 0 && topic < 0 && context.Attribute is null)
        {
            // A whole card was shown: its one-paragraph summary is the plain version.
            var card = index.Muscles[muscle];
            sections = [new ReplySection(null, ReplyComposer.FactLine(new Fact(card.Summary, card.SummarySources), cited))];
        }
        else
        {
            (sections, ids) = FactAnswerer.Compose(index, again.Count > 0 ? again : [.. facts.Take(most).Select(p => p.Ordinal)], cited,
                dropSingleHeading: true, showNote: static _ => false);
            sections = [.. sections.Select(f => string.Equals(f.Heading, title, StringComparison.OrdinalIgnoreCase) ? f with { Heading = null } : f)];
        }

        return SubjectReply(index, context, topic, muscle, cites ? title : $"{title}, in short", sections, cited) with { Facts = ids };
    }

    /// <summary>A reply about the context's subject (its topic, or its muscle and attribute), with what it cites.</summary>
    internal static Reply SubjectReply(KnowledgeIndex index, ConversationContext context, int topic, int muscle, string title,
        ImmutableArray<ReplySection> sections, Citations cited) => new()
    {
        Intent = topic >= 0 ? Intent.Topic : context.Attribute is not null ? Intent.MuscleAttribute : Intent.Muscle,
        Entity = topic >= 0 ? index.Topics[topic].Id : index.Muscles[muscle].Id,
        Attribute = topic >= 0 ? null : context.Attribute,
        Title = title,
        Sections = sections,
        Sources = cited.Resolve(index.Snapshot),
        // More about a pain or an injury is still about it: the disclaimer stays (the safety layer keeps a reply's own).
        Disclaimer = context.Disclaimed && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer) ? index.Safety.Rules.Disclaimer.Trim() : null,
    };

    /// <summary>The facts of the context's subject, in the knowledge's order: a topic's, or a muscle attribute's.</summary>
    internal static List<FactPassage> SubjectFacts(KnowledgeIndex index, ConversationContext context, out string title, out int topic)
    {
        topic = context.TopicId is { } topicId && index.TopicById.TryGetValue(topicId, out var t) ? Array.IndexOf(index.Topics, t) : -1;
        var muscle = topic < 0 && context.MuscleId is { } muscleId && index.MuscleById.ContainsKey(muscleId)
            ? Array.FindIndex(index.Muscles, m => m.Id == muscleId) : -1;
        var list = new List<FactPassage>();
        title = topic >= 0 ? index.Topics[topic].Title : muscle >= 0 ? index.Muscles[muscle].Name : string.Empty;
        foreach (var p in index.Facts.Passages)
        {
            if (p.Kind == PassageKind.Disagreement)
            {
                continue;
            }

            if ((topic >= 0 && p.Topic == topic)
                || (muscle >= 0 && p.Muscle == muscle && (context.Attribute is null || p.Attribute == context.Attribute)))
            {
                list.Add(p);
            }
        }

        if (muscle >= 0 && context.Attribute is { } attribute)
        {
            title = $"{title}: {Vocabulary.AttributeLabels[attribute].ToLowerInvariant()}";
        }

        return list;
    }

    /// <summary>The next facts of the last subject, or what to do when there is no subject or nothing left.</summary>
    public static Reply More(KnowledgeIndex index, ConversationContext? context)
    {
        if (context is null || !context.HasSubject || SubjectFacts(index, context, out var title, out var topic) is not { Count: > 0 } facts)
        {
            return WhatAbout(index);
        }

        // No fact ids remembered means the whole card or topic was shown (only retrieved answers list their facts).
        var shown = context.ShownFacts.IsDefaultOrEmpty ? [.. facts.Select(p => p.Id)] : context.ShownFacts;
        // What the last answer left out for length comes first: it answered the question, the rest only shares its subject.
        var leftOut = LeftOut(index, context, shown);
        var next = leftOut.Concat(facts.Where(p => !shown.Contains(p.Id) && !leftOut.Contains(p)))
            .Take(MaxNewFacts).Select(p => p.Ordinal).ToList();
        var cited = new Citations();
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        var ids = ImmutableArray<string>.Empty;
        if (next.Count > 0)
        {
            // Each side of the subject's disputes comes with its facts: "tell me more" is where the sides are asked for.
            var (factSections, factIds) = FactAnswerer.Compose(index, next, cited, dropSingleHeading: true, showNote: static _ => true);
            // The title names the subject already: a section under the same heading would say it twice.
            sections.AddRange(factSections.Select(f => string.Equals(f.Heading, title, StringComparison.OrdinalIgnoreCase) ? f with { Heading = null } : f));
            ids = factIds;
        }
        else
        {
            sections.Add(new ReplySection(null, $"That is everything my sources say about this ({title})."));
            // An answer may have named a dispute without its sides: they are what is left to show.
            var disputes = topic >= 0 ? index.Facts.TopicDisagreements(topic).Select(d => d.Ordinal).ToList() : [];
            if (disputes.Count > 0)
            {
                var (disputeSections, disputeIds) = FactAnswerer.Compose(index, disputes, cited, showNote: static _ => true);
                sections.AddRange(disputeSections);
                ids = disputeIds;
            }
        }

        var remaining = facts.Union(leftOut).Count(p => !shown.Contains(p.Id) && !ids.Contains(p.Id));
        if (remaining > 0)
        {
            sections.Add(new ReplySection(null, $"There is more: ask \"tell me more\" again ({remaining} more {(remaining == 1 ? "fact" : "facts")})."));
        }
        else if (topic >= 0 && ReplyComposer.RelatedLine(index, index.Topics[topic], new HashSet<int> { topic }, AnswerEngine.RelatedShown) is { } related)
        {
            sections.Add(related);
        }

        var first = facts[0];
        // Nothing left: the muscle's other attributes are the next questions, offered as choices.
        var suggestions = next.Count == 0 && topic < 0 && context.Attribute is { } asked
            ? [.. facts.Count > 0 ? OtherAttributes(index, first.Muscle, asked) : []]
            : ImmutableArray<string>.Empty;
        return SubjectReply(index, context, topic, first.Muscle, title, sections.ToImmutable(), cited) with { Facts = ids, Suggestions = suggestions };
    }

    /// <summary>The passages of the context's left-out facts not shown since, in the order the answer ranked them.</summary>
    private static List<FactPassage> LeftOut(KnowledgeIndex index, ConversationContext context, ImmutableArray<string> shown)
    {
        var list = new List<FactPassage>();
        foreach (var id in context.LeftOut.IsDefault ? [] : context.LeftOut)
        {
            if (!shown.Contains(id) && index.Facts.Passages.FirstOrDefault(p => p.Id == id) is { } passage)
            {
                list.Add(passage);
            }
        }

        return list;
    }

    private static IEnumerable<string> OtherAttributes(KnowledgeIndex index, int muscle, MuscleAttribute asked)
    {
        var name = index.Muscles[muscle].Name.ToLowerInvariant();
        return index.Facts.Passages
            .Where(p => p.Muscle == muscle && p.Kind == PassageKind.MuscleFact && p.Attribute is { } a && a != asked)
            .Select(p => p.Attribute!.Value)
            .Distinct()
            .Take(3)
            .Select(a => $"{Vocabulary.AttributeQueryWord(a)} of the {name}");
    }

    /// <summary>"Tell me more" with nothing said before: ask what about, with the muscles as choices.</summary>
    private static Reply WhatAbout(KnowledgeIndex index) => new()
    {
        Intent = Intent.DidYouMean,
        Confidence = 0,
        Title = "More about what?",
        Sections = [new ReplySection(null,
            "What would you like to know more about? Name a muscle or a topic, for example \"the origin of the iliacus\" or \"the psoas paradox\".")],
        Suggestions = [.. index.Muscles.Select(m => m.Name).Take(3)],
    };
}
