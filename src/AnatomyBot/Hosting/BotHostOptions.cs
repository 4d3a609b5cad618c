using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>
/// Settings of the bot's host process (section <c>Host</c>). Named apart from Microsoft's <c>HostOptions</c>, which
/// <see cref="HostServices"/> configures from these.
/// </summary>
internal sealed class BotHostOptions
{
    public const string SectionName = "Host";

    /// <summary>
    /// <c>Host:ShutdownTimeoutSeconds</c>: how long a stop (Ctrl+C, SIGTERM) waits for the adapters to finish
    /// in-flight answers (1-300). Default 10.
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 10;
}

internal sealed class BotHostOptionsValidator : IValidateOptions<BotHostOptions>
{
    public ValidateOptionsResult Validate(string? name, BotHostOptions options) =>
        options.ShutdownTimeoutSeconds is < 1 or > 300
            ? ValidateOptionsResult.Fail($"Host:ShutdownTimeoutSeconds must be between 1 and 300 (got {options.ShutdownTimeoutSeconds}).")
            : ValidateOptionsResult.Success;
}
