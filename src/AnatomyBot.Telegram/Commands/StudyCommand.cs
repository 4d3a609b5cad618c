using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Study;
using AnatomyBot.Telegram.Quiz;
using AnatomyBot.Telegram.Rendering;
using AnatomyBot.Telegram.Sending;
using AnatomyBot.Telegram.Storage;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Telegram.Commands;

/// <summary>
/// The study commands on Telegram, answered by Core's <see cref="StudyCommands"/>. A group sees every answer, so
/// personal ones (/review, /progress, a new link code) send the student to a private chat. The /review question is a
/// quiz poll like /quiz, so its answer is graded and feeds the schedule; /progress adds the chart as a photo.
/// </summary>
internal sealed class StudyCommand(QuizPoster poster, TelegramSender sender, ILogger<StudyCommand> logger, StudyCommands? study = null)
{
    public const string NotPersonal = "Study commands work from your own account: send them as yourself, not as the group or a channel.";

    public const string NotAvailable = "The study commands are not available on this bot.";

    public async Task HandleAsync(TelegramChat chat, StudyRequest request, CancellationToken cancellationToken)
    {
        if (study is null)
        {
            await sender.ReplyTextAsync(chat, NotAvailable, cancellationToken);
            return;
        }

        // An anonymous administrator or a channel posts as a chat: there is no student to look up.
        if (chat.Message.SenderChat is not null || chat.Message.From is not { IsBot: false } from)
        {
            await sender.ReplyTextAsync(chat, NotPersonal, cancellationToken);
            return;
        }

        var reply = await study.HandleAsync(request, TelegramKeys.User(from.Id), chat.IsPrivate ? StudyVenue.Private : StudyVenue.Group, cancellationToken);
        if (request is LinkRequest or UnlinkRequest or ForgetMeRequest)
        {
            // Never the code itself: only what was asked.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.StudyCommandUsed(from.Id, CommandName(request));
            }
        }

        var sent = await sender.SendHtmlAsync(chat.ChatId, Render(reply), chat.ReplyTo, cancellationToken);
        if (!sent.IsSuccess)
        {
            return;
        }

        if (reply.ChartPng is { } png)
        {
            await sender.SendPhotoAsync(chat.ChatId, png, StudyReply.ChartFileName, TelegramHtml.Bold(reply.Title), cancellationToken);
        }

        if (reply.Question is { } question)
        {
            var posted = await poster.PostAsync(chat.ChatId, null, QuizPoster.Review, question, [], cancellationToken);
            if (posted.Status == QuizPostStatus.NoPolls)
            {
                await sender.ReplyTextAsync(chat, QuizPoster.NoPollsText, cancellationToken);
            }
        }
    }

    /// <summary>The title in bold, then the lines, escaped.</summary>
    internal static string Render(StudyReply reply) =>
        TelegramHtml.Bold(reply.Title) + "\n" + string.Join("\n", reply.Lines.Select(TelegramHtml.Escape));

    private static string CommandName(StudyRequest request) => request switch
    {
        LinkRequest { Code: var code } when string.IsNullOrWhiteSpace(code) => "link (new code)",
        LinkRequest => "link (code entered)",
        UnlinkRequest => "unlink",
        _ => "forgetme",
    };
}
