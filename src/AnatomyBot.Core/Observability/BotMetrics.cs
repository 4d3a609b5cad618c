using System.Diagnostics.Metrics;

namespace AnatomyBot.Core.Observability;

/// <summary>
/// The meter name every instrument of the bot is created on ("AnatomyBot"), and the engine-wide instruments that no
/// adapter owns: questions, answer time and disclaimers (recorded by the host's metered engine) and knowledge reloads.
/// Each adapter's own instruments are on the same meter name through <see cref="IMeterFactory"/> (see
/// <see cref="AdapterMetrics"/>); the host exports every instrument on that name at /metrics.
/// </summary>
public static class BotMetrics
{
    public const string MeterName = "AnatomyBot";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Questions answered; tags: platform, intent.</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("anatomybot_questions_total", description: "Questions answered");

    /// <summary>Seconds from receiving a question to having the reply ready; tags: platform.</summary>
    public static readonly Histogram<double> AnswerSeconds = Meter.CreateHistogram<double>("anatomybot_answer_seconds", unit: "s", description: "Answer latency");

    /// <summary>Replies that carried the medical disclaimer; tags: platform.</summary>
    public static readonly Counter<long> Disclaimers = Meter.CreateCounter<long>("anatomybot_disclaimers_total", description: "Disclaimers attached");

    /// <summary>Knowledge reloads; tags: result (ok|failed).</summary>
    public static readonly Counter<long> Reloads = Meter.CreateCounter<long>("anatomybot_reloads_total", description: "Knowledge reloads");
}
