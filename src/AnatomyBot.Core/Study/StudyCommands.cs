using System.Collections.Immutable;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Storage;

namespace AnatomyBot.Core.Study;

/// <summary>Where a student sent a study command, as far as who sees the answer.</summary>
public enum StudyVenue
{
    /// <summary>A private chat or DM, or the console: only the student sees the answer.</summary>
    Private,

    /// <summary>A group where the platform can answer the student alone (an ephemeral reply on Discord).</summary>
    PrivateReplyInGroup,

    /// <summary>A group where everyone sees the answer (a Telegram group): personal answers send the student to a private chat.</summary>
    Group,
}

/// <summary>Port: draws the /progress chart (a PNG), so Core needs no charting library.</summary>
public interface IProgressChart
{
    /// <summary>The chart as PNG bytes; the same report gives the same bytes.</summary>
    byte[] RenderPng(ProgressReport report);
}

/// <summary>
/// A study command's answer for any front end: a title and plain-text lines (the adapter escapes and formats them),
/// the /progress chart as PNG bytes, and the /review question to ask (as the adapter asks quiz questions, so the
/// answer is graded and feeds the schedule).
/// </summary>
public sealed record StudyReply(string Title, ImmutableArray<string> Lines)
{
    public byte[]? ChartPng { get; init; }

    /// <summary>The file name the chart is sent under.</summary>
    public const string ChartFileName = "progress.png";

    public QuizQuestion? Question { get; init; }

    /// <summary>The lines as one text, one line each.</summary>
    public string Text => string.Join('\n', Lines);

    public static StudyReply Line(string title, string line) => new(title, [line]);
}

/// <summary>
/// Turns each study request and the student's account into a <see cref="StudyReply"/>: /review (the next question, or
/// a time zone), /progress (text and chart), /link (a code, or a code used), /unlink and /forgetme. Personal answers
/// are not given where everyone would see them (<see cref="StudyVenue.Group"/>); link codes are handed out only where
/// the student alone sees them.
/// </summary>
public sealed class StudyCommands(StudyService study, IProgressChart chart)
{
    public const string ReviewTitle = "Review";
    public const string ProgressTitle = "Your progress";
    public const string LinkTitle = "Link accounts";
    public const string ForgetTitle = "Forget me";

    public async Task<StudyReply> HandleAsync(StudyRequest request, UserKey student, StudyVenue venue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request)
        {
            case ReviewRequest { Zone: { } zone }:
                return StudyReply.Line(ReviewTitle, await study.SetTimeZoneAsync(student, zone, cancellationToken) ? StudyText.ZoneSet(zone.Trim()) : StudyText.ZoneUnknown);
            case ReviewRequest when venue == StudyVenue.Group:
                return StudyReply.Line(ReviewTitle, StudyText.OpenPrivateChat);
            case ReviewRequest:
                var next = await study.NextReviewAsync(student, cancellationToken);
                return StudyReply.Line(ReviewTitle, StudyText.ReviewHeader(next)) with { Question = next.Item };
            case ProgressRequest when venue == StudyVenue.Group:
                return StudyReply.Line(ProgressTitle, StudyText.OpenPrivateChatFor("/progress", "Your progress is personal"));
            case ProgressRequest:
                var report = await study.ProgressAsync(student, cancellationToken);
                var (title, lines) = StudyText.Progress(report, await study.LinkedAccountsAsync(student, cancellationToken));
                return new StudyReply(title, [.. lines]) { ChartPng = chart.RenderPng(report) };
            case LinkRequest { Code: var code } when string.IsNullOrWhiteSpace(code) && venue == StudyVenue.Group:
                return StudyReply.Line(LinkTitle, StudyText.OpenPrivateChatFor("/link", "Link codes are personal"));
            case LinkRequest { Code: var code } when string.IsNullOrWhiteSpace(code):
                var issue = await study.IssueLinkCodeAsync(student, cancellationToken);
                return StudyReply.Line(LinkTitle, StudyText.LinkCode(issue, study.Options.LinkCodeLifetime));
            case LinkRequest link:
                // Used at once even in a group: a code left readable there could link someone else's account.
                return StudyReply.Line(LinkTitle, StudyText.LinkOutcomeText(await study.RedeemLinkCodeAsync(student, link.Code, cancellationToken)));
            case UnlinkRequest:
                return StudyReply.Line(LinkTitle, StudyText.Unlinked(await study.UnlinkAsync(student, cancellationToken)));
            case ForgetMeRequest:
                return StudyReply.Line(ForgetTitle, StudyText.Forgotten(await study.ForgetAsync(student, cancellationToken)));
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "not a study request this service knows");
        }
    }
}
