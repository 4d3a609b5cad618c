using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AnatomyBot.Observability;

/// <summary>
/// The <c>/healthz</c> body, the contract the container check and operators read: the overall status, the knowledge
/// (with its version, per replica), each adapter and every problem. Built from the health checks' report.
/// </summary>
internal sealed record HealthzBody(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("knowledge")] KnowledgeHealth Knowledge,
    [property: JsonPropertyName("adapters")] IReadOnlyList<AdapterHealthEntry> Adapters,
    [property: JsonPropertyName("problems")] IReadOnlyList<string> Problems)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>HTTP status per health status: degraded still answers (200), so nobody restarts a bot a restart would not fix.</summary>
    public static readonly IDictionary<HealthStatus, int> StatusCodes = new Dictionary<HealthStatus, int>
    {
        [HealthStatus.Healthy] = Microsoft.AspNetCore.Http.StatusCodes.Status200OK,
        [HealthStatus.Degraded] = Microsoft.AspNetCore.Http.StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable,
    };

    [JsonIgnore]
    public bool Healthy => Problems.Count == 0;

    public static HealthzBody From(HealthReport report)
    {
        var problems = report.Entries
            .Where(e => e.Value.Status == HealthStatus.Unhealthy)
            .Select(e => $"{e.Key}: {e.Value.Description}")
            .ToList();
        var adapters = report.Entries
            .Where(e => e.Value.Tags.Contains(HealthChecksSetup.AdapterTag))
            .Select(e => AdapterEntry(e.Key, e.Value))
            .ToList();
        var status = report.Status switch
        {
            HealthStatus.Healthy => "healthy",
            HealthStatus.Degraded => "degraded",
            _ => "unhealthy",
        };
        return new HealthzBody(status, KnowledgeEntry(report), adapters, problems);
    }

    /// <summary>The health checks' response writer: this body as JSON.</summary>
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(From(report), Json), context.RequestAborted);
    }

    private static KnowledgeHealth KnowledgeEntry(HealthReport report)
    {
        if (!report.Entries.TryGetValue(HealthChecksSetup.KnowledgeCheck, out var entry) || entry.Status != HealthStatus.Healthy)
        {
            return new KnowledgeHealth(false, null, null, 0, 0, 0, 0);
        }

        var data = entry.Data;
        return new KnowledgeHealth(
            true,
            (string)data[KnowledgeHealthCheck.Version],
            (DateTimeOffset)data[KnowledgeHealthCheck.LoadedAt],
            (int)data[KnowledgeHealthCheck.Muscles],
            (int)data[KnowledgeHealthCheck.Topics],
            (int)data[KnowledgeHealthCheck.Quiz],
            (int)data[KnowledgeHealthCheck.Sources]);
    }

    /// <summary>An adapter's entry; a check that threw has no data, and then its exception is the detail.</summary>
    private static AdapterHealthEntry AdapterEntry(string name, HealthReportEntry entry) => new(
        name,
        entry.Data.TryGetValue(AdapterHealthCheck.State, out var state) ? (string)state : "unknown",
        entry.Data.TryGetValue(AdapterHealthCheck.Detail, out var detail) ? (string)detail : entry.Exception?.GetType().Name,
        entry.Data.TryGetValue(AdapterHealthCheck.Since, out var since) ? (DateTimeOffset)since : DateTimeOffset.MinValue,
        entry.Status != HealthStatus.Unhealthy);
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
