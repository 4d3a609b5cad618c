using AnatomyBot.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord.Commands;

/// <summary>
/// <c>/reload</c>: a moderator re-reads the knowledge folder and gets the report (privately where possible). The slash
/// command is hidden from members without Manage Server and checked again here; a typed <c>/reload</c> carries no
/// permissions, so only the users listed in Discord:Moderators may reload that way.
/// </summary>
internal sealed class ReloadCommand(IKnowledgeReloader reloader, IOptions<DiscordOptions> options, ILogger<ReloadCommand> logger)
{
    public async Task HandleAsync(DiscordChat chat, CancellationToken cancellationToken)
    {
        if (!options.Value.IsModerator(chat.UserId) && !chat.ManagesServer)
        {
            logger.ReloadRefused(chat.UserId, chat.ChannelId);
            await chat.ReplyTextAsync(chat.CarriesPermissions
                ? "Only moderators can reload the knowledge (Manage Server, Administrator, or listed in Discord:Moderators)."
                : "Only moderators can reload the knowledge: a typed /reload works for those listed in Discord:Moderators; server managers can use the /reload slash command.",
                privately: true, cancellationToken);
            return;
        }

        logger.ReloadRequested(chat.UserId, chat.ChannelId);
        if (!await chat.DeferAsync(privately: true, cancellationToken))
        {
            return;
        }

        string text;
        try
        {
            var result = await reloader.ReloadAsync(cancellationToken);
            logger.ReloadOutcome(chat.UserId, result.Succeeded ? "succeeded" : $"failed with {result.Errors.Length} error(s)");
            text = ReloadText.Format(result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ReloadFailed(ex, chat.UserId);
            text = "Reload failed unexpectedly; the previous knowledge is still being served. See the bot's log.";
        }

        await chat.ReplyTextAsync(text, privately: true, cancellationToken);
    }
}
