using AnatomyBot.Core.Conversation;
using AnatomyBot.Discord.Commands;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;
using AnatomyBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace AnatomyBot.Discord.Interactions;

/// <summary>
/// Turns each INTERACTION_CREATE into one request for its handler: a slash command or a did-you-mean button into its
/// catalogue request for <see cref="DiscordRequestRouter"/>, a quiz button into a <see cref="QuizButtonClick"/>, and
/// autocomplete into <see cref="MuscleAutocomplete"/>.
/// </summary>
internal sealed class InteractionHandler(
    DiscordRequestRouter requests,
    QuizButtonClick quizClicks,
    MuscleAutocomplete autocomplete,
    DiscordRestClient rest,
    DiscordBotIdentity identity,
    ILogger<InteractionHandler> logger)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.ApplicationId is { } appId && identity.ApplicationId is null)
        {
            identity.ApplicationId = appId;
        }

        var chat = new InteractionChat(interaction, rest, identity, logger);
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand:
                await CommandAsync(chat, cancellationToken);
                break;
            case InteractionType.MessageComponent:
                await ComponentAsync(chat, cancellationToken);
                break;
            case InteractionType.ApplicationCommandAutocomplete:
                await autocomplete.HandleAsync(chat, cancellationToken);
                break;
            default:
                logger.InteractionIgnored(interaction.Type);
                break;
        }
    }

    /// <summary>A slash command becomes its catalogue request once, here, with its option cut to the catalogue's limit.</summary>
    private async Task CommandAsync(InteractionChat chat, CancellationToken cancellationToken)
    {
        var data = chat.Interaction.Data ?? new InteractionData();
        if (CommandCatalogue.Find(data.Name ?? "") is not { } command || !CommandDefinitions.Offered(command))
        {
            await chat.ReplyTextAsync("Unknown command. Try /help.", privately: true, cancellationToken);
            return;
        }

        var argument = command.Option is { } option ? DiscordText.Cut(data.Option(option.Name) ?? "", option.MaxLength) : "";
        await requests.RouteAsync(chat, command.ToRequest(argument), cancellationToken);
    }

    /// <summary>A did-you-mean button asks its suggestion in the same channel's conversation; a quiz button answers its quiz.</summary>
    private async Task ComponentAsync(InteractionChat chat, CancellationToken cancellationToken)
    {
        var customId = chat.Interaction.Data?.CustomId ?? "";
        if (customId.StartsWith(MessageRenderer.SuggestionPrefix, StringComparison.Ordinal))
        {
            var suggestion = DiscordText.Cut(customId[MessageRenderer.SuggestionPrefix.Length..], CommandCatalogue.MaxQuestionLength);
            await requests.RouteAsync(chat, new AskRequest(suggestion), cancellationToken);
        }
        else if (QuizButtons.TryParse(customId, out var postId, out var index))
        {
            await quizClicks.HandleAsync(chat, postId, index, cancellationToken);
        }
        else
        {
            await chat.ReplyTextAsync(QuizAnswerCommand.QuizGone, privately: true, cancellationToken);
        }
    }
}
