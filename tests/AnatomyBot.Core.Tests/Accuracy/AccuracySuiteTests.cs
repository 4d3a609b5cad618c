using System.Collections.Immutable;
using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Routing;
using AnatomyBot.Testing;
using AnatomyBot.Testing.Accuracy;
using Xunit.Abstractions;

namespace AnatomyBot.Core.Tests.Accuracy;

/// <summary>One phrasing of the accuracy suite (Accuracy/phrasings.json).</summary>
public sealed record Phrasing(
    string Text,
    string Category,
    string? Intent,
    string? Entity,
    string? Attribute,
    string[] Contains,
    bool? Disclaimer,
    bool? Urgent)
{
    public override string ToString() => Text;
}

/// <summary>Loads the shipped knowledge once for the whole suite.</summary>
public sealed class ShippedKnowledgeFixture
{
    internal static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public ShippedKnowledgeFixture()
    {
        Snapshot = ShippedEngine.LoadKnowledge();
        // Follow-up memory on a fake clock (the held-out dialogues); each old-suite phrasing stands alone.
        Engine = ShippedEngine.Create(Snapshot);
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accuracy", "phrasings.json"));
        Phrasings = JsonSerializer.Deserialize<Phrasing[]>(json, JsonOptions)!
            .ToImmutableArray();
    }

    public KnowledgeSnapshot Snapshot { get; }

    public AnswerEngine Engine { get; }

    public ImmutableArray<Phrasing> Phrasings { get; }

    public Reply Ask(string text) => Engine.Ask(text);

    /// <summary>Asks within one conversation: messages with the same <paramref name="chatId"/> share follow-up context.</summary>
    public Reply Ask(string text, string chatId) => Engine.Ask(text, chatId);

    /// <summary>
    /// Asks <paramref name="turns"/> in order within a conversation of their own (a fresh chat, so no other test's
    /// context leaks in) and returns the reply to the last turn.
    /// </summary>
    public Reply Dialogue(params string[] turns)
    {
        var chat = "dialogue-" + Guid.NewGuid().ToString("N");
        Reply reply = null!;
        foreach (var turn in turns)
        {
            reply = Engine.Ask(turn, chat);
        }

        return reply;
    }
}

