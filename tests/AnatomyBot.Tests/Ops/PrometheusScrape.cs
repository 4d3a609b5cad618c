using System.Globalization;
using System.Text.RegularExpressions;

namespace AnatomyBot.Tests.Ops;

/// <summary>A strict reader of the Prometheus text format, enough to check what /metrics promises.</summary>
internal sealed partial class PrometheusScrape
{
    private PrometheusScrape(IReadOnlyList<Sample> samples, IReadOnlyDictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>Metric family name to its TYPE.</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(types.TryAdd(parts[2], parts[3]), $"TYPE repeated for {parts[2]}");
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a valid sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (match.Groups["labels"].Success)
            {
                foreach (Match label in LabelPair().Matches(match.Groups["labels"].Value))
                {
                    labels[label.Groups["name"].Value] = Unescape(label.Groups["value"].Value);
                }
            }

            samples.Add(new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }

        return new PrometheusScrape(samples, types);
    }

    /// <summary>The value of the one sample with this name and exactly these labels, or 0 when absent.</summary>
    public double Value(string name, params (string Name, string Value)[] labels) =>
        Find(name, labels)?.Value ?? 0;

    public Sample? Find(string name, params (string Name, string Value)[] labels) =>
        Samples.SingleOrDefault(s => s.Name == name && s.Labels.Count == labels.Length
            && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value));

    public IReadOnlyList<Sample> All(string name) => Samples.Where(s => s.Name == name).ToList();

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Unescape(string value) =>
        Regex.Replace(value, @"\\(.)", m => m.Groups[1].Value == "n" ? "\n" : m.Groups[1].Value);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\[\\"n])*",?)*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex LabelPair();
}

internal sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
