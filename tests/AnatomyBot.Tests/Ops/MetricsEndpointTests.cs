using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using System.Diagnostics.Metrics;
using AnatomyBot.Core.Observability;
using AnatomyBot.Discord;
using AnatomyBot.Observability;
using AnatomyBot.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace AnatomyBot.Tests.Ops;

/// <summary>The "AnatomyBot" meter is process-wide, so tests that count on exact deltas run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsTestGroup
{
    public const string Name = "Metrics";
}

[Collection(MetricsTestGroup.Name)]
public sealed class MetricsEndpointTests
{
    private const string Questions = "anatomybot_questions_total";
    private const string Latency = "anatomybot_answer_seconds";

    /// <summary>
    /// Every family the hand-written exporter wrote before OpenTelemetry took over (docs/decisions/0006), with its type and
    /// label names: the names, types and labels operators' dashboards and alerts query, pinned.
    /// </summary>
    private static readonly Dictionary<string, (string Type, string[] Labels)> ScrapedBefore = new()
    {
        ["anatomybot_questions_total"] = ("counter", ["intent", "platform"]),
        ["anatomybot_answer_seconds"] = ("histogram", ["platform"]),
        ["anatomybot_disclaimers_total"] = ("counter", ["platform"]),
        ["anatomybot_reloads_total"] = ("counter", ["result"]),
        ["anatomybot_gateway_reconnects_total"] = ("counter", ["kind", "shard"]),
        ["anatomybot_telegram_poll_errors_total"] = ("counter", ["kind"]),
        ["anatomybot_rate_limited_total"] = ("counter", ["platform"]),
        ["anatomybot_storage_errors_total"] = ("counter", ["operation", "platform"]),
        ["anatomybot_storage_degraded"] = ("gauge", ["platform"]),
        ["anatomybot_telegram_webhook_worker_restarts_total"] = ("counter", []),
        ["anatomybot_quiz_posts_total"] = ("counter", ["kind", "platform"]),
        ["anatomybot_startup_seconds"] = ("gauge", []),
        ["process_resident_memory_bytes"] = ("gauge", []),
        ["dotnet_gc_heap_bytes"] = ("gauge", []),
    };

    [Fact]
    public async Task Metrics_keeps_every_name_type_and_label_operators_scrape()
    {
        await using var host = await ServeHost.StartAsync();
        RecordOneOfEach(host.Services);
        using var response = await host.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var scrape = PrometheusScrape.Parse(text);

        Assert.Equal(ScrapedBefore.Keys.Order(StringComparer.Ordinal), scrape.Types.Keys.Order(StringComparer.Ordinal));
        foreach (var (family, (type, labels)) in ScrapedBefore)
        {
            Assert.Equal(type, scrape.Types[family]);
            var sampleName = type == "histogram" ? family + "_count" : family;
            Assert.All(scrape.All(sampleName), sample => Assert.Equal(labels, sample.Labels.Keys.Order(StringComparer.Ordinal)));
            Assert.NotEmpty(scrape.All(sampleName));
        }

        Assert.InRange(scrape.Value("anatomybot_startup_seconds"), 1e-6, 30);
        Assert.True(scrape.Value("process_resident_memory_bytes") > 0);
        Assert.DoesNotContain("otel_scope", text);
        Assert.DoesNotContain("target_info", text);
    }

    [Fact]
    public async Task A_prometheus_server_asking_for_openmetrics_gets_the_same_sample_names()
    {
        await using var host = await ServeHost.StartAsync();
        RecordOneOfEach(host.Services);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");
        using var response = await host.SendAsync(request);
        Assert.StartsWith("application/openmetrics-text", response.Content.Headers.ContentType?.ToString());
        var samples = (await response.Content.ReadAsStringAsync()).Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line[..line.IndexOfAny(['{', ' '])])
            .Where(name => !name.EndsWith("_created", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (family, (type, _)) in ScrapedBefore)
        {
            Assert.Contains(type == "histogram" ? family + "_count" : family, samples);
        }
    }

    /// <summary>One measurement on every instrument, made where the bot makes it: the engine-wide ones on the host's <see cref="BotMetrics"/>, the adapters' own on the host's meter factory.</summary>
    private static void RecordOneOfEach(IServiceProvider services)
    {
        var bot = services.GetRequiredService<BotMetrics>();
        bot.Answered("console", "help", TimeSpan.FromMilliseconds(1), disclaimer: true);
        bot.Reloaded(succeeded: true);
        var meters = services.GetRequiredService<IMeterFactory>();
        var discord = new DiscordMetrics(meters);
        discord.GatewayReconnected(resume: true, shard: 0);
        var telegram = new TelegramMetrics(meters);
        telegram.PollError("network");
        telegram.RateLimited();
        telegram.StorageError("write");
        telegram.StorageDegraded(true);
        telegram.StorageDegraded(false);
        telegram.WebhookWorkerRestarted();
        telegram.QuizPosted("daily");
    }

    [Fact]
    public async Task Questions_latency_and_disclaimers_are_counted_by_platform_and_intent()
    {
        await using var host = await ServeHost.StartAsync();
        var engine = host.Services.GetRequiredService<IAnswerEngine>();
        Assert.IsType<MeteredAnswerEngine>(engine);
        var before = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));

        var nerve = engine.Answer(new IncomingMessage("what nerve supplies the iliacus", "telegram", "u1", "chat-1"));
        engine.Answer(new IncomingMessage("what nerve supplies the psoas major", "telegram", "u1", "chat-1"));
        var pain = engine.Answer(new IncomingMessage("my hip hurts, is it my psoas?", "telegram", "u2", "chat-2"));
        engine.Answer(new IncomingMessage("/help", "discord", "u3", "chat-3"));
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
        Assert.Equal(MetricsExport.AnswerSecondsBuckets.Length + 1, buckets.Count);
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
    public async Task Each_adapters_instruments_on_the_hosts_meter_factory_are_exported_with_their_names_and_tags()
    {
        await using var host = await ServeHost.StartAsync();
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        var before = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));
        new DiscordMetrics(meters).GatewayReconnected(resume: true, shard: 3);
        var telegram = new TelegramMetrics(meters);
        telegram.RateLimited();
        telegram.RateLimited();
        new DiscordMetrics(meters).RateLimited();
        telegram.QuizPosted("daily");
        var after = PrometheusScrape.Parse(await host.GetStringAsync("/metrics"));

        Assert.Equal(1, after.Value("anatomybot_gateway_reconnects_total", ("kind", "resume"), ("shard", "3")) - before.Value("anatomybot_gateway_reconnects_total", ("kind", "resume"), ("shard", "3")));
        // Both adapters count on the one family, told apart by the platform label.
        Assert.Equal(2, after.Value("anatomybot_rate_limited_total", ("platform", "telegram")) - before.Value("anatomybot_rate_limited_total", ("platform", "telegram")));
        Assert.Equal(1, after.Value("anatomybot_rate_limited_total", ("platform", "discord")) - before.Value("anatomybot_rate_limited_total", ("platform", "discord")));
        Assert.Equal(1, after.Value("anatomybot_quiz_posts_total", ("kind", "daily"), ("platform", "telegram"))
            - before.Value("anatomybot_quiz_posts_total", ("kind", "daily"), ("platform", "telegram")));
    }
}
