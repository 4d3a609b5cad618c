using System.Text.Json.Nodes;
using AnatomyBot.Core.Conversation;
using AnatomyBot.Discord.Commands;
using AnatomyBot.Discord.Protocol;
using AnatomyBot.Discord.Rendering;

namespace AnatomyBot.Discord.Interactions;

/// <summary>Suggests up to 25 muscle names for what has been typed so far into <c>/muscle</c>'s name or <c>/quiz</c>'s muscle.</summary>
internal sealed class MuscleAutocomplete(IMuscleNameCompleter completer)
{
    private const int MaxChoices = 25;

    public async Task HandleAsync(InteractionChat chat, CancellationToken cancellationToken)
    {
        var partial = chat.Interaction.Data?.Focused() ?? "";
        var suggestions = completer.Complete(DiscordText.Cut(partial, CommandDefinitions.MaxNameLength), MaxChoices);
        var choices = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in suggestions)
        {
            var value = DiscordText.Cut(s.Value, DiscordLimits.ChoiceValue);
            if (choices.Count < MaxChoices && value.Length > 0 && seen.Add(value))
            {
                choices.Add(new JsonObject { ["name"] = DiscordText.Cut(string.IsNullOrWhiteSpace(s.Label) ? value : s.Label, DiscordLimits.ChoiceName), ["value"] = value });
            }
        }

        await chat.RespondAsync(InteractionCallbackType.ApplicationCommandAutocompleteResult, new JsonObject { ["choices"] = choices }, cancellationToken);
    }
}
