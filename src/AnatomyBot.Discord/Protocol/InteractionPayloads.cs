using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AnatomyBot.Discord.Protocol;

/// <summary>An INTERACTION_CREATE event (only the fields this bot reads).</summary>
public sealed record Interaction(
    [property: JsonRequired] string Id,
    [property: JsonRequired] InteractionType Type,
    [property: JsonRequired] string Token,
    string? ApplicationId = null,
    InteractionData? Data = null,
    string? GuildId = null,
    string? ChannelId = null,
    GuildMember? Member = null,
    User? User = null,
    InteractionMessage? Message = null)
{
    /// <summary>Who acted: the member's user in a guild, the user in a DM; "" when neither came.</summary>
    [JsonIgnore]
    public string UserId => Member?.User?.Id ?? User?.Id ?? "";
}

/// <summary>The <c>data</c> of a command, autocomplete or component interaction.</summary>
public sealed record InteractionData(
    string? Name = null,
    ApplicationCommandOption[]? Options = null,
    string? CustomId = null,
    ComponentType? ComponentType = null)
{
    /// <summary>The value of the top-level option <paramref name="name"/> as text, or null.</summary>
    public string? Option(string name) => Options?.FirstOrDefault(o => o.Name == name)?.Text;

    /// <summary>The value of the option the user is typing (autocomplete), or null.</summary>
    public string? Focused() => Options?.FirstOrDefault(o => o.Focused == true)?.Text;
}

/// <summary>One option of a command as the user filled it in.</summary>
public sealed record ApplicationCommandOption(
    [property: JsonRequired] string Name,
    ApplicationCommandOptionType Type,
    JsonElement? Value = null,
    bool? Focused = null)
{
    [JsonIgnore]
    public string? Text => Value is not { } v ? null : v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText();
}

/// <summary>A guild member: their user and their permission bits as a decimal string.</summary>
public sealed record GuildMember(User? User = null, string? Permissions = null, string? Nick = null);

/// <summary>The message a component belongs to.</summary>
public sealed record InteractionMessage([property: JsonRequired] string Id);

/// <summary>The first answer to an interaction (<c>POST /interactions/{id}/{token}/callback</c>).</summary>
public sealed record InteractionResponse(
    InteractionCallbackType Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Data = null);

/// <summary>A MESSAGE_CREATE event (only the fields this bot reads).</summary>
public sealed record Message(
    [property: JsonRequired] string Id,
    [property: JsonRequired] string ChannelId,
    [property: JsonRequired] User Author,
    string? GuildId = null,
    string? Content = null,
    User[]? Mentions = null);
