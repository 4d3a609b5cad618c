using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AnatomyBot.Testing;

/// <summary>
/// Records the bot's measurements (meter "AnatomyBot") made by the code a test started. Every host and meter factory in
/// the process creates its instruments on a meter of that name, so a process-wide listener would also count what other
/// tests' adapters record (in parallel, or still winding down); this one keeps only measurements whose async flow descends from the recorder's creation, which covers
/// everything the test starts afterwards (hosted services, Task.Run, fake-clock timer callbacks fired by the test).
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private const string MeterName = "AnatomyBot";
    private static readonly AsyncLocal<object?> Scope = new();
    private readonly object _scope = new();
    private readonly MeterListener _listener = new();

    public MetricRecorder()
    {
        Scope.Value = _scope;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!ReferenceEquals(Scope.Value, _scope))
            {
                return;
            }

            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            Measurements.Enqueue(new Measurement(instrument.Name, value, map));
        });
        _listener.Start();
    }

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public long Sum(string instrument, params (string Key, string Value)[] tags) =>
        Measurements
            .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value))
            .Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    public sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, string?> Tags);
}
