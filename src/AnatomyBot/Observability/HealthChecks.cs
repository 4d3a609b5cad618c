using System.Collections.Concurrent;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Observability;

/// <summary>
/// Registers the <c>/healthz</c> checks with ASP.NET Core health checks: the knowledge (with its version, so each replica
/// says which knowledge it serves), one check per adapter (added for every <see cref="IAdapterHealth"/> in the container
/// when the checks first run, so an adapter registers nothing but its health), and the host's own lifetime.
/// </summary>
internal static class HealthChecksSetup
{
    public const string KnowledgeCheck = "knowledge";
    public const string HostCheck = "host";
    public const string AdapterTag = "adapter";

    public static void AddBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<KnowledgeHealthCheck>(KnowledgeCheck)
            .AddCheck<HostLifetimeHealthCheck>(HostCheck);
        services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>, AdapterHealthChecks>();
    }
}

/// <summary>Healthy when a knowledge snapshot is loaded; its version and counts go into the entry's data.</summary>
internal sealed class KnowledgeHealthCheck(IKnowledgeProvider knowledge) : IHealthCheck
{
    public const string Version = "version";
    public const string LoadedAt = "loadedAt";
    public const string Muscles = "muscles";
    public const string Topics = "topics";
    public const string Quiz = "quiz";
    public const string Sources = "sources";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = knowledge.Current;
            return Task.FromResult(HealthCheckResult.Healthy(data: new Dictionary<string, object>
            {
                [Version] = snapshot.Version,
                [LoadedAt] = snapshot.LoadedAt,
                [Muscles] = snapshot.Muscles.Length,
                [Topics] = snapshot.Topics.Length,
                [Quiz] = snapshot.Quiz.Length,
                [Sources] = snapshot.Sources.Length,
            }));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("not loaded (" + ex.GetType().Name + ")"));
        }
    }
}

/// <summary>A host that is stopping is unhealthy, so a load balancer drains it.</summary>
internal sealed class HostLifetimeHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("stopping")
            : HealthCheckResult.Healthy());
}

/// <summary>Adds one <see cref="AdapterHealthCheck"/> per adapter, named after it and tagged <c>adapter</c>.</summary>
internal sealed class AdapterHealthChecks(
    IEnumerable<IAdapterHealth> adapters,
    TimeProvider timeProvider,
    IOptions<HealthOptions> options) : IConfigureOptions<HealthCheckServiceOptions>
{
    public void Configure(HealthCheckServiceOptions checks)
    {
        foreach (var adapter in adapters)
        {
            checks.Registrations.Add(new HealthCheckRegistration(
                adapter.Name,
                new AdapterHealthCheck(adapter, timeProvider, options),
                failureStatus: HealthStatus.Unhealthy,
                tags: [HealthChecksSetup.AdapterTag]));
        }
    }
}

/// <summary>
/// One adapter's health. Connected is healthy; degraded (it answers, but its store refuses writes for now) is
/// <see cref="HealthStatus.Degraded"/>; starting and reconnecting are healthy for
/// <see cref="HealthOptions.ReconnectGraceSeconds"/>, timed from the adapter's own <see cref="IAdapterHealth.StateSince"/>
/// or, when it keeps none, from the first time this check saw that state; stopped and failed are unhealthy.
/// </summary>
internal sealed class AdapterHealthCheck(IAdapterHealth adapter, TimeProvider timeProvider, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string State = "state";
    public const string Detail = "detail";
    public const string Since = "since";

    private readonly ConcurrentDictionary<AdapterState, DateTimeOffset> _firstSeen = new();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var state = adapter.State;
        var detail = adapter.Detail;
        var since = adapter.StateSince ?? Observe(state, now);
        var grace = TimeSpan.FromSeconds(options.Value.ReconnectGraceSeconds);
        var inState = now - since;
        var stateName = state.ToString().ToLowerInvariant();
        var data = new Dictionary<string, object> { [State] = stateName, [Since] = since };
        if (detail is not null)
        {
            data[Detail] = detail;
        }

        var status = state switch
        {
            AdapterState.Connected => HealthStatus.Healthy,
            AdapterState.Degraded => HealthStatus.Degraded,
            AdapterState.Starting or AdapterState.Reconnecting when inState < grace => HealthStatus.Healthy,
            _ => HealthStatus.Unhealthy,
        };
        var why = status != HealthStatus.Unhealthy ? null
            : state is AdapterState.Starting or AdapterState.Reconnecting
                ? $"{stateName} for {Math.Floor(inState.TotalSeconds)} s (limit {grace.TotalSeconds} s)"
                : stateName;
        var description = why is null ? null : why + (string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {detail}");
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }

    /// <summary>When this check first saw the adapter in <paramref name="state"/> (forgotten once the state changes).</summary>
    private DateTimeOffset Observe(AdapterState state, DateTimeOffset now)
    {
        foreach (var other in _firstSeen.Keys.Where(s => s != state))
        {
            _firstSeen.TryRemove(other, out _);
        }

        return _firstSeen.GetOrAdd(state, now);
    }
}
