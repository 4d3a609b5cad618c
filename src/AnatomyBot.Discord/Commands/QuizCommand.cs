using System.Collections.Immutable;
using AnatomyBot.Core.Observability;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// <c>/quiz</c> (or "quiz me", "quiz me on the iliacus"): posts the channel's next stored quiz question, from the questions
/// the request asked about when it named a muscle (<c>scope</c>), with one button per option; where the user can also type
/// (a mention or DM) the post is opened for a typed answer too.
/// </summary>
internal sealed class QuizCommand(QuizService quizzes, DiscordMetrics metrics, ILogger<QuizCommand> logger)
{
    internal const string NoQuizQuestions = "Sorry, there are no quiz questions yet.";

    internal const string TypedAnswerHint = "Click an answer, or reply with its number.";

    public async Task HandleAsync(DiscordChat chat, ImmutableArray<string> scope, CancellationToken cancellationToken)
    {
        var start = await quizzes.StartAsync(DiscordKeys.Chat(chat.ChannelId), scope, null, cancellationToken);
        if (!start.IsReady)
        {
            await chat.ReplyTextAsync(NoQuizQuestions, privately: false, cancellationToken);
            return;
        }

        var body = QuizButtons.Message(start.Question, start.Post.PostId);
        if (chat.TakesTypedAnswers)
        {
            // Opened (in the store) before it is sent, so an answer typed the moment it shows is graded.
            body["content"] = body["content"]!.GetValue<string>() + "\n\n" + TypedAnswerHint;
            await quizzes.OpenTypedAnswersAsync(start.Post, cancellationToken);
        }

        if (!await chat.ReplyAsync(body, cancellationToken))
        {
            await quizzes.CloseTypedAnswersAsync(start.Post.Chat, start.Post.PostId, cancellationToken);
            return;
        }

        await quizzes.CompleteAsync(start.Post, null, cancellationToken);
        metrics.QuizPosted("on-demand");
        logger.QuizPosted(start.Question.Id, chat.ChannelId, chat.UserId);
    }
}
