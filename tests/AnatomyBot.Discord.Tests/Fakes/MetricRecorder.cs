using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;

namespace AnatomyBot.Discord.Tests.Fakes;

/// <summary>
/// Listens to the bot's meter. The instruments are static and tests run in parallel, so assertions look for
/// the measurements a scenario must have produced rather than exact totals.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BotMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
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
