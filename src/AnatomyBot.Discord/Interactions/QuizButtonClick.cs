using AnatomyBot.Core.Quiz;
using AnatomyBot.Discord.Commands;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// A quiz button click: grades it against the stored post its button names. A button from before posts were stored
/// names the question instead; its message is adopted as a post (keyed by the message id), so it counts once too.
/// </summary>
internal sealed class QuizButtonClick(QuizService quizzes, QuizAnswerCommand answer)
{
    public Task HandleAsync(InteractionChat chat, string postId, int index, CancellationToken cancellationToken) =>
        answer.HandleAsync(chat, async ct => await quizzes.GetPostAsync(postId, ct)
            ?? await quizzes.GetOrAdoptPostAsync("discord-message-" + (chat.Interaction.Message?.Id ?? ""), DiscordKeys.Chat(chat.ChannelId), postId, ct),
            index, cancellationToken);
}
