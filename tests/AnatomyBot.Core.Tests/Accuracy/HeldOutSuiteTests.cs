using System.Globalization;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Text;
using AnatomyBot.Testing;
using Xunit.Abstractions;

namespace AnatomyBot.Core.Tests.Accuracy;

/// <summary>The held-out suite (Accuracy/heldout.json); the schema is described in Accuracy/README.md.</summary>
public sealed record HeldOutSuite(string[]? About, HeldOutItem[] Items)
{
    public static readonly string[] Styles =
    [
        "exam", "lazy", "typo", "non-native", "number", "yes-no", "unanswerable", "reverse-lookup",
        "belief", "pain", "red-flag", "off-topic", "follow-up",
    ];

    public static readonly string[] Kinds = ["answer", "notCovered", "offTopic", "suggestions"];

    public static HeldOutSuite Load()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accuracy", "heldout.json"));
        return JsonSerializer.Deserialize<HeldOutSuite>(json, ShippedKnowledgeFixture.JsonOptions)
            ?? throw new InvalidOperationException("heldout.json is empty");
    }
}

/// <summary>One student item: a single question or a follow-up dialogue sent in one chat.</summary>
public sealed record HeldOutItem(string Id, string Style, string? Note, HeldOutTurn[] Turns);

/// <summary>One user message and what its reply must (and must not) be.</summary>
public sealed record HeldOutTurn(
    string Text,
    string? Kind,
    string[]? ContainsAll,
    string[]? ContainsAny,
    string[]? NotContains,
    int? MaxChars,
    string? YesNo,
    bool? Disclaimer,
    bool? Urgent)
{
    public bool HasExpectation =>
        Kind is not null || ContainsAll is { Length: > 0 } || ContainsAny is { Length: > 0 } || NotContains is { Length: > 0 }
        || MaxChars is not null || YesNo is not null || Disclaimer is not null || Urgent is not null;
}

/// <summary>Judges one reply against one turn's expectations. Matching rules are documented in Accuracy/README.md.</summary>
public static class HeldOutJudge
{
    /// <summary>How an honest "not in my sources" reply is recognised (loosely, so the wording stays free).</summary>
    public static readonly string[] NotCoveredPhrases =
    [
        "don't cover", "do not cover", "doesn't cover", "does not cover", "don't have information", "do not have information",
        "not in my sources", "isn't in my sources", "is not in my sources", "sources don't", "sources do not",
        "no information", "nothing in my sources",
    ];

    private static readonly Intent[] NonAnswers = [Intent.OffTopic, Intent.UnknownMuscle, Intent.DidYouMean, Intent.Empty];

    /// <summary>The answer itself: title, headings and section bodies. Not the sources line, suggestions, disclaimer or urgent line.</summary>
    public static string AnswerText(Reply reply)
    {
        var text = new StringBuilder(reply.Title ?? string.Empty);
        foreach (var section in reply.Sections.IsDefault ? Enumerable.Empty<ReplySection>() : reply.Sections)
        {
            text.Append('\n');
            if (!string.IsNullOrEmpty(section.Heading))
            {
                text.Append(section.Heading).Append(":\n");
            }

            text.Append(section.Body);
        }

        return text.ToString().Trim();
    }

    public static List<string> Check(HeldOutTurn turn, Reply reply)
    {
        var problems = new List<string>();
        var answer = AnswerText(reply);
        var suggestions = reply.Suggestions.IsDefaultOrEmpty ? Array.Empty<string>() : reply.Suggestions.ToArray();
        var saysNotCovered = NotCoveredPhrases.Any(p => answer.Contains(p, StringComparison.OrdinalIgnoreCase));

        switch (turn.Kind)
        {
            case "answer":
                if (NonAnswers.Contains(reply.Intent))
                {
                    problems.Add($"no answer (intent {reply.Intent})");
                }
                else if (saysNotCovered)
                {
                    problems.Add("says the sources don't cover it");
                }

                break;
            case "notCovered":
                if (!saysNotCovered)
                {
                    problems.Add("does not say the sources don't cover it");
                }

                break;
            case "offTopic":
                if (reply.Intent is not (Intent.OffTopic or Intent.UnknownMuscle))
                {
                    problems.Add($"not the off-topic reply (intent {reply.Intent})");
                }

                break;
            case "suggestions":
                if (suggestions.Length == 0)
                {
                    problems.Add("no did-you-mean suggestions");
                }

                break;
        }

        // Suggestions are matched against the suggestion labels (hyphens as spaces, so an id like psoas-minor counts).
        var haystack = turn.Kind == "suggestions" ? string.Join('\n', suggestions).Replace('-', ' ') : answer;
        foreach (var group in turn.ContainsAll ?? [])
        {
            if (!ContainsAlternative(haystack, group, turn.Kind == "suggestions"))
            {
                problems.Add($"lacks \"{group}\"");
            }
        }

        if (turn.ContainsAny is { Length: > 0 } any && !any.Any(term => ContainsAlternative(haystack, term, turn.Kind == "suggestions")))
        {
            problems.Add($"lacks any of [{string.Join(", ", any)}]");
        }

        foreach (var banned in turn.NotContains ?? [])
        {
            if (Contains(answer, banned))
            {
                problems.Add($"contains \"{banned}\"");
            }
        }

        if (turn.MaxChars is { } max && answer.Length > max)
        {
            problems.Add($"{answer.Length} chars > {max}");
        }

        if (turn.YesNo is { } yesNo && !StartsWithVerdict(reply, yesNo))
        {
            problems.Add($"does not start with {yesNo}");
        }

        if (turn.Disclaimer is { } disclaimer && (reply.Disclaimer is not null) != disclaimer)
        {
            problems.Add(disclaimer ? "no disclaimer" : "unexpected disclaimer");
        }

        if (turn.Urgent is { } urgent && (reply.UrgentNotice is not null) != urgent)
        {
            problems.Add(urgent ? "no urgent line" : "unexpected urgent line");
        }

        return problems;
    }

