using AnatomyBot.Core.Conversation;

namespace AnatomyBot.Telegram.Commands;

/// <summary>Sends each typed request to the command that handles it on Telegram; the engine answers the rest.</summary>
internal sealed class TelegramRequestRouter(
    AnswerCommand answer,
    QuizCommand quiz,
    DailyQuizCommand dailyQuiz,
    LeaderboardCommand leaderboard,
    ReloadCommand reload,
    StudyCommand study)
{
    /// <summary>Every chat command of the catalogue: Telegram offers them all.</summary>
    public static readonly Func<CommandSpec, bool> Offered = CommandCatalogue.In(CommandPlaces.Chat);

    public Task RouteAsync(TelegramChat chat, ChatRequest request, CancellationToken cancellationToken) => request switch
    {
        // "/quiz iliacus" goes through the engine, which reads the muscle and scopes the quiz to it.
        QuizRequest { About: null } => quiz.HandleAsync(chat, [], cancellationToken),
        DailyQuizSettingsRequest settings => dailyQuiz.HandleAsync(chat, settings.Arguments, cancellationToken),
        LeaderboardRequest => leaderboard.HandleAsync(chat, cancellationToken),
        ReloadRequest => reload.HandleAsync(chat, cancellationToken),
        StudyRequest personal => study.HandleAsync(chat, personal, cancellationToken),
        // A bare unknown command in a group is likely meant for another bot; in private, the engine answers with help.
        UnknownCommandRequest when !chat.IsPrivate => Task.CompletedTask,
        _ => answer.HandleAsync(chat, request, cancellationToken),
    };
}
