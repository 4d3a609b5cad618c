using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using AnatomyBot.Core.Observability;

namespace AnatomyBot.Observability;

/// <summary>
/// Aggregates every instrument of the "AnatomyBot" meter through a <see cref="MeterListener"/> and writes the totals in
/// the Prometheus text exposition format (version 0.0.4). Counters become <c>name_total</c>, histograms
/// <c>name_bucket{le=...}</c>, <c>name_sum</c> and <c>name_count</c>, up-down counters and observable gauges gauges.
/// Measurements made before the listener started are not seen, so one instance lives for the whole host.
/// </summary>
internal sealed class PrometheusMetrics : IDisposable
{
    /// <summary>Answer latency buckets in seconds: sub-millisecond routing up to a slow platform round trip.</summary>
    public static readonly double[] DefaultBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentState> _instruments = new();
    private readonly double[] _buckets;

    public PrometheusMetrics(string meterName = BotMetrics.MeterName, double[]? buckets = null)
    {
        _buckets = buckets ?? DefaultBuckets;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && InstrumentState.KindOf(instrument) is { } kind)
            {
                var state = new InstrumentState(instrument, kind, _buckets);
                _instruments[instrument] = state;
                listener.EnableMeasurementEvents(instrument, state);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _instruments.TryRemove(instrument, out InstrumentState? _);
        _listener.SetMeasurementEventCallback<long>((i, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<int>((i, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, state) => Record(state, value, tags));
        _listener.SetMeasurementEventCallback<float>((i, value, tags, state) => Record(state, value, tags));
        // BotMetrics creates its instruments in its static initialiser; run it now so every family is listed
        // (HELP and TYPE) from the first scrape, before anything has been recorded.
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(BotMetrics).TypeHandle);
        _listener.Start();
    }

    /// <summary>Writes every instrument seen so far, plus the given host gauges, sorted by name.</summary>
    public void Write(StringBuilder output, IEnumerable<GaugeSample>? extraGauges = null)
    {
        _listener.RecordObservableInstruments();
        var families = new List<(string Name, Action<StringBuilder> Write)>();
        foreach (var state in _instruments.Values)
        {
            families.Add((state.FamilyName, state.Write));
        }

        foreach (var gauge in extraGauges ?? [])
        {
            families.Add((PrometheusText.MetricName(gauge.Name), sb => PrometheusText.WriteGauge(sb, gauge.Name, gauge.Help, gauge.Value)));
        }

        foreach (var (_, write) in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            write(output);
        }
    }

    public string Write(IEnumerable<GaugeSample>? extraGauges = null)
    {
        var sb = new StringBuilder();
        Write(sb, extraGauges);
        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private static void Record(object? state, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (state is InstrumentState instrument)
        {
            instrument.Record(value, tags);
        }
    }

    private enum Kind
    {
        /// <summary>Monotonic: measurements are added.</summary>
        Counter,
        /// <summary>Observable counter: each observation is the running total.</summary>
        ObservedCounter,
        /// <summary>Up-down counter: measurements are added, exposed as a gauge.</summary>
        SumGauge,
        /// <summary>Observable gauge or up-down counter: the last observation.</summary>
        LastGauge,
        Histogram,
    }

    private sealed class InstrumentState(Instrument instrument, Kind kind, double[] buckets)
    {
        private readonly ConcurrentDictionary<string, Series> _series = new(StringComparer.Ordinal);

        public string BaseName { get; } = PrometheusText.MetricName(instrument.Name);

        public string FamilyName => kind is Kind.Counter or Kind.ObservedCounter ? CounterName(BaseName) : BaseName;

        public static Kind? KindOf(Instrument instrument)
        {
            var type = instrument.GetType();
            if (!type.IsGenericType)
            {
                return null;
            }

            var definition = type.GetGenericTypeDefinition();
            return definition == typeof(Counter<>) ? Kind.Counter
                : definition == typeof(ObservableCounter<>) ? Kind.ObservedCounter
                : definition == typeof(UpDownCounter<>) ? Kind.SumGauge
                : definition == typeof(ObservableUpDownCounter<>) || definition == typeof(ObservableGauge<>) ? Kind.LastGauge
                : definition == typeof(Gauge<>) ? Kind.LastGauge
                : definition == typeof(Histogram<>) ? Kind.Histogram
                : null;
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = PrometheusText.Labels(tags);
            var series = _series.GetOrAdd(labels, static (_, count) => new Series(count), buckets.Length);
            lock (series)
            {
                switch (kind)
                {
                    case Kind.Counter:
                    case Kind.SumGauge:
                        series.Sum += value;
                        break;
                    case Kind.ObservedCounter:
                    case Kind.LastGauge:
                        series.Sum = value;
                        break;
                    case Kind.Histogram:
                        series.Sum += value;
                        series.Count++;
                        var index = Array.FindIndex(buckets, b => value <= b);
                        series.Buckets[index < 0 ? buckets.Length : index]++;
                        break;
                }
            }
        }

        public void Write(StringBuilder sb)
        {
            var name = FamilyName;
            var type = kind switch
            {
                Kind.Counter or Kind.ObservedCounter => "counter",
                Kind.Histogram => "histogram",
                _ => "gauge",
            };
            if (!string.IsNullOrEmpty(instrument.Description))
            {
                sb.Append("# HELP ").Append(name).Append(' ').Append(PrometheusText.EscapeHelp(instrument.Description)).Append('\n');
            }

            sb.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            foreach (var (labels, series) in _series.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                lock (series)
                {
                    if (kind != Kind.Histogram)
                    {
                        PrometheusText.WriteSample(sb, name, labels, series.Sum);
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i <= buckets.Length; i++)
                    {
                        cumulative += series.Buckets[i];
                        var le = i < buckets.Length ? PrometheusText.Number(buckets[i]) : "+Inf";
                        PrometheusText.WriteSample(sb, name + "_bucket", PrometheusText.AddLabel(labels, "le", le), cumulative);
                    }

                    PrometheusText.WriteSample(sb, name + "_sum", labels, series.Sum);
                    PrometheusText.WriteSample(sb, name + "_count", labels, series.Count);
                }
            }
        }

        private static string CounterName(string name) => name.EndsWith("_total", StringComparison.Ordinal) ? name : name + "_total";
    }

    private sealed class Series(int bucketCount)
    {
        public double Sum;
        public long Count;
        public readonly long[] Buckets = new long[bucketCount + 1];
    }
}

/// <summary>A value the host exposes as a gauge next to the meter's instruments (null: not known yet, not written).</summary>
internal sealed record GaugeSample(string Name, string Help, double? Value);

/// <summary>Formatting rules of the Prometheus text format 0.0.4.</summary>
internal static class PrometheusText
{
    /// <summary>Metric names match <c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>; anything else (dots, dashes) becomes an underscore.</summary>
    public static string MetricName(string name) => Sanitize(name, allowColon: true);

    /// <summary>Label names match <c>[a-zA-Z_][a-zA-Z0-9_]*</c>.</summary>
    public static string LabelName(string name) => Sanitize(name, allowColon: false);

    /// <summary>Label values escape backslash, double quote and line feed.</summary>
    public static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny("\\\"\n") < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>HELP text escapes backslash and line feed.</summary>
    public static string EscapeHelp(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>The label block for a tag list, sorted by name so the same tags always give the same series: <c>{a="1",b="2"}</c>.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>(tags.Length);
        foreach (var tag in tags)
        {
            var value = tag.Value switch
            {
                null => string.Empty,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString() ?? string.Empty,
            };
            pairs.Add((LabelName(tag.Key), value));
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var sb = new StringBuilder("{");
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(pairs[i].Name).Append("=\"").Append(EscapeLabelValue(pairs[i].Value)).Append('"');
        }

        return sb.Append('}').ToString();
    }

    public static string AddLabel(string labels, string name, string value)
    {
        var pair = $"{name}=\"{EscapeLabelValue(value)}\"";
        return labels.Length == 0 ? "{" + pair + "}" : labels[..^1] + "," + pair + "}";
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ when value == Math.Floor(value) && Math.Abs(value) < 1e15 => ((long)value).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static void WriteSample(StringBuilder sb, string name, string labels, double value) =>
        sb.Append(name).Append(labels).Append(' ').Append(Number(value)).Append('\n');

    public static void WriteGauge(StringBuilder sb, string name, string help, double? value)
    {
        if (value is not { } known)
        {
            return;
        }

        name = MetricName(name);
        sb.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        sb.Append("# TYPE ").Append(name).Append(" gauge\n");
        WriteSample(sb, name, string.Empty, known);
    }

    private static string Sanitize(string name, bool allowColon)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "_";
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = char.IsAsciiLetter(c) || c == '_' || (allowColon && c == ':') || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
