using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AnatomyBot.Hosting;

/// <summary>The HTTP listener for health, metrics and (later) the Telegram webhook (section <c>Http</c>).</summary>
internal sealed class HttpOptions
{
    public const string SectionName = "Http";

    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>
    /// <c>Http:Enabled</c>: run the listener when the bot runs (<c>serve</c>, or the default verb with a token). The
    /// command-line verbs (<c>ask</c>, <c>chat</c>, <c>knowledge check</c>) never open a port. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>Http:Urls</c>: where to listen, one or more absolute <c>http://host:port</c> URLs separated by <c>;</c>.
    /// <c>0.0.0.0</c>, <c>[::]</c>, <c>*</c> or <c>+</c> listen on every interface; port 0 picks a free port.
    /// Default <c>http://127.0.0.1:8080</c> (local only).
    /// </summary>
    public string Urls { get; set; } = DefaultUrls;

    public IReadOnlyList<string> UrlList => SplitUrls(Urls);

    public static IReadOnlyList<string> SplitUrls(string? urls) =>
        (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Checks one listen URL the way Kestrel will read it, returning why it is unusable or null. Wildcard hosts
    /// (<c>*</c>, <c>+</c>) are not valid in <see cref="Uri"/>, so they are checked as 0.0.0.0.
    /// </summary>
    public static string? CheckUrl(string url)
    {
        var probe = WildcardToAddress(url);
        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return $"'{url}' is not an absolute http:// URL such as http://127.0.0.1:8080";
        }

        if (uri.Scheme == "https")
        {
            return $"'{url}' uses https, which the built-in listener does not serve (it has no certificate); listen on http and terminate TLS at a reverse proxy";
        }

        if (uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return $"'{url}' must be scheme, host and port only (no path, query or user)";
        }

        return null;
    }

    /// <summary>Replaces the wildcard host forms Kestrel accepts with an address <see cref="Uri"/> can parse.</summary>
    public static string WildcardToAddress(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
}

/// <summary>How <c>/healthz</c> judges adapters (section <c>Health</c>).</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// <c>Health:ReconnectGraceSeconds</c>: how long an adapter may be starting or reconnecting before <c>/healthz</c>
    /// reports it unhealthy (1-3600). Default 120.
    /// </summary>
    public int ReconnectGraceSeconds { get; set; } = 120;
}

internal sealed class HttpOptionsValidator(IConfiguration configuration) : IValidateOptions<HttpOptions>
{
    public const string TelegramWebhookUrlKey = "Telegram:Webhook:Url";

    public ValidateOptionsResult Validate(string? name, HttpOptions options)
    {
        if (!options.Enabled)
        {
            // Webhook mode receives Telegram's updates on this listener; without it nothing would ever arrive.
            return AppConfiguration.IsSet(configuration, AppConfiguration.TelegramTokenKey) && AppConfiguration.IsSet(configuration, TelegramWebhookUrlKey)
                ? ValidateOptionsResult.Fail(
                    $"Http:Enabled is false, but {TelegramWebhookUrlKey} is set: webhook mode receives updates on the HTTP listener. " +
                    $"Set Http:Enabled to true, or clear {TelegramWebhookUrlKey} to use long polling.")
                : ValidateOptionsResult.Success;
        }

        var urls = options.UrlList;
        if (urls.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                $"Http:Urls must list at least one URL to listen on, e.g. {HttpOptions.DefaultUrls} (or set Http:Enabled to false).");
        }

        var failures = urls.Select(HttpOptions.CheckUrl).OfType<string>().Select(problem => $"Http:Urls: {problem}.").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.ReconnectGraceSeconds is < 1 or > 3600
            ? ValidateOptionsResult.Fail($"Health:ReconnectGraceSeconds must be between 1 and 3600 (got {options.ReconnectGraceSeconds}).")
            : ValidateOptionsResult.Success;
}

/// <summary>The console log format (<c>Logging:Console:FormatterName</c>), checked so a typo does not silently fall back.</summary>
internal sealed class ConsoleLogFormatOptions
{
    public const string SectionName = "Logging:Console";

    public static readonly string[] Known = ["simple", "json", "systemd"];

    /// <summary><c>Logging:Console:FormatterName</c>: <c>simple</c> (default), <c>json</c> or <c>systemd</c>.</summary>
    public string? FormatterName { get; set; }
}

internal sealed class ConsoleLogFormatOptionsValidator : IValidateOptions<ConsoleLogFormatOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleLogFormatOptions options) =>
        string.IsNullOrWhiteSpace(options.FormatterName)
        || ConsoleLogFormatOptions.Known.Contains(options.FormatterName, StringComparer.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Logging:Console:FormatterName must be one of {string.Join(", ", ConsoleLogFormatOptions.Known)} (got '{options.FormatterName}').");
}
