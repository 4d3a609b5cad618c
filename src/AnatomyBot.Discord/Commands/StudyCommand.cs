using AnatomyBot.Core.Conversation;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Study;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// The study commands on Discord, answered by Core's <see cref="StudyCommands"/>. A slash command is always answered
/// privately (ephemeral, also in a server channel), deferred first since the store and the chart may take longer than
/// Discord's 3 s window; typed in a server channel (a mention), personal answers point to a DM instead. /progress
/// attaches the chart; /review's question comes with quiz buttons (and, where the user can type, a typed answer),
/// graded like /quiz.
/// </summary>
internal sealed class StudyCommand(QuizService quizzes, DiscordMetrics metrics, ILogger<StudyCommand> logger, StudyCommands? study = null)
{
    internal const string NotAvailable = "The study commands are not available on this bot.";

    public async Task HandleAsync(DiscordChat chat, StudyRequest request, CancellationToken cancellationToken)
    {
        if (!await chat.DeferAsync(privately: true, cancellationToken))
        {
            return;
        }

        if (study is null)
        {
            await chat.ReplyTextAsync(NotAvailable, privately: true, cancellationToken);
            return;
        }

        var venue = chat.IsDirect ? StudyVenue.Private : chat.CarriesPermissions ? StudyVenue.PrivateReplyInGroup : StudyVenue.Group;
        var reply = await study.HandleAsync(request, DiscordKeys.User(chat.UserId), venue, cancellationToken);
        if (request is LinkRequest or UnlinkRequest or ForgetMeRequest)
        {
            // Never the code itself: only which command was used.
            logger.StudyCommandUsed(chat.UserId, request.GetType().Name);
        }

        if (reply.Question is { } question)
        {
            await AskAsync(chat, reply, question, cancellationToken);
            return;
        }

        var file = reply.ChartPng is { } png ? new RestFile(StudyReply.ChartFileName, png) : null;
        await chat.ReplyAsync(MessageRenderer.TextMessage(Content(reply), ephemeral: chat.CarriesPermissions), cancellationToken, file);
    }

    /// <summary>A study reply as message text: the title in bold, then the lines (the bot's own words, no user input).</summary>
    internal static string Content(StudyReply reply) => $"**{reply.Title}**\n{reply.Text}";

    /// <summary>The review question as a stored quiz post with buttons, so its answer is graded and feeds the schedule.</summary>
    private async Task AskAsync(DiscordChat chat, StudyReply reply, QuizQuestion question, CancellationToken cancellationToken)
    {
        var start = await quizzes.StartAsync(DiscordKeys.Chat(chat.ChannelId), question, null, cancellationToken);
        var body = QuizButtons.Message(start.Question!, start.Post!.PostId);
        body["content"] = Content(reply) + "\n\n" + body["content"]!.GetValue<string>();
        if (chat.TakesTypedAnswers)
        {
            body["content"] = body["content"]!.GetValue<string>() + "\n\n" + QuizCommand.TypedAnswerHint;
            await quizzes.OpenTypedAnswersAsync(start.Post, cancellationToken);
        }

        if (chat.CarriesPermissions)
        {
            body["flags"] = MessageRenderer.EphemeralFlag;
        }

        if (!await chat.ReplyAsync(body, cancellationToken))
        {
            await quizzes.CloseTypedAnswersAsync(start.Post.Chat, start.Post.PostId, cancellationToken);
            return;
        }

        await quizzes.CompleteAsync(start.Post, null, cancellationToken);
        metrics.QuizPosted("review");
    }
}
