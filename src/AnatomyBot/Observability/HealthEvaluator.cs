using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Observability;
using AnatomyBot.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Observability;

/// <summary>What <c>/healthz</c> answers: healthy only when the knowledge is loaded and every adapter is usable.</summary>
internal sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("knowledge")] KnowledgeHealth Knowledge,
    [property: JsonPropertyName("adapters")] IReadOnlyList<AdapterHealthEntry> Adapters,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [JsonIgnore]
    public bool Healthy => Problems.Count == 0;

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

internal sealed record KnowledgeHealth(
    [property: JsonPropertyName("loaded")] bool Loaded,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("loadedAt")] DateTimeOffset? LoadedAt,
    [property: JsonPropertyName("muscles")] int Muscles,
    [property: JsonPropertyName("topics")] int Topics,
    [property: JsonPropertyName("quiz")] int Quiz,
    [property: JsonPropertyName("sources")] int Sources);

internal sealed record AdapterHealthEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("since")] DateTimeOffset Since,
    [property: JsonPropertyName("healthy")] bool Healthy);

/// <summary>
/// Judges health. Degraded (the adapter answers, but its store refuses writes for now) is healthy with the overall
/// status "degraded". Starting and reconnecting count as healthy for <see cref="HealthOptions.ReconnectGraceSeconds"/>,
/// timed from the adapter's own <see cref="IAdapterHealth.StateSince"/> or, when it keeps none, from the first time
/// this evaluator saw that state. A host that is stopping is unhealthy, so a load balancer drains it.
/// </summary>
internal sealed class HealthEvaluator(
    IKnowledgeProvider knowledge,
    IEnumerable<IAdapterHealth> adapters,
    TimeProvider timeProvider,
    IOptions<HealthOptions> options,
    IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<IAdapterHealth, (AdapterState State, DateTimeOffset Since)> _observed = new(ReferenceEqualityComparer.Instance);

    public HealthReport Evaluate()
    {
        var now = timeProvider.GetUtcNow();
        var grace = TimeSpan.FromSeconds(options.Value.ReconnectGraceSeconds);
        var problems = new List<string>();

        KnowledgeHealth knowledgeHealth;
        try
        {
            var snapshot = knowledge.Current;
            knowledgeHealth = new KnowledgeHealth(true, snapshot.Version, snapshot.LoadedAt, snapshot.Muscles.Length,
                snapshot.Topics.Length, snapshot.Quiz.Length, snapshot.Sources.Length);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            knowledgeHealth = new KnowledgeHealth(false, null, null, 0, 0, 0, 0);
            problems.Add("knowledge: not loaded (" + ex.GetType().Name + ")");
        }

        var entries = new List<AdapterHealthEntry>();
        foreach (var adapter in adapters)
        {
            var state = adapter.State;
            var detail = adapter.Detail;
            var since = adapter.StateSince ?? Observe(adapter, state, now);
            var inState = now - since;
            var healthy = state switch
            {
                AdapterState.Connected or AdapterState.Degraded => true,
                AdapterState.Starting or AdapterState.Reconnecting => inState < grace,
                _ => false,
            };
            var stateName = state.ToString().ToLowerInvariant();
            if (!healthy)
            {
                var why = state is AdapterState.Starting or AdapterState.Reconnecting
                    ? $"{stateName} for {Math.Floor(inState.TotalSeconds)} s (limit {grace.TotalSeconds} s)"
                    : stateName;
                problems.Add($"{adapter.Name}: {why}" + (string.IsNullOrWhiteSpace(detail) ? string.Empty : $": {detail}"));
            }

            entries.Add(new AdapterHealthEntry(adapter.Name, stateName, detail, since, healthy));
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            problems.Add("host: stopping");
        }

        // Degraded still answers (HTTP 200, so nobody restarts a bot that a restart would not fix), but says so.
        var status = problems.Count > 0 ? "unhealthy" : entries.Any(e => e.State == "degraded") ? "degraded" : "healthy";
        return new HealthReport(status, knowledgeHealth, entries, problems);
    }

    private DateTimeOffset Observe(IAdapterHealth adapter, AdapterState state, DateTimeOffset now) =>
        _observed.AddOrUpdate(
            adapter,
            (state, now),
            (_, previous) => previous.State == state ? previous : (state, now)).Since;
}
