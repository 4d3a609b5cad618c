using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Tests.Ops;

/// <summary>The "AnatomyBot" meter is process-wide, so tests that count on exact deltas run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests
{
    private const string Questions = "anatomybot_questions_total";
    private const string Latency = "anatomybot_answer_seconds";

    [Fact]
    public async Task Metrics_is_prometheus_text_listing_every_instrument_and_the_startup_gauge()
    {
        await using var host = await ServeHost.StartAsync();
        using var response = await host.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("counter", scrape.Types[Questions]);
        Assert.Equal("histogram", scrape.Types[Latency]);
        foreach (var counter in new[]
                 {
                     "anatomybot_disclaimers_total", "anatomybot_reloads_total", "anatomybot_gateway_reconnects_total",
                     "anatomybot_telegram_poll_errors_total", "anatomybot_rate_limited_total", "anatomybot_quiz_posts_total",
                 })
        {
            Assert.Equal("counter", scrape.Types[counter]);
        }

        Assert.Equal("gauge", scrape.Types["anatomybot_startup_seconds"]);
        var startup = scrape.Value("anatomybot_startup_seconds");
        Assert.InRange(startup, 1e-6, 30);
    }

    [Fact]
    public async Task Questions_latency_and_disclaimers_are_counted_by_platform_and_intent()
    {
        await using var host = await ServeHost.StartAsync();
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        Assert.IsType<MeteredAnswerEngine>(engine);
        var before = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));

        var nerve = engine.Answer(new IncomingMessage("what nerve supplies the iliacus", Platform.Telegram, "u1", "chat-1"));
        engine.Answer(new IncomingMessage("what nerve supplies the psoas major", Platform.Telegram, "u1", "chat-1"));
        var pain = engine.Answer(new IncomingMessage("my hip hurts, is it my psoas?", Platform.Telegram, "u2", "chat-2"));
        engine.Answer(new IncomingMessage("/help", Platform.Discord, "u3", "chat-3"));
        Assert.Equal(Intent.MuscleAttribute, nerve.Intent);
        Assert.NotNull(pain.Disclaimer);
        var painIntent = AnatomyBot.Commands.AnswerJson.IntentName(pain.Intent);

        var after = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));
        double Delta(string name, params (string, string)[] labels) => after.Value(name, labels) - before.Value(name, labels);

        var telegramAttribute = Delta(Questions, ("intent", "muscle-attribute"), ("platform", "telegram"));
        Assert.Equal(painIntent == "muscle-attribute" ? 3 : 2, telegramAttribute);
        Assert.Equal(1, Delta(Questions, ("intent", "help"), ("platform", "discord")));
        Assert.True(Delta("anatomybot_disclaimers_total", ("platform", "telegram")) >= 1);
        Assert.Equal(0, Delta("anatomybot_disclaimers_total", ("platform", "discord")));

        // Histogram: cumulative buckets never decrease, +Inf equals _count, and the three telegram answers are in it.
        var buckets = after.All(Latency + "_bucket").Where(s => s.Labels["platform"] == "telegram").ToList();
        Assert.Equal(PrometheusMetrics.DefaultBuckets.Length + 1, buckets.Count);
        var bounds = buckets.Select(b => b.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(b.Labels["le"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(bounds.Order().ToList(), bounds);
        for (var i = 1; i < buckets.Count; i++)
        {
            Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"bucket le={buckets[i].Labels["le"]} is below the previous one");
        }

        var count = after.Value(Latency + "_count", ("platform", "telegram"));
        Assert.Equal(count, buckets[^1].Value);
        Assert.Equal(3, count - before.Value(Latency + "_count", ("platform", "telegram")));
        Assert.True(after.Value(Latency + "_sum", ("platform", "telegram")) > 0);
    }

    [Fact]
    public async Task Reloads_are_counted_ok_and_failed()
    {
        using var knowledge = new TempKnowledge();
        await using var host = await ServeHost.StartAsync(new Dictionary<string, string?> { ["Knowledge:Path"] = knowledge.Folder });
        var reloader = host.Services.GetRequiredService<IKnowledgeReloader>();
        var before = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));

        Assert.True((await reloader.ReloadAsync(CancellationToken.None)).Succeeded);
        await File.WriteAllTextAsync(knowledge.PathOf("muscles/iliacus.yaml"), "id: iliacus\nname: [unclosed\n");
        Assert.False((await reloader.ReloadAsync(CancellationToken.None)).Succeeded);
        Assert.False((await reloader.ReloadAsync(CancellationToken.None)).Succeeded);

        var after = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));
        Assert.Equal(1, after.Value("anatomybot_reloads_total", ("result", "ok")) - before.Value("anatomybot_reloads_total", ("result", "ok")));
        Assert.Equal(2, after.Value("anatomybot_reloads_total", ("result", "failed")) - before.Value("anatomybot_reloads_total", ("result", "failed")));
    }

    [Fact]
    public async Task Adapter_instruments_recorded_anywhere_in_the_process_are_exported_with_their_tags()
    {
        await using var host = await ServeHost.StartAsync();
        var before = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));
        Core.Observability.BotMetrics.GatewayReconnects.Add(1, new KeyValuePair<string, object?>("kind", "resume"));
        Core.Observability.BotMetrics.RateLimited.Add(2, new KeyValuePair<string, object?>("platform", "telegram"));
        Core.Observability.BotMetrics.QuizPosts.Add(1, new("platform", "telegram"), new("kind", "daily"));
        var after = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));

        Assert.Equal(1, after.Value("anatomybot_gateway_reconnects_total", ("kind", "resume")) - before.Value("anatomybot_gateway_reconnects_total", ("kind", "resume")));
        Assert.Equal(2, after.Value("anatomybot_rate_limited_total", ("platform", "telegram")) - before.Value("anatomybot_rate_limited_total", ("platform", "telegram")));
        Assert.Equal(1, after.Value("anatomybot_quiz_posts_total", ("kind", "daily"), ("platform", "telegram"))
            - before.Value("anatomybot_quiz_posts_total", ("kind", "daily"), ("platform", "telegram")));
    }
}
