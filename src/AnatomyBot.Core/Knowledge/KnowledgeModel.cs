using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace AnatomyBot.Core.Knowledge;

/// <summary>A source document that facts cite, e.g. <c>mom</c> for the "Muscle of the Month" post.</summary>
public sealed record Source(string Id, string Title, string Description);

/// <summary>
/// One statement in the knowledge base with the ids of the sources that support it.
/// <see cref="IsOpinion"/> marks a belief or one author's view (never anatomy); renderers label it as such.
/// <see cref="EditorsNote"/> is the editors' own correction or caveat (e.g. where standard anatomy texts differ
/// from what the cited source says). It is never attributed to a source: renderers show it as "Editors' note: ...".
/// </summary>
public sealed record Fact(string Text, ImmutableArray<string> Sources, bool IsOpinion = false, string? EditorsNote = null);

/// <summary>The attributes a muscle card holds; each is a list of facts.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The domain's word: a muscle's attributes (origin, insertion ...), not a .NET attribute.")]
public enum MuscleAttribute
{
    Pronunciation,
    Origin,
    Insertion,
    Action,
    Innervation,
    BloodSupply,
    Variations,
    Relations,
    Clinical,
}

/// <summary>Where the sources give different values for one attribute; the answer shows every value with its source.</summary>
public sealed record Disagreement(MuscleAttribute Attribute, string Note);

/// <summary>A muscle (or the iliopsoas as a group) with its names, attributes and disagreements.</summary>
public sealed record Muscle(
    string Id,
    string Name,
    bool IsGroup,
    ImmutableArray<string> Aliases,
    string Summary,
    ImmutableArray<string> SummarySources,
    ImmutableDictionary<MuscleAttribute, ImmutableArray<Fact>> Attributes,
    ImmutableArray<Disagreement> Disagreements,
    ImmutableArray<string> Parts)
{
    public ImmutableArray<Fact> Get(MuscleAttribute attribute) =>
        Attributes.TryGetValue(attribute, out var facts) ? facts : ImmutableArray<Fact>.Empty;
}

/// <summary>
/// Where the sources of a topic give different answers to one question (<see cref="Note"/>): every value with
/// its own sources, at least two different sources in all. The answer shows each value side by side.
/// </summary>
public sealed record TopicDisagreement(string Note, ImmutableArray<Fact> Values);

/// <summary>A topic students ask about (the psoas paradox, stretches, ...), matched on keywords and example questions.</summary>
public sealed record Topic(
    string Id,
    string Title,
    ImmutableArray<string> Keywords,
    ImmutableArray<string> Questions,
    ImmutableArray<Fact> Facts,
    ImmutableArray<string> Related,
    ImmutableArray<TopicDisagreement> Disagreements = default);

/// <summary>A multiple-choice question that can be posted unchanged as a Telegram quiz poll.</summary>
public sealed record QuizQuestion(
    string Id,
    string Question,
    ImmutableArray<string> Options,
    int CorrectIndex,
    string Explanation,
    ImmutableArray<string> Sources)
{
    public string CorrectOption => Options[CorrectIndex];

    /// <summary>The area the quiz bank groups the question under: the name of its file (quiz/anatomy.yaml is "anatomy").</summary>
    public string Area { get; init; } = "";
}

/// <summary>
/// A red flag: matched when every group in <see cref="AllOf"/> has at least one term present in the question.
/// </summary>
public sealed record RedFlag(string Id, string Description, ImmutableArray<ImmutableArray<string>> AllOf);

/// <summary>Disclaimer text, pain and injury vocabulary and red flags, from knowledge/safety.yaml.</summary>
public sealed record SafetyRules(
    string Disclaimer,
    string UrgentNotice,
    string NoDiagnosis,
    ImmutableArray<string> PainTerms,
    ImmutableArray<RedFlag> RedFlags)
{
    /// <summary>
    /// The crisis reply for someone who speaks of suicide or self-harm: <see cref="Crisis"/> is checked before every other
    /// rule and answered with no anatomy at all. Empty (no crisis rule) only in hand-made test snapshots.
    /// </summary>
    public CrisisRule Crisis { get; init; } = CrisisRule.None;

    /// <summary>
    /// Everyday phrases whose words never count toward a red flag: "fell asleep" and "fell behind" are no fall, "weight
    /// training" is no weight a leg cannot take. Empty when the safety file lists none.
    /// </summary>
    public ImmutableArray<string> NotRedFlags { get; init; } = [];

    /// <summary>
    /// Pain and injury words in the other languages students mix into their English ("tut weh", "dard", "boli"): matched
    /// as whole words or phrases on the question only, never on answers and never as misspellings. Empty when the safety
    /// file lists none.
    /// </summary>
    public ImmutableArray<string> OtherLanguagePainTerms { get; init; } = [];
}

/// <summary>
/// Suicide and self-harm: <see cref="Urgent"/> (shown first, like the urgent notice) and <see cref="Reply"/> (a few kind
/// lines), matched when any one of <see cref="Signs"/> matches (each sign like a red flag: every group has a term present).
/// </summary>
public sealed record CrisisRule(string Urgent, string Reply, ImmutableArray<RedFlag> Signs)
{
    public static readonly CrisisRule None = new(string.Empty, string.Empty, []);
}

/// <summary>
/// One complete, validated, immutable knowledge base. The engine only ever sees a whole snapshot.
/// </summary>
public sealed record KnowledgeSnapshot(
    ImmutableArray<Source> Sources,
    ImmutableArray<Muscle> Muscles,
    ImmutableArray<Topic> Topics,
    ImmutableArray<QuizQuestion> Quiz,
    SafetyRules Safety,
    string Version,
    DateTimeOffset LoadedAt)
{
    private readonly Lazy<ImmutableDictionary<string, Source>> _sourcesById =
        new(() => Sources.ToImmutableDictionary(s => s.Id, StringComparer.Ordinal));

    public ImmutableDictionary<string, Source> SourcesById => _sourcesById.Value;

    /// <summary>Groups of words the router treats as one (knowledge/synonyms.yaml, optional).</summary>
    public ImmutableArray<ImmutableArray<string>> Synonyms { get; init; } = [];
}
