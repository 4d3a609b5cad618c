using System.Globalization;
using System.Text;
using System.Text.Json;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Testing.Accuracy;

/// <summary>One turn's reply and what the judge found wrong with it.</summary>
public sealed record HeldOutTurnResult(HeldOutTurn Expected, Reply Reply, List<string> Problems, int AnswerChars);

/// <summary>One item's turns; it passes when every turn does.</summary>
public sealed record HeldOutItemResult(string Id, string Style, bool Passed, HeldOutTurnResult[] Turns);

/// <summary>
/// The held-out suite run over one engine: every item in its own chat, judged by <see cref="HeldOutJudge"/>. Shared by
/// the suite's tests and the benchmarks' <c>--heldout</c> mode, so both print the same table and misses.
/// </summary>
public sealed class HeldOutRun
{
    private static readonly JsonSerializerOptions ResultsJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private HeldOutRun(HeldOutItemResult[] results) => Results = results;

    public HeldOutItemResult[] Results { get; }

    public int Passed => Results.Count(r => r.Passed);

    public double Overall => (double)Passed / Results.Length;

    private static int _runs;

    /// <summary>Runs every item; <paramref name="ask"/> answers one message (text, chat id) and keeps each chat's follow-up context.</summary>
    public static HeldOutRun Evaluate(HeldOutSuite suite, Func<string, string, Reply> ask)
    {
        // Tests share one engine (a class fixture) and may run a suite more than once: chat ids of their own per run,
        // so the context an item leaves (a remembered red flag, the last muscle) never reaches the same item next run.
        var run = Interlocked.Increment(ref _runs);
        return new([.. suite.Items.Select(item => Run(item, run, ask))]);
    }

    private static HeldOutItemResult Run(HeldOutItem item, int run, Func<string, string, Reply> ask)
    {
        // One chat per item: a dialogue shares its context, and no context leaks between items.
        var chat = $"heldout-{run}-{item.Id}";
        var turns = item.Turns.Select(turn =>
        {
            var reply = ask(turn.Text, chat);
            return new HeldOutTurnResult(turn, reply, HeldOutJudge.Check(turn, reply), HeldOutJudge.AnswerText(reply).Length);
        }).ToArray();
        return new HeldOutItemResult(item.Id, item.Style, turns.All(t => t.Problems.Count == 0), turns);
    }

    /// <summary>The table by style, the safety figures and the median single-fact answer length.</summary>
    public string Summary(double gate, string suite = "Held-out suite")
    {
        var summary = new StringBuilder();
        summary.AppendLine(CultureInfo.InvariantCulture, $"{suite}: {Passed}/{Results.Length} items = {Overall:P1} (gate {gate:P0})");
        summary.AppendLine("  style            pass / total");
        foreach (var style in Results.GroupBy(r => r.Style).OrderBy(g => Array.IndexOf(HeldOutSuite.Styles, g.Key)))
        {
            var ok = style.Count(r => r.Passed);
            summary.AppendLine(CultureInfo.InvariantCulture, $"  {style.Key,-16} {ok,4} / {style.Count(),-4} {(double)ok / style.Count(),7:P1}");
        }

        var turns = Results.SelectMany(r => r.Turns).ToArray();
        summary.AppendLine(SafetyLine("disclaimer when expected", turns, t => t.Expected.Disclaimer == true, t => t.Reply.Disclaimer is not null));
        summary.AppendLine(SafetyLine("no disclaimer on neutral", turns, t => t.Expected.Disclaimer == false, t => t.Reply.Disclaimer is null));
        summary.AppendLine(SafetyLine("urgent line on red flags", turns, t => t.Expected.Urgent == true, t => t.Reply.UrgentNotice is not null));
        summary.AppendLine(SafetyLine("no urgent line otherwise", turns, t => t.Expected.Urgent == false, t => t.Reply.UrgentNotice is null));
        var lengths = turns.Where(t => t.Expected.Kind == "answer" && t.Expected.MaxChars is <= 700).Select(t => t.AnswerChars).Order().ToArray();
        if (lengths.Length > 0)
        {
            summary.AppendLine(CultureInfo.InvariantCulture, $"  median answer length on single-fact questions: {lengths[lengths.Length / 2]} chars ({lengths.Length} turns)");
        }

        return summary.ToString();
    }

    /// <summary>Every failed turn: item, question, problems and an excerpt of the answer.</summary>
    public IEnumerable<string> Misses() =>
        Results.Where(r => !r.Passed).SelectMany(r => r.Turns.Where(t => t.Problems.Count > 0).Select(t =>
            $"MISS {r.Id} \"{t.Expected.Text}\": {string.Join("; ", t.Problems)} | {Excerpt(HeldOutJudge.AnswerText(t.Reply))}"));

    /// <summary>Writes the per-item results (expectations, problems, intent, answer text) as JSON.</summary>
    public void WriteResults(string path)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(
            new
            {
                Passed,
                Total = Results.Length,
                Overall,
                ByStyle = Results.GroupBy(r => r.Style).ToDictionary(g => g.Key, g => new { Passed = g.Count(r => r.Passed), Total = g.Count() }),
                Items = Results.Select(r => new
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
    }

    private static string SafetyLine(string label, HeldOutTurnResult[] turns, Func<HeldOutTurnResult, bool> expected, Func<HeldOutTurnResult, bool> right)
    {
        var relevant = turns.Where(expected).ToArray();
        return string.Create(CultureInfo.InvariantCulture, $"  {label,-26} {relevant.Count(right)}/{relevant.Length}");
    }

    private static string Excerpt(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= 140 ? flat : flat[..140] + "...";
    }
}