    /// <summary>"a|b|c": any one alternative, each matched with <see cref="Contains"/>.</summary>
    public static bool ContainsAlternative(string text, string alternatives, bool hyphensAsSpaces = false) =>
        alternatives.Split('|').Any(term => Contains(text, hyphensAsSpaces ? term.Replace('-', ' ') : term));

    /// <summary>
    /// Case-insensitive substring, so word stems work ("pelvi" matches pelvis and pelvic). A term holding a digit must
    /// stand as a whole token: "20" does not match "2019", "L1" does not match "L12".
    /// </summary>
    public static bool Contains(string text, string term)
    {
        if (!term.Any(char.IsDigit))
        {
            return text.Contains(term, StringComparison.OrdinalIgnoreCase);
        }

        for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(term, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + term.Length;
            var startOk = !char.IsLetterOrDigit(term[0]) || at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var endOk = !char.IsLetterOrDigit(term[^1]) || end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startOk && endOk)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>yes / no / differ (alternatives with |): the title or the first section must open with the verdict.</summary>
    public static bool StartsWithVerdict(Reply reply, string expected)
    {
        var openings = new List<string> { reply.Title ?? string.Empty };
        if (!reply.Sections.IsDefaultOrEmpty)
        {
            openings.Add(reply.Sections[0].Heading ?? string.Empty);
            openings.Add(reply.Sections[0].Body);
        }

        var verdicts = expected.Split('|').SelectMany(v => v switch
        {
            "yes" => new[] { "Yes" },
            "no" => new[] { "No" },
            "differ" => new[] { "The sources differ", "Sources differ", "The sources disagree", "Sources disagree" },
            _ => throw new InvalidOperationException($"unknown yesNo value {v}"),
        }).ToArray();
        return openings.Select(o => o.TrimStart()).Any(o => verdicts.Any(v =>
            o.StartsWith(v, StringComparison.OrdinalIgnoreCase) && (o.Length == v.Length || !char.IsLetter(o[v.Length]))));
    }
}

public sealed class HeldOutSuiteTests(ShippedKnowledgeFixture fixture, ITestOutputHelper output) : IClassFixture<ShippedKnowledgeFixture>
{
    private const double Gate = 0.95;

    /// <summary>
    /// The last measured pass rate (359/377 = 95.2 % on 2026-11-30, late evening), rounded down: a change that loses
    /// ground fails here. It has reached issue 8's <see cref="Gate"/>; raise it whenever the engine improves.
    /// </summary>
    private const double Floor = 0.95;

    private static readonly Lazy<HeldOutSuite> Suite = new(HeldOutSuite.Load);

