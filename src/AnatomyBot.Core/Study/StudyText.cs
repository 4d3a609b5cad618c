using System.Globalization;
using System.Text;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Study;

/// <summary>
/// The study features' replies as plain text (a title and lines); each adapter escapes and formats them for its
/// platform. No platform names: an account is shown as its platform key and id.
/// </summary>
public static class StudyText
{
    /// <summary>Where /review cannot ask privately (a Telegram group).</summary>
    public const string OpenPrivateChat =
        "Reviews are personal: open a private chat with me and send /review there. Your answers in this group still count towards your reviews.";

    /// <summary>Where a personal command cannot be answered privately (a Telegram group).</summary>
    public static string OpenPrivateChatFor(string command, string why) =>
        $"{why}: open a private chat with me and send {command} there.";

    public static string ReviewHeader(ReviewNext next)
    {
        if (next.Item is null)
        {
            return next.NextDueOn is { } day
                ? $"Nothing to review today: you have answered every question, and the next review is due on {Day(day)}. Well done."
                : "There are no quiz questions to review yet.";
        }

        if (next.IsNew)
        {
            return "Nothing is due for review today, so here is a question you have not answered yet.";
        }

        var parts = new List<string>();
        if (next.Missed > 0)
        {
            parts.Add(Count(next.Missed, "missed question", "missed questions"));
        }

        if (next.Due > 0)
        {
            parts.Add(Count(next.Due, "question", "questions") + " due again");
        }

        return $"Review: {string.Join(" and ", parts)}. Missed questions come first. Send /review again for the next one.";
    }

    /// <summary>The /progress text: totals, accuracy per area, streak, reviews due and the weakest topics.</summary>
    public static (string Title, IReadOnlyList<string> Lines) Progress(ProgressReport report, IReadOnlyList<UserKey> accounts)
    {
        var lines = new List<string>();
        if (report.Answered == 0)
        {
            lines.Add("No quiz answers yet. Try /quiz or /review: every answer you give, in any chat, counts here.");
        }
        else
        {
            lines.Add($"Answered: {report.Answered}, right: {report.Correct} ({Percent(report.Accuracy)}).");
            lines.Add("By area: " + string.Join("; ", report.Areas.Select(a =>
                a.Answered == 0 ? $"{a.Area} no answers yet" : $"{a.Area} {Percent(a.Accuracy)} of {a.Answered}")) + ".");
        }

        lines.Add(report.StreakDays switch
        {
            0 => "Streak: none yet (answer a question today to start one).",
            1 => "Streak: 1 day.",
            var n => $"Streak: {n} days in a row.",
        });
        lines.Add(report.ReviewsDueToday == 0 ? "Reviews due today: none." : $"Reviews due today: {report.ReviewsDueToday} (send /review).");
        if (report.Weakest.Length > 0)
        {
            lines.Add("Weakest topics, to reread:");
            foreach (var weak in report.Weakest)
            {
                var ask = weak.Reread.Ask is { } text ? $" Ask me: \"{text}\"." : "";
                lines.Add($"- {weak.Reread.Title}: missed {weak.Missed} of {weak.Answered}.{ask}");
            }
        }

        if (accounts.Count > 1)
        {
            lines.Add("One record for your linked accounts: " + string.Join(", ", accounts.Select(a => a.Platform)) + ".");
        }

        return ("Your progress", lines);
    }

    public static string LinkCode(LinkCodeIssue issue, TimeSpan lifetime) =>
        issue.Code is { } code
            ? $"Your link code is {code[..4]}-{code[4..]}. Within {Minutes(lifetime)}, send /link {code[..4]}-{code[4..]} to me from your account on the other platform (in a private chat or DM). The code works once. Your reviews, progress and scores then become one record. Do not share the code with anyone."
            : "You have asked for several link codes in the last hour. Please wait an hour and try again.";

    public static string LinkOutcomeText(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.Linked => "Linked. Your accounts now share one record: /review and /progress are the same on both. /unlink undoes it.",
        LinkOutcome.AlreadyLinked => "These accounts are already linked.",
        LinkOutcome.PlatformTaken => "That record already has an account on this platform. Send /unlink from it first, then try a new code.",
        LinkOutcome.RateLimited => "Too many wrong codes. Please wait 15 minutes, then ask for a new code with /link on your other account.",
        LinkOutcome.Malformed => "That is not a link code. Codes look like ABCD-EFGH. Send /link with no code to get one.",
        _ => "That code is not valid: it may have expired (codes last a few minutes), been used already, or been mistyped. Send /link on your other account for a new one.",
    };

    public static string Unlinked(bool unlinked) => unlinked
        ? "Unlinked. This account keeps a copy of your history so far; from now on the two records are separate."
        : "This account is not linked to another one.";

    public static string Forgotten(ForgetReport report)
    {
        if (report.Total == 0)
        {
            return "I had nothing stored about you, so nothing was deleted.";
        }

        var builder = new StringBuilder();
        builder.Append(CultureInfo.InvariantCulture, $"Deleted everything I stored about you ({report.Total} rows), for ");
        builder.Append(string.Join(" and ", report.Accounts.Select(a => $"your {a.Platform} account")));
        builder.Append(": ");
        builder.Append(string.Join("; ", report.Rows.Select(r => $"{r.What} ({r.Rows})")));
        builder.Append(". Answers you give from now on start a new record.");
        return builder.ToString();
    }

    public const string ZoneUnknown = "I do not know that time zone. Use a name like Europe/Berlin, America/New_York or UTC.";

    public static string ZoneSet(string zone) => $"Your review days now follow {zone}: a new day starts at midnight there.";

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0}%");

    private static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n} {many}";

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => span.TotalMinutes == 1 ? "1 minute" : $"{span.TotalMinutes:0} minutes";
}
