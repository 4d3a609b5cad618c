using System.Text;
using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Testing.Accuracy;

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

    /// <summary>Whether the answer says the sources don't cover what was asked.</summary>
    public static bool SaysNotCovered(Reply reply) => SaysNotCovered(AnswerText(reply));

    private static bool SaysNotCovered(string answer) => NotCoveredPhrases.Any(p => answer.Contains(p, StringComparison.OrdinalIgnoreCase));

    public static List<string> Check(HeldOutTurn turn, Reply reply)
    {
        var problems = new List<string>();
        var answer = AnswerText(reply);
        var suggestions = reply.Suggestions.IsDefaultOrEmpty ? Array.Empty<string>() : reply.Suggestions.ToArray();
        var saysNotCovered = SaysNotCovered(answer);

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