    private static readonly JsonSerializerOptions ResultsJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [Fact]
    public void Held_out_suite_is_well_formed_and_shares_no_phrasing_with_the_old_suite()
    {
        var items = Suite.Value.Items;
        Assert.True(items.Length >= 300, $"only {items.Length} items");
        var dialogues = items.Where(i => i.Turns.Length > 1).ToArray();
        Assert.True(dialogues.Length >= 20, $"only {dialogues.Length} dialogues");
        Assert.All(dialogues, d => Assert.Equal("follow-up", d.Style));
        Assert.All(items.Where(i => i.Style == "follow-up"), d => Assert.InRange(d.Turns.Length, 2, 4));
        Assert.Equal(items.Length, items.Select(i => i.Id).Distinct().Count());

        var minimum = new Dictionary<string, int>
        {
            ["exam"] = 20, ["lazy"] = 20, ["typo"] = 20, ["non-native"] = 20, ["number"] = 20, ["yes-no"] = 20,
            ["unanswerable"] = 20, ["reverse-lookup"] = 15, ["belief"] = 10, ["pain"] = 25, ["red-flag"] = 20,
            ["off-topic"] = 10, ["follow-up"] = 20,
        };
        Assert.Equal(HeldOutSuite.Styles.Order(), minimum.Keys.Order());
        foreach (var item in items)
        {
            Assert.Contains(item.Style, HeldOutSuite.Styles);
        }

        foreach (var (style, least) in minimum)
        {
            Assert.True(items.Count(i => i.Style == style) >= least, $"fewer than {least} {style} items");
        }

        Assert.True(items.Count(i => i.Style == "typo" && i.Turns[0].Kind == "suggestions") >= 3);
        foreach (var (item, turn) in items.SelectMany(i => i.Turns.Select(t => (i, t))))
        {
            var where = $"{item.Id} \"{turn.Text}\"";
            Assert.False(string.IsNullOrWhiteSpace(turn.Text), where);
            Assert.True(turn.HasExpectation, where + ": no expectation");
            Assert.True(turn.Kind is null || HeldOutSuite.Kinds.Contains(turn.Kind), where + ": unknown kind " + turn.Kind);
            var terms = (turn.ContainsAll ?? []).Concat(turn.ContainsAny ?? []).Concat(turn.NotContains ?? []).ToArray();
            Assert.All(terms, t => Assert.True(t.Split('|').All(a => a.Trim().Length > 0), where + ": empty term"));
            if (turn.Kind is "answer" or "suggestions")
            {
                // Every answer names the facts it must carry, not just "some answer".
                Assert.True(turn.ContainsAll is { Length: > 0 } || turn.ContainsAny is { Length: > 0 }, where + ": no facts expected");
            }

            if (turn.YesNo is not null)
            {
                Assert.All(turn.YesNo.Split('|'), v => Assert.Contains(v, new[] { "yes", "no", "differ" }));
            }

            if (turn.Urgent == true)
            {
                Assert.True(turn.Disclaimer == true, where + ": a red flag also carries the disclaimer");
            }
        }

        Assert.All(items.Where(i => i.Style == "red-flag"), i => Assert.True(i.Turns[0].Urgent == true, i.Id));
        Assert.All(items.Where(i => i.Style == "pain"), i => Assert.True(i.Turns[0].Disclaimer == true, i.Id));
        Assert.All(items.Where(i => i.Style == "unanswerable"), i => Assert.Equal("notCovered", i.Turns[0].Kind));
        Assert.All(items.Where(i => i.Style == "off-topic"), i => Assert.Equal("offTopic", i.Turns[0].Kind));

        // Held out means new: no phrasing may repeat one of the existing suite's, nor another in this suite.
        var old = fixture.Phrasings.Select(p => TextNormalizer.Normalize(p.Text)).ToHashSet();
        var texts = items.SelectMany(i => i.Turns).Select(t => TextNormalizer.Normalize(t.Text)).ToArray();
        var copied = texts.Where(old.Contains).ToArray();
        Assert.True(copied.Length == 0, "copied from phrasings.json: " + string.Join(" | ", copied));
        var repeated = texts.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        Assert.True(repeated.Length == 0, "repeated within heldout.json: " + string.Join(" | ", repeated));
    }

    [Fact]
    public void Every_fact_the_suite_expects_is_in_the_shipped_knowledge()
    {
        // Guards the suite against typos in its own expectations and tells a knowledge editor when a reworded
        // fact drops a key term the students' questions rely on. Engine-made words (yes, disagree) are not checked.
        var knowledge = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Knowledge, "*.yaml", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
        var missing = new List<string>();
        foreach (var (item, turn) in Suite.Value.Items.SelectMany(i => i.Turns.Select(t => (i, t))))
        {
            if (turn.Kind is not ("answer" or null))
            {
                continue;
            }

            foreach (var group in turn.ContainsAll ?? [])
            {
                if (!HeldOutJudge.ContainsAlternative(knowledge, group))
                {
                    missing.Add($"{item.Id}: \"{group}\"");
                }
            }

            if (turn.ContainsAny is { Length: > 0 } any && !any.Any(a => HeldOutJudge.ContainsAlternative(knowledge, a)))
            {
                missing.Add($"{item.Id}: any of [{string.Join(", ", any)}]");
            }
        }

        Assert.True(missing.Count == 0, "expected terms not in knowledge/: " + string.Join("; ", missing));
    }

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Held_out_pass_rate_does_not_fall_below_the_recorded_floor()
    {
        var overall = EvaluateAndReport();
        Assert.True(overall >= Floor, $"held-out accuracy {overall:P1} fell below the recorded floor {Floor:P0}");
    }

    [Fact]
    [Trait("Suite", "HeldOut")]
    public void Engine_passes_at_least_95_percent_of_the_held_out_suite()
    {
        var overall = EvaluateAndReport();
        Assert.True(overall >= Gate, $"held-out accuracy {overall:P1} below {Gate:P0}");
    }

