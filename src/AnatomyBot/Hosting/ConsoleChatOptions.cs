using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>Settings of the local console chat (section <c>Console</c>).</summary>
internal sealed class ConsoleChatOptions
{
    public const string SectionName = "Console";

    /// <summary><c>Console:ShowBanner</c>: print the welcome banner when the chat starts. Default true.</summary>
    public bool ShowBanner { get; set; } = true;

    /// <summary><c>Console:MaxReloadErrors</c>: problems listed after a failed <c>/reload</c> (1-1000). Default 20.</summary>
    public int MaxReloadErrors { get; set; } = 20;
}

internal sealed class ConsoleChatOptionsValidator : IValidateOptions<ConsoleChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleChatOptions options) =>
        options.MaxReloadErrors is < 1 or > 1000
            ? ValidateOptionsResult.Fail($"Console:MaxReloadErrors must be between 1 and 1000 (got {options.MaxReloadErrors}).")
            : ValidateOptionsResult.Success;
}
