using AnatomyBot.Core.Conversation;
using AnatomyBot.Telegram.Api;
using AnatomyBot.Telegram.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Requests;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace AnatomyBot.Telegram.Updates;

/// <summary>
/// Introduces the bot to Telegram before updates flow: who it is (getMe), its command menu (setMyCommands, when
/// Telegram:RegisterCommands), and its webhook, set (Telegram:Webhook) or removed (for polling).
/// </summary>
internal sealed class BotSetup(
    BotApi client,
    BotIdentity bot,
    TelegramHealth health,
    BotApiRetrier calls,
    TelegramAdapterLifetime adapter,
    IOptions<TelegramOptions> options,
    ILogger<BotSetup> logger)
{
    private static readonly UpdateType[] AllowedUpdateTypes = [UpdateType.Message, UpdateType.PollAnswer, UpdateType.MyChatMember, UpdateType.CallbackQuery];

    /// <summary>getMe (retried until it works) and the command menu; false when the adapter must stop.</summary>
    public async Task<bool> IntroduceAsync(CancellationToken cancellationToken)
    {
        var me = await calls.CallUntilDoneAsync("getMe", client.GetMeAsync, cancellationToken);
        if (me is null)
        {
            return false;
        }

        bot.Set(me);
        health.Connected("getMe succeeded");
        logger.Connected(me.Username, me.Id);
        if (options.Value.RegisterCommands)
        {
            await RegisterCommandsAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>setWebhook, retried until it works; false when the adapter must stop.</summary>
    public async Task<bool> RegisterWebhookAsync(CancellationToken cancellationToken)
    {
        var webhook = options.Value.Webhook;
        var request = new SetWebhookRequest { Url = webhook.Url, SecretToken = webhook.SecretToken, AllowedUpdates = AllowedUpdateTypes };
        if (!await calls.CallUntilTrueAsync("setWebhook", ct => client.CallAsync(request, ct), cancellationToken))
        {
            return false;
        }

        if (client.IsUnsupported("setWebhook"))
        {
            // The server may still post to the endpoint (some emulators are configured on their side); keep listening.
            health.Connected("webhook not registered: the server does not implement setWebhook");
            return true;
        }

        // The URL is not secret (the secret token is); logging it helps check the reverse proxy.
        logger.WebhookRegistered(webhook.Url);
        health.Connected("webhook registered");
        return true;
    }

    /// <summary>
    /// deleteWebhook, retried until it works (a webhook left over from an earlier run would make every getUpdates fail
    /// with 409); false when the adapter must stop.
    /// </summary>
    public Task<bool> DeleteWebhookAsync(CancellationToken cancellationToken) =>
        calls.CallUntilTrueAsync("deleteWebhook", client.DeleteWebhookAsync, cancellationToken);

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        // The command catalogue, as the menu shows it: everyone's commands, and for chat administrators also the
        // moderators' ones (the bot still checks who asks).
        var chatCommands = CommandCatalogue.All.Where(TelegramRequestRouter.Offered).ToArray();
        BotCommand[] everyone = [.. chatCommands.Where(c => !c.ModeratorsOnly).Select(c => new BotCommand(c.Name, c.Description))];
        BotCommand[] administrators = [.. everyone, .. chatCommands.Where(c => c.ModeratorsOnly).Select(c => new BotCommand(c.Name, c.Description))];
        foreach (var request in new[]
        {
            new SetMyCommandsRequest { Commands = everyone, Scope = new BotCommandScopeDefault() },
            new SetMyCommandsRequest { Commands = administrators, Scope = new BotCommandScopeAllChatAdministrators() },
        })
        {
            var result = await client.CallAsync(request, cancellationToken);
            if (result.IsSuccess)
            {
                continue;
            }

            if (result.Error!.Kind == ApiErrorKind.NotImplemented)
            {
                // No command menu on this server (BotApi logged it once); typed commands still work.
                return;
            }

            // Cosmetic: the commands still work when typed, so a failure is not worth stopping for.
            logger.SetMyCommandsFailed(request.Scope?.Type, result.Error);
            if (result.Error.Kind == ApiErrorKind.Unauthorized)
            {
                adapter.Fail(TelegramPollingService.UnauthorizedMessage);
                return;
            }
        }
    }
}
