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
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words around the request that change nothing ("ok, can you explain that please").</summary>
    private static readonly FrozenSet<string> Courtesy = new[]
    {
        "ok", "okay", "k", "so", "but", "hmm", "hm", "um", "oh", "please", "pls", "plz", "can", "could", "would", "will",
        "you", "u", "just", "then", "thanks", "thank", "bit", "a", "little", "some", "bot", "anatomybot", "interesting",
        "cool", "nice", "great", "wow", "really",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many new facts one "tell me more" shows.</summary>
    private const int MaxNewFacts = 3;

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

    /// <summary>The facts of the context's subject, in the knowledge's order: a topic's, or a muscle attribute's.</summary>
    private static List<FactPassage> SubjectFacts(KnowledgeIndex index, ConversationContext context, out string title, out int topic)
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
        if (context is null || !context.HasSubject)
        {
            return WhatAbout(index);
        }

        var facts = SubjectFacts(index, context, out var title, out var topic);
        if (facts.Count == 0)
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
        return new Reply
        {
            Intent = topic >= 0 ? Intent.Topic : context.Attribute is not null ? Intent.MuscleAttribute : Intent.Muscle,
            Entity = topic >= 0 ? index.Topics[topic].Id : index.Muscles[first.Muscle].Id,
            Attribute = topic >= 0 ? null : context.Attribute,
            Title = title,
            Sections = sections.ToImmutable(),
            Sources = cited.Resolve(index.Snapshot),
            Facts = ids,
            Suggestions = suggestions,
            // More about a pain or an injury is still about it: the disclaimer stays (the safety layer keeps a reply's own).
            Disclaimer = context.Disclaimed && !string.IsNullOrWhiteSpace(index.Safety.Rules.Disclaimer) ? index.Safety.Rules.Disclaimer.Trim() : null,
        };
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