    /// <summary>Runs every item, prints the table by style, the safety figures and every miss, writes the per-item results.</summary>
    private double EvaluateAndReport()
    {
        var items = Suite.Value.Items;
        var results = items.Select(Run).ToArray();

        var passed = results.Count(r => r.Passed);
        var overall = (double)passed / results.Length;
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"Held-out suite: {passed}/{results.Length} items = {overall:P1} (gate {Gate:P0})");
        summary.AppendLine("  style            pass / total");
        foreach (var style in results.GroupBy(r => r.Style).OrderBy(g => Array.IndexOf(HeldOutSuite.Styles, g.Key)))
        {
            var ok = style.Count(r => r.Passed);
            summary.AppendLine(CultureInfo.InvariantCulture, $"  {style.Key,-16} {ok,4} / {style.Count(),-4} {(double)ok / style.Count(),7:P1}");
        }

        var turns = results.SelectMany(r => r.Turns).ToArray();
        summary.AppendLine(SafetyLine("disclaimer when expected", turns, t => t.Expected.Disclaimer == true, t => t.Reply.Disclaimer is not null));
        summary.AppendLine(SafetyLine("no disclaimer on neutral", turns, t => t.Expected.Disclaimer == false, t => t.Reply.Disclaimer is null));
        summary.AppendLine(SafetyLine("urgent line on red flags", turns, t => t.Expected.Urgent == true, t => t.Reply.UrgentNotice is not null));
        summary.AppendLine(SafetyLine("no urgent line otherwise", turns, t => t.Expected.Urgent == false, t => t.Reply.UrgentNotice is null));
        var lengths = turns.Where(t => t.Expected.Kind == "answer" && t.Expected.MaxChars is <= 700).Select(t => t.AnswerChars).Order().ToArray();
        if (lengths.Length > 0)
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"  median answer length on single-fact questions: {lengths[lengths.Length / 2]} chars ({lengths.Length} turns)");
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Accuracy", "heldout-results.json");
        File.WriteAllText(path, JsonSerializer.Serialize(
            new
            {
                Passed = passed,
                Total = results.Length,
                Overall = overall,
                ByStyle = results.GroupBy(r => r.Style).ToDictionary(g => g.Key, g => new { Passed = g.Count(r => r.Passed), Total = g.Count() }),
                Items = results.Select(r => new
                {
                    r.Id,
                    r.Style,
                    r.Passed,
                    Turns = r.Turns.Select(t => new
                    {
                        t.Expected.Text,
                        t.Problems,
                        Intent = t.Reply.Intent.ToString(),
                        t.Reply.Entity,
                        t.AnswerChars,
                        Disclaimer = t.Reply.Disclaimer is not null,
                        Urgent = t.Reply.UrgentNotice is not null,
                        Suggestions = t.Reply.Suggestions.IsDefault ? Array.Empty<string>() : t.Reply.Suggestions.ToArray(),
                        Answer = HeldOutJudge.AnswerText(t.Reply),
                    }),
                }),
            },
            ResultsJson));
        summary.Append("  per-item results: ").AppendLine(path);

        output.WriteLine(summary.ToString());
        var failures = results.Where(r => !r.Passed).SelectMany(r => r.Turns.Where(t => t.Problems.Count > 0).Select(t =>
            $"MISS {r.Id} \"{t.Expected.Text}\": {string.Join("; ", t.Problems)} | {Excerpt(HeldOutJudge.AnswerText(t.Reply))}")).ToArray();
        foreach (var failure in failures)
        {
            output.WriteLine("  " + failure);
        }

        return overall;
    }

    private ItemResult Run(HeldOutItem item)
    {
        // One chat per item: a dialogue shares its context, and no context leaks between items.
        var chat = "heldout-" + item.Id;
        var turns = item.Turns.Select(turn =>
        {
            var reply = fixture.Ask(turn.Text, chat);
            return new TurnResult(turn, reply, HeldOutJudge.Check(turn, reply), HeldOutJudge.AnswerText(reply).Length);
        }).ToArray();
        return new ItemResult(item.Id, item.Style, turns.All(t => t.Problems.Count == 0), turns);
    }

    private static string SafetyLine(string label, TurnResult[] turns, Func<TurnResult, bool> expected, Func<TurnResult, bool> right)
    {
        var relevant = turns.Where(expected).ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"  {label,-26} {relevant.Count(right)}/{relevant.Length}");
    }

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 140 ? flat : flat[..140] + "...";
    }

    private sealed record TurnResult(HeldOutTurn Expected, Reply Reply, List<string> Problems, int AnswerChars);

    private sealed record ItemResult(string Id, string Style, bool Passed, TurnResult[] Turns);
}
