using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AnatomyBot.Knowledge.Loading;

/// <summary>
/// A YAML mapping read field by field. Every accessor reports what is wrong (missing, empty, wrong type) to the
/// file's diagnostics with the node's line and a dotted field path such as <c>questions[3].options[1]</c>.
/// </summary>
internal sealed partial class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    private YamlMap(YamlMappingNode node, string path, FileDiagnostics diagnostics)
    {
        Node = node;
        Path = path;
        Diagnostics = diagnostics;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public FileDiagnostics Diagnostics { get; }

    public int Line => FileDiagnostics.LineOf(Node);

    /// <summary>Wraps <paramref name="node"/> when it is a mapping; otherwise reports it and returns null.</summary>
    public static YamlMap? From(YamlNode node, string path, FileDiagnostics diagnostics, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(node, Display(path), $"expected {what} (a mapping of 'field: value' lines), found {Describe(node)}");
            return null;
        }

        var map = new YamlMap(mapping, path, diagnostics);
        foreach (var (key, value) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalar)
            {
                map._entries[name] = (scalar, value);
            }
            else
            {
                diagnostics.Add(key, Display(path), "field names must be plain text");
            }
        }

        return map;
    }

    public string FieldPath(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>Reports every field not in <paramref name="known"/>: almost always a typo that would silently drop data.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> known)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (known.Contains(name))
            {
                continue;
            }

            var guess = Closest(name, known);
            var hint = guess is null
                ? $" (known fields: {string.Join(", ", known)})"
                : $" (did you mean '{guess}'?)";
            Diagnostics.Add(key, FieldPath(name), $"unknown field '{name}'{hint}");
        }
    }

    /// <summary>The value node of <paramref name="key"/>, or null when absent or explicitly empty (<c>key:</c>, <c>~</c>, <c>null</c>).</summary>
    public YamlNode? Get(string key) =>
        _entries.TryGetValue(key, out var entry) && !IsNull(entry.Value) ? entry.Value : null;

    public bool Has(string key) => Get(key) is not null;

    public void ReportMissing(string key)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            Diagnostics.Add(entry.Key, FieldPath(key), $"'{key}' has no value");
        }
        else
        {
            Diagnostics.Add(Line, FieldPath(key), $"missing required field '{key}'");
        }
    }

    public string? String(string key, bool required)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key);
            }

            return null;
        }

        return ScalarText(node, FieldPath(key), Diagnostics, required);
    }

    public string? Id(string key = "id") => ValidId(String(key, required: true), Get(key), FieldPath(key), Diagnostics);

    public bool Bool(string key, bool defaultValue)
    {
        var node = Get(key);
        if (node is null)
        {
            return defaultValue;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } value })
        {
            if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        Diagnostics.Add(node, FieldPath(key), $"expected true or false, found {Describe(node)}");
        return defaultValue;
    }

    /// <summary>The items of a list field with their field paths; empty when absent, wrong type or too short (all reported).</summary>
    public IReadOnlyList<(YamlNode Node, string Field)> List(string key, bool required, int minCount = 0)
    {
        var node = Get(key);
        if (node is null)
        {
            if (required)
            {
                ReportMissing(key);
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Diagnostics.Add(node, FieldPath(key), $"expected a list ('- item' lines or [a, b]), found {Describe(node)}");
            return [];
        }

        if (sequence.Children.Count < minCount)
        {
            Diagnostics.Add(node, FieldPath(key), $"needs at least {minCount} item(s), found {sequence.Children.Count}");
        }

        return sequence.Children.Select((item, i) => (item, $"{FieldPath(key)}[{i}]")).ToList();
    }

    public ImmutableArray<string> StringList(string key, bool required, int minCount = 0)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var (node, field) in List(key, required, minCount))
        {
            if (ScalarText(node, field, Diagnostics, required: true) is { } text)
            {
                builder.Add(text);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Trimmed text of a scalar; reports lists, mappings and (when required) empty values.</summary>
    public static string? ScalarText(YamlNode node, string field, FileDiagnostics diagnostics, bool required)
    {
        if (node is not YamlScalarNode scalar)
        {
            diagnostics.Add(node, field, $"expected text, found {Describe(node)}");
            return null;
        }

        var text = IsNull(scalar) ? string.Empty : (scalar.Value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                diagnostics.Add(node, field, "must not be empty");
            }

            return null;
        }

        return text;
    }

    public static string? ValidId(string? id, YamlNode? node, string field, FileDiagnostics diagnostics)
    {
        if (id is null)
        {
            return null;
        }

        if (id.Length > 80 || !KebabCase().IsMatch(id))
        {
            diagnostics.Add(node is null ? 0 : FileDiagnostics.LineOf(node), field,
                $"'{Shorten(id)}' is not a valid id: use lowercase letters, digits and single hyphens (kebab-case, at most 80 characters)");
            return null;
        }

        return id;
    }

    public static string Display(string path) => path.Length == 0 ? "(top level)" : path;

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode s => $"'{Shorten(s.Value ?? string.Empty)}'",
        _ => "an unsupported value",
    };

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: var v }
        && (string.IsNullOrEmpty(v) || v is "~" or "null" or "Null" or "NULL");

    private static string? Closest(string name, IReadOnlyCollection<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Levenshtein(name.ToLowerInvariant(), candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
