using System.Globalization;
using System.Text;
using AnatomyBot.Core.Knowledge;
using AnatomyBot.Core.Quiz;
using AnatomyBot.Core.Storage;
using AnatomyBot.Discord.Interactions;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// Grades an answer to a stored quiz post, clicked or typed: the first answer of a user to a post counts, and the reply
/// (private where possible) gives right or wrong, the explanation and the user's score in the channel.
/// </summary>
internal sealed class QuizAnswerCommand(QuizService quizzes, IStorageDiagnostics storage, ILogger<QuizAnswerCommand> logger)
{
    internal const string QuizGone = "This quiz question is no longer available. Try /quiz.";

    /// <summary>A typed answer (a letter, a number or the option's text) to the quiz post open in the chat's channel.</summary>
    public async Task HandleTypedAsync(DiscordChat chat, string answer, CancellationToken cancellationToken)
    {
        QuizPost? post;
        try
        {
            post = await quizzes.TypedAnswerPostAsync(DiscordKeys.Chat(chat.ChannelId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storage.Classify(ex) != StorageFaultKind.None)
        {
            await NotRecordedAsync(chat, ex, cancellationToken);
            return;
        }

        var chosen = post is not null && quizzes.Question(post.QuestionId) is { } question ? QuizAnswerText.ChosenOption(question, answer) : -1;
        await HandleAsync(chat, _ => Task.FromResult(post), chosen, cancellationToken);
    }

    /// <summary>Grades <paramref name="chosenIndex"/> for the post <paramref name="findPost"/> returns (null: no longer known).</summary>
    public async Task HandleAsync(DiscordChat chat, Func<CancellationToken, Task<QuizPost?>> findPost, int chosenIndex, CancellationToken cancellationToken)
    {
        QuizGrade grade;
        try
        {
            grade = await findPost(cancellationToken) is { } post
                ? await quizzes.AnswerAsync(post, DiscordKeys.User(chat.UserId), chat.DisplayName, chosenIndex, cancellationToken)
                : new QuizGrade(QuizGradeStatus.UnknownPost, null, null, chosenIndex, false, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && storage.Classify(ex) != StorageFaultKind.None)
        {
            await NotRecordedAsync(chat, ex, cancellationToken);
            return;
        }

        var text = grade.Question is { } question && grade.Status is QuizGradeStatus.Counted or QuizGradeStatus.AlreadyAnswered
            ? GradeText(question, grade)
            : QuizGone;
        await chat.ReplyTextAsync(text, privately: true, cancellationToken);
    }

    private async Task NotRecordedAsync(DiscordChat chat, Exception ex, CancellationToken cancellationToken)
    {
        logger.AnswerStorageFailed(storage.Describe(ex), storage.Location);
        await chat.ReplyTextAsync("Sorry, I couldn't record your answer just now. Please answer again in a moment.", privately: true, cancellationToken);
    }

    /// <summary>The verdict on a counted or repeated answer, with the explanation and the user's score.</summary>
    internal static string GradeText(QuizQuestion question, QuizGrade grade)
    {
        var text = new StringBuilder();
        if (grade.Status == QuizGradeStatus.AlreadyAnswered)
        {
            text.Append("You already answered this one; your first answer counts");
            text.Append(grade.ChosenIndex >= 0 && grade.ChosenIndex < question.Options.Length ? ": " + question.Options[grade.ChosenIndex] + ".\n" : ".\n");
        }

        text.Append(grade.Correct ? "✅ Right! " : "❌ Not quite. The answer is **" + question.CorrectOption + "**. ")
            .Append(question.Explanation)
            .Append(CultureInfo.InvariantCulture, $"\nYour score: {grade.Score?.Correct ?? 0}/{grade.Score?.Answered ?? 0}");
        return text.ToString();
    }
}
