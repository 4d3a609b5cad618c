using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Observability;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Tests.Ops;

public sealed class PrometheusMetricsTests
{
    [Fact]
    public void Label_values_escape_backslash_quote_and_line_feed()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", PrometheusText.EscapeLabelValue("a\\b\"c\nd"));
        Assert.Equal("plain", PrometheusText.EscapeLabelValue("plain"));
        Assert.Equal("x\\\\y\\nz", PrometheusText.EscapeHelp("x\\y\nz"));
    }

    [Fact]
    public void Names_are_sanitised_and_numbers_use_prometheus_spelling()
    {
        Assert.Equal("http_server_request_duration", PrometheusText.MetricName("http.server.request-duration"));
        Assert.Equal("_bad_label", PrometheusText.LabelName("9bad:label"));
        Assert.Equal("+Inf", PrometheusText.Number(double.PositiveInfinity));
        Assert.Equal("NaN", PrometheusText.Number(double.NaN));
        Assert.Equal("42", PrometheusText.Number(42));
        Assert.Equal("0.0005", PrometheusText.Number(0.0005));
    }

    [Fact]
    public void Every_instrument_kind_is_written_in_the_text_format()
    {
        var meterName = "AnatomyBot.Tests." + Guid.NewGuid().ToString("N");
        using var meter = new Meter(meterName);
        using var metrics = new PrometheusMetrics(meterName, [0.1, 1]);
        var counter = meter.CreateCounter<long>("things", description: "Things\nseen");
        var upDown = meter.CreateUpDownCounter<int>("queue_length");
        var histogram = meter.CreateHistogram<double>("wait_seconds");
        meter.CreateObservableGauge("temperature", () => 21.5);

        counter.Add(2, new("kind", "a \"quoted\" \\ value\nwith a line feed"), new("chat", 7));
        counter.Add(3, new("chat", 7), new("kind", "a \"quoted\" \\ value\nwith a line feed"));
        upDown.Add(5);
        upDown.Add(-2);
        histogram.Record(0.05);
        histogram.Record(0.5);
        histogram.Record(0.5);
        histogram.Record(7);

        var text = metrics.Write([new GaugeSample("extra_gauge", "Extra", 1.25), new GaugeSample("unknown_yet", "Skipped", null)]);
        var scrape = PrometheusScrape.Parse(text);

        Assert.Contains("# HELP things_total Things\\nseen\n", text);
        Assert.Equal("counter", scrape.Types["things_total"]);
        Assert.Equal(5, scrape.Value("things_total", ("chat", "7"), ("kind", "a \"quoted\" \\ value\nwith a line feed")));
        Assert.Contains("things_total{chat=\"7\",kind=\"a \\\"quoted\\\" \\\\ value\\nwith a line feed\"} 5\n", text);

        Assert.Equal("gauge", scrape.Types["queue_length"]);
        Assert.Equal(3, scrape.Value("queue_length"));
        Assert.Equal("gauge", scrape.Types["temperature"]);
        Assert.Equal(21.5, scrape.Value("temperature"));
        Assert.Equal(1.25, scrape.Value("extra_gauge"));
        Assert.DoesNotContain("unknown_yet", text);

        Assert.Equal("histogram", scrape.Types["wait_seconds"]);
        Assert.Equal(1, scrape.Value("wait_seconds_bucket", ("le", "0.1")));
        Assert.Equal(3, scrape.Value("wait_seconds_bucket", ("le", "1")));
        Assert.Equal(4, scrape.Value("wait_seconds_bucket", ("le", "+Inf")));
        Assert.Equal(4, scrape.Value("wait_seconds_count"));
        Assert.Equal(8.05, scrape.Value("wait_seconds_sum"), 9);

        // Families come out sorted, each TYPE before its samples.
        var typeLines = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(typeLines.Order(StringComparer.Ordinal).ToList(), typeLines);
    }

    [Fact]
    public void Measurements_of_other_meters_are_ignored()
    {
        var mine = "AnatomyBot.Tests." + Guid.NewGuid().ToString("N");
        using var other = new Meter("Someone.Else." + Guid.NewGuid().ToString("N"));
        using var metrics = new PrometheusMetrics(mine);
        other.CreateCounter<long>("foreign").Add(1);
        Assert.DoesNotContain("foreign", metrics.Write());
    }

}

[Collection(MetricsCollection.Name)]
public sealed class MeteredAnswerEngineTests
{
    [Fact]
    public void Metered_engine_times_with_the_injected_clock_and_logs_no_text_at_information()
    {
        var clock = new FakeTimeProvider();
        var inner = new Mock<IAnswerEngine>();
        inner.Setup(e => e.Answer(It.IsAny<IncomingMessage>())).Returns(() =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(30));
            return new Reply
            {
                Intent = Intent.Topic,
                Entity = "psoas-paradox",
                Confidence = 0.9,
                Title = "t",
                Disclaimer = "see a clinician",
            };
        });
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        using var metrics = new PrometheusMetrics();
        var engine = new MeteredAnswerEngine(inner.Object, clock, factory.CreateLogger<MeteredAnswerEngine>());

        var before = PrometheusScrape.Parse(metrics.Write());
        engine.Answer(new IncomingMessage("secret-ish question text zqx", Platform.Discord, "user-9", "chat-42"));
        var after = PrometheusScrape.Parse(metrics.Write());

        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);
        Assert.Equal(1, Delta("anatomybot_questions_total", ("intent", "topic"), ("platform", "discord")));
        Assert.Equal(1, Delta("anatomybot_disclaimers_total", ("platform", "discord")));
        Assert.Equal(0.03, Delta("anatomybot_answer_seconds_sum", ("platform", "discord")), 9);
        Assert.Equal(0, Delta("anatomybot_answer_seconds_bucket", ("le", "0.025"), ("platform", "discord")));
        Assert.Equal(1, Delta("anatomybot_answer_seconds_bucket", ("le", "0.05"), ("platform", "discord")));

        var entry = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("discord", entry.Message);
        Assert.Contains("chat-42", entry.Message);
        Assert.Contains("topic", entry.Message);
        Assert.DoesNotContain("zqx", entry.ToString());
        Assert.DoesNotContain("user-9", entry.ToString());
    }

    [Fact]
    public void Question_text_is_logged_only_at_debug_truncated_and_on_one_line()
    {
        var inner = new Mock<IAnswerEngine>();
        inner.Setup(e => e.Answer(It.IsAny<IncomingMessage>()))
            .Returns(new Reply
            {
                Intent = Intent.OffTopic,
                Confidence = 0,
                Title = "t",
            });
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var engine = new MeteredAnswerEngine(inner.Object, TimeProvider.System, factory.CreateLogger<MeteredAnswerEngine>());

        var text = "first line\nsecond line " + new string('x', 500);
        engine.Answer(new IncomingMessage(text, Platform.Telegram, "u", "c"));

        var debug = Assert.Single(logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.Contains("first line second line", debug.Message);
        Assert.DoesNotContain('\n', debug.Message);
        Assert.True(debug.Message.Length < 200, debug.Message);
        Assert.All(logs.Entries.Where(e => e.Level >= LogLevel.Information), e => Assert.DoesNotContain("first line", e.ToString()));
        Assert.Equal(MeteredAnswerEngine.MaxLoggedTextLength + 1, MeteredAnswerEngine.Excerpt(new string('y', 1000)).Length);
    }
}
