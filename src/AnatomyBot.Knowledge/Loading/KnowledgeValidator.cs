using AnatomyBot.Core.Text;
using System.Collections.Immutable;
using AnatomyBot.Core.Knowledge;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>
/// Turns the parsed files into model records while collecting every problem, then runs the checks that span
/// files (source ids, duplicate ids, aliases, parts and related ids). Single use: one instance per load.
/// </summary>
internal sealed class KnowledgeValidator
{
    public static readonly ImmutableArray<(string Key, MuscleAttribute Attribute)> AttributeKeys =
    [
        ("pronunciation", MuscleAttribute.Pronunciation),
        ("origin", MuscleAttribute.Origin),
        ("insertion", MuscleAttribute.Insertion),
        ("action", MuscleAttribute.Action),
        ("innervation", MuscleAttribute.Innervation),
        ("blood_supply", MuscleAttribute.BloodSupply),
        ("variations", MuscleAttribute.Variations),
        ("relations", MuscleAttribute.Relations),
        ("clinical", MuscleAttribute.Clinical),
    ];

    private static readonly string[] SourcesFileFields = ["sources"];
    private static readonly string[] SourceFields = ["id", "title", "description"];
    private static readonly string[] SafetyFields = ["disclaimer", "urgent", "no_diagnosis", "pain_terms", "pain_terms_other_languages", "red_flags", "not_red_flags", "crisis"];

    private static readonly string[] CrisisFields = ["urgent", "reply", "signs"];
    private static readonly string[] SynonymsFileFields = ["synonyms"];
    private static readonly string[] RedFlagFields = ["id", "description", "all_of"];
    private static readonly string[] FactFields = ["text", "sources", "opinion", "editors_note"];
    private static readonly string[] DisagreementFields = ["field", "note"];
    private static readonly string[] TopicDisagreementFields = ["note", "values"];
    private static readonly string[] TopicFields = ["id", "title", "keywords", "questions", "related", "facts", "disagreements"];
    private static readonly string[] QuizFileFields = ["questions"];
    private static readonly string[] QuizFields = ["id", "question", "options", "correct", "explanation", "sources"];
    private static readonly string[] MuscleFields =
        ["id", "name", "group", "parts", "aliases", "summary", .. AttributeKeys.Select(a => a.Key), "disagreements"];

    private static readonly string[] RequiredForMuscle = ["origin", "insertion", "action", "innervation"];
    private static readonly string[] RequiredForGroup = ["action"];

    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;
    public const int MaxExplanationLength = 200;
    public const int MaxExplanationLineFeeds = 2;
    public const int MaxEditorsNoteLength = 300;