public sealed class AccuracySuiteTests(ShippedKnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<ShippedKnowledgeFixture>
{
    private const double RequiredAccuracy = 0.95;

    [Fact]
    public void Suite_has_at_least_160_phrasings_covering_every_category()
    {
        Assert.True(fixture.Phrasings.Length >= 160, $"only {fixture.Phrasings.Length} phrasings");
        var categories = fixture.Phrasings.Select(p => p.Category).ToHashSet();
        foreach (var required in new[] { "attribute", "muscle", "topic", "typo", "command", "offtopic", "greeting", "pain" })
        {
            Assert.Contains(required, categories);
        }

        Assert.True(fixture.Phrasings.Count(p => p.Category == "pain") >= 15);
    }

    [Fact]
    public void Router_answers_at_least_95_percent_of_the_phrasings_correctly()
    {
        var failures = new List<string>();
        foreach (var phrasing in fixture.Phrasings)
        {
            var problems = Check(phrasing, fixture.Ask(phrasing.Text));
            if (problems.Count > 0)
            {
                failures.Add($"\"{phrasing.Text}\": {string.Join("; ", problems)}");
            }
        }

        var total = fixture.Phrasings.Length;
        var passed = total - failures.Count;
        var accuracy = (double)passed / total;
        output.WriteLine($"Router accuracy: {passed}/{total} = {accuracy:P1} (required {RequiredAccuracy:P0})");
        foreach (var category in fixture.Phrasings.GroupBy(p => p.Category))
        {
            var categoryFailures = category.Count(p => failures.Any(f => f.StartsWith($"\"{p.Text}\"", StringComparison.Ordinal)));
            output.WriteLine($"  {category.Key}: {category.Count() - categoryFailures}/{category.Count()}");
        }

        foreach (var failure in failures)
        {
            output.WriteLine("  MISS " + failure);
        }

        Assert.True(accuracy >= RequiredAccuracy, $"accuracy {accuracy:P1} below {RequiredAccuracy:P0}:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void Every_pain_or_injury_phrasing_carries_the_disclaimer()
    {
        var pain = fixture.Phrasings.Where(p => p.Disclaimer == true).ToArray();
        Assert.NotEmpty(pain);
        var missing = pain.Where(p => fixture.Ask(p.Text).Disclaimer != fixture.Snapshot.Safety.Disclaimer.Trim()).Select(p => p.Text).ToArray();
        output.WriteLine($"Disclaimer present on {pain.Length - missing.Length}/{pain.Length} pain/injury phrasings");
        Assert.True(missing.Length == 0, "no disclaimer on: " + string.Join(" | ", missing));
    }

    [Fact]
    public void No_neutral_phrasing_carries_the_disclaimer()
    {
        var neutral = fixture.Phrasings.Where(p => p.Disclaimer == false).ToArray();
        Assert.True(neutral.Length >= 100);
        var flagged = neutral.Where(p => fixture.Ask(p.Text).Disclaimer is not null).Select(p => p.Text).ToArray();
        output.WriteLine($"Disclaimer absent on {neutral.Length - flagged.Length}/{neutral.Length} neutral phrasings");
        Assert.True(flagged.Length == 0, "disclaimer on neutral: " + string.Join(" | ", flagged));
    }

    [Fact]
    public void Red_flag_phrasings_carry_the_urgent_notice()
    {
        foreach (var phrasing in fixture.Phrasings.Where(p => p.Urgent == true))
        {
            var reply = fixture.Ask(phrasing.Text);
            Assert.Equal(fixture.Snapshot.Safety.UrgentNotice.Trim(), reply.UrgentNotice);
            Assert.NotNull(reply.Disclaimer);
        }

        foreach (var phrasing in fixture.Phrasings.Where(p => p.Category != "pain"))
        {
            Assert.Null(fixture.Ask(phrasing.Text).UrgentNotice);
        }
    }

    [Fact]
    public void Every_answer_fits_in_4096_characters_and_cites_known_sources()
    {
        var known = fixture.Snapshot.SourcesById;
        foreach (var phrasing in fixture.Phrasings)
        {
            var reply = fixture.Ask(phrasing.Text);
            Assert.InRange(ReplyText.ToPlainText(ReplyFitter.Fit(reply, ShortAnswer.MaxChars)).Length, 1, ShortAnswer.MaxChars);
            Assert.All(reply.Sources, s => Assert.True(known.ContainsKey(s.Id)));
            Assert.InRange(reply.Confidence, 0, 1);
            Assert.True(reply.Suggestions.Length <= 3);
        }
    }

    [Fact]
    public void Every_muscle_card_in_the_shipped_knowledge_fits_and_cites_its_sources()
    {
        foreach (var muscle in fixture.Snapshot.Muscles)
        {
            var reply = fixture.Ask("/muscle " + muscle.Name);
            Assert.Equal(Intent.Muscle, reply.Intent);
            Assert.Equal(muscle.Id, reply.Entity);
            Assert.NotEmpty(reply.Sources);
            var fitted = ReplyFitter.Fit(reply, ShortAnswer.MaxChars);
            Assert.True(ReplyText.ToPlainText(fitted).Length <= ShortAnswer.MaxChars);
            Assert.NotEmpty(fitted.Sources);
        }
    }

    [Fact]
    public void Every_topic_title_routes_to_its_topic()
    {
        var misses = new List<string>();
        foreach (var topic in fixture.Snapshot.Topics)
        {
            var reply = fixture.Ask(topic.Title);
            if (reply.Intent != Intent.Topic || reply.Entity != topic.Id)
            {
                misses.Add($"{topic.Title} -> {reply.Intent} {reply.Entity}");
            }
        }

        output.WriteLine($"Topic titles routed: {fixture.Snapshot.Topics.Length - misses.Count}/{fixture.Snapshot.Topics.Length}");
        Assert.Empty(misses);
    }

    private static List<string> Check(Phrasing phrasing, Reply reply)
    {
        var problems = new List<string>();
        if (phrasing.Intent is not null && reply.Intent.ToString() != phrasing.Intent)
        {
            problems.Add($"intent {reply.Intent}, expected {phrasing.Intent}");
        }

        if (phrasing.Entity is not null && !phrasing.Entity.Split('|').Contains(reply.Entity))
        {
            problems.Add($"entity {reply.Entity ?? "none"}, expected {phrasing.Entity}");
        }

        if (phrasing.Attribute is not null && reply.Attribute?.ToString() != phrasing.Attribute)
        {
            problems.Add($"attribute {reply.Attribute?.ToString() ?? "none"}, expected {phrasing.Attribute}");
        }

        var text = ReplyText.ToPlainText(reply, includeDisclaimer: false);
        foreach (var expected in phrasing.Contains ?? [])
        {
            if (!text.Contains(expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"answer lacks \"{expected}\"");
            }
        }

        if (phrasing.Disclaimer is { } disclaimer && (reply.Disclaimer is not null) != disclaimer)
        {
            problems.Add(disclaimer ? "no disclaimer" : "unexpected disclaimer");
        }

        return problems;
    }
}
