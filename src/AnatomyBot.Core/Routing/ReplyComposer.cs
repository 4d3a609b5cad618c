using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;

namespace AnatomyBot.Core.Routing;

/// <summary>Turns knowledge into reply sections: facts with their sources, disagreements, labelled opinions.</summary>
internal static class ReplyComposer
{
    public const string OpinionLabel = "One author's view, not established anatomy: ";
    public const string DisagreementLabel = "Sources disagree: ";
    public const string EditorsNoteLabel = "Editors' note: ";
    public const string TopicDisagreementsHeading = "Where the sources disagree";
    public const string RelatedHeading = "Related";

    public static readonly MuscleAttribute[] CardAttributes =
    [
        MuscleAttribute.Pronunciation, MuscleAttribute.Origin, MuscleAttribute.Insertion, MuscleAttribute.Action,
        MuscleAttribute.Innervation, MuscleAttribute.BloodSupply, MuscleAttribute.Variations, MuscleAttribute.Relations,
    ];

    public static string FactLine(Fact fact, Citations cited)
    {
        var sources = fact.Sources.IsDefault ? [] : fact.Sources;
        cited.Add(sources);
        var text = new StringBuilder("- ");
        if (fact.IsOpinion)
        {
            text.Append(OpinionLabel);
        }

        text.Append(fact.Text.Trim());
        if (sources.Length > 0)
        {
            text.Append(" [").AppendJoin(", ", sources).Append(']');
        }

        // After the citation, on its own line and without brackets, so it never reads as a source's claim.
        if (!string.IsNullOrWhiteSpace(fact.EditorsNote))
        {
            text.Append("\n  ").Append(EditorsNoteLabel).Append(fact.EditorsNote.Trim());
        }

        return text.ToString();
    }

    public static string Facts(IEnumerable<Fact> facts, Citations cited) =>
        string.Join('\n', facts.Select(f => FactLine(f, cited)));

    /// <summary>
    /// Every value with its source (or, for a short answer, the <paramref name="maxFacts"/> most relevant ones; see
    /// <see cref="ShortList"/>), then the disagreement note when the sources differ. <paramref name="shown"/> collects the
    /// facts shown. A disagreement note longer than <paramref name="noteChars"/> is left out, and with it the facts shown
    /// only because the note repeats their corrected claim: each fact shown still carries its own editors' note, and with
    /// <paramref name="nameDisputes"/> a short line still says that the sources disagree ("Sources disagree on the origin.").
    /// A short note (both spinal levels in one line) stays when a longer one goes.
    /// </summary>
    public static string AttributeBody(Muscle muscle, MuscleAttribute attribute, Citations cited, int maxFacts = int.MaxValue,
        Func<Fact, double>? relevance = null, List<Fact>? shown = null, int noteChars = int.MaxValue, bool nameDisputes = false)
    {
        var all = (muscle.Disagreements.IsDefault ? [] : muscle.Disagreements).Where(d => d.Attribute == attribute).Select(d => d.Note.Trim()).ToArray();
        var notes = Array.FindAll(all, n => n.Length <= noteChars);
        var facts = ShortList(muscle.Get(attribute), notes, maxFacts, relevance);
        shown?.AddRange(facts);
        var body = new StringBuilder(Facts(facts, cited));
        foreach (var note in facts.Length > 0 ? notes : [])
        {
            body.Append('\n').Append(DisagreementLabel).Append(note);
        }

        if (nameDisputes && notes.Length < all.Length && facts.Length > 0)
        {
            body.Append('\n').Append(DisputeNamed(attribute));
        }

        return body.ToString();
    }

    /// <summary>The line that says the sources disagree on an attribute whose note is left out for length.</summary>
    public static string DisputeNamed(MuscleAttribute attribute) => $"Sources disagree on the {Vocabulary.AttributeLabels[attribute].ToLowerInvariant()}.";

