using System.Diagnostics.Metrics;

namespace AnatomyBot.Testing;

/// <summary>
/// An <see cref="IMeterFactory"/> for a class a test builds by hand (outside a host): each meter it creates is the
/// test's own, disposed with the factory, and carries the factory as its scope (as a host's factory does), so a
/// <c>MetricCollector</c> given this factory as its meter scope sees this test's measurements only.
/// <see cref="MetricRecorder"/> sees its measurements like a host's.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Scope = this;
        var meter = new Meter(options);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
