using System.Diagnostics.CodeAnalysis;

namespace AnatomyBot.Discord.Protocol;

/// <summary>The <c>type</c> of an interaction.</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>The <c>type</c> of an interaction callback (the first answer to an interaction).</summary>
public enum InteractionCallbackType
{
    Pong = 1,

    /// <summary>Answer with a message now.</summary>
    ChannelMessageWithSource = 4,

    /// <summary>"Thinking..."; the message is edited in later.</summary>
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,

    /// <summary>Up to 25 autocomplete choices.</summary>
    ApplicationCommandAutocompleteResult = 8,
}

/// <summary>The <c>type</c> of a message component.</summary>
public enum ComponentType
{
    ActionRow = 1,
    Button = 2,
}

/// <summary>The <c>style</c> of a button.</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
}

/// <summary>The <c>type</c> of an application command.</summary>
public enum ApplicationCommandType
{
    /// <summary>A slash command.</summary>
    ChatInput = 1,
}

/// <summary>The <c>type</c> of an application command option.</summary>
public enum ApplicationCommandOptionType
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Discord's name for the option type.")]
    String = 3,
}

/// <summary>Message flags this bot sets.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Discord's protocol name (the message object's flags field).")]
public enum MessageFlags
{
    None = 0,

    /// <summary>Only the user who invoked the interaction sees the message.</summary>
    Ephemeral = 1 << 6,
}

/// <summary>Permission bits this bot checks (a member's <c>permissions</c> is their decimal string).</summary>
[Flags]
public enum Permissions : long
{
    None = 0,
    Administrator = 1L << 3,
    ManageGuild = 1L << 5,
}
