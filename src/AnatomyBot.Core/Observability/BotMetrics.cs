using System.Diagnostics.Metrics;

namespace AnatomyBot.Core.Observability;

/// <summary>
/// The meter name every instrument of the bot is created on ("AnatomyBot"), and the engine-wide instruments that no
/// adapter owns: questions, answer time and disclaimers (recorded by the host's metered engine) and knowledge reloads.
/// Like each adapter's instruments (see <see cref="AdapterMetrics"/>) they come from the host's
/// <see cref="IMeterFactory"/>; the host exports every instrument on that name at /metrics.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "AnatomyBot";

    /// <summary>The answer latency histogram's name (the host gives it its own buckets).</summary>
    public const string AnswerSecondsName = "anatomybot_answer_seconds";

    /// <summary>Questions answered; tags: platform, intent.</summary>
    private readonly Counter<long> _questions;

    /// <summary>Seconds from receiving a question to having the reply ready; tags: platform.</summary>
    private readonly Histogram<double> _answerSeconds;

    /// <summary>Replies that carried the medical disclaimer; tags: platform.</summary>
    private readonly Counter<long> _disclaimers;

    /// <summary>Knowledge reloads; tags: result (ok|failed).</summary>
    private readonly Counter<long> _reloads;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _questions = meter.CreateCounter<long>("anatomybot_questions_total", description: "Questions answered");
        _answerSeconds = meter.CreateHistogram<double>(AnswerSecondsName, unit: "s", description: "Answer latency");
        _disclaimers = meter.CreateCounter<long>("anatomybot_disclaimers_total", description: "Disclaimers attached");
        _reloads = meter.CreateCounter<long>("anatomybot_reloads_total", description: "Knowledge reloads");
    }

    /// <summary>A question from <paramref name="platform"/> was answered with <paramref name="intent"/> after <paramref name="elapsed"/>.</summary>
    public void Answered(string platform, string intent, TimeSpan elapsed, bool disclaimer)
    {
        var platformTag = new KeyValuePair<string, object?>("platform", platform);
        _questions.Add(1, platformTag, new("intent", intent));
        _answerSeconds.Record(elapsed.TotalSeconds, platformTag);
        if (disclaimer)
        {
            _disclaimers.Add(1, platformTag);
        }
    }

    /// <summary>The engine threw on a question from <paramref name="platform"/>: counted with the intent "error".</summary>
    public void Failed(string platform) => _questions.Add(1, new("platform", platform), new("intent", "error"));

    /// <summary>A knowledge reload finished: published (or unchanged), or refused because the files have errors.</summary>
    public void Reloaded(bool succeeded) => _reloads.Add(1, new KeyValuePair<string, object?>("result", succeeded ? "ok" : "failed"));
}