    private readonly ProblemList _errors;
    private readonly Dictionary<string, (string Kind, string File, int Line)> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string MuscleId, string File, int Line)> _aliases = new(StringComparer.Ordinal);
    private readonly List<Reference> _sourceRefs = [];
    private readonly List<Reference> _partRefs = [];
    private readonly List<Reference> _relatedRefs = [];
    private readonly List<Source> _sources = [];
    private readonly List<Muscle> _muscles = [];
    private readonly List<Topic> _topics = [];
    private readonly List<QuizQuestion> _quiz = [];
    private bool _sourcesFileSeen;
    private bool _sourcesFileUsable;
    private bool _safetyFileSeen;
    private int _muscleFiles;
    private SafetyRules? _safety;
    private bool _synonymsFileSeen;
    private readonly List<ImmutableArray<string>> _synonyms = [];

    public KnowledgeValidator(ProblemList errors) => _errors = errors;

    private sealed record Reference(FileDiagnostics Diagnostics, int Line, string Field, string Id);

    public KnowledgeSnapshot? Validate(IReadOnlyList<KnowledgeFile> files, string version, DateTimeOffset loadedAt, CancellationToken cancellationToken)
    {
        // Sources first so that references can be checked; then the rest in a fixed order for stable messages.
        foreach (var kind in new[] { KnowledgeFileKind.Sources, KnowledgeFileKind.Safety, KnowledgeFileKind.Synonyms, KnowledgeFileKind.Muscle, KnowledgeFileKind.Topic, KnowledgeFileKind.Quiz, KnowledgeFileKind.Unexpected })
        {
            foreach (var file in files.Where(f => f.Kind == kind))
            {
                cancellationToken.ThrowIfCancellationRequested();
                ValidateFile(file);
            }
        }

        CheckCrossReferences();

        if (!_sourcesFileSeen)
        {
            _errors.Add(new KnowledgeError("sources.yaml", 0, "(file)", "missing: sources.yaml must list the source documents that facts cite"));
        }

        if (!_safetyFileSeen)
        {
            _errors.Add(new KnowledgeError("safety.yaml", 0, "(file)", "missing: safety.yaml must hold the disclaimer, pain terms and red flags"));
        }

        if (_muscleFiles == 0)
        {
            _errors.Add(new KnowledgeError("muscles/", 0, "(folder)", "no muscles: add at least one muscles/<id>.yaml"));
        }

        if (_errors.Count > 0 || _safety is null)
        {
            return null;
        }

        return new KnowledgeSnapshot([.. _sources], [.. _muscles], [.. _topics], [.. _quiz], _safety, version, loadedAt)
        {
            Synonyms = [.. _synonyms],
        };
    }

    private void ValidateFile(KnowledgeFile file)
    {
        var diagnostics = new FileDiagnostics(file.RelativePath, _errors);
        switch (file.Kind)
        {
            case KnowledgeFileKind.Sources when _sourcesFileSeen:
            case KnowledgeFileKind.Safety when _safetyFileSeen:
            case KnowledgeFileKind.Synonyms when _synonymsFileSeen:
                diagnostics.Add(0, "(file)", $"a second {file.Stem} file; keep only one of {file.Stem}.yaml and {file.Stem}.yml");
                return;
            case KnowledgeFileKind.Sources:
                _sourcesFileSeen = true;
                break;
            case KnowledgeFileKind.Safety:
                _safetyFileSeen = true;
                break;
            case KnowledgeFileKind.Synonyms:
                _synonymsFileSeen = true;
                break;
            case KnowledgeFileKind.Muscle:
                _muscleFiles++;
                break;
            case KnowledgeFileKind.Unexpected:
                diagnostics.Add(0, "(file)", "unexpected file: knowledge files are sources.yaml, safety.yaml, synonyms.yaml (optional), muscles/<id>.yaml, topics/<id>.yaml and quiz/<name>.yaml");
                return;
        }

        if (file.Text is null)
        {
            return;
        }

        if (YamlDocumentParser.Parse(file.Text, diagnostics) is not { } root)
        {
            return;
        }

        switch (file.Kind)
        {
            case KnowledgeFileKind.Sources:
                ReadSources(root, diagnostics);
                break;
            case KnowledgeFileKind.Safety:
                _safety = ReadSafety(root, diagnostics);
                break;
            case KnowledgeFileKind.Synonyms:
                ReadSynonyms(root, diagnostics);
                break;
            case KnowledgeFileKind.Muscle:
                ReadMuscle(root, diagnostics, file.Stem);
                break;
            case KnowledgeFileKind.Topic:
                ReadTopic(root, diagnostics, file.Stem);
                break;
            case KnowledgeFileKind.Quiz:
                ReadQuiz(root, diagnostics, file.Stem);
                break;
        }
    }

    private void ReadSources(YamlNode root, FileDiagnostics diagnostics)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "a 'sources:' list") is not { } map)
        {
            return;
        }

        map.RejectUnknown(SourcesFileFields);
        _sourcesFileUsable = true;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (node, field) in map.List("sources", required: true, minCount: 1))
        {
            if (YamlMap.From(node, field, diagnostics, "a source with 'id' and 'title'") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown(SourceFields);
            var id = entry.Id();
            var title = entry.String("title", required: true);
            var description = entry.String("description", required: false) ?? string.Empty;
            if (id is null)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var firstLine))
            {
                diagnostics.Add(entry.Get("id")!, entry.FieldPath("id"), $"duplicate source id '{id}' (first defined on line {firstLine})");
                continue;
            }

            seen[id] = FileDiagnostics.LineOf(entry.Get("id")!);
            if (title is not null)
            {
                _sources.Add(new Source(id, title, description));
            }
        }
    }

    /// <summary>
    /// synonyms.yaml (optional): groups of single words the router treats as one when it scores facts,
    /// e.g. [strengthen, strengthening, strong, weak]. A word may sit in one group only.
    /// </summary>
    private void ReadSynonyms(YamlNode root, FileDiagnostics diagnostics)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "a 'synonyms:' list of word groups") is not { } map)
        {
            return;
        }

        map.RejectUnknown(SynonymsFileFields);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (groupNode, groupField) in map.List("synonyms", required: true, minCount: 1))
        {
            if (groupNode is not YamlSequenceNode group)
            {
                diagnostics.Add(groupNode, groupField, $"expected a list of words that mean the same, found {YamlMap.Describe(groupNode)}");
                continue;
            }

            if (group.Children.Count < 2)
            {
                diagnostics.Add(groupNode, groupField, "a synonym group needs at least two words");
                continue;
            }

            var words = ImmutableArray.CreateBuilder<string>();
            for (var i = 0; i < group.Children.Count; i++)
            {
                var field = $"{groupField}[{i}]";
                if (YamlMap.ScalarText(group.Children[i], field, diagnostics, required: true) is not { } text)
                {
                    continue;
                }

                var word = TextNormalizer.Normalize(text);
                if (word.Length == 0 || word.Contains(' ', StringComparison.Ordinal))
                {
                    diagnostics.Add(group.Children[i], field, $"'{YamlMap.Shorten(text)}' is not one word; list each word of a phrase on its own");
                    continue;
                }

                if (owner.TryGetValue(word, out var line))
                {
                    diagnostics.Add(group.Children[i], field, $"'{word}' is already in the group on line {line}; a word may sit in one group only");
                    continue;
                }

                owner[word] = FileDiagnostics.LineOf(groupNode);
                words.Add(word);
            }

            _synonyms.Add(words.ToImmutable());
        }
    }

    private static SafetyRules? ReadSafety(YamlNode root, FileDiagnostics diagnostics)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "the safety rules") is not { } map)
        {
            return null;
        }

        map.RejectUnknown(SafetyFields);
        var disclaimer = map.String("disclaimer", required: true);
        var urgent = map.String("urgent", required: true);
        var noDiagnosis = map.String("no_diagnosis", required: true);
        var painTerms = map.StringList("pain_terms", required: true, minCount: 1);
        var otherLanguages = map.StringList("pain_terms_other_languages", required: false);
        var redFlags = ReadRedFlags(map, "red_flags", "red flag", diagnostics);
        var notRedFlags = ReadNotRedFlags(map, diagnostics);
        var crisis = ReadCrisis(map, diagnostics);
        if (disclaimer is null || urgent is null || noDiagnosis is null || crisis is null)
        {
            return null;
        }

        return new SafetyRules(disclaimer, urgent, noDiagnosis, painTerms, redFlags) { Crisis = crisis, NotRedFlags = notRedFlags, OtherLanguagePainTerms = otherLanguages };
    }

    /// <summary>
    /// The crisis rule (suicide, self-harm): required, because a safety file without it would silently answer "I want to
    /// die" with anatomy. Its texts carry no digits: the bot serves many countries, so a phone number written here would be
    /// wrong for most readers ("your local emergency number" is right for all).
    /// </summary>
    private static CrisisRule? ReadCrisis(YamlMap map, FileDiagnostics diagnostics)
    {
        if (!map.Has("crisis"))
        {
            map.ReportMissing("crisis");
            return null;
        }

        if (YamlMap.From(map.Get("crisis")!, map.FieldPath("crisis"), diagnostics, "the crisis rule with 'urgent', 'reply' and 'signs'") is not { } crisis)
        {
            return null;
        }

        crisis.RejectUnknown(CrisisFields);
        var urgent = crisis.String("urgent", required: true);
        var reply = crisis.String("reply", required: true);
        foreach (var (key, text) in new[] { ("urgent", urgent), ("reply", reply) })
        {
            if (text is not null && text.Any(char.IsDigit))
            {
                diagnostics.Add(crisis.Get(key)!, crisis.FieldPath(key), "no phone numbers or digits: the bot serves many countries, say \"your local emergency number\" or \"a crisis line\"");
            }
        }

        var signs = ReadRedFlags(crisis, "signs", "crisis sign", diagnostics);
        return urgent is null || reply is null ? null : new CrisisRule(urgent, reply, signs);
    }

    /// <summary>
    /// 'not_red_flags' (optional): everyday phrases whose words never count toward a red flag ("fell asleep"). Each needs
    /// two words or more: a single word listed here would switch a red-flag term off everywhere, not in one phrase.
    /// </summary>
    private static ImmutableArray<string> ReadNotRedFlags(YamlMap map, FileDiagnostics diagnostics)
    {
        var phrases = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, field) in map.List("not_red_flags", required: false))
        {
            if (YamlMap.ScalarText(node, field, diagnostics, required: true) is not { } text)
            {
                continue;
            }

            if (!TextNormalizer.Normalize(text).Contains(' ', StringComparison.Ordinal))
            {
                diagnostics.Add(node, field, $"'{YamlMap.Shorten(text)}' is one word; list an everyday phrase of two words or more (\"fell asleep\"), or a single word would never count toward any red flag");
                continue;
            }

            phrases.Add(text);
        }

        return phrases.ToImmutable();
    }

    /// <summary>The red flags with an id and a description, each id once (a duplicate is reported with the first one's line).</summary>
    private static ImmutableArray<RedFlag> ReadRedFlags(YamlMap map, string key, string what, FileDiagnostics diagnostics)
    {
        var redFlags = ImmutableArray.CreateBuilder<RedFlag>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (node, field) in map.List(key, required: true, minCount: 1))
        {
            if (YamlMap.From(node, field, diagnostics, $"a {what} with 'id', 'description' and 'all_of'") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown(RedFlagFields);
            var id = entry.Id();
            var description = entry.String("description", required: true);
            var groups = ReadTermGroups(entry, diagnostics, allowGaps: key == "red_flags");
            if (id is not null && seen.TryGetValue(id, out var firstLine))
            {
                diagnostics.Add(entry.Get("id")!, entry.FieldPath("id"), $"duplicate {what} id '{id}' (first defined on line {firstLine})");
            }
            else if (id is not null)
            {
                seen[id] = FileDiagnostics.LineOf(entry.Get("id")!);
                if (description is not null)
                {
                    redFlags.Add(new RedFlag(id, description, groups));
                }
            }
        }

        return redFlags.ToImmutable();
    }

    /// <summary>
    /// A red flag's 'all_of': groups of terms, each group matched by any one of its terms. A red-flag term may hold a gap,
    /// "can't ... weight" (a few words may stand between its parts); crisis signs may not, since they must be unmistakable.
    /// </summary>
    private static ImmutableArray<ImmutableArray<string>> ReadTermGroups(YamlMap entry, FileDiagnostics diagnostics, bool allowGaps)
    {
        var groups = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        foreach (var (groupNode, groupField) in entry.List("all_of", required: true, minCount: 1))
        {
            if (groupNode is not YamlSequenceNode group)
            {
                diagnostics.Add(groupNode, groupField, $"expected a list of terms (any one of them matches), found {YamlMap.Describe(groupNode)}");
                continue;
            }

            if (group.Children.Count == 0)
            {
                diagnostics.Add(groupNode, groupField, "a term group needs at least one term");
            }

            var terms = group.Children
                .Select((term, i) => YamlMap.ScalarText(term, $"{groupField}[{i}]", diagnostics, required: true))
                .OfType<string>()
                .ToImmutableArray();
            for (var i = 0; i < terms.Length; i++)
            {
                if (terms[i].Contains("...", StringComparison.Ordinal) && GapProblem(terms[i], allowGaps) is { } problem)
                {
                    diagnostics.Add(group.Children[i], $"{groupField}[{i}]", problem);
                }
            }

            groups.Add(terms);
        }

        return groups.ToImmutable();
    }

    private static string? GapProblem(string term, bool allowGaps)
    {
        if (!allowGaps)
        {
            return "a crisis sign term cannot hold a gap ('...'); list each wording in full";
        }

        return term.Split("...").Any(part => part.Trim().Length == 0)
            ? "a gap ('...') needs words on both sides, as in \"can't ... weight\""
            : null;
    }

    private void ReadMuscle(YamlNode root, FileDiagnostics diagnostics, string stem)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "a muscle") is not { } map)
        {
            return;
        }

        map.RejectUnknown(MuscleFields);
        var id = map.Id();
        if (id is not null)
        {
            CheckFileName(map, id, stem, "muscles");
            RegisterId(id, "muscle", map);
        }

        var name = map.String("name", required: true);
        var isGroup = map.Bool("group", defaultValue: false);
        var parts = ReadParts(map, isGroup, diagnostics);
        var aliases = ReadAliases(map, id, name, diagnostics);
        var summary = ReadSummary(map, diagnostics);
        var (attributes, attributeSources) = ReadAttributes(map, isGroup, diagnostics);
        var disagreements = ReadDisagreements(map, attributeSources, diagnostics);
        if (id is null || name is null || summary is null)
        {
            return;
        }

        _muscles.Add(new Muscle(id, name, isGroup, aliases, summary.Text, summary.Sources, attributes, disagreements, parts));
    }

    /// <summary>A group's member muscles (checked against the muscles once every file is read); only a group has them.</summary>
    private ImmutableArray<string> ReadParts(YamlMap map, bool isGroup, FileDiagnostics diagnostics)
    {
        var parts = ImmutableArray.CreateBuilder<string>();
        if (!isGroup && map.Has("parts"))
        {
            diagnostics.Add(map.Get("parts")!, map.FieldPath("parts"), "'parts' is only for a muscle group; set 'group: true' or remove it");
            return parts.ToImmutable();
        }

        foreach (var (node, field) in map.List("parts", required: isGroup, minCount: isGroup ? 1 : 0))
        {
            if (YamlMap.ValidId(YamlMap.ScalarText(node, field, diagnostics, required: true), node, field, diagnostics) is { } part)
            {
                parts.Add(part);
                _partRefs.Add(new Reference(diagnostics, FileDiagnostics.LineOf(node), field, part));
            }
        }

        return parts.ToImmutable();
    }

    /// <summary>The muscle's aliases; each, and its name, is claimed for this muscle alone.</summary>
    private ImmutableArray<string> ReadAliases(YamlMap map, string? id, string? name, FileDiagnostics diagnostics)
    {
        var aliases = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, field) in map.List("aliases", required: true, minCount: 1))
        {
            if (YamlMap.ScalarText(node, field, diagnostics, required: true) is { } alias)
            {
                aliases.Add(alias);
                if (id is not null)
                {
                    ClaimAlias(alias, id, diagnostics, FileDiagnostics.LineOf(node), field);
                }
            }
        }

        if (name is not null && id is not null)
        {
            ClaimAlias(name, id, diagnostics, FileDiagnostics.LineOf(map.Get("name")!), map.FieldPath("name"));
        }

        return aliases.ToImmutable();
    }

    /// <summary>The one-line summary the card shows with its sources; it may not carry an editors' note.</summary>
    private Fact? ReadSummary(YamlMap map, FileDiagnostics diagnostics)
    {
        if (map.Get("summary") is not { } summaryNode)
        {
            map.ReportMissing("summary");
            return null;
        }

        var summary = ReadFact(summaryNode, map.FieldPath("summary"), diagnostics);
        if (summary?.EditorsNote is not null && summaryNode is YamlMappingNode summaryMap)
        {
            // The card shows the summary as one line with its sources; a note there would be lost.
            var noteKey = summaryMap.Children.Keys.First(k => k is YamlScalarNode { Value: "editors_note" });
            diagnostics.Add(noteKey, map.FieldPath("summary") + ".editors_note",
                "a summary cannot carry an editors' note; keep the summary to points no one disputes and put the corrected point in a fact");
        }

        return summary;
    }

    /// <summary>The attribute facts (origin, insertion, ...), and which sources each attribute cites.</summary>
    private (ImmutableDictionary<MuscleAttribute, ImmutableArray<Fact>> Attributes, Dictionary<string, HashSet<string>> Sources) ReadAttributes(
        YamlMap map, bool isGroup, FileDiagnostics diagnostics)
    {
        var required = isGroup ? RequiredForGroup : RequiredForMuscle;
        var attributes = ImmutableDictionary.CreateBuilder<MuscleAttribute, ImmutableArray<Fact>>();
        var attributeSources = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, attribute) in AttributeKeys)
        {
            var facts = ReadFacts(map, key, required.Contains(key), diagnostics);
            if (facts.Length > 0)
            {
                attributes[attribute] = facts;
            }

            attributeSources[key] = facts.SelectMany(f => f.Sources).ToHashSet(StringComparer.Ordinal);
        }

        return (attributes.ToImmutable(), attributeSources);
    }

    /// <summary>Where sources disagree on an attribute: only on an attribute whose facts cite at least two sources.</summary>
    private static ImmutableArray<Disagreement> ReadDisagreements(
        YamlMap map, Dictionary<string, HashSet<string>> attributeSources, FileDiagnostics diagnostics)
    {
        var disagreements = ImmutableArray.CreateBuilder<Disagreement>();
        foreach (var (node, field) in map.List("disagreements", required: false))
        {
            if (YamlMap.From(node, field, diagnostics, "a disagreement with 'field' and 'note'") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown(DisagreementFields);
            var attributeKey = entry.String("field", required: true);
            var note = entry.String("note", required: true);
            if (attributeKey is null)
            {
                continue;
            }

            var match = AttributeKeys.FirstOrDefault(a => a.Key == attributeKey);
            if (match.Key is null)
            {
                diagnostics.Add(entry.Get("field")!, entry.FieldPath("field"),
                    $"'{YamlMap.Shorten(attributeKey)}' is not a muscle attribute (use one of: {string.Join(", ", AttributeKeys.Select(a => a.Key))})");
                continue;
            }

            var sourceCount = attributeSources[attributeKey].Count;
            if (sourceCount < 2)
            {
                diagnostics.Add(entry.Get("field")!, entry.FieldPath("field"),
                    $"a disagreement on '{attributeKey}' needs {attributeKey} facts from at least two different sources (found {sourceCount})");
                continue;
            }

            if (note is not null)
            {
                disagreements.Add(new Disagreement(match.Attribute, note));
            }
        }

        return disagreements.ToImmutable();
    }

    private void ReadTopic(YamlNode root, FileDiagnostics diagnostics, string stem)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "a topic") is not { } map)
        {
            return;
        }

        map.RejectUnknown(TopicFields);
        var id = map.Id();
        if (id is not null)
        {
            CheckFileName(map, id, stem, "topics");
            RegisterId(id, "topic", map);
        }

        var title = map.String("title", required: true);
        var keywords = map.StringList("keywords", required: false);
        var questions = map.StringList("questions", required: false);
        if (!map.Has("keywords") && !map.Has("questions"))
        {
            diagnostics.Add(map.Line, map.FieldPath("keywords"), "a topic needs 'keywords' or 'questions' so that questions can be routed to it");
        }

        var related = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, field) in map.List("related", required: false))
        {
            if (YamlMap.ValidId(YamlMap.ScalarText(node, field, diagnostics, required: true), node, field, diagnostics) is { } relatedId)
            {
                related.Add(relatedId);
                _relatedRefs.Add(new Reference(diagnostics, FileDiagnostics.LineOf(node), field, relatedId));
            }
        }

        var facts = ReadFacts(map, "facts", required: true, diagnostics);
        var disagreements = ReadTopicDisagreements(map, diagnostics);
        if (id is not null && title is not null)
        {
            _topics.Add(new Topic(id, title, keywords, questions, facts, related.ToImmutable(), disagreements));
        }
    }

    /// <summary>
    /// Same rule as a muscle's disagreements: the values must come from at least two different sources,
    /// otherwise there is nothing to disagree about. Each value is a fact (text, sources, optional editors' note).
    /// </summary>
    private ImmutableArray<TopicDisagreement> ReadTopicDisagreements(YamlMap map, FileDiagnostics diagnostics)
    {
        var disagreements = ImmutableArray.CreateBuilder<TopicDisagreement>();
        foreach (var (node, field) in map.List("disagreements", required: false))
        {
            if (YamlMap.From(node, field, diagnostics, "a disagreement with 'note' and 'values'") is not { } entry)
            {
                continue;
            }

            entry.RejectUnknown(TopicDisagreementFields);
            var note = entry.String("note", required: true);
            var values = ReadFacts(entry, "values", required: true, diagnostics);
            if (entry.Has("values") && values.Length < 2)
            {
                diagnostics.Add(entry.Get("values")!, entry.FieldPath("values"),
                    $"a disagreement needs at least two values, each with its sources (found {values.Length})");
                continue;
            }

            var sourceCount = values.SelectMany(v => v.Sources).Distinct(StringComparer.Ordinal).Count();
            if (values.Length >= 2 && sourceCount < 2)
            {
                diagnostics.Add(entry.Get("values")!, entry.FieldPath("values"),
                    $"a disagreement needs values from at least two different sources (found {sourceCount})");
                continue;
            }

            if (note is not null && values.Length >= 2)
            {
                disagreements.Add(new TopicDisagreement(note, values));
            }
        }

        return disagreements.ToImmutable();
    }

    private void ReadQuiz(YamlNode root, FileDiagnostics diagnostics, string area)
    {
        if (YamlMap.From(root, string.Empty, diagnostics, "a 'questions:' list") is not { } map)
        {
            return;
        }

        map.RejectUnknown(QuizFileFields);
        foreach (var (node, field) in map.List("questions", required: true, minCount: 1))
        {
            if (YamlMap.From(node, field, diagnostics, "a quiz question") is { } entry && ReadQuizQuestion(entry, diagnostics) is { } question)
            {
                _quiz.Add(question with { Area = area });
            }
        }
    }

    private QuizQuestion? ReadQuizQuestion(YamlMap entry, FileDiagnostics diagnostics)
    {
        entry.RejectUnknown(QuizFields);
        var id = entry.Id();
        if (id is not null)
        {
            RegisterId(id, "quiz question", entry);
        }

        var question = ReadQuestionText(entry, diagnostics);
        var options = ReadQuizOptions(entry, diagnostics);
        var correctIndex = ReadCorrectIndex(entry, options, diagnostics);
        var explanation = ReadExplanation(entry, diagnostics);
        var sources = ReadSourceIds(entry, "sources", diagnostics);
        if (id is null || question is null || explanation is null || correctIndex < 0 || options.Any(o => o is null))
        {
            return null;
        }

        return new QuizQuestion(id, question, [.. options.OfType<string>()], correctIndex, explanation, sources);
    }

    private static string? ReadQuestionText(YamlMap entry, FileDiagnostics diagnostics)
    {
        var question = entry.String("question", required: true);
        if (question is not null && question.Length > MaxQuestionLength)
        {
            diagnostics.Add(entry.Get("question")!, entry.FieldPath("question"),
                $"the question is {question.Length} characters; the limit is {MaxQuestionLength}");
        }

        return question;
    }

    /// <summary>The options in order (null where one is unreadable), each checked for length and for a duplicate.</summary>
    private static List<string?> ReadQuizOptions(YamlMap entry, FileDiagnostics diagnostics)
    {
        var optionNodes = entry.List("options", required: true, minCount: MinOptions);
        if (optionNodes.Count > MaxOptions)
        {
            diagnostics.Add(entry.Get("options")!, entry.FieldPath("options"), $"{optionNodes.Count} options; the limit is {MaxOptions}");
        }

        var options = new List<string?>();
        var firstByNormalized = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (node, field) in optionNodes)
        {
            var option = YamlMap.ScalarText(node, field, diagnostics, required: true);
            options.Add(option);
            if (option is null)
            {
                continue;
            }

            if (option.Length > MaxOptionLength)
            {
                diagnostics.Add(node, field, $"the option is {option.Length} characters; the limit is {MaxOptionLength}");
            }

            var normalized = TextNormalizer.Normalize(option);
            if (firstByNormalized.TryGetValue(normalized, out var firstField))
            {
                diagnostics.Add(node, field, $"duplicate option '{YamlMap.Shorten(option)}' (same as {firstField})");
            }
            else
            {
                firstByNormalized[normalized] = field;
            }
        }

        return options;
    }

    /// <summary>The index of the correct option, or -1 (with a hint when it differs from an option only in spelling).</summary>
    private static int ReadCorrectIndex(YamlMap entry, List<string?> options, FileDiagnostics diagnostics)
    {
        var correct = entry.String("correct", required: true);
        if (correct is null || options.Count == 0)
        {
            return -1;
        }

        var correctIndex = options.IndexOf(correct);
        if (correctIndex < 0)
        {
            var near = options.OfType<string>().FirstOrDefault(o => TextNormalizer.Normalize(o) == TextNormalizer.Normalize(correct));
            var hint = near is null ? " (it must be the exact text of one option)" : $" (did you mean '{YamlMap.Shorten(near)}'? it must match exactly)";
            diagnostics.Add(entry.Get("correct")!, entry.FieldPath("correct"), $"the correct answer '{YamlMap.Shorten(correct)}' is not among the options{hint}");
        }

        return correctIndex;
    }

    private static string? ReadExplanation(YamlMap entry, FileDiagnostics diagnostics)
    {
        var explanation = entry.String("explanation", required: true);
        if (explanation is null)
        {
            return null;
        }

        if (explanation.Length > MaxExplanationLength)
        {
            diagnostics.Add(entry.Get("explanation")!, entry.FieldPath("explanation"),
                $"the explanation is {explanation.Length} characters; the limit is {MaxExplanationLength}");
        }

        var lineFeeds = explanation.Count(c => c == '\n');
        if (lineFeeds > MaxExplanationLineFeeds)
        {
            diagnostics.Add(entry.Get("explanation")!, entry.FieldPath("explanation"),
                $"the explanation has {lineFeeds} line feeds; at most {MaxExplanationLineFeeds} are allowed");
        }

        return explanation;
    }

    private ImmutableArray<Fact> ReadFacts(YamlMap map, string key, bool required, FileDiagnostics diagnostics)
    {
        var facts = ImmutableArray.CreateBuilder<Fact>();
        foreach (var (node, field) in map.List(key, required, minCount: required ? 1 : 0))
        {
            if (ReadFact(node, field, diagnostics) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts.ToImmutable();
    }

    private Fact? ReadFact(YamlNode node, string field, FileDiagnostics diagnostics)
    {
        if (YamlMap.From(node, field, diagnostics, "a fact (text: ..., sources: [ids])") is not { } map)
        {
            return null;
        }

        map.RejectUnknown(FactFields);
        var text = map.String("text", required: true);
        var sources = ReadSourceIds(map, "sources", diagnostics);
        var opinion = map.Bool("opinion", defaultValue: false);
        string? editorsNote = null;
        if (map.Has("editors_note"))
        {
            // The editors' own words, shown as "Editors' note: ..." and never attributed to a source.
            editorsNote = map.String("editors_note", required: true);
            if (editorsNote is not null && editorsNote.Length > MaxEditorsNoteLength)
            {
                diagnostics.Add(map.Get("editors_note")!, map.FieldPath("editors_note"),
                    $"the editors' note is {editorsNote.Length} characters; the limit is {MaxEditorsNoteLength}");
            }
        }

        return text is null ? null : new Fact(text, sources, opinion, editorsNote);
    }

    private ImmutableArray<string> ReadSourceIds(YamlMap map, string key, FileDiagnostics diagnostics)
    {
        var ids = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, field) in map.List(key, required: true, minCount: 1))
        {
            if (YamlMap.ScalarText(node, field, diagnostics, required: true) is { } id)
            {
                _sourceRefs.Add(new Reference(diagnostics, FileDiagnostics.LineOf(node), field, id));
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids.ToImmutable();
    }

    private static void CheckFileName(YamlMap map, string id, string stem, string folder)
    {
        if (!string.Equals(id, stem, StringComparison.Ordinal))
        {
            map.Diagnostics.Add(map.Get("id")!, map.FieldPath("id"), $"the id '{id}' does not match the file name; name the file {folder}/{id}.yaml");
        }
    }

    private void RegisterId(string id, string kind, YamlMap map)
    {
        var line = FileDiagnostics.LineOf(map.Get("id")!);
        if (_ids.TryGetValue(id, out var first))
        {
            map.Diagnostics.Add(line, map.FieldPath("id"), $"duplicate id '{id}': already used by the {first.Kind} in {first.File} line {first.Line}");
            return;
        }

        _ids[id] = (kind, map.Diagnostics.File, line);
    }

    private void ClaimAlias(string alias, string muscleId, FileDiagnostics diagnostics, int line, string field)
    {
        var normalized = TextNormalizer.Normalize(alias);
        if (normalized.Length == 0)
        {
            return;
        }

        if (!_aliases.TryGetValue(normalized, out var claim))
        {
            _aliases[normalized] = (muscleId, diagnostics.File, line);
        }
        else if (claim.MuscleId != muscleId)
        {
            diagnostics.Add(line, field, $"the alias '{YamlMap.Shorten(alias)}' is also claimed by muscle '{claim.MuscleId}' ({claim.File} line {claim.Line}); an alias may name only one muscle");
        }
    }

    private void CheckCrossReferences()
    {
        // Without a readable sources.yaml every reference would look unknown; its own errors say what to fix.
        if (_sourcesFileUsable)
        {
            var known = _sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var list = string.Join(", ", _sources.Select(s => s.Id));
            foreach (var reference in _sourceRefs.Where(r => !known.Contains(r.Id)))
            {
                reference.Diagnostics.Add(reference.Line, reference.Field, $"unknown source id '{YamlMap.Shorten(reference.Id)}' (sources.yaml defines: {list})");
            }
        }

        var muscles = _ids.Where(i => i.Value.Kind == "muscle").Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var groups = _muscles.Where(m => m.IsGroup).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in _partRefs)
        {
            if (!muscles.Contains(reference.Id))
            {
                reference.Diagnostics.Add(reference.Line, reference.Field, $"unknown muscle id '{reference.Id}' in parts");
            }
            else if (groups.Contains(reference.Id))
            {
                reference.Diagnostics.Add(reference.Line, reference.Field, $"'{reference.Id}' is a group; parts must be single muscles");
            }
        }

        foreach (var reference in _relatedRefs)
        {
            if (!_ids.TryGetValue(reference.Id, out var target) || target.Kind is not ("muscle" or "topic"))
            {
                reference.Diagnostics.Add(reference.Line, reference.Field, $"unknown muscle or topic id '{reference.Id}' in related");
            }
        }
    }
}
