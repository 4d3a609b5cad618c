using AnatomyBot.Core.Conversation;
using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Rendering;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// The requests the engine answers (questions, muscle cards, help, sources, unknown commands) as an embed; a question
/// the engine reads as "quiz me" posts the channel's quiz instead.
/// </summary>
internal sealed class AnswerCommand(IAnswerEngine engine, QuizCommand quiz)
{
    public async Task HandleAsync(DiscordChat chat, ChatRequest request, CancellationToken cancellationToken)
    {
        // /ask is answered "thinking…" first and edited in, so a slow engine never misses the 3 s interaction window.
        if (request is AskRequest { ViaCommand: true } && !await chat.DeferAsync(privately: false, cancellationToken))
        {
            return;
        }

        var reply = engine.Answer(new IncomingMessage(request, DiscordKeys.Platform, chat.UserId, chat.ChannelId));
        if (reply.Intent == Intent.Quiz)
        {
            await quiz.HandleAsync(chat, reply.QuizScope, cancellationToken);
            return;
        }

        // An interaction does not show what was asked (a mention does: the answer replies to it), so it is quoted.
        var quoted = request is AskRequest ask && chat.CarriesPermissions ? ask.Text : null;
        await chat.ReplyAsync(MessageRenderer.ReplyMessage(reply, quotedQuestion: quoted), cancellationToken);
    }
}
