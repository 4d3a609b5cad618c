using Microsoft.Extensions.Options;

namespace AnatomyBot.Knowledge;

/// <summary>Validates <see cref="KnowledgeOptions"/> at start with messages that name the configuration key to fix.</summary>
internal sealed class KnowledgeOptionsValidator : IValidateOptions<KnowledgeOptions>
{
    public const int MinDebounceMilliseconds = 10;
    public const int MaxDebounceMilliseconds = 60_000;
    public const int MinReloadTimeoutSeconds = 1;
    public const int MaxReloadTimeoutSeconds = 600;
    public const int MaxPollIntervalSeconds = 3600;

    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Knowledge:Path must name the knowledge folder (default \"knowledge\"); it is empty.");
        }
        else if (options.Path.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"Knowledge:Path contains characters that are not allowed in a path: '{options.Path}'.");
        }

        if (options.DebounceMilliseconds is < MinDebounceMilliseconds or > MaxDebounceMilliseconds)
        {
            failures.Add($"Knowledge:DebounceMilliseconds must be between {MinDebounceMilliseconds} and {MaxDebounceMilliseconds}; it is {options.DebounceMilliseconds}.");
        }

        if (options.ReloadTimeoutSeconds is < MinReloadTimeoutSeconds or > MaxReloadTimeoutSeconds)
        {
            failures.Add($"Knowledge:ReloadTimeoutSeconds must be between {MinReloadTimeoutSeconds} and {MaxReloadTimeoutSeconds}; it is {options.ReloadTimeoutSeconds}.");
        }

        if (options.PollIntervalSeconds is < 0 or > MaxPollIntervalSeconds)
        {
            failures.Add($"Knowledge:PollIntervalSeconds must be 0 (reload on file-system events) or between 1 and {MaxPollIntervalSeconds}; it is {options.PollIntervalSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
