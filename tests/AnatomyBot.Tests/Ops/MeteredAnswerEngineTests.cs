using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Observability;
using AnatomyBot.Observability;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using AnatomyBot.Testing;
using Microsoft.Extensions.Logging;
using Moq;

namespace AnatomyBot.Tests.Ops;

[Collection(MetricsTestGroup.Name)]
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
        using var meters = new TestMeterFactory();
        using var questions = new MetricCollector<long>(meters, BotMetrics.MeterName, "anatomybot_questions_total");
        using var disclaimers = new MetricCollector<long>(meters, BotMetrics.MeterName, "anatomybot_disclaimers_total");
        using var latency = new MetricCollector<double>(meters, BotMetrics.MeterName, BotMetrics.AnswerSecondsName);
        var engine = new MeteredAnswerEngine(inner.Object, clock, new BotMetrics(meters), factory.CreateLogger<MeteredAnswerEngine>());

        engine.Answer(new IncomingMessage("secret-ish question text zqx", "discord", "user-9", "chat-42"));

        var question = Assert.Single(questions.GetMeasurementSnapshot(), m => Equals(m.Tags["platform"], "discord"));
        Assert.Equal(1, question.Value);
        Assert.Equal("topic", question.Tags["intent"]);
        Assert.Equal(1, Assert.Single(disclaimers.GetMeasurementSnapshot(), m => Equals(m.Tags["platform"], "discord")).Value);
        Assert.Equal(0.03, Assert.Single(latency.GetMeasurementSnapshot(), m => Equals(m.Tags["platform"], "discord")).Value, 9);

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
        using var meters = new TestMeterFactory();
        var engine = new MeteredAnswerEngine(inner.Object, TimeProvider.System, new BotMetrics(meters), factory.CreateLogger<MeteredAnswerEngine>());

        var text = "first line\nsecond line " + new string('x', 500);
        engine.Answer(new IncomingMessage(text, "telegram", "u", "c"));

        var debug = Assert.Single(logs.Entries, e => e.Level == LogLevel.Debug);
        Assert.Contains("first line second line", debug.Message);
        Assert.DoesNotContain('\n', debug.Message);
        Assert.True(debug.Message.Length < 200, debug.Message);
        Assert.All(logs.Entries.Where(e => e.Level >= LogLevel.Information), e => Assert.DoesNotContain("first line", e.ToString()));
        Assert.Equal(MeteredAnswerEngine.MaxLoggedTextLength + 1, MeteredAnswerEngine.Excerpt(new string('y', 1000)).Length);
    }
}
