using AnatomyBot.Discord.Interactions;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Discord;

/// <summary>
/// Keeps the bot's user and application ids from each READY and registers the slash commands after the first one
/// (globally, or on Discord:GuildId); a failed registration is tried again at the next READY.
/// </summary>
internal sealed class CommandRegistrar(
    DiscordRestClient rest,
    DiscordBotIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger)
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;
    private int _commandsRegistered;

    /// <summary>Takes the ids from READY; returns the registration when this READY starts one, else null.</summary>
    public Task? OnReady(Ready ready, CancellationToken cancellationToken)
    {
        identity.BotUserId = ready.User?.Id ?? identity.BotUserId;
        identity.ApplicationId = ready.Application?.Id ?? identity.ApplicationId;
        return Interlocked.Exchange(ref _commandsRegistered, 1) == 0 ? RegisterCommandsAsync(cancellationToken) : null;
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var appId = identity.ApplicationId ?? await FetchApplicationIdAsync(cancellationToken);
            if (appId is null)
            {
                logger.RegisterNoApplicationId();
                Interlocked.Exchange(ref _commandsRegistered, 0);
                return;
            }

            var guild = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId.Trim();
            var response = await rest.BulkOverwriteCommandsAsync(appId, guild, CommandDefinitions.All(), cancellationToken);
            if (!response.IsSuccess)
            {
                logger.RegisterFailed((int)response.Status);
                Interlocked.Exchange(ref _commandsRegistered, 0);
            }
            else if (guild is null)
            {
                logger.RegisteredGlobally();
            }
            else
            {
                logger.RegisteredOnGuild(guild);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<string?> FetchApplicationIdAsync(CancellationToken cancellationToken)
    {
        var response = await rest.GetCurrentApplicationAsync(cancellationToken);
        identity.ApplicationId = response.TryRead(Json.PartialApplication, out var application) ? application.Id : null;
        return identity.ApplicationId;
    }
}
