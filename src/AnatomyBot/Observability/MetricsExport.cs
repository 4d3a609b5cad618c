using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace AnatomyBot.Observability;

/// <summary>
/// Exports the "AnatomyBot" meter at <c>/metrics</c> with OpenTelemetry's Prometheus exporter, configured so the names
/// operators scrape stay exactly those the instruments are given (see docs/decisions/0006-opentelemetry-metrics.md):
/// no unit or <c>_total</c> suffix is added to a name that already carries it, no <c>otel_scope_name</c> label and no
/// <c>target_info</c> family are added, and each scrape is fresh (no response cache).
/// </summary>
internal static class MetricsExport
{
    /// <summary>Answer latency buckets in seconds: sub-millisecond routing up to a slow platform round trip.</summary>
    public static readonly double[] AnswerSecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    public const string Path = "/metrics";

    public static void AddMetricsExport(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<HostMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddInstrumentation(services => services.GetRequiredService<HostMetrics>())
            // Created with the exporter, as the static instruments once were, so each scrape lists the same families.
            .AddInstrumentation(services => services.GetRequiredService<BotMetrics>())
            .AddView(BotMetrics.AnswerSecondsName, new ExplicitBucketHistogramConfiguration { Boundaries = AnswerSecondsBuckets })
            .AddPrometheusExporter(exporter =>
            {
                exporter.ScrapeEndpointPath = Path;
                exporter.ScrapeResponseCacheDurationMilliseconds = 0;
                exporter.ScopeInfoEnabled = false;
                exporter.TargetInfoEnabled = false;
            }));
    }
}

/// <summary>
/// The host's own gauges, on the "AnatomyBot" meter from <see cref="IMeterFactory"/>: start-up time (once ready),
/// working set and managed heap, read when scraped.
/// </summary>
internal sealed class HostMetrics
{
    public HostMetrics(IMeterFactory meterFactory, StartupClock startup)
    {
        var meter = meterFactory.Create(BotMetrics.MeterName);
        meter.CreateObservableGauge(
            "anatomybot_startup_seconds",
            () => startup.ReadySeconds is { } seconds ? [new Measurement<double>(seconds)] : Array.Empty<Measurement<double>>(),
            description: "Seconds from process start to ready (knowledge loaded, listener bound)");
        meter.CreateObservableGauge("process_resident_memory_bytes", () => Environment.WorkingSet, description: "Working set of the process");
        meter.CreateObservableGauge(
            "dotnet_gc_heap_bytes",
            () => GC.GetTotalMemory(forceFullCollection: false),
            description: "Bytes currently thought to be allocated on the managed heap");
    }
}