    /// <summary>
    /// The facts a short answer shows, in the card's order: the <paramref name="maxFacts"/> whose own words best match
    /// the question (the card's first ones on a tie), and any fact a standard-anatomy note corrects whose claim the
    /// disagreement note repeats ("the post speaks of the last rib"), so that claim is never shown without its correction.
    /// </summary>
    public static ImmutableArray<Fact> ShortList(ImmutableArray<Fact> facts, string[] notes, int maxFacts, Func<Fact, double>? relevance)
    {
        if (facts.IsDefault || facts.Length <= maxFacts)
        {
            return facts.IsDefault ? [] : facts;
        }

        var best = facts.Select((f, i) => (Fact: f, Order: i, Score: relevance?.Invoke(f) ?? 0))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Order)
            .Take(maxFacts).Select(x => x.Fact).ToHashSet(ReferenceEqualityComparer.Instance);
        var shownWords = best.OfType<Fact>().SelectMany(f => ClaimWords(f.Text)).ToHashSet(StringComparer.Ordinal);
        var noteWords = notes.SelectMany(ClaimWords).ToHashSet(StringComparer.Ordinal);
        return [.. facts.Where(f => best.Contains(f)
            || (!string.IsNullOrWhiteSpace(f.EditorsNote) && ClaimWords(f.Text).Any(w => noteWords.Contains(w) && !shownWords.Contains(w))))];
    }

    /// <summary>The words of a fact that can carry a claim: three letters or more, not a stop word.</summary>
    private static IEnumerable<string> ClaimWords(string text) =>
        Text.TextNormalizer.Normalize(text, 4000).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !Vocabulary.StopWords.Contains(w));

    public static ReplySection? AttributeSection(KnowledgeIndex index, Muscle muscle, MuscleAttribute attribute, Citations cited, string? heading,
        int maxFacts = int.MaxValue, Func<Fact, double>? relevance = null, List<Fact>? shown = null, int noteChars = int.MaxValue, bool nameDisputes = false)
    {
        var label = Vocabulary.AttributeLabels[attribute];
        if (muscle.Get(attribute).Length > 0)
        {
            return new ReplySection(heading ?? label, AttributeBody(muscle, attribute, cited, maxFacts, relevance, shown, noteChars, nameDisputes));
        }

        // The group often has no attachments of its own: answer with those of its parts.
        if (muscle.IsGroup && !muscle.Parts.IsDefaultOrEmpty)
        {
            var parts = new StringBuilder();
            foreach (var partId in muscle.Parts)
            {
                if (index.MuscleById.TryGetValue(partId, out var part) && part.Get(attribute).Length > 0)
                {
                    if (parts.Length > 0)
                    {
                        parts.Append('\n');
                    }

                    parts.Append(part.Name).Append(":\n").Append(AttributeBody(part, attribute, cited, maxFacts, relevance, shown, noteChars, nameDisputes));
                }
            }

            if (parts.Length > 0)
            {
                return new ReplySection(heading ?? label, parts.ToString());
            }
        }

        return null;
    }

    /// <summary>The muscle's summary sentence with its sources.</summary>
    private static string SummaryLine(Muscle muscle, Citations cited)
    {
        cited.Add(muscle.SummarySources.IsDefault ? [] : muscle.SummarySources);
        var summary = muscle.Summary.Trim();
        return muscle.SummarySources.IsDefaultOrEmpty ? summary : summary + " [" + string.Join(", ", muscle.SummarySources) + "]";
    }

    public static ImmutableArray<ReplySection> MuscleCard(KnowledgeIndex index, Muscle muscle, Citations cited)
    {
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        var summary = SummaryLine(muscle, cited);

        sections.Add(new ReplySection(null, summary));
        if (muscle.IsGroup && !muscle.Parts.IsDefaultOrEmpty)
        {
            var names = muscle.Parts.Select(p => index.MuscleById.TryGetValue(p, out var m) ? m.Name : p);
            sections.Add(new ReplySection("Parts", string.Join(", ", names)));
        }

        foreach (var attribute in CardAttributes)
        {
            if (muscle.Get(attribute).Length > 0)
            {
                sections.Add(new ReplySection(Vocabulary.AttributeLabels[attribute], AttributeBody(muscle, attribute, cited)));
            }
        }

        if (muscle.Get(MuscleAttribute.Clinical).Length > 0)
        {
            sections.Add(new ReplySection(null, $"For clinical notes ask \"clinical notes of the {muscle.Name.ToLowerInvariant()}\"."));
        }

        return sections.ToImmutable();
    }

    /// <summary>
    /// A muscle's overview: its summary sentence with sources and what else can be asked about it. The answer when a
    /// question names the muscle but asks nothing the facts hold ("is the psoas minor always present", "how big is the
    /// psoas major"): short, and the whole card stays one "tell me about" away.
    /// </summary>
    public static ImmutableArray<ReplySection> MuscleOverview(Muscle muscle, Citations cited)
    {
        var summary = SummaryLine(muscle, cited);

        var asks = CardAttributes.Where(a => a != MuscleAttribute.Pronunciation && muscle.Get(a).Length > 0)
            .Select(a => a == MuscleAttribute.Innervation ? "nerve supply" : Vocabulary.AttributeQueryWord(a)).ToArray();
        var list = asks.Length > 1 ? string.Join(", ", asks[..^1]) + " and " + asks[^1] : string.Concat(asks);
        var name = muscle.Name.ToLowerInvariant();
        return
        [
            new ReplySection(null, summary),
            new ReplySection("Ask about", $"its {list}; or \"tell me about the {name}\" for the whole card."),
        ];
    }

    /// <summary>No topic shown yet: a whole topic names every related topic.</summary>
    private static readonly FrozenSet<int> NoTopics = FrozenSet<int>.Empty;

    /// <summary>
    /// The "Related" line under a topic: its related muscles and topics by name, leaving out the topics already shown
    /// (their indexes in <paramref name="shown"/>), at most <paramref name="limit"/> of them; null when none is left.
    /// </summary>
    public static ReplySection? RelatedLine(KnowledgeIndex index, Topic topic, IReadOnlySet<int> shown, int limit)
    {
        if (topic.Related.IsDefaultOrEmpty)
        {
            return null;
        }

        var names = topic.Related
            .Select(id => index.MuscleById.TryGetValue(id, out var m) ? m.Name : index.TopicById.TryGetValue(id, out var t) && !shown.Contains(Array.IndexOf(index.Topics, t)) ? t.Title : null)
            .OfType<string>()
            .Take(limit)
            .ToArray();
        return names.Length == 0 ? null : new ReplySection(RelatedHeading, string.Join("; ", names));
    }

    public static ImmutableArray<ReplySection> TopicBody(KnowledgeIndex index, Topic topic, Citations cited)
    {
        var sections = ImmutableArray.CreateBuilder<ReplySection>();
        sections.Add(new ReplySection(null, Facts(topic.Facts.IsDefault ? [] : topic.Facts, cited)));
        if (!topic.Disagreements.IsDefaultOrEmpty)
        {
            sections.Add(new ReplySection(TopicDisagreementsHeading, string.Join('\n', topic.Disagreements.Select(d =>
                DisagreementLabel + d.Note.Trim() + "\n" + Facts(d.Values.IsDefault ? [] : d.Values, cited)))));
        }

        if (RelatedLine(index, topic, NoTopics, int.MaxValue) is { } related)
        {
            sections.Add(related);
        }

        return sections.ToImmutable();
    }

    public static ImmutableArray<ReplySection> QuizBody(QuizQuestion question)
    {
        var options = new StringBuilder();
        for (var i = 0; i < question.Options.Length; i++)
        {
            if (i > 0)
            {
                options.Append('\n');
            }

            options.Append(Letter(i)).Append(") ").Append(question.Options[i]);
        }

        return
        [
            new ReplySection(null, question.Question),
            new ReplySection("Options", options.ToString()),
            new ReplySection(null, "Answer with the letter of your choice."),
        ];
    }

    public static char Letter(int index) => Quiz.QuizAnswerText.Letter(index);
}
