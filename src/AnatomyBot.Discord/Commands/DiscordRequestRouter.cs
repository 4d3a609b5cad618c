using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// Sends each typed request, from a slash command, a button or a mention, to the command that handles it on Discord;
/// the engine answers the rest.
/// </summary>
internal sealed class DiscordRequestRouter(
    AnswerCommand answer,
    QuizCommand quiz,
    QuizAnswerCommand quizAnswer,
    LeaderboardCommand leaderboard,
    ReloadCommand reload,
    StudyCommand study,
    DailyQuizCommand dailyQuiz)
{
    public Task RouteAsync(DiscordChat chat, ChatRequest request, CancellationToken cancellationToken) => request switch
    {
        // "/quiz muscle:iliacus" goes through the engine, which reads the muscle and scopes the quiz to it.
        QuizRequest { About: null } => quiz.HandleAsync(chat, [], cancellationToken),
        QuizAnswerRequest typedAnswer => quizAnswer.HandleTypedAsync(chat, typedAnswer.Answer, cancellationToken),
        LeaderboardRequest => leaderboard.HandleAsync(chat, cancellationToken),
        ReloadRequest => reload.HandleAsync(chat, cancellationToken),
        StudyRequest personal => study.HandleAsync(chat, personal, cancellationToken),
        DailyQuizSettingsRequest settings => dailyQuiz.HandleAsync(chat, settings.Arguments, cancellationToken),
        _ => answer.HandleAsync(chat, request, cancellationToken),
    };
}
