using AnatomyBot.Core.Knowledge;
using AnatomyBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Telegram.Commands;

/// <summary><c>/reload</c>: a bot moderator re-reads the knowledge folder; the result follows when it ends.</summary>
internal sealed class ReloadCommand(
    IKnowledgeReloader reloader,
    TelegramSender sender,
    IOptions<TelegramOptions> options,
    ILogger<ReloadCommand> logger)
{
    private readonly HashSet<long> _moderators = [.. options.Value.Moderators];

    public async Task HandleAsync(TelegramChat chat, CancellationToken cancellationToken)
    {
        var userId = chat.Message.From?.Id;
        if (userId is not { } id || !_moderators.Contains(id))
        {
            logger.ReloadRefused(userId, chat.ChatId);
            await sender.ReplyTextAsync(chat, "Sorry, only AnatomyBot moderators can reload the knowledge base.", cancellationToken);
            return;
        }

        logger.ReloadRequested(id, chat.ChatId);

        // Never on the update loop: a slow disk must not stop the bot answering everyone else (the store time-boxes
        // the reload, and this reply follows whenever it ends).
        _ = Task.Run(() => ReloadAndReplyAsync(chat, id, cancellationToken), CancellationToken.None);
    }

    private async Task ReloadAndReplyAsync(TelegramChat chat, long moderatorId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await reloader.ReloadAsync(cancellationToken);
            logger.ReloadOutcome(moderatorId,
                result.Succeeded ? "succeeded" : $"failed with {result.Errors.Length} error(s)");
            await sender.ReplyTextAsync(chat, ReloadText.Format(result, maxErrors: 50), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.ReloadFailed(e, moderatorId);
        }
    }
}
